import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentBank } from '../helpers/content-bank.ts';

const root = join(import.meta.dirname, '..', '..');
const shared = join(root, '..', 'shared', 'spec', 'OBJECTIVES.md');
const bank = loadContentBank();
// The families of issue 2 (other families in these folders are tested by their authors' gates).
const MINE = new RegExp(
  `^content/(${[
    'math/[a-z-]+',
    'consistency/(choose-read-mode|gsi-read-after-write|strong-read-facts|strong-use-cases|switch-to-strong)',
    'capacity/(choose-mode|autoscaling-target|mode-facts|burst-duration)',
  ].join('|')})\\.md$`,
);

describe('content/OBJECTIVES.md', () => {
  it.skipIf(!existsSync(shared))("is the same as the study guide's OBJECTIVES.md", () => {
    expect(readFileSync(join(root, 'content', 'OBJECTIVES.md'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
  it('lists every area', () => {
    expect(bank.areas.map((a) => a.id)).toEqual(['core', 'keys', 'consistency', 'capacity', 'math', 'index', 'dax', 'serverless']);
  });
});

describe('math, consistency and capacity content', () => {
  const mine = bank.scenarios.filter((s) => MINE.test(s.file));

  it('loads without errors', () => {
    expect(bank.errors.filter((e) => MINE.test(e.file))).toEqual([]);
  });

  it('has at least 12 families, each citing the AWS documentation', () => {
    expect(mine.length).toBeGreaterThanOrEqual(12);
    for (const d of bank.definitions.filter((x) => MINE.test(x.summary.file))) {
      expect(d.frontMatter.references.some((r) => r.url.startsWith('https://docs.aws.amazon.com/'))).toBe(true);
    }
  });

  // Their content:check gates run with every other family's, from one generation of the
  // variants, in quality-gates.test.ts.
});
