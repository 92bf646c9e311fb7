import { describe, expect, it } from 'vitest';
import { calculateDaxClusterCost, calculateDaxSaving } from '../../../engine/cost/dax.ts';
import { formatUsd } from '../../../engine/cost/money.ts';
import { selectRegionPrices } from '../../../engine/cost/prices.ts';
import {
  calculateRequestsForDynamoDbSpend,
  calculateRequestsPerMonth,
  calculateServerlessCost,
  priceTiered,
  type ServerlessInput,
} from '../../../engine/cost/serverless.ts';
import { Decimal } from '../../../engine/cost/money.ts';
import { buildTrafficProfile, compareModesForTraffic, defaultProvisioning, type TrafficShapeKind } from '../../../engine/cost/traffic-shape.ts';

describe('compareModesForTraffic', () => {
  const compare = (kind: TrafficShapeKind, base: number, peak: number) =>
    compareModesForTraffic({
      profile: buildTrafficProfile(kind, base, peak),
      readUnitsPerRequest: 0,
      writeUnitsPerRequest: 1,
      provisioning: defaultProvisioning(kind),
      targetUtilisation: 0.7,
      tableClass: 'standard',
    });

  it('steady 100 writes/s: on-demand 100 × 86,400 × $0.000000625 × 730/24; provisioned 143 WCU + the 1 RCU minimum', () => {
    const r = compare('steady', 100, 100);
    expect(r.onDemand.toFixed()).toBe('164.25');
    expect(r.provisioned.toFixed()).toBe('67.9484');
    expect(r.cheaper).toBe('provisioned');
    expect(formatUsd(r.difference)).toBe('$96.30');
  });

  it('spiky: two 1,000/s hours over a 5/s base make provisioned-at-peak dearer', () => {
    const r = compare('spiky', 5, 1000);
    // (22 × 5 + 2 × 1,000) × 3,600 = 7,596,000 writes a day.
    expect(r.onDemand.toFixed(4)).toBe('144.4031');
    expect(r.provisioned.toFixed()).toBe('474.5949');
    expect(r.cheaper).toBe('on-demand');
    expect(r.averageUtilisation.lessThan(r.breakEven)).toBe(true);
  });

  it('daily peak follows business hours with auto scaling', () => {
    const profile = buildTrafficProfile('daily-peak', 10, 200);
    expect(profile.filter((x) => x === 200)).toHaveLength(9);
    expect(compare('daily-peak', 10, 200).cheaper).toBe('provisioned');
  });

  it('rejects a profile that is not 24 hours', () => {
    expect(() =>
      compareModesForTraffic({
        profile: [1, 2],
        readUnitsPerRequest: 1,
        writeUnitsPerRequest: 1,
        provisioning: 'auto-scaling',
        targetUtilisation: 0.7,
        tableClass: 'standard',
      }),
    ).toThrow('A traffic profile has 24 hourly values, not 2.');
  });
});

describe('calculateDaxClusterCost', () => {
  it.each([
    { type: 'dax.t3.small', nodes: 1, exact: '29.2' },
    { type: 'dax.r5.large', nodes: 3, exact: '558.45' },
    { type: 'dax.r5.24xlarge', nodes: 11, exact: '98287.2' },
  ] as const)('$nodes × $type', ({ type, nodes, exact }) => {
    expect(calculateDaxClusterCost(type, nodes).total.toFixed()).toBe(exact);
  });

  it.each([0, 12, 2.5])('refuses %s nodes', (nodes) => {
    expect(() => calculateDaxClusterCost('dax.t3.small', nodes)).toThrow(`A DAX cluster has 1 to 11 nodes, not ${nodes}.`);
  });
});

