import { describe, expect, it } from 'vitest';
import {
  calculateBreakEven,
  calculateBreakEvenForPrices,
  calculateOnDemandRequestCost,
  calculateProvisionedCost,
  calculateReservedCapacityCost,
  calculateStorageCost,
  calculateStorageGb,
  calculateWorkloadCost,
  provisionUnits,
} from '../../../engine/cost/table-cost.ts';
import { calculateCapacityNeed, DEFAULT_WORKLOAD, type TableWorkload } from '../../../engine/cost/workload.ts';
import { formatUsd } from '../../../engine/cost/money.ts';

// Sources: Infracost golden dynamodb_table_test @ 0b97cc5 (2024-11-15); facts file §4 (break-even and
// "1 WCU-month = 759,200 on-demand writes"); AWS AutoScaling.html (150 consumed at 70 % → 215).
describe('calculateProvisionedCost', () => {
  it.each([
    { what: 'Infracost golden: 20 WCU', rcu: 0, wcu: 20, free: false, cls: 'standard', exact: '9.49', cents: 9.49 },
    { what: 'Infracost golden: 30 RCU', rcu: 30, wcu: 0, free: false, cls: 'standard', exact: '2.847', cents: 2.85 },
    { what: 'facts §4: 1 WCU for 730 h', rcu: 0, wcu: 1, free: false, cls: 'standard', exact: '0.4745', cents: 0.47 },
    { what: 'facts §4: 1 RCU for 730 h', rcu: 1, wcu: 0, free: false, cls: 'standard', exact: '0.0949', cents: 0.09 },
    { what: 'free tier covers 25 WCU + 25 RCU', rcu: 25, wcu: 25, free: true, cls: 'standard', exact: '0', cents: 0 },
    { what: 'free tier: 75 of 100 WCU and RCU billed', rcu: 100, wcu: 100, free: true, cls: 'standard', exact: '42.705', cents: 42.71 },
    { what: 'Standard-IA 10 WCU (ScyllaDB $0.00081), no free tier for IA', rcu: 0, wcu: 10, free: true, cls: 'standard-ia', exact: '5.913', cents: 5.91 },
  ] as const)('$what', ({ rcu, wcu, free, cls, exact, cents }) => {
    const bill = calculateProvisionedCost({ rcu, wcu, freeTier: free, tableClass: cls });
    expect(bill.total.toFixed()).toBe(exact);
    expect(bill.calculation.value).toBe(cents);
    expect(bill.calculation.unit).toBe('USD/month');
  });

  it('charges replicated WCU for each other Region of a global table at the single-Region rate', () => {
    const bill = calculateProvisionedCost({ rcu: 0, wcu: 10, freeTier: false, tableClass: 'standard', replicaRegions: 2 });
    // 10 × 730 × 0.00065 = 4.745, three times.
    expect(bill.total.toFixed()).toBe('14.235');
  });

  it('shows 730 hours in the working', () => {
    const steps = calculateProvisionedCost({ rcu: 30, wcu: 20, freeTier: false, tableClass: 'standard' }).calculation.steps;
    expect(steps.map((s) => s.formula)).toContain('20 WCU × 730 h × $0.00065 per WCU-hour');
  });
});

describe('calculateOnDemandRequestCost', () => {
  it.each([
    { what: 'Infracost golden: 3M WRU', reads: 0, writes: 3_000_000, cls: 'standard', exact: '1.875', cents: 1.88 },
    { what: '1M RRU at $0.125', reads: 1_000_000, writes: 0, cls: 'standard', exact: '0.125', cents: 0.13 },
    { what: 'facts §4: 759,200 writes cost one WCU-month', reads: 0, writes: 759_200, cls: 'standard', exact: '0.4745', cents: 0.47 },
    { what: 'Standard-IA 1M WRU + 1M RRU (ScyllaDB)', reads: 1_000_000, writes: 1_000_000, cls: 'standard-ia', exact: '0.935', cents: 0.94 },
  ] as const)('$what', ({ reads, writes, cls, exact, cents }) => {
    const bill = calculateOnDemandRequestCost({ readUnitsPerMonth: reads, writeUnitsPerMonth: writes, tableClass: cls });
    expect(bill.total.toFixed()).toBe(exact);
    expect(bill.calculation.value).toBe(cents);
  });
});

