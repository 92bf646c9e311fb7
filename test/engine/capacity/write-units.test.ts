import { describe, expect, it } from 'vitest';
import { batchWriteUnits, itemWriteUnits, provisionedWriteUnits, transactWriteUnits, updateItemWriteUnits } from '../../../engine/capacity/write-units.ts';

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
describe('itemWriteUnits', () => {
  it.each([
    [500, false, 1],
    [1024, false, 1],
    [1025, false, 2],
    // "if you write a 3.5 KB item, DynamoDB rounds the size to 4 KB"
    [3584, false, 4],
    [3584, true, 8],
    [0, false, 1],
  ])('%i B (transactional %s) costs %i WCU', (bytes, transactional, units) => {
    expect(itemWriteUnits({ itemBytes: bytes, transactional }).value).toBe(units);
  });
});

describe('batchWriteUnits', () => {
  it('rounds each request: 500 B + 3.5 KB = 1 + 4 = 5 WCU', () => {
    expect(batchWriteUnits({ itemSizes: [500, 3584] }).value).toBe(5);
  });
});

describe('transactWriteUnits', () => {
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling
  it('costs 2 WCU per 1 KB of each item: 3 × 500 B = 6 WCU', () => {
    const result = transactWriteUnits({ itemSizes: [500, 500, 500] });
    expect(result.value).toBe(6);
    expect(result.steps.at(-1)).toEqual({ label: 'Multiply blocks by units per block', formula: '3 × 2', value: '6 WCU' });
  });
});

describe('provisionedWriteUnits', () => {
  it.each([
    // 100 writes/s of 512 B = 100 WCU; of 1.5 KB = 200 WCU.
    [512, 100, 'second', false, 100],
    [1536, 100, 'second', false, 200],
    // 2,000,000 writes a day of 800 B: 23.15/s → 24 WCU.
    [800, 2_000_000, 'day', false, 24],
    [800, 8_640_000, 'day', false, 100],
    [2048, 6000, 'minute', true, 400],
  ] as const)('%i B × %i per %s (transactional %s) → %i WCU', (bytes, count, per, transactional, units) => {
    expect(provisionedWriteUnits({ itemBytes: bytes, count, per, transactional }).value).toBe(units);
  });
});

describe('updateItemWriteUnits', () => {
  // AWS: an update of a subset of the attributes "will still consume the full amount of provisioned
  // throughput (the larger of the before and after item sizes)" (shared/facts §3, UpdateItem).
  it.each([
    [3500, 3520, false, 4],
    [3500, 900, false, 4],
    [900, 1100, true, 4],
    [0, 200, false, 1],
  ])('before %i B, after %i B (transactional %s) costs %i WCU', (beforeBytes, afterBytes, transactional, units) => {
    expect(updateItemWriteUnits({ beforeBytes, afterBytes, transactional }).value).toBe(units);
  });
});
