import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../../../engine/values/attribute-value.ts';
import { attributeSizes, attributeValueSize, base64ByteLength, itemSize, numberSize, utf8ByteLength } from '../../../engine/values/item-size.ts';
import { isValidNumber, normaliseNumber } from '../../../engine/values/number.ts';

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['日本', 6],
    ['😀', 4],
    ['\ud800', 3],
    ['a\ud83d', 4],
  ])('%j is %i bytes', (s, bytes) => {
    expect(utf8ByteLength(s)).toBe(bytes);
    if (!/[\ud800-\udfff]/.test(s)) expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
  });
});

describe('base64ByteLength', () => {
  it.each([
    ['', 0],
    ['AA==', 1],
    ['AAA=', 2],
    ['AAAA', 3],
    ['aGVsbG8gd29ybGQ=', 11],
    ['aGVsbG8gd29ybGQ', 11],
  ])('%j decodes to %i bytes', (b64, bytes) => {
    expect(base64ByteLength(b64)).toBe(bytes);
  });
});

describe('numberSize', () => {
  // Base-100 digits aligned on the decimal point, + 1 exponent byte, + 1 when negative.
  it.each([
    ['0', 1],
    ['-0', 1],
    ['0.000', 1],
    ['1', 2],
    ['12', 2],
    ['123', 3],
    ['1234', 3],
    ['2099', 3],
    ['12345', 4],
    ['100', 2],
    ['1000', 2],
    ['11000', 3], // the doc formula says 2: pairs 1|10|00 span two base-100 digits
    ['1.5', 3],
    ['3.14159', 5], // the doc formula says 4
    ['0.5', 2],
    ['0.05', 2],
    ['0.005', 2],
    ['-42', 3], // the doc formula says 2
    ['-1', 3],
    ['1e2', 2],
    ['1.5E+3', 2],
    ['00012', 2],
    ['12.3400', 3],
    ['99999999999999999999999999999999999999', 20],
    ['-99999999999999999999999999999999999999', 21],
    ['9.9999999999999999999999999999999999999E+125', 20],
    ['-1.2345678901234567890123456789012345678E-130', 21],
  ])('%s takes %i bytes', (n, bytes) => {
    expect(numberSize(n)).toBe(bytes);
  });

  // The 23 literals measured byte-exactly against the 400 KB gate on eu-west-2, 2026-08-18
  // (nubo-db/dynamodb-conformance, src/item-size.ts): the base-100 rule fits every one.
  it.each([
    ['0', 1],
    ['1', 2],
    ['12', 2],
    ['123', 3],
    ['1234', 3],
    ['12345678901234567890123456789012345678', 20],
    ['0042', 2],
    ['100', 2],
    ['1010', 3],
    ['0.0000001', 2],
    ['1E125', 2],
    ['1E-100', 2],
    ['1.5', 3],
    ['15', 2],
    ['1.2', 3],
    ['1.200', 3],
    ['1.234', 4],
    ['3.14159', 5],
    ['123456', 4],
    ['100.5', 4],
    ['0.15', 2],
    ['-42', 3],
    ['-0', 1],
  ])('matches AWS on %s (%i bytes)', (n, bytes) => {
    expect(numberSize(n)).toBe(bytes);
    expect(numberSize(normaliseNumber(n))).toBe(bytes);
  });

  it.each(['1', '7', '42', '123', '4567', '98765', '123456789', '1234567890123456789012345678901234567'])(
    'equals the documented ceil(digits / 2) + 1 for the integer %s',
    (n) => {
      expect(numberSize(n)).toBe(Math.ceil(n.length / 2) + 1);
    },
  );
});

describe('attributeValueSize', () => {
  it.each<[string, AttributeValue, number]>([
    ['empty string', { S: '' }, 0],
    ['string', { S: 'Hello World' }, 11],
    ['binary', { B: 'AQID' }, 3],
    ['empty binary', { B: '' }, 0],
    ['true', { BOOL: true }, 1],
    ['false', { BOOL: false }, 1],
    ['null', { NULL: true }, 1],
    ['empty list', { L: [] }, 3],
    ['empty map', { M: {} }, 3],
    ['list of two strings', { L: [{ S: 'ab' }, { S: 'c' }] }, 3 + (2 + 1) + (1 + 1)],
    ['map counts member names', { M: { ab: { S: 'xyz' }, c: { BOOL: true } } }, 3 + (2 + 3 + 1) + (1 + 1 + 1)],
    ['nested list in map', { M: { l: { L: [{ N: '1' }] } } }, 3 + (1 + (3 + 2 + 1) + 1)],
    ['string set', { SS: ['a', 'bc', 'é'] }, 1 + 2 + 2],
    ['number set', { NS: ['1', '123', '-1'] }, 2 + 3 + 3],
    ['binary set', { BS: ['AQ==', 'AQID'] }, 1 + 3],
  ])('%s', (_label, v, bytes) => {
    expect(attributeValueSize(v)).toBe(bytes);
  });
});

describe('itemSize', () => {
  it('adds the UTF-8 bytes of each name to its value (ddbitemsizer README example, 141 bytes)', () => {
    const item: Item = {
      itemType: { S: 'SLOT' },
      id: { S: 'abc1231' },
      hostName: { S: 'Harry Mason' },
      timeSlot: { S: 'February 23, 1999' },
      slotStatus: { S: 'OPEN' },
      createdAt: { S: 'February 1, 1999' },
      updatedAt: { S: 'February 1, 1999' },
      expiresAt: { N: '2099' },
    };
    expect(itemSize(item)).toBe(141);
  });

  it('counts multi-byte attribute names by their UTF-8 bytes', () => {
    expect(itemSize({ né: { S: 'é' } })).toBe(3 + 2);
  });

  it('breaks the size down per attribute, summing to itemSize', () => {
    const item: Item = { pk: { S: 'user#1' }, n: { N: '-42' }, tags: { SS: ['x', 'yy'] } };
    const parts = attributeSizes(item);
    expect(parts).toEqual([
      { name: 'pk', nameBytes: 2, valueBytes: 6 },
      { name: 'n', nameBytes: 1, valueBytes: 3 },
      { name: 'tags', nameBytes: 4, valueBytes: 3 },
    ]);
    expect(parts.reduce((s, p) => s + p.nameBytes + p.valueBytes, 0)).toBe(itemSize(item));
  });
});

describe('numberSize against dynalite', () => {
  // dynalite's valSize implements the same measured base-100 rule; agreeing on random numbers
  // guards the digit-pair alignment. Its item size counts UTF-16 units of names, so use ASCII.
  const dynalite = createRequire(import.meta.url)('dynalite/db/index.js') as { itemSize(item: Item): number };
  const digits = fc.stringMatching(/^[0-9]{1,20}$/);
  const numberText = fc
    .tuple(fc.boolean(), digits, fc.option(digits), fc.option(fc.integer({ min: -60, max: 60 })))
    .map(([neg, int, frac, exp]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`)
    .filter((n) => isValidNumber(n));

  it('gives the same size for any valid number', () => {
    fc.assert(
      fc.property(numberText, (n) => {
        const normalised = normaliseNumber(n);
        expect(numberSize(normalised)).toBe(dynalite.itemSize({ a: { N: normalised } }) - 1);
        expect(numberSize(n)).toBe(numberSize(normalised));
      }),
      { numRuns: 3000 },
    );
  });
});
