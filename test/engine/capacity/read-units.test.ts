import { describe, expect, it } from 'vitest';
import { batchGetReadUnits, itemReadUnits, provisionedReadUnits, queryReadUnits, transactGetReadUnits } from '../../../engine/capacity/read-units.ts';

// Worked examples from "DynamoDB read and write operations":
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
describe('itemReadUnits', () => {
  it.each([
    // "reading a 3,500-byte item consumes the same throughput as reading a 4 KB item"
    [3500, 'strong', 1],
    [3500, 'eventual', 0.5],
    // "If you read an item of 10 KB, DynamoDB rounds the item size to 12 KB"
    [10 * 1024, 'strong', 3],
    [10 * 1024, 'eventual', 1.5],
    [10 * 1024, 'transactional', 6],
    [4096, 'strong', 1],
    [4097, 'strong', 2],
    // A read of a missing item still costs one block.
    [0, 'strong', 1],
    [0, 'eventual', 0.5],
  ] as const)('%i B read %s costs %d RCU', (bytes, consistency, units) => {
    const result = itemReadUnits({ itemBytes: bytes, consistency });
    expect(result.value).toBe(units);
    expect(result.unit).toBe('RCU');
  });

  it('shows the rounding in its working', () => {
    const steps = itemReadUnits({ itemBytes: 6500, consistency: 'strong' }).steps;
    expect(steps[0]).toEqual({ label: 'Round the item size up to whole 4 KB (4,096 B) blocks', formula: 'ceil(6,500 / 4,096) = 2', value: '2 blocks' });
  });
});

describe('queryReadUnits', () => {
  it.each([
    // "suppose your query returns 10 items whose combined size is 40.8 KB ... rounds ... to 44 KB"
    [10, 4178, 'strong', 11],
    // "If a query returns 1500 items of 64 bytes each, the cumulative size is 96 KB"
    [1500, 64, 'strong', 24],
    [1500, 64, 'eventual', 12],
    [7, 700, 'eventual', 1],
  ] as const)('%i items of %i B read %s cost %d RCU (summed, then rounded once)', (count, bytes, consistency, units) => {
    expect(queryReadUnits({ itemCount: count, itemBytes: bytes, consistency }).value).toBe(units);
  });

  it('charges items a filter drops', () => {
    const filtered = queryReadUnits({ itemCount: 100, itemBytes: 1000, consistency: 'strong', itemsReturned: 3 });
    expect(filtered.value).toBe(queryReadUnits({ itemCount: 100, itemBytes: 1000, consistency: 'strong' }).value);
    expect(filtered.steps[0]?.value).toBe('100 items read, 3 returned');
  });

  it('refuses more than one 1 MB page', () => {
    expect(() => queryReadUnits({ itemCount: 1025, itemBytes: 1024, consistency: 'strong' })).toThrow(RangeError);
  });
});

describe('batchGetReadUnits', () => {
  it('rounds each item: 1.5 KB + 6.5 KB is read as 4 KB + 8 KB = 12 KB (AWS example)', () => {
    expect(batchGetReadUnits({ itemSizes: [1536, 6656], consistency: 'strong' }).value).toBe(3);
    expect(batchGetReadUnits({ itemSizes: [1536, 6656], consistency: 'eventual' }).value).toBe(1.5);
  });
});

describe('transactGetReadUnits', () => {
  it('costs 2 RCU per 4 KB of each item: 3 × 500 B = 6 RCU', () => {
    expect(transactGetReadUnits({ itemSizes: [500, 500, 500] }).value).toBe(6);
  });
});

describe('provisionedReadUnits', () => {
  it.each([
    // 80 strongly consistent reads/s of 6 KB items: 2 blocks each (AWS's 6 KB example) = 160 RCU.
    [6 * 1024, 80, 'second', 'strong', 160],
    [6 * 1024, 80, 'second', 'eventual', 80],
    // 1,000,000 reads a day of 3 KB, eventual: 11.574 reads/s × 0.5 = 5.79 → 6.
    [3 * 1024, 1_000_000, 'day', 'eventual', 6],
    // Exact multiple: 86,400 × 10 reads a day = 10/s; no rounding noise may add a unit.
    [4096, 864_000, 'day', 'strong', 10],
    [4096, 36_000, 'hour', 'transactional', 20],
    [100, 90, 'minute', 'eventual', 1],
  ] as const)('%i B × %i per %s, %s → %i RCU', (bytes, count, per, consistency, units) => {
    expect(provisionedReadUnits({ itemBytes: bytes, count, per, consistency }).value).toBe(units);
  });

  it('states the per-second conversion first when the volume is not per second', () => {
    const steps = provisionedReadUnits({ itemBytes: 3000, count: 7200, per: 'hour', consistency: 'strong' }).steps;
    expect(steps[0]).toEqual({ label: 'Convert reads per hour into reads per second (1 hour = 3,600 s)', formula: '7,200 / 3,600', value: '2 reads/s' });
  });
});