describe('calculateDaxSaving', () => {
  it('pays for itself on an on-demand table: 400 RRU/s offloaded against three t3.small', () => {
    const r = calculateDaxSaving({
      nodeType: 'dax.t3.small',
      nodes: 3,
      readsPerSecond: 1000,
      readItemBytes: 4096,
      hitRatio: 0.8,
      tableMode: 'on-demand',
      targetUtilisation: 0.7,
      tableClass: 'standard',
    });
    // 400 × 2,628,000 = 1,051.2M RRU × $0.125 = $131.40; cluster 3 × 0.04 × 730 = $87.60.
    expect(r.offloadedReadUnits.toFixed()).toBe('400');
    expect(r.saving.toFixed()).toBe('131.4');
    expect(r.net.toFixed()).toBe('43.8');
    expect(r.paysForItself).toBe(true);
  });

  it('does not pay for three r5.large on a provisioned table at 2,500 RCU/s', () => {
    const r = calculateDaxSaving({
      nodeType: 'dax.r5.large',
      nodes: 3,
      readsPerSecond: 5000,
      readItemBytes: 4096,
      hitRatio: 0.9,
      tableMode: 'provisioned',
      targetUtilisation: 0.7,
      tableClass: 'standard',
    });
    // ceil(2,500/0.7) = 3,572 → ceil(250/0.7) = 358 RCU: 3,214 × 0.0949 = 305.0086.
    expect(r.saving.toFixed()).toBe('305.0086');
    expect(r.net.toFixed()).toBe('-253.4414');
    expect(r.calculation.value).toBe(-253.44);
    expect(r.paysForItself).toBe(false);
    // The working writes capacity the way the question does, with thousands separators.
    expect(r.calculation.steps.map((s) => s.formula)).toContain('ceil(2,500 / 0.7) = 3,572 → ceil(250 / 0.7) = 358; (3,572 − 358) × 730 h × $0.00013');
    expect(calculateDaxClusterCost('dax.t3.small', 1).steps.map((s) => s.formula)).toContain('1 node × $0.04 × 730 h');
  });
});

describe('calculateServerlessCost', () => {
  const million: ServerlessInput = {
    requestsPerMonth: 1_000_000,
    api: 'http',
    memoryMb: 128,
    durationMs: 100,
    architecture: 'x86',
    readsPerRequest: 1,
    writesPerRequest: 1,
    itemBytes: 1024,
    readConsistency: 'eventual',
    storedItems: 0,
    freeTier: false,
    apiFreeTier: false,
  };

  it('prices 1M requests: $1.00 API + $0.20 + 12,500 GB-s × $0.0000166667 + $0.625 + $0.0625', () => {
    const r = calculateServerlessCost(million);
    expect(r.bill.total.toFixed()).toBe('2.09583375');
    expect(r.dynamoDb.toFixed()).toBe('0.6875');
    expect(r.calculation.value).toBe(2.1);
  });

  it('lets the Lambda always-free tier cover 1M requests and 12,500 GB-s', () => {
    const r = calculateServerlessCost({ ...million, freeTier: true });
    expect(r.lambda.toFixed()).toBe('0');
    expect(r.bill.total.toFixed()).toBe('1.6875');
  });

  it('bills a fraction of a millisecond as a whole one', () => {
    const r = calculateServerlessCost({ ...million, durationMs: 99.2 });
    expect(r.lambda.toFixed()).toBe(calculateServerlessCost(million).lambda.toFixed());
  });

  it.each([
    { what: 'REST 400M: 333M × $3.50 + 67M × $2.80', api: 'rest' as const, n: 400_000_000, exact: '1353.1' },
    { what: 'HTTP 400M: 300M × $1.00 + 100M × $0.90', api: 'http' as const, n: 400_000_000, exact: '390' },
  ])('tiers API Gateway: $what', ({ api, n, exact }) => {
    const p = selectRegionPrices();
    expect(priceTiered(new Decimal(n), api === 'http' ? p.apiGateway.httpTiers : p.apiGateway.restTiers).amount.toFixed()).toBe(exact);
  });

  it('tiers Lambda GB-seconds past 6 billion', () => {
    const p = selectRegionPrices();
    // 6e9 × 0.0000166667 + 1e9 × 0.000015 = 100,000.2 + 15,000
    expect(priceTiered(new Decimal(7e9), p.lambda.gbSecondTiers, 1).amount.toFixed()).toBe('115000.2');
  });

  it('works out the 50-user month: 50 × 20 requests a day × 730/24', () => {
    expect(calculateRequestsPerMonth(50, 20).toFixed()).toBe('30417');
    const r = calculateServerlessCost({ ...million, requestsPerMonth: calculateRequestsPerMonth(50, 20), freeTier: true });
    expect(r.bill.total.lessThan(1)).toBe(true);
  });

  it('finds how many requests make the study guide’s $0.75 of DynamoDB (1 eventual read + 1 write of 1 KB)', () => {
    // $0.75 / (0.5 × $0.000000125 + 1 × $0.000000625) = 1,090,909.09 → 1,090,910
    expect(calculateRequestsForDynamoDbSpend('0.75', 1, 1, 1024, 'eventual').toFixed()).toBe('1090910');
  });
});
