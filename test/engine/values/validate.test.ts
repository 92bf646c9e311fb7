import { describe, expect, it } from 'vitest';
import { SerializationException, ValidationException } from '../../../engine/errors.ts';
import type { AttributeValue } from '../../../engine/values/attribute-value.ts';
import {
  checkItemSize,
  isCanonicalBase64,
  keyOf,
  MAX_ITEM_SIZE,
  MAX_NESTING_DEPTH,
  parseAttributeValue,
  parseItem,
  validateItemKey,
  validateKey,
} from '../../../engine/values/validate.ts';

function errorOf(f: () => unknown): { type: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof SerializationException) return { type: 'SerializationException', message: e.message };
    if (e instanceof ValidationException) return { type: 'ValidationException', message: e.message };
    throw e;
  }
  return undefined;
}

function nestedList(depth: number): unknown {
  let v: unknown = { S: 'x' };
  for (let i = 0; i < depth; i++) v = { L: [v] };
  return v;
}

describe('parseAttributeValue', () => {
  it.each<[string, unknown, AttributeValue]>([
    ['a string', { S: 'hi' }, { S: 'hi' }],
    ['an empty string', { S: '' }, { S: '' }],
    ['a number, normalised', { N: '01.50' }, { N: '1.5' }],
    ['a binary', { B: 'AQID' }, { B: 'AQID' }],
    ['an empty binary', { B: '' }, { B: '' }],
    ['a boolean', { BOOL: false }, { BOOL: false }],
    ['a boolean spelled as a string', { BOOL: 'yes' }, { BOOL: true }],
    ['null', { NULL: true }, { NULL: true }],
    ['a number set, normalised', { NS: ['1.0', '2e1'] }, { NS: ['1', '20'] }],
    ['a map with nested values', { M: { a: { N: '1e0' }, b: { L: [{ S: 'x' }] } } }, { M: { a: { N: '1' }, b: { L: [{ S: 'x' }] } } }],
    ['unknown members dropped', { S: 'a', X: 1 }, { S: 'a' }],
    ['null members dropped', { S: 'a', N: null }, { S: 'a' }],
    ['31 nested lists', nestedList(31), nestedList(31) as AttributeValue],
  ])('accepts %s', (_label, raw, expected) => {
    expect(parseAttributeValue(raw)).toEqual(expected);
  });

  it.each<[string, unknown, string, string]>([
    ['a number where a string is expected', { S: 5 }, 'SerializationException', 'NUMBER_VALUE cannot be converted to String'],
    ['a decimal where a string is expected', { N: 1.5 }, 'SerializationException', 'DECIMAL_VALUE cannot be converted to String'],
    ['a boolean where a string is expected', { S: true }, 'SerializationException', 'TRUE_VALUE cannot be converted to String'],
    ['an object where a string is expected', { S: {} }, 'SerializationException', 'Start of structure or map found where not expected'],
    ['an array where a string is expected', { S: [] }, 'SerializationException', 'Unrecognized collection type class java.lang.String'],
    ['a scalar as the value', 'x', 'SerializationException', 'Unexpected value type in payload'],
    ['an array as the value', [], 'SerializationException', 'Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue'],
    ['a number as a boolean', { BOOL: 1 }, 'SerializationException', 'NUMBER_VALUE cannot be converted to Boolean'],
    ['a word as a boolean', { BOOL: 'maybe' }, 'SerializationException', 'Unexpected token received from parser'],
    ['a string as a list', { L: 'x' }, 'SerializationException', 'Unexpected field type'],
    ['an object as a set', { SS: {} }, 'SerializationException', 'Start of structure or map found where not expected'],
    [
      'an array as a map',
      { M: [] },
      'SerializationException',
      'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>',
    ],
    ['base64 of the wrong length', { B: 'abc' }, 'SerializationException', 'Base64 encoded length is expected a multiple of 4 bytes but found: 3'],
    ['base64 with a bad character', { B: 'ab!=' }, 'SerializationException', 'Invalid last non-pad Base64 character dectected'],
    ['a number as binary', { B: 3 }, 'SerializationException', 'only base-64-encoded strings are convertible to bytes'],
    ['an empty value', {}, 'ValidationException', 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes'],
    [
      'two types',
      { S: 'a', N: '1' },
      'ValidationException',
      'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    ],
    ['an empty string set', { SS: [] }, 'ValidationException', 'One or more parameter values were invalid: An string set  may not be empty'],
    ['an empty number set', { NS: [] }, 'ValidationException', 'One or more parameter values were invalid: An number set  may not be empty'],
    ['an empty binary set', { BS: [] }, 'ValidationException', 'One or more parameter values were invalid: Binary sets should not be empty'],
    [
      'a string set with duplicates',
      { SS: ['a', 'a'] },
      'ValidationException',
      'One or more parameter values were invalid: Input collection [a, a] contains duplicates.',
    ],
    ['a number set equal after normalising', { NS: ['1', '1.0'] }, 'ValidationException', 'Input collection contains duplicates'],
    [
      'a binary set with duplicates',
      { BS: ['AQ==', 'AQ=='] },
      'ValidationException',
      'One or more parameter values were invalid: Input collection [AQ==, AQ==]of type BS contains duplicates.',
    ],
    [
      'NULL false (AWS refuses it again since July 2026)',
      { NULL: false },
      'ValidationException',
      'One or more parameter values were invalid: Null attribute value types must have the value of true',
    ],
    ['an invalid number', { N: 'abc' }, 'ValidationException', 'The parameter cannot be converted to a numeric value: abc'],
    ['an empty number', { N: '' }, 'ValidationException', 'The parameter cannot be converted to a numeric value'],
    ['an invalid number deep in a map', { M: { a: { L: [{ N: 'x' }] } } }, 'ValidationException', 'The parameter cannot be converted to a numeric value: x'],
    [
      '32 nested lists',
      nestedList(32),
      'ValidationException',
      'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
    ],
  ])('refuses %s', (_label, raw, type, message) => {
    expect(errorOf(() => parseAttributeValue(raw))).toEqual({ type, message });
  });

  it('refuses 100,000 nested lists without recursing into them', () => {
    // Each level counts the reads of its list, so the test sees how deep validation went.
    const deepest = { level: -1 };
    let v: unknown = { S: 'x' };
    for (let level = 100_000 - 1; level >= 0; level--) {
      const inner = [v];
      v = Object.defineProperty({}, 'L', {
        enumerable: true,
        get: () => {
          deepest.level = Math.max(deepest.level, level);
          return inner;
        },
      });
    }
    expect(errorOf(() => parseAttributeValue(v))).toEqual({
      type: 'ValidationException',
      message: 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
    });
    // Levels 0-31 are read; the 32nd list (level 31) is refused before its member is looked at.
    expect(deepest.level).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
    expect(deepest.level).toBeGreaterThanOrEqual(MAX_NESTING_DEPTH - 2);
  });

  it('reports shape errors before meaning errors', () => {
    expect(errorOf(() => parseItem({ a: { SS: [] }, b: { S: 1 } }))?.type).toBe('SerializationException');
  });
});

describe('isCanonicalBase64', () => {
  it.each([
    ['', true],
    ['AQID', true],
    ['AQ==', true],
    ['AR==', false],
    ['AQI=', true],
    ['AQJ=', false],
    ['A===', false],
    ['AQ=A', false],
  ])('%j -> %s', (s, ok) => {
    expect(isCanonicalBase64(s)).toBe(ok);
  });
});

describe('parseItem', () => {
  it('drops null attributes and normalises numbers', () => {
    expect(parseItem({ a: { N: '1e1' }, b: null })).toEqual({ a: { N: '10' } });
  });
  it.each<[unknown, string]>([
    [[], 'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>'],
    ['x', 'Unexpected field type'],
  ])('refuses %j', (raw, message) => {
    expect(errorOf(() => parseItem(raw))).toEqual({ type: 'SerializationException', message });
  });
});

describe('checkItemSize', () => {
  const name = 'a';
  it('accepts an item of exactly 400 KB', () => {
    expect(() => checkItemSize({ [name]: { S: 'x'.repeat(MAX_ITEM_SIZE - 1) } })).not.toThrow();
  });
  it('refuses an item one byte over', () => {
    expect(errorOf(() => checkItemSize({ [name]: { S: 'x'.repeat(MAX_ITEM_SIZE) } }))).toEqual({
      type: 'ValidationException',
      message: 'Item size has exceeded the maximum allowed size',
    });
  });
});

describe('validateKey', () => {
  const schema = [
    { name: 'pk', type: 'S' as const },
    { name: 'sk', type: 'N' as const },
  ];
  it('accepts a matching key', () => {
    expect(() => validateKey({ pk: { S: 'a' }, sk: { N: '1' } }, schema)).not.toThrow();
  });
  it.each<[string, Record<string, AttributeValue>, string]>([
    ['a missing sort key', { pk: { S: 'a' } }, 'The provided key element does not match the schema'],
    ['an extra attribute', { pk: { S: 'a' }, sk: { N: '1' }, x: { S: 'b' } }, 'The provided key element does not match the schema'],
    ['a wrong type', { pk: { N: '1' }, sk: { N: '1' } }, 'The provided key element does not match the schema'],
    ['a wrong name', { pk: { S: 'a' }, other: { N: '1' } }, 'The provided key element does not match the schema'],
    [
      'an empty string',
      { pk: { S: '' }, sk: { N: '1' } },
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    ],
    [
      'a partition key over 2048 bytes',
      { pk: { S: 'é'.repeat(1025) }, sk: { N: '1' } },
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    ],
  ])('refuses %s', (_label, key, message) => {
    expect(errorOf(() => validateKey(key, schema))).toEqual({ type: 'ValidationException', message });
  });
  it('refuses an empty binary sort key and one over 1024 bytes', () => {
    const bSchema = [
      { name: 'pk', type: 'S' as const },
      { name: 'sk', type: 'B' as const },
    ];
    expect(errorOf(() => validateKey({ pk: { S: 'a' }, sk: { B: '' } }, bSchema))?.message).toBe(
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: sk',
    );
    const b1025 = Buffer.alloc(1025).toString('base64');
    expect(errorOf(() => validateKey({ pk: { S: 'a' }, sk: { B: b1025 } }, bSchema))?.message).toBe(
      'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
    );
  });
});

describe('validateItemKey', () => {
  const schema = [{ name: 'pk', type: 'S' as const }];
  it.each<[string, Record<string, AttributeValue>, string]>([
    ['a missing key', { x: { S: 'a' } }, 'One or more parameter values were invalid: Missing the key pk in the item'],
    ['a wrong type', { pk: { N: '1' } }, 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N'],
    [
      'an empty string',
      { pk: { S: '' } },
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    ],
  ])('refuses %s', (_label, item, message) => {
    expect(errorOf(() => validateItemKey(item, schema))).toEqual({ type: 'ValidationException', message });
  });
  it('extracts the key in schema order', () => {
    expect(keyOf({ a: { S: 'x' }, pk: { S: 'k' } }, schema)).toEqual({ pk: { S: 'k' } });
  });
});
