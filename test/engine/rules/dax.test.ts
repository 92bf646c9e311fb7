import { describe, expect, it } from 'vitest';
import { checkDaxCluster, chooseCache, daxStaleness, tableReadUnitsBehindDax } from '../../../engine/rules/dax.ts';

const base = { sources: ['dynamodb'], readsPerWrite: 50, strongReadsRequired: false, cachesComputedResults: false, ownsInvalidation: false } as const;

describe('chooseCache', () => {
  it.each([
    ['DynamoDB-only, read-heavy', {}, 'dax', ['dynamodb-only-read-heavy']],
    ['strong reads required', { strongReadsRequired: true }, 'no-cache', ['strong-reads-pass-through']],
    ['write-heavy', { readsPerWrite: 0.5 }, 'no-cache', ['write-heavy']],
    ['strong and write-heavy', { strongReadsRequired: true, readsPerWrite: 0.2 }, 'no-cache', ['strong-reads-pass-through', 'write-heavy']],
    ['DynamoDB and Aurora', { sources: ['dynamodb', 'aurora'] }, 'elasticache', ['several-sources']],
    ['computed aggregates', { cachesComputedResults: true }, 'elasticache', ['computed-results']],
    ['own invalidation', { ownsInvalidation: true }, 'elasticache', ['own-invalidation']],
    ['several reasons', { sources: ['rds'], ownsInvalidation: true }, 'elasticache', ['several-sources', 'own-invalidation']],
    ['milliseconds enough, no repeats', { latencyNeed: 'milliseconds', repeatedReads: false }, 'no-cache', ['reads-rarely-repeat']],
    ['milliseconds enough, hot keys', { latencyNeed: 'milliseconds', repeatedReads: true }, 'dax', ['dynamodb-only-read-heavy']],
    ['microseconds wanted, no repeats', { latencyNeed: 'microseconds', repeatedReads: false }, 'no-cache', ['reads-rarely-repeat']],
  ] as const)('%s → %s', (_, overrides, choice, reasons) => {
    expect(chooseCache({ ...base, ...overrides })).toEqual({ choice, reasons });
  });
});

describe('tableReadUnitsBehindDax', () => {
  it('charges the table only for eventual misses', () => {
    // 1,000 reads/s of 3 KB, 90 % hits: 100 misses × 0.5 RCU.
    const calc = tableReadUnitsBehindDax({ readsPerSecond: 1_000, hitRatio: 0.9, itemBytes: 3_000, strongShare: 0 });
    expect(calc.value).toBeCloseTo(50, 9);
    expect(calc.unit).toBe('RCU');
    expect(calc.steps.at(-1)?.value).toBe('50 RCU');
  });

  it('passes every strong read through at full strong price', () => {
    // 800 eventual reads at 75 % hits → 200 × 1 (6 KB = 2 blocks × 0.5); 200 strong × 2.
    const calc = tableReadUnitsBehindDax({ readsPerSecond: 1_000, hitRatio: 0.75, itemBytes: 6_000, strongShare: 0.2 });
    expect(calc.value).toBeCloseTo(600, 9);
  });

  it('offloads nothing at a zero hit ratio', () => {
    expect(tableReadUnitsBehindDax({ readsPerSecond: 400, hitRatio: 0, itemBytes: 4_096, strongShare: 0 }).value).toBe(200);
  });
});

describe('daxStaleness', () => {
  it.each([
    ['through-dax', 'get-item', 'write-through-updates-item-cache', 0],
    ['direct-to-dynamodb', 'get-item', 'item-cache-ttl', 300],
    ['through-dax', 'query', 'query-cache-ttl', 120],
    ['direct-to-dynamodb', 'query', 'query-cache-ttl', 120],
  ] as const)('write %s then %s → %s', (writePath, readKind, cause, upToSeconds) => {
    expect(daxStaleness({ writePath, readKind, itemTtlSeconds: 300, queryTtlSeconds: 120 })).toEqual({ cause, upToSeconds });
  });
});

describe('checkDaxCluster', () => {
  it.each([
    [3, 3, true, []],
    [1, 1, false, []],
    [11, 3, true, []],
    [12, 3, true, ['too-many-nodes']],
    [0, 1, false, ['too-few-nodes']],
    [2, 2, true, ['production-under-three-nodes']],
    [3, 1, true, ['production-single-az']],
    [1, 1, true, ['production-under-three-nodes']],
  ] as const)('%i nodes in %i AZs (production %s) → %j', (nodes, availabilityZones, production, issues) => {
    expect(checkDaxCluster({ nodes, availabilityZones, production })).toEqual(issues);
  });
});
