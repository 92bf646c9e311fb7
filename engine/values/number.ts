/**
 * DynamoDB numbers: exact decimals with up to 38 significant digits, magnitudes from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125, returned in plain notation without leading or
 * trailing zeros. Numbers travel as strings and stay strings; arithmetic goes through decimal.js
 * with enough precision that a sum is never rounded before the 38-digit check sees it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number
 */
import { Decimal } from 'decimal.js';
import { ValidationException } from '../errors.ts';

export const MAX_SIGNIFICANT_DIGITS = 38;
/** Power of ten of the leading digit of the largest and smallest magnitudes. */
export const MAX_EXPONENT = 125;
export const MIN_EXPONENT = -130;

export const NUMBER_MESSAGES = {
  empty: 'The parameter cannot be converted to a numeric value',
  invalid: (text: string) => `The parameter cannot be converted to a numeric value: ${text}`,
  overflow: 'Number overflow. Attempting to store a number with magnitude larger than supported range',
  underflow: 'Number underflow. Attempting to store a number with magnitude smaller than supported range',
  precision: 'Attempting to store more than 38 significant digits in a Number',
} as const;

/**
 * Exact decimal arithmetic: the widest sum of two valid numbers spans 125 + 130 + 1 digits, so
 * 300 digits of precision never rounds.
 */
const ExactDecimal = Decimal.clone({ precision: 300, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

/**
 * The accepted text of a number. DynamoDB parses numbers as Java's BigDecimal does, so a leading
 * `+` is accepted ("+5" is stored and returned as "5"), where dynalite (big.js) refuses it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number
 */
const NUMBER_TEXT = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;

/** A number taken apart: sign, significant digits without leading or trailing zeros, power of ten of the first. */
interface ParsedNumber {
  readonly negative: boolean;
  /** '' for zero. */
  readonly digits: string;
  readonly exponent: number;
}

/** Parses without checking DynamoDB's limits; undefined when the text is not a number. */
function parseText(text: string): ParsedNumber | undefined {
  const match = NUMBER_TEXT.exec(text);
  if (!match) return undefined;
  const mantissa = match[2]!;
  const exponentText = match[3];
  const point = mantissa.indexOf('.');
  const intPart = point === -1 ? mantissa : mantissa.slice(0, point);
  const fracPart = point === -1 ? '' : mantissa.slice(point + 1);
  const all = intPart + fracPart;
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) start++;
  if (start === all.length) return { negative: false, digits: '', exponent: 0 };
  let end = all.length;
  while (all.charCodeAt(end - 1) === 48) end--;
  // An exponent too long for a double is far outside the range either way.
  let shift = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(shift)) shift = shift > 0 ? Number.MAX_SAFE_INTEGER / 2 : -Number.MAX_SAFE_INTEGER / 2;
  return { negative: match[1] === '-', digits: all.slice(start, end), exponent: intPart.length - 1 - start + shift };
}

function checkLimits(n: ParsedNumber): void {
  if (n.digits === '') return;
  if (n.exponent > MAX_EXPONENT) throw new ValidationException(NUMBER_MESSAGES.overflow);
  if (n.exponent < MIN_EXPONENT) throw new ValidationException(NUMBER_MESSAGES.underflow);
  if (n.digits.length > MAX_SIGNIFICANT_DIGITS) throw new ValidationException(NUMBER_MESSAGES.precision);
}

function parseChecked(text: string): ParsedNumber {
  if (text === '') throw new ValidationException(NUMBER_MESSAGES.empty);
  const n = parseText(text);
  if (!n) throw new ValidationException(NUMBER_MESSAGES.invalid(text));
  checkLimits(n);
  return n;
}

function formatPlain(n: ParsedNumber): string {
  if (n.digits === '') return '0';
  const { digits, exponent } = n;
  let body: string;
  if (exponent < 0) body = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  else if (exponent >= digits.length - 1) body = digits + '0'.repeat(exponent - digits.length + 1);
  else body = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  return n.negative ? `-${body}` : body;
}

/**
 * Validates a number as DynamoDB does on input and returns it the way DynamoDB returns it:
 * "01.50" -> "1.5", "1e2" -> "100", "-0" -> "0". Throws ValidationException with AWS's text.
 */
export function normaliseNumber(text: string): string {
  return formatPlain(parseChecked(text));
}

