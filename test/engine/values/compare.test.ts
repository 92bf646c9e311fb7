import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../../../engine/values/attribute-value.ts';
import { compareBinary, compareForCondition, compareKeyValues, compareUtf8, decodeBase64, valuesEqual } from '../../../engine/values/compare.ts';

function utf8Order(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return Math.sign(x.length - y.length);
}

describe('compareUtf8', () => {
  it.each([
    ['a', 'b'],
    ['a', 'ab'],
    ['Z', 'a'],
    ['', 'a'],
    ['z', 'é'],
    ['\uffff', '😀'], // UTF-16 puts the surrogate first; UTF-8 puts U+FFFF first
    ['\ue000', '\ud83d\ude00'],
    ['😀', '😁'],
  ])('%j < %j by UTF-8 bytes', (a, b) => {
    expect(utf8Order(a, b)).toBe(-1);
    expect(compareUtf8(a, b)).toBe(-1);
    expect(compareUtf8(b, a)).toBe(1);
  });
  it('is 0 for equal strings', () => expect(compareUtf8('x😀', 'x😀')).toBe(0));
});

describe('decodeBase64 and compareBinary', () => {
  it.each(['', 'AA==', 'AQID', '/w==', 'aGVsbG8gd29ybGQ='])('decodes %j like Buffer', (b64) => {
    expect(Array.from(decodeBase64(b64))).toEqual(Array.from(Buffer.from(b64, 'base64')));
  });
  it.each([
    ['AA==', 'AQ=='],
    ['AQ==', 'AQA='],
    ['fw==', 'gA=='], // 0x7f < 0x80: unsigned bytes
    ['/w==', '/wA='],
    ['Zg==', 'gA=='],
  ])('%s sorts before %s', (a, b) => {
    expect(compareBinary(a, b)).toBe(-1);
    expect(compareBinary(b, a)).toBe(1);
  });
});

describe('compareKeyValues', () => {
  it.each<[AttributeValue, AttributeValue, number]>([
    [{ N: '2' }, { N: '10' }, -1],
    [{ N: '-1' }, { N: '-0.5' }, -1],
    [{ N: '1.50' }, { N: '1.5' }, 0],
    [{ S: '10' }, { S: '2' }, -1],
    [{ S: 'B' }, { S: 'a' }, -1],
    [{ B: 'gA==' }, { B: 'fw==' }, 1],
  ])('%j vs %j = %i', (a, b, expected) => {
    expect(compareKeyValues(a, b)).toBe(expected);
  });
  it('sorts numbers numerically, not as text', () => {
    const sorted = ['10', '-3', '2', '0.5', '-10', '100'].map((N) => ({ N })).sort(compareKeyValues);
    expect(sorted.map((v) => v.N)).toEqual(['-10', '-3', '0.5', '2', '10', '100']);
  });
});

describe('compareForCondition', () => {
  it.each<[AttributeValue, AttributeValue, number | undefined]>([
    [{ N: '1' }, { N: '2' }, -1],
    [{ S: 'b' }, { S: 'a' }, 1],
    [{ N: '1' }, { S: '1' }, undefined],
    [{ BOOL: true }, { BOOL: true }, undefined],
    [{ SS: ['a'] }, { SS: ['a'] }, undefined],
    [{ L: [] }, { L: [] }, undefined],
  ])('%j vs %j = %s', (a, b, expected) => {
    expect(compareForCondition(a, b)).toBe(expected);
  });
});

describe('valuesEqual', () => {
  it.each<[AttributeValue, AttributeValue, boolean]>([
    [{ S: 'a' }, { S: 'a' }, true],
    [{ S: '1' }, { N: '1' }, false],
    [{ N: '1' }, { N: '1' }, true],
    [{ BOOL: true }, { BOOL: false }, false],
    [{ NULL: true }, { NULL: true }, true],
    [{ SS: ['a', 'b'] }, { SS: ['b', 'a'] }, true],
    [{ SS: ['a', 'b'] }, { SS: ['a', 'c'] }, false],
    [{ NS: ['1', '2'] }, { NS: ['2', '1'] }, true],
    [{ BS: ['AQ=='] }, { BS: ['AQ=='] }, true],
    [{ L: [{ S: 'a' }, { N: '1' }] }, { L: [{ S: 'a' }, { N: '1' }] }, true],
    [{ L: [{ S: 'a' }, { N: '1' }] }, { L: [{ N: '1' }, { S: 'a' }] }, false],
    [{ M: { a: { S: 'x' }, b: { N: '2' } } }, { M: { b: { N: '2' }, a: { S: 'x' } } }, true],
    [{ M: { a: { S: 'x' } } }, { M: { a: { S: 'x' }, b: { N: '2' } } }, false],
    [{ M: { a: { S: 'x' } } }, { M: { b: { S: 'x' } } }, false],
    [{ L: [] }, { M: {} }, false],
  ])('%j = %j is %s', (a, b, expected) => {
    expect(valuesEqual(a, b)).toBe(expected);
    expect(valuesEqual(b, a)).toBe(expected);
  });
});