describe('calculateStorageCost', () => {
  // 924 B + 100 B overhead = 1,024 B, so 2^20 items make exactly 1 GB.
  const GB_ITEMS = 1024 * 1024;
  it.each([
    { what: '30 GB, no free tier', items: 30 * GB_ITEMS, bytes: 924, free: false, cls: 'standard', exact: '7.5' },
    { what: '30 GB, first 25 GB free', items: 30 * GB_ITEMS, bytes: 924, free: true, cls: 'standard', exact: '1.25' },
    { what: '20 GB, all free', items: 20 * GB_ITEMS, bytes: 924, free: true, cls: 'standard', exact: '0' },
    { what: '100 GB Standard-IA, free tier is Standard only', items: 100 * GB_ITEMS, bytes: 924, free: true, cls: 'standard-ia', exact: '10' },
  ] as const)('$what', ({ items, bytes, free, cls, exact }) => {
    expect(calculateStorageCost({ items, itemBytes: bytes, freeTier: free, tableClass: cls }).total.toFixed()).toBe(exact);
  });

  it('adds 100 B of overhead to every item', () => {
    expect(
      calculateStorageGb(1, 0)
        .times(1024 ** 3)
        .toFixed(),
    ).toBe('100');
    // 1,000,000 × 1,124 B = 1,124,000,000 B = 1.0468 GB → $0.26.
    expect(formatUsd(calculateStorageCost({ items: 1_000_000, itemBytes: 1024, freeTier: false, tableClass: 'standard' }).total)).toBe('$0.26');
  });
});

describe('calculateBreakEven', () => {
  it('derives 28.9 % for writes and reads from the Standard prices (13/45)', () => {
    const b = calculateBreakEven({ tableClass: 'standard' });
    expect(b.writes.times(45).toFixed()).toBe('13');
    expect(b.reads.times(45).toFixed()).toBe('13');
    expect(b.calculation.value).toBe(28.9);
  });

  it.each([
    { what: 'today, writes: $0.00065 against $0.625 per million', hourly: 0.00065, perMillion: 0.625, percent: 28.9 },
    { what: 'before the 2024-11-01 cut (facts §4): $0.00065 against $1.25 per million', hourly: 0.00065, perMillion: 1.25, percent: 14.4 },
    { what: 'today, reads: $0.00013 against $0.125 per million', hourly: 0.00013, perMillion: 0.125, percent: 28.9 },
  ])('gives $percent % for any pair of prices: $what', ({ hourly, perMillion, percent }) => {
    expect(calculateBreakEvenForPrices(hourly, perMillion).value).toBe(percent);
  });

  it.each([
    // $0.00065 an hour against one $0.000000625 request: 1,040 times, 104,000 %.
    { what: 'one request instead of the 3,600 an hour serves', options: { requestsPerUnitHour: 1 }, percent: 104_000 },
    // $0.00225 for 3,600 requests over $0.00065: 346.2 %.
    { what: 'the ratio turned over', options: { inverted: true }, percent: 346.2 },
  ])('with one step changed for a mistake ($what) gives $percent %', ({ options, percent }) => {
    expect(calculateBreakEvenForPrices(0.00065, 0.625, options).value).toBe(percent);
  });

  it('differs for reads and writes in Standard-IA, and weights a mix by cost', () => {
    const b = calculateBreakEven({ tableClass: 'standard-ia', readUnitsPerSecond: 100, writeUnitsPerSecond: 0 });
    expect(b.writes.toFixed(4)).toBe('0.2885');
    expect(b.reads.toFixed(4)).toBe('0.2867');
    expect(b.combined.equals(b.reads)).toBe(true);
  });
});

