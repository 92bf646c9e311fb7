/** Numbers in working steps: thousands separators, at most two decimals, so steps read like a textbook. */
export function formatNumber(n: number, maxDecimals = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: maxDecimals });
}

export function formatBytes(bytes: number): string {
  return `${formatNumber(bytes)} B`;
}

/** ceil(a / b) for non-negative integers, exact while a + b stays below 2^53 (no float drift). */
export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}
