import { describe, expect, it } from 'vitest';
import {
  calculateLambdaCost,
  calculateModeDifference,
  calculateOnDemandMonth,
  calculateReservedCapacitySaving,
  calculateStorageCost,
  Decimal,
  PERIODS_PER_MONTH,
  roundToCents,
} from '../../../engine/index.ts';

const usd = (d: Decimal): number => roundToCents(d);

describe('calculateReservedCapacitySaving', () => {
  // 100 WCU + 100 RCU: standard $0.00065 and $0.00013 an hour each; reserved $0.0128 and $0.0025
  // an hour per 100, upfront $150 and $30 per 100 (engine/cost/prices.ts).
  it('saves the hourly difference less a twelfth of the upfront fee, and the working ends with the saving', () => {
    const { total, calculation } = calculateReservedCapacitySaving({ rcu: 100, wcu: 100 });
    expect(usd(total)).toBe(30.77);
    expect(calculation.value).toBe(30.77);
    expect(calculation.steps.at(-1)).toMatchObject({ label: 'Saving per month', value: '$30.77' });
  });

  it.each([
    [0, 45.77],
    [1, -134.23],
    [12, 30.77],
  ])('spreads the upfront fee over %d months', (upfrontMonths, saving) => {
    expect(usd(calculateReservedCapacitySaving({ rcu: 100, wcu: 100 }, { upfrontMonths }).total)).toBe(saving);
  });
});

describe('calculateOnDemandMonth', () => {
  const input = {
    reads: 240_000,
    writes: 24_000,
    per: 'day',
    readItemBytes: 3000,
    writeItemBytes: 1500,
    readConsistency: 'strong',
    gsiCount: 1,
    tableClass: 'standard',
  } as const;

  it('prices daily counts over the 730 / 24 days of a month', () => {
    // 7.3M RRU × $0.125 + 2.92M WRU (2 each, +2 for the GSI) × $0.625 per million.
    expect(calculateOnDemandMonth(input).calculation.value).toBe(2.74);
    expect(calculateOnDemandMonth(input).calculation.steps.map((s) => s.value)).toContain('× 730 / 24 days');
  });

  it.each([
    ['one period a month', { periodsPerMonth: new Decimal(1) }, 0.09],
    ['no GSI writes', { gsiWrites: false }, 1.83],
    ['one unit per request (2 WRU a write become 1)', { sizeRounding: false }, 1.83],
    ['the default periods, given', { periodsPerMonth: PERIODS_PER_MONTH.day }, 2.74],
  ])('changes one step: %s', (_what, options, value) => {
    expect(usd(calculateOnDemandMonth(input, options).total)).toBe(value);
  });
});

describe('calculateModeDifference', () => {
  const input = { shape: 'spiky', base: 100, peak: 1000, readUnitsPerRequest: 1, writeUnitsPerRequest: 0, targetPercent: 70, tableClass: 'standard' } as const;

  it('is the comparison’s signed difference, in cents, with it as the last step', () => {
    const r = calculateModeDifference(input);
    expect(r.total.equals(r.comparison.signedDifference)).toBe(true);
    expect(r.calculation.value).toBe(usd(r.comparison.signedDifference));
    expect(r.calculation.steps.at(-1)?.label).toBe('On-demand minus provisioned (positive: provisioned is cheaper)');
  });

  it('provisions a spiky shape for its peak unless told to auto scale, which costs less', () => {
    const peak = calculateModeDifference(input);
    const scaled = calculateModeDifference(input, 'auto-scaling');
    expect(peak.comparison.provisioned.greaterThan(scaled.comparison.provisioned)).toBe(true);
    expect(peak.comparison.onDemand.equals(scaled.comparison.onDemand)).toBe(true);
  });
});

describe('calculateLambdaCost', () => {
  const input = { users: 10_000, requestsPerUserPerDay: 20, memoryMb: 512, durationMs: 200, architecture: 'x86', freeTier: false } as const;

  it('bills only Lambda lines, after a requests-per-month step', () => {
    const bill = calculateLambdaCost(input);
    expect(bill.lines.map((l) => l.id).every((id) => id.startsWith('lambda.'))).toBe(true);
    expect(bill.calculation.steps[0]).toMatchObject({ label: 'Requests per month', value: '6,083,333' });
  });

  it('leaves out the request charge when told to, and nothing else', () => {
    const all = calculateLambdaCost(input);
    const without = calculateLambdaCost(input, { requestCharge: false });
    const requests = all.lines.find((l) => l.id === 'lambda.requests')!.amount;
    expect(without.total.equals(all.total.minus(requests))).toBe(true);
  });
});

describe('calculateStorageCost knobs', () => {
  const s = { items: 10_000_000, itemBytes: 900, tableClass: 'standard', freeTier: false } as const;

  it('bills 100 B per item over 2^30-byte gigabytes, and says so in the working', () => {
    const bill = calculateStorageCost(s);
    // 10M × 1,000 B / 2^30 = 9.3132 GB × $0.25.
    expect(usd(bill.total)).toBe(2.33);
    expect(bill.lines[0]?.quantity).toContain('(900 B + 100 B) / 2^30');
  });

  it.each([
    ['no per-item overhead', { overheadBytes: 0 }, 2.1, '(900 B + 0 B) / 2^30'],
    ['decimal gigabytes', { bytesPerGb: 1e9 }, 2.5, '/ 1,000,000,000'],
  ])('%s', (_what, knob, value, words) => {
    const bill = calculateStorageCost({ ...s, ...knob });
    expect(usd(bill.total)).toBe(value);
    expect(bill.lines[0]?.quantity).toContain(words);
  });
});
