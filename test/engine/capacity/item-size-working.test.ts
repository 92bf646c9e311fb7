import { describe, expect, it } from 'vitest';
import { documentedNumberSize, itemJsonReadUnits, itemJsonWriteUnits, itemSizeCalculation } from '../../../engine/capacity/item-size-working.ts';
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

describe('numbers where the documented rule and the measured rule differ', () => {
  it.each([
    // CapacityUnitCalculations.html: "approximately (1 byte per two significant digits) + (1 byte)".
    ['12345', 4, 4],
    ['620.35', 4, 4],
    ['1.5e3', 2, 2],
    ['3.14159', 4, 5],
    ['-42', 2, 3],
  ])('%s: documented %i B, measured %i B', (n, documented, measured) => {
    const result = itemSizeCalculation({ item: { x: { N: n } } });
    expect(documentedNumberSize(n)).toBe(documented);
    expect(result.value).toBe(1 + measured);
    const label = result.steps[0]!.label;
    if (documented === measured) expect(label).toBe('"x" (N: 1 byte per 2 significant digits + 1)');
    else expect(label).toBe(`"x" (N: digit pairs aligned on the decimal point + 1, as measured; AWS's approximate rule gives ${documented})`);
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
