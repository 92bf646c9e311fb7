/**
 * Key values turned into strings whose plain JavaScript order (`<`) is DynamoDB's order:
 * numbers numerically, strings by their UTF-8 bytes, binaries by their bytes. Encoding once on
 * write lets every lookup and range search compare with native string comparison.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.CoreComponents.html#HowItWorks.CoreComponents.PrimaryKey
 */
import type { AttributeValue, ScalarAttributeType } from '../values/attribute-value.ts';

/** A number split into sign, significant digits and the power of ten of the first digit. */
interface DecomposedNumber {
  readonly sign: -1 | 0 | 1;
  readonly digits: string;
  /** value = 0.digits × 10^exponent */
  readonly exponent: number;
}

function decomposeNumber(n: string): DecomposedNumber {
  let i = 0;
  let sign: -1 | 1 = 1;
  if (n[0] === '-') {
    sign = -1;
    i = 1;
  } else if (n[0] === '+') i = 1;
  const eAt = n.search(/[eE]/);
  const mantissa = n.slice(i, eAt === -1 ? n.length : eAt);
  const exp = eAt === -1 ? 0 : Number(n.slice(eAt + 1));
  const dot = mantissa.indexOf('.');
  const intPart = dot === -1 ? mantissa : mantissa.slice(0, dot);
  const fracPart = dot === -1 ? '' : mantissa.slice(dot + 1);
  let all = intPart + fracPart;
  let pointAt = intPart.length;
  let lead = 0;
  while (lead < all.length && all.charCodeAt(lead) === 48) lead++;
  if (lead === all.length) return { sign: 0, digits: '', exponent: 0 };
  all = all.slice(lead);
  pointAt -= lead;
  let end = all.length;
  while (end > 0 && all.charCodeAt(end - 1) === 48) end--;
  return { sign, digits: all.slice(0, end), exponent: pointAt + exp };
}

// Exponents stay within about ±130 (DynamoDB's range), so an offset of 300 keeps the code unit positive.
const EXPONENT_OFFSET = 300;

function encodeNumber(n: string): string {
  const d = decomposeNumber(n);
  if (d.sign === 0) return '1';
  if (d.sign > 0) return `2${String.fromCharCode(EXPONENT_OFFSET + d.exponent)}${d.digits}`;
  // Negative: larger magnitude sorts first, so the exponent and the digits are complemented, and
  // the terminator '~' sorts after every digit so that -1.5 sorts after -1.55.
  let complement = '';
  for (let i = 0; i < d.digits.length; i++) complement += String.fromCharCode(105 - d.digits.charCodeAt(i));
  return `0${String.fromCharCode(EXPONENT_OFFSET - d.exponent)}${complement}~`;
}

/**
 * UTF-16 code units order strings like UTF-8 bytes except that surrogates (U+D800–DFFF) must
 * sort after U+E000–FFFF; this bijection on code units moves them there.
 */
function encodeString(s: string): string {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0xd800) {
      high = true;
      break;
    }
  }
  if (!high) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
  }
  return out;
}

/** Binary as a string of code units 0–255, one per byte, so it orders bytewise. */
function encodeBinary(b64: string): string {
  return atob(b64);
}

/** The order-preserving encoding of a key attribute value of type S, N or B. */
export function encodeKeyValue(value: AttributeValue): string {
  if ('S' in value) return encodeString(value.S);
  if ('N' in value) return encodeNumber(value.N);
  if ('B' in value) return encodeBinary(value.B);
  throw new Error('not a key value');
}

/** The scalar type of a value, or undefined when it is not S, N or B. */
export function scalarTypeOf(value: AttributeValue): ScalarAttributeType | undefined {
  if ('S' in value) return 'S';
  if ('N' in value) return 'N';
  if ('B' in value) return 'B';
  return undefined;
}

/** What joinEncoded puts between two components. */
export const JOIN_SEPARATOR = '\u0000\u0000';
/**
 * Appended to a joined prefix, a string greater than every joined string whose next component
 * equals the prefix's last one, and smaller than every one whose next component is greater.
 */
export const JOIN_AFTER = '\u0000\u0001';

/** One component as joinEncoded writes it (its NULs escaped), for building prefixes of joined keys. */
export function escapeEncoded(part: string): string {
  return part.includes('\u0000') ? part.replaceAll('\u0000', '\u0000\u0001') : part;
}

/** Joins encoded components so that the joined strings order like the tuples. */
export function joinEncoded(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    if (i) out += JOIN_SEPARATOR;
    out += escapeEncoded(parts[i]!);
  }
  return out;
}

/** FNV-1a over the code units: the partition's position in the scan order and its segment. */
export function hashPartitionKey(encoded: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < encoded.length; i++) {
    h ^= encoded.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** True when `a` and `b` are equal key values (same type, same value after normalising). */
export function sameKeyValue(a: AttributeValue, b: AttributeValue): boolean {
  const ta = scalarTypeOf(a);
  return ta !== undefined && ta === scalarTypeOf(b) && encodeKeyValue(a) === encodeKeyValue(b);
}
