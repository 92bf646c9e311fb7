import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentBank } from '../helpers/content-bank.ts';
import { compareSnapshots, compareVariant, snapshotLines, type VariantSnapshot } from './variant-snapshot.ts';

/**
 * Every family at seeds 0..2 against a committed golden file, so a pull request that changes
 * what a learner sees (a key, a figure, a sentence) shows it as a diff of that file. After a
 * change you mean, regenerate it:
 *   npm run content:snapshot -- --seeds 3 --out test/content/variant-snapshot.golden.jsonl
 * and read the diff before committing it.
 */
const GOLDEN = join(import.meta.dirname, 'variant-snapshot.golden.jsonl');
const SEEDS = 3;

describe('variant snapshot of the content', () => {
  it('renders every family at seeds 0..2 exactly as the golden file', () => {
    const bank = loadContentBank();
    const now = [...snapshotLines(bank, SEEDS)];
    const golden = readFileSync(GOLDEN, 'utf8').split('\n');
    const result = compareSnapshots(golden, now);
    const report = result.differences.slice(0, 20).map((d) => `${d.id} seed ${d.seed} ${d.field}: ${d.before.slice(0, 200)} -> ${d.after.slice(0, 200)}`);
    expect(report, 'regenerate with npm run content:snapshot -- --seeds 3 --out test/content/variant-snapshot.golden.jsonl if the change is meant').toEqual([]);
    expect(result.compared).toBe(bank.scenarios.length * SEEDS);
  });
});

describe('compareVariant', () => {
  const base: VariantSnapshot = {
    id: 'x.y',
    seed: 1,
    kind: 'choice',
    prompt: '<p>Q</p>',
    options: [
      { id: 'a', html: 'A', correct: true, why: 'because' },
      { id: 'b', html: 'B', correct: false, why: 'not' },
    ],
    explanation: '<p>E</p>',
  };

  it('finds nothing between equal variants', () => {
    expect(compareVariant(base, structuredClone(base))).toEqual([]);
  });

  it('calls a different right option a key change, whatever the order', () => {
    const after = {
      ...base,
      options: [
        { ...base.options![1]!, correct: true },
        { ...base.options![0]!, correct: false },
      ],
    };
    const found = compareVariant(base, after);
    expect(found.filter((d) => d.keyChange).map((d) => d.field)).toEqual(['key']);
    expect(found.map((d) => d.field)).toContain('options');
  });

  it('keeps a reordering of the same options apart from a key change', () => {
    const after = { ...base, options: [base.options![1]!, base.options![0]!] };
    const found = compareVariant(base, after);
    expect(found.map((d) => [d.field, d.keyChange])).toEqual([['options', false]]);
  });

  it('names a changed why by its option, and a changed figure as a key change', () => {
    const why = compareVariant(base, { ...base, options: [base.options![0]!, { ...base.options![1]!, why: 'other' }] });
    expect(why.map((d) => d.field)).toEqual(['why:b']);
    const numeric: VariantSnapshot = { id: 'm.n', seed: 0, kind: 'numeric', prompt: '', key: 12, unit: 'RCU', tolerance: 0, explanation: '' };
    expect(compareVariant(numeric, { ...numeric, key: 13 }).map((d) => [d.field, d.keyChange])).toEqual([['key', true]]);
    expect(compareVariant(numeric, { ...numeric, unit: 'WCU' }).map((d) => [d.field, d.keyChange])).toEqual([['key', true]]);
  });

  it('reports a variant missing from the second snapshot as a key change', () => {
    const header = JSON.stringify({ snapshot: 'variants', seeds: 1, families: 1 });
    const result = compareSnapshots([header, JSON.stringify(base)], [header]);
    expect(result).toMatchObject({ compared: 1, differing: 1, keyChanges: 1 });
  });
});
