/**
 * The keys and core families written in markdown (issue 12), checked on their rendered variants:
 * what their derivers' tests asserted before, now asserted of what a learner sees.
 */
import { describe, expect, it } from 'vitest';
import { loadContentBank } from '../helpers/content-bank.ts';

const bank = loadContentBank();

/** Display options, the key's text and the wrong ones' texts (tags stripped). */
function variantOf(id: string, seed: number) {
  const { variant, key } = bank.instance(id, seed);
  if (key.kind !== 'choice' && key.kind !== 'multi') throw new Error(`${id} is not a choice family`);
  if (variant.kind !== 'choice' && variant.kind !== 'multi') throw new Error(`${id} has no options`);
  const keys = new Set(key.kind === 'choice' ? [key.correct] : key.correct);
  const text = (html: string) => html.replace(/<[^>]+>/g, '');
  return {
    params: variant.params,
    prompt: text(variant.promptHtml),
    right: variant.options.filter((o) => keys.has(o.id)).map((o) => text(o.html)),
    wrong: variant.options.filter((o) => !keys.has(o.id)).map((o) => text(o.html)),
  };
}

describe('keys.count-item-collections', () => {
  it('keys one collection per partition-key value', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = variantOf('keys.count-item-collections', seed);
      expect(v.right).toEqual([Number(v.params.owners).toLocaleString('en-US')]);
    }
  });
});

describe('keys.partition-key-cardinality', () => {
  it('keys the evenly requested unique id', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = variantOf('keys.partition-key-cardinality', seed);
      expect(v.right[0]).toContain(`${String(v.params['k.idAttr'])} (`);
    }
  });
});

describe('keys.newest-items-first', () => {
  it('keys a descending Query for the newest items and an ascending one for the earliest', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = variantOf('keys.newest-items-first', seed);
      expect(v.right[0]).toContain(v.prompt.includes('most recent') ? 'ScanIndexForward: false' : 'ScanIndexForward: true');
    }
  });

  it('never offers a plain Query with Limit as a wrong answer for the earliest items, since it returns them too', () => {
    let earliest = 0;
    for (let seed = 0; seed < 100; seed++) {
      const v = variantOf('keys.newest-items-first', seed);
      if (v.prompt.includes('most recent')) continue;
      earliest++;
      expect(v.wrong.filter((t) => /^Query on \S+ with Limit: \d+/.test(t))).toEqual([]);
    }
    expect(earliest).toBeGreaterThan(10);
  });
});
