/**
 * Keys read off simulated runs (issue 13): each run against figures worked by hand from AWS's
 * rules, and the write-sharding design family, whose unsharded design must be throttled in every
 * variant while the sharded reference never is.
 */
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../../app/bank/types.ts';
import { runDaxHitRatio, runGsiThrottle, runHotKey, runOnDemandSpike, runSwitchToOnDemand } from '../../../app/grading/sim-calculators.ts';
import { SIMULATION_DERIVERS } from '../../../app/grading/simulation.ts';
import { loadContentBank } from '../../helpers/content-bank.ts';

describe('runOnDemandSpike', () => {
  // A new table serves 4,000 WRU at once; after a peak P it serves max(4,000, 2P), at most the 40,000 quota.
  it.each([
    { previousPeak: 0, spike: 6000, limit: 4000, throttled: 2000 },
    { previousPeak: 1500, spike: 6000, limit: 4000, throttled: 2000 },
    { previousPeak: 3000, spike: 6000, limit: 6000, throttled: 0 },
    { previousPeak: 8000, spike: 20000, limit: 16000, throttled: 4000 },
    { previousPeak: 12000, spike: 30000, limit: 24000, throttled: 6000 },
  ])('previous peak $previousPeak, spike $spike: serves $limit, throttles $throttled', ({ previousPeak, spike, limit, throttled }) => {
    const run = runOnDemandSpike({ previousPeak, spike });
    expect(run.limit).toBe(limit);
    expect(run.throttled).toBe(throttled);
    expect(run.served + run.throttled).toBe(spike);
  });

  it('reaches a peak above 4,000 by doubling, never throttled on the way', () => {
    expect(runOnDemandSpike({ previousPeak: 12000, spike: 100 }).ramp).toEqual([4000, 8000, 12000]);
  });
});

describe('runHotKey', () => {
  // 3,000 WCU over 9 partitions: a share of 333; adaptive capacity lends up to 1,000 and no further.
  it.each([
    { hot: 300, served: 300 },
    { hot: 600, served: 600 },
    { hot: 1000, served: 1000 },
    { hot: 1200, served: 1000 },
    { hot: 2500, served: 1000 },
  ])('hot key at $hot WCU/s on a 333 WCU share: $served served', ({ hot, served }) => {
    expect(runHotKey({ provisioned: 3000, partitions: 9, hot, others: 600 }).served).toBe(served);
  });
});

describe('runGsiThrottle', () => {
  it.each([
    { tableWcu: 800, gsiWcu: 300, writes: 700, served: 300 },
    { tableWcu: 500, gsiWcu: 500, writes: 500, served: 500 },
    { tableWcu: 400, gsiWcu: 900, writes: 600, served: 400 },
  ])('table $tableWcu, GSI $gsiWcu, $writes writes/s: $served served', ({ tableWcu, gsiWcu, writes, served }) => {
    expect(runGsiThrottle({ tableWcu, gsiWcu, writes }).served).toBe(served);
  });
});

describe('runDaxHitRatio', () => {
  // Each item read every E seconds with a T-second TTL: one miss per T/E reads once warm.
  it.each([
    { everySeconds: 60, ttlSeconds: 300, ratio: 0.8 },
    { everySeconds: 30, ttlSeconds: 300, ratio: 0.9 },
    { everySeconds: 150, ttlSeconds: 300, ratio: 0.5 },
    { everySeconds: 60, ttlSeconds: 60, ratio: 0 },
  ])('every $everySeconds s, TTL $ttlSeconds s: $ratio', ({ everySeconds, ttlSeconds, ratio }) => {
    const run = runDaxHitRatio({ everySeconds, ttlSeconds });
    expect(run.hits / run.reads).toBeCloseTo(ratio, 5);
  });
});

describe('simulatedBurstPlan', () => {
  const derive = SIMULATION_DERIVERS.find((d) => d.name === 'simulatedBurstPlan')!.derive;
  // 1,000 WCU, 500 used: 300 × 500 = 150,000 banked; a 2,000 WCU spike draws 1,000 a second: 150 s.
  it.each([
    { duration: 120, best: 'keep' },
    { duration: 150, best: 'keep' },
    { duration: 180, best: 'on-demand' },
  ])('a 150-second bank against a $duration-second spike: $best', ({ duration, best }) => {
    const out = derive({ provisioned: 1000, consumed: 500, spike: 2000, duration });
    expect(out.best).toBe(best);
    expect(out.burst_seconds).toBe(150);
  });

  it('a table switched to on-demand serves 4,000 WRU at once and refuses more', () => {
    expect(runSwitchToOnDemand({ provisioned: 1000, spike: 4000 }).throttled).toBe(0);
    expect(runSwitchToOnDemand({ provisioned: 1000, spike: 4500 }).throttled).toBeGreaterThan(0);
  });
});

describe('keys.sim-write-sharding', () => {
  const bank = loadContentBank();
  const id = 'keys.sim-write-sharding';
  type Design = Extract<GradeResult, { kind: 'request' | 'design' }>;
  const design = (seed: number, json: string) => bank.grade(id, seed, { kind: 'design', json }) as Design;
  const unsharded = JSON.stringify({
    TableName: 'MatchEvents',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'matchId', AttributeType: 'S' },
      { AttributeName: 'at', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'matchId', KeyType: 'HASH' },
      { AttributeName: 'at', KeyType: 'RANGE' },
    ],
  });

  it('throttles the unsharded design for every match and never the sharded reference', () => {
    // Where the writes land depends only on the match's keys (the shard picked changes one read): one seed per match.
    const matches = new Set<string>();
    for (let seed = 0; seed < 100 && matches.size < 5; seed++) {
      const match = String(bank.variant(id, seed).params['app.match']);
      if (matches.has(match)) continue;
      matches.add(match);
      const wrong = design(seed, unsharded);
      const throughput = wrong.checks.find((c) => c.id === 'throughput')!;
      expect(throughput.passed, `seed ${seed}`).toBe(false);
      expect(throughput.detail).toMatch(/writes: 200 of 1200 throttled/);
      const right = design(seed, (bank.referenceAnswer(id, seed) as { json: string }).json);
      expect(right.score, `seed ${seed}`).toBe(1);
    }
    expect(matches.size).toBe(5);
  });
});
