/**
 * Issue 12: every learner-facing sentence of a question lives in content/, never in the bank's
 * TypeScript, and the engine holds no question prose. This scans app/bank, app/grading and
 * engine for string literals that read like sentences (six words or more, capitalised, ending
 * in a full stop), outside author-facing places (a `description`, an error's or a zod check's
 * message: calculator-code.ts), and holds each file to the count it is allowed below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModuleLabels, findModuleSentences, words } from './calculator-code.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCANNED = ['app/bank', 'app/grading', 'engine'];

/** A sentence: six words or more, starting with a capital (or a filled-in value), ending in a full stop. */
function looksLikeSentence(text: string): boolean {
  const t = text.trim();
  return words(t) >= 6 && /^[A-Z…]/.test(t) && t.endsWith('.');
}

/**
 * Files allowed to hold sentences, with how many and why. Generic grader feedback (how a
 * request or design was judged, whatever the question) may stay in app/grading; the engine's
 * are AWS's own error messages and the dated notes on its price sources, not question prose.
 * Lower a count when sentences move out; a file not listed may hold none.
 */
const ALLOWED: Readonly<Record<string, { readonly count: number; readonly why: string }>> = {
  'app/grading/capacity-notes.ts': { count: 3, why: 'generic grader feedback on consumed capacity' },
  'app/grading/design.ts': { count: 8, why: 'generic grader feedback on a table design' },
  'app/grading/fixture-generators.ts': { count: 1, why: 'a generated item attribute value (fixture data)' },
  'app/grading/request-input.ts': { count: 11, why: 'generic hints on malformed request JSON' },
  'app/grading/request.ts': { count: 21, why: 'generic grader feedback on a request' },
  'app/grading/simulation.ts': { count: 4, why: 'generic grader feedback on a simulated run' },
  'engine/cost/prices.ts': { count: 7, why: 'dated notes on price sources' },
  'engine/sim/simulation.ts': { count: 2, why: "AWS's ProvisionedThroughputExceededException messages" },
  'engine/values/validate.ts': { count: 2, why: "AWS's ValidationException message" },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('sentences in TypeScript', () => {
  it('tells a sentence from a label or a phrase', () => {
    expect(looksLikeSentence('The table has no secondary index yet, so add one.')).toBe(true);
    expect(looksLikeSentence('… of … reads were served from the cache today.')).toBe(true);
    expect(looksLikeSentence('reads one item by its key and more.')).toBe(false);
    expect(looksLikeSentence('Write capacity units per second')).toBe(false);
    expect(looksLikeSentence('Too short a sentence.')).toBe(false);
  });

  it('finds one in a template literal, and none in an error message or a description', () => {
    const source = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, as text
      'const a = `The key ${k} sorts the items of one partition in order.`;',
      "throw new RangeError('The deriver could not draw a clear winner at all.');",
      "const d = { description: 'Draws a stack and keys the largest part of the bill.' };",
    ].join('\n');
    expect(findModuleSentences(source, looksLikeSentence).map((s) => s.line)).toEqual([1]);
  });

  const found = new Map<string, string[]>();
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const sentences = findModuleSentences(readFileSync(join(ROOT, file), 'utf8'), looksLikeSentence);
    if (sentences.length > 0)
      found.set(
        file,
        sentences.map((s) => `${file}:${s.line}: ${s.text}`),
      );
  }

  it('app/bank, app/grading and engine hold no more sentences than allowed', () => {
    const over = [...found].filter(([file, lines]) => lines.length > (ALLOWED[file]?.count ?? 0)).flatMap(([, lines]) => lines);
    expect(over, 'move these to content/ (texts:, pools, whys), or allow a generic grader message in ALLOWED').toEqual([]);
  });

  it('finds the words of a step label, and none in a label named by id', () => {
    const source = [
      "const a = { label: 'Table provisioned', value: '1' };",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, as text
      "const b = { label: x ? `Previous peak (${r} WRU/s)` : stepLabel('new-table', { initial: '4,000 WRU' }) };",
      "const c = { label: stepLabel('throttled'), value: 'WRU a second' };",
    ].join('\n');
    expect(findModuleLabels(source).map((s) => s.line)).toEqual([1, 2]);
  });

  it('app/bank and app/grading word no calculation step in TypeScript (content/steps.md holds them)', () => {
    // The engine's calculators keep the working's words of AWS's arithmetic (content/README.md).
    const labels = ['app/bank', 'app/grading']
      .flatMap(sourceFiles)
      .flatMap((file) => findModuleLabels(readFileSync(join(ROOT, file), 'utf8')).map((l) => `${file}:${l.line}: ${l.text}`));
    expect(labels, 'move these labels to content/steps.md and return stepLabel(id, values)').toEqual([]);
  });

  it('allows no more than remains, so a count falls as sentences move out', () => {
    const stale = Object.entries(ALLOWED)
      .filter(([file, { count }]) => (found.get(file)?.length ?? 0) < count)
      .map(([file, { count }]) => `${file}: allowed ${count}, holds ${found.get(file)?.length ?? 0}`);
    expect(stale).toEqual([]);
  });
});
