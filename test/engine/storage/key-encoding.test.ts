import { describe, expect, it } from 'vitest';
import { encodeKeyValue, joinEncoded } from '../../../engine/storage/key-encoding.ts';
import type { AttributeValue } from '../../../engine/values/attribute-value.ts';
import { compareKeyValues } from '../../../engine/values/compare.ts';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('encodeKeyValue', () => {
  it.each<[AttributeValue, AttributeValue]>([
    [{ N: '-100' }, { N: '-99.5' }],
    [{ N: '-1.55' }, { N: '-1.5' }],
    [{ N: '-1' }, { N: '0' }],
    [{ N: '0' }, { N: '0.001' }],
    [{ N: '9' }, { N: '10' }],
    [{ N: '1E+2' }, { N: '101' }],
    [{ N: '0.1' }, { N: '0.12' }],
    [{ N: '99999999999999999999999999999999999999' }, { N: '1E+38' }],
    [{ S: 'a' }, { S: 'ab' }],
    [{ S: 'Z' }, { S: 'a' }],
    [{ S: '\uffff' }, { S: '\u{1F600}' }],
    [{ S: '\ue000' }, { S: '\ud800\udc00' }],
    [{ B: 'AA==' }, { B: 'AQ==' }],
    [{ B: 'fw==' }, { B: 'gA==' }],
    [{ B: 'AA==' }, { B: 'AAA=' }],
  ])('orders %j before %j as DynamoDB does', (a, b) => {
    expect(order(encodeKeyValue(a), encodeKeyValue(b))).toBe(-1);
    expect(sign(compareKeyValues(a, b))).toBe(-1);
  });

  it.each<[AttributeValue, AttributeValue]>([
    [{ N: '1.0' }, { N: '1' }],
    [{ N: '100' }, { N: '1E2' }],
    [{ N: '-0' }, { N: '0' }],
  ])('encodes equal numbers %j and %j the same', (a, b) => {
    expect(encodeKeyValue(a)).toBe(encodeKeyValue(b));
  });
});

describe('joinEncoded', () => {
  it.each([
    [
      ['a', 'z'],
      ['a\u0000b', 'a'],
    ],
    [
      ['a', 'b'],
      ['a', 'c'],
    ],
    [
      ['', 'z'],
      ['a', ''],
    ],
  ])('keeps tuple order for %j < %j', (x, y) => {
    expect(order(joinEncoded(x), joinEncoded(y))).toBe(-1);
  });
});
