import { describe, expect, it } from 'vitest';
import { costStrongReads, RULES } from '../../../engine/index.ts';

describe('costStrongReads', () => {
  it.each([
    // bytes, reads, eventual, strong, halved, 1 KB blocks
    [4096, 10, 5, 10, 2.5, 40],
    [4097, 10, 10, 20, 5, 50],
    [9 * 1024 + 300, 100, 150, 300, 75, 1000],
  ])('%i bytes at %i reads a second: eventual %d, strong %d, halved %d, 1 KB blocks %d', (bytes, reads, eventual, strong, halved, kb) => {
    expect(costStrongReads(bytes, reads)).toEqual({ eventual, strong, halved, kilobyteBlocks: kb });
  });

  it('moves the 1 KB-block figure off the strong one for an item of 1 KB, so the two wrong figures stay wrong', () => {
    // 1 block either way: the write rule would give the right answer.
    expect(costStrongReads(1024, 30)).toEqual({ eventual: 15, strong: 30, halved: 7.5, kilobyteBlocks: 120 });
  });
});

describe('strongReadCost rule', () => {
  const rule = RULES.get('strongReadCost')!;

  it('keys the doubled figure and outputs every figure', () => {
    expect(rule.apply({ bytes: 5000, reads: 20 })).toEqual({ best: 'double', eventual_rcu: 20, strong_rcu: 40, half_rcu: 10, kb_rcu: 100 });
  });

  it('names the input that is missing or out of range', () => {
    expect(() => rule.apply({ bytes: 5000 })).toThrow(/strongReadCost: input reads must be a number of at least 1, not missing/);
    expect(() => rule.apply({ bytes: 0, reads: 5 })).toThrow(/input bytes/);
  });
});
