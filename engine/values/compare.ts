/**
 * Orderings and equality of attribute values as DynamoDB defines them: numbers numerically,
 * strings by the unsigned bytes of their UTF-8 encoding, binaries by their unsigned bytes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Comparators
 */
import type { AttributeValue } from './attribute-value.ts';
import { compareNumbers } from './number.ts';

/**
 * Compares two strings by their UTF-8 bytes without encoding them. UTF-16 order and UTF-8 order
 * agree except that UTF-8 puts astral characters (surrogate pairs) after U+E000..U+FFFF, so the
 * first differing code unit is remapped to restore that.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
    if (y >= 0xd800) y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

const BASE64_INDEX = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  BASE64_INDEX[c.charCodeAt(0)] = i;
});

/** Decodes base64 (already validated) to bytes; pure so the engine needs no Buffer. */
export function decodeBase64(b64: string): Uint8Array {
  let end = b64.length;
  while (end > 0 && b64.charCodeAt(end - 1) === 61) end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < end; i++) {
    const v = BASE64_INDEX[b64.charCodeAt(i) & 127] ?? -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

/** Compares two base64 binaries by their decoded unsigned bytes. */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const x = decodeBase64(a);
  const y = decodeBase64(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

/**
 * Orders two key values of the same scalar type (S, N or B), as items are kept within a
 * partition and as Query returns them. Values of different types are ordered by type name so
 * the function stays total; a table never holds keys of two types.
 */
export function compareKeyValues(a: AttributeValue, b: AttributeValue): number {
  if ('S' in a && 'S' in b) return compareUtf8(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBinary(a.B, b.B);
  const ta = Object.keys(a)[0] ?? '';
  const tb = Object.keys(b)[0] ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/**
 * The ordering used by <, <=, >, >=, BETWEEN in conditions: defined only between two S, two N
 * or two B values; undefined otherwise, which makes the comparison false.
 */
export function compareForCondition(a: AttributeValue, b: AttributeValue): number | undefined {
  if ('S' in a && 'S' in b) return compareUtf8(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBinary(a.B, b.B);
  return undefined;
}

/**
 * Set members arrive normalised (numbers by normaliseNumber, binaries as canonical base64), so
 * equal members have equal text.
 */
function sameMembers(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length) return false;
  const members = new Set(y);
  return x.every((m) => members.has(m));
}

/**
 * Deep equality as `=` in a condition sees it: same type and value, numbers compared
 * numerically, sets regardless of order, lists in order, maps by member. Expects validated
 * (normalised) values.
 */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if ('S' in a) return 'S' in b && a.S === b.S;
  if ('N' in a) return 'N' in b && compareNumbers(a.N, b.N) === 0;
  if ('B' in a) return 'B' in b && compareBinary(a.B, b.B) === 0;
  if ('BOOL' in a) return 'BOOL' in b && a.BOOL === b.BOOL;
  if ('NULL' in a) return 'NULL' in b;
  if ('SS' in a) return 'SS' in b && sameMembers(a.SS, b.SS);
  if ('NS' in a) return 'NS' in b && sameMembers(a.NS, b.NS);
  if ('BS' in a) return 'BS' in b && sameMembers(a.BS, b.BS);
  if ('L' in a) {
    if (!('L' in b) || a.L.length !== b.L.length) return false;
    return a.L.every((v, i) => valuesEqual(v, b.L[i]!));
  }
  if ('M' in a) {
    if (!('M' in b)) return false;
    const ka = Object.keys(a.M);
    if (ka.length !== Object.keys(b.M).length) return false;
    return ka.every((k) => {
      const other = b.M[k];
      return other !== undefined && valuesEqual(a.M[k]!, other);
    });
  }
  return false;
}
