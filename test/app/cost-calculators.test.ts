import { describe, expect, it } from 'vitest';
import { CALCULATORS, type Calculator } from '../../app/bank/calculators.ts';

function calculator(name: string): Calculator<unknown> {
  const found = CALCULATORS.get(name);
  if (!found) throw new Error(`no calculator ${name}`);
  return found;
}

/** Parse like the bank does, then the figure, the working's text and each wrong method's figure. */
function run(name: string, raw: Record<string, unknown>) {
  const c = calculator(name);
  const args = c.args.parse(raw);
  const calculation = c.calculate(args);
  const text = calculation.steps.map((s) => `${s.label} | ${s.formula ?? ''} | ${s.value}`).join('\n');
  const wrong = Object.fromEntries(c.misconceptions.map((m) => [m.id, m.compute(args)]));
  return { value: calculation.value, text, wrong };
}

const onDemand = { readItemBytes: 3000, writeItemBytes: 1500, readConsistency: 'strong', gsiCount: 1 } as const;

describe('onDemandMonthlyCost', () => {
  it('calls daily counts daily in the working, not rates per second', () => {
    // 240,000 strong reads of 3,000 B (1 RRU) and 24,000 writes of 1,500 B (2 WRU, +2 for the GSI) a day.
    const { value, text } = run('onDemandMonthlyCost', { reads: 240_000, writes: 24_000, per: 'day', ...onDemand });
    // × 730 / 24 days: 7.3M RRU × $0.125 + 2.92M WRU × $0.625 = $0.9125 + $1.825.
    expect(value).toBe(2.74);
    expect(text).toContain('240,000 a day × 1');
    expect(text).not.toMatch(/\/s\b|per second/);
  });

  it('keeps per-second wording for rates per second', () => {
    const { text } = run('onDemandMonthlyCost', { reads: 10, writes: 2, per: 'second', ...onDemand });
    expect(text).toContain('10/s × 1');
    expect(text).toContain('4 WCU/s');
  });

  it.each([
    { per: 'second', named: 'per-second-as-monthly', notNamed: 'per-day-as-monthly' },
    { per: 'day', named: 'per-day-as-monthly', notNamed: 'per-second-as-monthly' },
  ])('names the month mistake that fits counts per $per', ({ per, named, notNamed }) => {
    const { wrong } = run('onDemandMonthlyCost', { reads: 240_000, writes: 24_000, per, ...onDemand });
    expect(Number.isFinite(wrong[named])).toBe(true);
    expect(wrong[notNamed]).toBeNaN();
  });
});

describe('storageMonthlyCost', () => {
  // 2^24 items: 16,777,216 × (924 B + 100 B) = 16 GiB; × 2 with one all-projecting GSI.
  const items = 2 ** 24;

  it('prices items and index entries with 100 B each (worked by hand)', () => {
    const { value, wrong } = run('storageMonthlyCost', { items, itemBytes: 924, tableClass: 'standard', gsiCount: 1 });
    expect(value).toBe(8); // 32 GiB × $0.25
    expect(wrong['no-item-overhead']).toBe(7.22); // 2^24 × 924 × 2 / 2^30 = 28.875 GiB × $0.25 = 7.21875
  });

  it('leaves out only the overhead when items are smaller than it', () => {
    // 2^24 × 50 B = 0.78125 GiB (the right figure stores 150 B an item: 2.34375 GiB).
    const { value, wrong } = run('storageMonthlyCost', { items, itemBytes: 50, tableClass: 'standard', gsiCount: 0 });
    expect(value).toBe(0.59);
    expect(wrong['no-item-overhead']).toBe(0.2);
  });
});

describe('onDemandMinusProvisioned', () => {
  // Steady 10 requests/s of one eventual read (0.5 RRU) and one write: 864,000 a day.
  const steady = { shape: 'steady', base: 10, peak: 10, readUnitsPerRequest: 0.5, writeUnitsPerRequest: 1 };

  it('shows the day unrounded, so the working multiplies what it shows (worked by hand)', () => {
    const { value, text } = run('onDemandMinusProvisioned', steady);
    // On demand 864,000 × $0.0000006875 = $0.594 a day; provisioned 24 h × (8 RCU × $0.00013 + 15 WCU × $0.00065) = $0.25896.
    // (0.594 − 0.25896) × 730 / 24 = 10.1905…
    expect(value).toBe(10.19);
    expect(text).toContain('$0.594 × 730 / 24');
  });

  it('names the day rounded to cents before scaling to the month', () => {
    // (0.59 − 0.26) × 730 / 24 = 10.0375: 15 cents off, outside the family's 5-cent tolerance.
    expect(run('onDemandMinusProvisioned', steady).wrong['rounded-daily-cents']).toBe(10.04);
  });
});
