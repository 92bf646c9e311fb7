import { describe, expect, it } from 'vitest';
import { itemJsonReadUnits, itemJsonWriteUnits, itemSizeCalculation } from '../../../engine/capacity/item-size-working.ts';
import type { Item } from '../../../engine/values/attribute-value.ts';

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
const item: Item = {
  id: { S: 'u#1' }, // 2 + 3
  age: { N: '42' }, // 3 + 2
  ok: { BOOL: true }, // 2 + 1
  tags: { L: [{ S: 'a' }, { S: 'bc' }] }, // 4 + 3 + (1 + 1) + (2 + 1)
  city: { S: 'München' }, // 4 + 8
};

describe('itemSizeCalculation', () => {
  it('adds name bytes and value bytes per attribute, with one step each', () => {
    const result = itemSizeCalculation({ item });
    expect(result.value).toBe(5 + 5 + 3 + 12 + 12);
    expect(result.steps).toHaveLength(6);
    expect(result.steps[4]).toEqual({ label: '"city" (S: UTF-8 bytes)', formula: '4 (name) + 8 (value)', value: '12 B' });
  });
});

describe('itemJsonWriteUnits and itemJsonReadUnits', () => {
  const big: Item = { pk: { S: 'x' }, body: { S: 'y'.repeat(5000) } };
  it.each([
    [false, 5],
    [true, 10],
  ])('a 5,007 B item written (transactional %s) costs %i WCU', (transactional, units) => {
    expect(itemJsonWriteUnits({ item: big, transactional }).value).toBe(units);
  });
  it('a 5,007 B item read eventually consistent costs 1 RCU', () => {
    expect(itemJsonReadUnits({ item: big, consistency: 'eventual' }).value).toBe(1);
  });
});
