/**
 * Exact decimal arithmetic for money: prices like $0.00065 per hour and $0.0000166667 per
 * GB-second would drift in binary floating point, so every figure is a Decimal until it is
 * shown, and only then rounded to cents.
 */
import { Decimal as DecimalJs } from 'decimal.js';

/** A private Decimal constructor so our precision setting cannot leak into other users. */
export const Decimal: typeof DecimalJs = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;
export type DecimalValue = DecimalJs.Value;

export function toDecimal(x: DecimalValue): Decimal {
  return new Decimal(x);
}

/** Sum of decimals (zero for none). */
export function sumDecimals(xs: readonly Decimal[]): Decimal {
  return xs.reduce((a, b) => a.plus(b), new Decimal(0));
}

/** The amount rounded half-up to cents, as a number of dollars (for `Calculation.value`). */
export function roundToCents(x: Decimal): number {
  return x.toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP).toNumber();
}

/** "$1,234.57"; negative amounts as "−$3.10". */
export function formatUsd(x: Decimal): string {
  const cents = x.toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
  const [whole = '0', frac = '00'] = cents.abs().toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents.isNegative() && !cents.isZero() ? '−' : ''}$${grouped}.${frac}`;
}

/** A price with all its digits: "$0.00065". Prices are shown exactly; totals in cents. */
export function formatPrice(usd: string | Decimal): string {
  const d = new Decimal(usd);
  return `$${d.toFixed()}`;
}

/** A quantity with thousands separators and up to `digits` decimals: 1,234.5. */
export function formatQuantity(x: DecimalValue, digits = 4): string {
  const d = new Decimal(x).toDecimalPlaces(digits, DecimalJs.ROUND_HALF_UP);
  const [whole = '0', frac] = d.abs().toFixed().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${d.isNegative() && !d.isZero() ? '−' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** 0.2889 → "28.9%". */
export function formatPercent(x: DecimalValue, digits = 1): string {
  return `${new Decimal(x).times(100).toDecimalPlaces(digits, DecimalJs.ROUND_HALF_UP).toFixed(digits)}%`;
}