describe('provisionUnits', () => {
  it.each([
    { consumed: 150, target: 0.7, units: 215, source: 'AWS AutoScaling.html example' },
    { consumed: 70, target: 0.7, units: 100, source: 'exact division' },
    { consumed: 0, target: 0.7, units: 1, source: 'minimum 1 unit (ServiceQuotas)' },
  ])('$consumed at $target → $units ($source)', ({ consumed, target, units }) => {
    expect(provisionUnits(consumed, target)).toBe(units);
  });
});

describe('calculateCapacityNeed', () => {
  const base: TableWorkload = { ...DEFAULT_WORKLOAD, gsiCount: 0 };
  it.each([
    { what: '3,500 B strong read = 1 block (facts §2)', w: { readItemBytes: 3500, readConsistency: 'strong' as const, readsPerSecond: 1 }, rcu: '1' },
    { what: '10 KB strong read = 3 blocks (facts §2)', w: { readItemBytes: 10 * 1024, readConsistency: 'strong' as const, readsPerSecond: 1 }, rcu: '3' },
    { what: '10 KB eventual read = 1.5', w: { readItemBytes: 10 * 1024, readConsistency: 'eventual' as const, readsPerSecond: 1 }, rcu: '1.5' },
    {
      what: 'half the 4 KB reads transactional: 10 × (0.5 × 1 + 0.5 × 2)',
      w: { readItemBytes: 4096, readConsistency: 'strong' as const, readsPerSecond: 10, transactionalReadShare: 0.5 },
      rcu: '15',
    },
  ])('$what', ({ w, rcu }) => {
    expect(calculateCapacityNeed({ ...base, ...w }).readUnitsPerSecond.toFixed()).toBe(rcu);
  });

  it('doubles transactional writes and adds one write per GSI', () => {
    const need = calculateCapacityNeed({ ...base, writesPerSecond: 10, writeItemBytes: 2048, transactionalWriteShare: 0.5, gsiCount: 2, gsiEntryBytes: 500 });
    // table: 10 × (0.5 × 2 + 0.5 × 4) = 30; GSIs: 2 × 10 × 1 = 20.
    expect(need.tableWriteUnitsPerSecond.toFixed()).toBe('30');
    expect(need.totalWriteUnitsPerSecond.toFixed()).toBe('50');
  });
});

describe('calculateWorkloadCost', () => {
  it('prices the default workload both ways (worked by hand)', () => {
    // 50 RCU/s, 20 WCU/s + 20 GSI WCU/s; storage 2 × 1,124,000,000 B.
    const c = calculateWorkloadCost(DEFAULT_WORKLOAD);
    // On-demand: 105.12M WRU × 0.625 + 131.4M RRU × 0.125 + 2.0936 GB × 0.25
    expect(formatUsd(c.onDemand.total)).toBe('$82.65');
    // Provisioned: (72 + the GSI's minimum 1) RCU × 0.0949 + (29 + 29) WCU × 0.4745 + storage
    expect(c.provisionedRcu).toBe(73);
    expect(c.provisionedWcu).toBe(58);
    expect(formatUsd(c.provisioned.total)).toBe('$34.97');
    expect(c.cheaper).toBe('provisioned');
    expect(c.calculation.value).toBe(47.68);
  });

  it('charges the GSI writes as their own line', () => {
    const c = calculateWorkloadCost(DEFAULT_WORKLOAD);
    const gsi = c.onDemand.lines.find((l) => l.id === 'ondemand.gsi.writes');
    expect(gsi?.amount.toFixed()).toBe('32.85');
  });

  it('makes on-demand cheaper for a trickle of traffic on the free tier-less minimum table', () => {
    const c = calculateWorkloadCost({ ...DEFAULT_WORKLOAD, readsPerSecond: 0.01, writesPerSecond: 0.01, gsiCount: 0, storedItems: 0 });
    expect(c.cheaper).toBe('on-demand');
  });
});

