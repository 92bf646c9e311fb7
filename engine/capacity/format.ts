// Intl.NumberFormat is costly to build and toLocaleString builds one per call; reuse them.
const FORMATS = new Map<number, Intl.NumberFormat>();

/** Numbers in working steps: thousands separators, at most two decimals, so steps read like a textbook. */
export function formatNumber(n: number, maxDecimals = 2): string {
  let format = FORMATS.get(maxDecimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals });
    FORMATS.set(maxDecimals, format);
  }
  return format.format(n);
}

export function formatBytes(bytes: number): string {
  return `${formatNumber(bytes)} B`;
}

/** ceil(a / b) for non-negative integers, exact while a + b stays below 2^53 (no float drift). */
export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}
