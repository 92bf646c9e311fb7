/**
 * The three index-choice families share one deriver (app/bank/index-scenarios.ts) and word its
 * values with the same three text tables; until the format can share a table between files,
 * this keeps the copies equal, so a fix made in one is made in all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const FAMILIES = ['choose-for-access-pattern', 'design-time-index', 'live-table-new-read'];
const SHARED = ['option', 'lsi_why', 'why'];

function texts(name: string): Record<string, unknown> {
  const source = readFileSync(resolve(import.meta.dirname, `../../content/index/${name}.md`), 'utf8');
  const frontMatter = source.split(/^---$/m)[1] ?? '';
  return (parse(frontMatter) as { texts: Record<string, unknown> }).texts;
}

describe('index-choice text tables', () => {
  it.each(FAMILIES.slice(1))('%s words the deriver as choose-for-access-pattern does', (name) => {
    const first = texts(FAMILIES[0]!);
    const other = texts(name);
    for (const table of SHARED) expect(other[table], `texts.${table}`).toEqual(first[table]);
  });
});
