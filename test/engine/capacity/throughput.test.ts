import { describe, expect, it } from 'vitest';
import { readsPerSecond, writesPerSecond } from '../../../engine/capacity/throughput.ts';

describe('readsPerSecond', () => {
  it.each([
    // 10 RCU serve 10 strong reads/s of 4 KB, 20 eventual, 5 transactional.
    [10, 4096, 'strong', 10],
    [10, 4096, 'eventual', 20],
    [10, 4096, 'transactional', 5],
    // 6 KB items take 2 blocks: 10 RCU serve 5 strong or 10 eventual reads/s.
    [10, 6144, 'strong', 5],
    [10, 6144, 'eventual', 10],
    // 7 RCU, 3 blocks eventual = 1.5 RCU per read: 4 whole reads (4.67 rounds down).
    [7, 9000, 'eventual', 4],
  ] as const)('%i RCU, %i B items, %s → %i reads/s', (capacity, itemBytes, consistency, reads) => {
    expect(readsPerSecond({ capacity, itemBytes, consistency }).value).toBe(reads);
  });
});

describe('writesPerSecond', () => {
  it.each([
    [100, 1024, false, 100],
    [100, 1025, false, 50],
    [100, 2500, true, 16],
  ])('%i WCU, %i B items (transactional %s) → %i writes/s', (capacity, itemBytes, transactional, writes) => {
    expect(writesPerSecond({ capacity, itemBytes, transactional }).value).toBe(writes);
  });
});