describe('calculateWorkloadCost with a global table and PITR', () => {
  // 2^20 items × (924 B + 100 B) = exactly 1 GB; 10 writes/s of 1 KB; no reads, no GSI.
  const w: TableWorkload = {
    ...DEFAULT_WORKLOAD,
    readsPerSecond: 0,
    writesPerSecond: 10,
    gsiCount: 0,
    storedItems: 1024 * 1024,
    storedItemBytes: 924,
    replicaRegions: 2,
    pointInTimeRecovery: true,
  };
  const amounts = (lines: readonly { id: string; amount: { toFixed(): string } }[]) => Object.fromEntries(lines.map((l) => [l.id, l.amount.toFixed()]));

  it('bills replicated writes per other Region at the single-Region rate (facts §4, since 2024-11-01)', () => {
    const c = calculateWorkloadCost(w);
    // 10 × 2,628,000 × 2 = 52.56M rWRU × $0.625; provisioned: 2 × ceil(10 / 0.7) = 30 rWCU × 730 h × $0.00065.
    expect(amounts(c.onDemand.lines)['ondemand.replicated.writes']).toBe('32.85');
    expect(amounts(c.provisioned.lines)['provisioned.rwcu']).toBe('14.235');
  });

  it('holds the 1 RCU minimum in each replica table and replica GSI (facts §5: min 1 unit)', () => {
    // 2 other Regions × (table + 1 GSI) = 4 RCU × 730 h × $0.00013.
    expect(amounts(calculateWorkloadCost({ ...w, gsiCount: 1 }).provisioned.lines)['provisioned.replica.rcu']).toBe('0.3796');
  });

  it('bills each replica’s GSI writes in regular write units (Prescriptive Guidance global tables FAQ)', () => {
    // One GSI of 1 KB entries: 10 writes/s land in it in each of the 2 other Regions too.
    const c = calculateWorkloadCost({ ...w, gsiCount: 1 });
    // 10 × 2,628,000 × 2 = 52.56M WRU × $0.625; provisioned: 2 × ceil(10 / 0.7) = 30 WCU × 730 h × $0.00065.
    expect(amounts(c.onDemand.lines)['ondemand.replica.gsi.writes']).toBe('32.85');
    expect(amounts(c.provisioned.lines)['provisioned.replica.gsi.wcu']).toBe('14.235');
    expect(amounts(calculateWorkloadCost(w).onDemand.lines)['ondemand.replica.gsi.writes']).toBeUndefined();
  });

  it('stores a copy in each replica and bills PITR on the table size', () => {
    const lines = amounts(calculateWorkloadCost(w).onDemand.lines);
    expect(lines['replica.storage']).toBe('0.5');
    expect(lines.pitr).toBe('0.2');
  });
});

describe('calculateReservedCapacityCost', () => {
  it('prices 100 WCU reserved for a year at $150/12 + $0.0128 × 730 (ScyllaDB config, M)', () => {
    const bill = calculateReservedCapacityCost({ rcu: 0, wcu: 100 });
    expect(bill.total.toFixed()).toBe('21.844');
  });

  it('reserves whole hundreds and bills the rest at the standard rate', () => {
    // 2 × (30/12 + 0.0025 × 730) = 8.65 for 200 RCU; 50 RCU × 730 × 0.00013 = 4.745.
    expect(calculateReservedCapacityCost({ rcu: 250, wcu: 0 }).total.toFixed()).toBe('13.395');
  });

  it('is cheaper than standard provisioning for the same capacity', () => {
    const standard = calculateProvisionedCost({ rcu: 1000, wcu: 500, freeTier: false, tableClass: 'standard' }).total;
    expect(calculateReservedCapacityCost({ rcu: 1000, wcu: 500 }).total.lessThan(standard)).toBe(true);
  });
});
