import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateDaxSaving } from '../../../engine/cost/dax.ts';
import { DAX_NODE_TYPES } from '../../../engine/cost/prices.ts';
import { calculateServerlessCost } from '../../../engine/cost/serverless.ts';
import { calculateBreakEven, calculateCostByUtilisation, calculateWorkloadCost } from '../../../engine/cost/table-cost.ts';
import { buildTrafficProfile, compareModesForTraffic, TRAFFIC_SHAPES } from '../../../engine/cost/traffic-shape.ts';
import { calculateCapacityNeed, type TableWorkload } from '../../../engine/cost/workload.ts';

const workloadArb: fc.Arbitrary<TableWorkload> = fc.record({
  readsPerSecond: fc.integer({ min: 0, max: 50_000 }),
  writesPerSecond: fc.integer({ min: 0, max: 20_000 }),
  readItemBytes: fc.integer({ min: 1, max: 409_600 }),
  writeItemBytes: fc.integer({ min: 1, max: 409_600 }),
  readConsistency: fc.constantFrom('eventual' as const, 'strong' as const),
  transactionalReadShare: fc.constantFrom(0, 0.1, 0.25, 0.5, 1),
  transactionalWriteShare: fc.constantFrom(0, 0.1, 0.25, 0.5, 1),
  gsiCount: fc.integer({ min: 0, max: 20 }),
  storedItems: fc.integer({ min: 0, max: 1_000_000_000 }),
  storedItemBytes: fc.integer({ min: 0, max: 409_600 }),
  tableClass: fc.constantFrom('standard' as const, 'standard-ia' as const),
  freeTier: fc.boolean(),
  targetUtilisation: fc.constantFrom(0.2, 0.5, 0.7, 0.9),
});

describe('cost model properties', () => {
  it('never bills a negative month, whatever the workload', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const c = calculateWorkloadCost(w);
        expect(c.onDemand.total.isNegative()).toBe(false);
        expect(c.provisioned.total.isNegative()).toBe(false);
        expect(c.difference.isNegative()).toBe(false);
      }),
    );
  });

  it('never costs less when reads or writes per second grow', () => {
    fc.assert(
      fc.property(workloadArb, fc.integer({ min: 1, max: 10_000 }), fc.boolean(), (w, extra, onReads) => {
        const more = onReads ? { ...w, readsPerSecond: w.readsPerSecond + extra } : { ...w, writesPerSecond: w.writesPerSecond + extra };
        const a = calculateWorkloadCost(w);
        const b = calculateWorkloadCost(more);
        expect(b.onDemand.total.gte(a.onDemand.total)).toBe(true);
        expect(b.provisioned.total.gte(a.provisioned.total)).toBe(true);
      }),
    );
  });

  it('makes provisioned equal on-demand at the break-even utilisation, within a cent', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const need = calculateCapacityNeed(w);
        const breakEven = calculateBreakEven({
          tableClass: w.tableClass,
          readUnitsPerSecond: need.readUnitsPerSecond,
          writeUnitsPerSecond: need.totalWriteUnitsPerSecond,
        }).combined;
        const [point] = calculateCostByUtilisation(need, w.tableClass, [breakEven.toNumber()]);
        expect(point?.onDemand.minus(point.provisioned).abs().lte(0.01)).toBe(true);
      }),
    );
  });

  it('never bills a negative serverless month and grows with requests', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('http' as const, 'rest' as const),
        fc.boolean(),
        (n, extra, api, free) => {
          const input = {
            api,
            memoryMb: 256,
            durationMs: 50,
            architecture: 'x86' as const,
            readsPerRequest: 2,
            writesPerRequest: 1,
            itemBytes: 2000,
            readConsistency: 'eventual' as const,
            storedItems: 1000,
            freeTier: free,
            apiFreeTier: free,
          };
          const a = calculateServerlessCost({ ...input, requestsPerMonth: n });
          const b = calculateServerlessCost({ ...input, requestsPerMonth: n + extra });
          expect(a.bill.total.isNegative()).toBe(false);
          expect(b.bill.total.gte(a.bill.total)).toBe(true);
        },
      ),
    );
  });

  it('offloads more and saves no less as the DAX hit ratio rises', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DAX_NODE_TYPES),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('provisioned' as const, 'on-demand' as const),
        (nodeType, nodes, reads, hitPercent, tableMode) => {
          const base = { nodeType, nodes, readsPerSecond: reads, readItemBytes: 4096, tableMode, targetUtilisation: 0.7, tableClass: 'standard' as const };
          const lo = calculateDaxSaving({ ...base, hitRatio: hitPercent / 100 });
          const hi = calculateDaxSaving({ ...base, hitRatio: (hitPercent + 1) / 100 });
          expect(hi.saving.gte(lo.saving)).toBe(true);
          expect(lo.clusterCost.isPositive()).toBe(true);
        },
      ),
    );
  });

  it('compares traffic shapes without negative charges, and the gap is the difference of the two', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRAFFIC_SHAPES), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100_000 }), (kind, base, peak) => {
        const r = compareModesForTraffic({
          profile: buildTrafficProfile(kind, base, peak),
          readUnitsPerRequest: 1,
          writeUnitsPerRequest: 1,
          provisioning: 'auto-scaling',
          targetUtilisation: 0.7,
          tableClass: 'standard',
        });
        expect(r.onDemand.isNegative() || r.provisioned.isNegative()).toBe(false);
        expect(r.difference.equals(r.onDemand.minus(r.provisioned).abs())).toBe(true);
      }),
    );
  });
});