/** True when the text is a number DynamoDB would store (no exception). */
export function isValidNumber(text: string): boolean {
  if (text === '') return false;
  const n = parseText(text);
  if (!n || n.digits === '') return n !== undefined;
  return n.exponent <= MAX_EXPONENT && n.exponent >= MIN_EXPONENT && n.digits.length <= MAX_SIGNIFICANT_DIGITS;
}

/**
 * Orders two numbers numerically (-1, 0, 1) without building decimals, because key ordering
 * calls this for every comparison in a partition. Accepts any valid number text.
 */
export function compareNumbers(a: string, b: string): number {
  if (a === b) return 0;
  const fast = comparePlain(a, b);
  if (fast !== undefined) return fast;
  const x = parseText(a);
  const y = parseText(b);
  if (!x || !y) throw new ValidationException(NUMBER_MESSAGES.invalid(!x ? a : b));
  const signX = x.digits === '' ? 0 : x.negative ? -1 : 1;
  const signY = y.digits === '' ? 0 : y.negative ? -1 : 1;
  if (signX !== signY) return signX < signY ? -1 : 1;
  if (signX === 0) return 0;
  let magnitude: number;
  if (x.exponent !== y.exponent) magnitude = x.exponent < y.exponent ? -1 : 1;
  else magnitude = x.digits < y.digits ? -1 : x.digits > y.digits ? 1 : 0;
  return signX * magnitude;
}

/** Compares the digits of two unsigned plain decimals (no exponent) by magnitude. */
function compareMagnitude(x: string, xStart: number, y: string, yStart: number): number {
  while (xStart < x.length - 1 && x.charCodeAt(xStart) === 48 && x.charCodeAt(xStart + 1) !== 46) xStart++;
  while (yStart < y.length - 1 && y.charCodeAt(yStart) === 48 && y.charCodeAt(yStart + 1) !== 46) yStart++;
  let xDot = x.indexOf('.', xStart);
  let yDot = y.indexOf('.', yStart);
  if (xDot === -1) xDot = x.length;
  if (yDot === -1) yDot = y.length;
  const xInt = xDot - xStart;
  const yInt = yDot - yStart;
  if (xInt !== yInt) return xInt < yInt ? -1 : 1;
  for (let i = 0; i < xInt; i++) {
    const c = x.charCodeAt(xStart + i);
    const d = y.charCodeAt(yStart + i);
    if (c !== d) return c < d ? -1 : 1;
  }
  // Fractions: a missing digit counts as 0, so "1.5" equals "1.50".
  const xFrac = x.length - xDot - 1;
  const yFrac = y.length - yDot - 1;
  for (let i = 0; i < Math.max(xFrac, yFrac); i++) {
    const c = i < xFrac ? x.charCodeAt(xDot + 1 + i) : 48;
    const d = i < yFrac ? y.charCodeAt(yDot + 1 + i) : 48;
    if (c !== d) return c < d ? -1 : 1;
  }
  return 0;
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/**
 * Fast path for the plain notation stored numbers are kept in (normaliseNumber's output); undefined
 * for anything else (exponents, "5.", ".5"), which takes the general path.
 */
function comparePlain(a: string, b: string): number | undefined {
  if (!PLAIN.test(a) || !PLAIN.test(b)) return undefined;
  const negA = a.charCodeAt(0) === 45;
  const negB = b.charCodeAt(0) === 45;
  const magnitude = compareMagnitude(a, negA ? 1 : 0, b, negB ? 1 : 0);
  if (negA === negB) return negA ? -magnitude : magnitude;
  // Signs differ: only two zeros ("-0" and "0") are equal.
  const zero = /^-?0+(?:\.0+)?$/;
  if (zero.test(a) && zero.test(b)) return 0;
  if (zero.test(a)) return negB ? 1 : -1;
  if (zero.test(b)) return negA ? -1 : 1;
  return negA ? -1 : 1;
}

/** Exact sum, checked against DynamoDB's range and precision like a stored number. */
export function addNumbers(a: string, b: string): string {
  return fromDecimal(new ExactDecimal(normaliseNumber(a)).plus(normaliseNumber(b)));
}

/** Exact difference a - b, checked like a stored number. */
export function subtractNumbers(a: string, b: string): string {
  return fromDecimal(new ExactDecimal(normaliseNumber(a)).minus(normaliseNumber(b)));
}

function fromDecimal(d: Decimal.Instance): string {
  return normaliseNumber(d.toFixed());
}
