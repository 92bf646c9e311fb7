/**
 * A monthly bill as line items, and the Calculation (figure + working) graders show.
 */
import type { Calculation, Step } from '../calculation.ts';
import type { Allowance, Price } from './prices.ts';
import { type Decimal, formatUsd, roundToCents, sumDecimals } from './money.ts';

export interface LineItem {
  readonly id: string;
  readonly label: string;
  /** The quantity billed, in words with its unit: "20 WCU × 730 h". */
  readonly quantity: string;
  /** The price applied, with its source (absent for lines that are derived, e.g. totals). */
  readonly price?: Price | Allowance;
  /** The arithmetic, when it is more than quantity × price (tiers, free allowances). */
  readonly formula?: string;
  /** Exact; negative for a free-tier deduction. */
  readonly amount: Decimal;
}

export interface Bill {
  readonly lines: readonly LineItem[];
  readonly total: Decimal;
  /** value = total in dollars rounded to cents, unit "USD/month". */
  readonly calculation: Calculation;
}

export const USD_PER_MONTH = 'USD/month';

/** Totals the lines (never below zero: a free tier cannot pay you) and writes the working. */
export function buildBill(title: string, lines: readonly LineItem[], preamble: readonly Step[] = []): Bill {
  const raw = sumDecimals(lines.map((l) => l.amount));
  const total = raw.isNegative() ? raw.times(0) : raw;
  const steps: Step[] = [
    ...preamble,
    ...lines.map((l) => ({
      label: l.label,
      formula: l.formula ?? (l.price !== undefined && 'usd' in l.price ? `${l.quantity} × $${l.price.usd} ${l.price.per}` : l.quantity),
      value: formatUsd(l.amount),
    })),
    {
      label: `${title}: total per month`,
      formula: lines.length > 1 ? lines.map((l) => formatUsd(l.amount)).join(' + ') : undefined,
      value: formatUsd(total),
    },
  ].map((s) => (s.formula === undefined ? { label: s.label, value: s.value } : s));
  return { lines, total, calculation: { value: roundToCents(total), unit: USD_PER_MONTH, steps } };
}
