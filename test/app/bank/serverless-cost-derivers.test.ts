import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../../app/bank/calculators.ts';
import { DERIVERS } from '../../../app/bank/derivers.ts';
import { createRandom } from '../../../app/bank/random.ts';
import {
  BILL_LINES,
  buildSavingBase,
  findClearWinner,
  judgeGuideClaims,
  priceSavings,
  priceTableModes,
  SAVING_CHANGES,
  serverlessCostDerivers,
  splitServerlessBill,
} from '../../../app/bank/serverless-cost-derivers.ts';
import type { ParamValue } from '../../../app/bank/types.ts';
import type { ServerlessInput } from '../../../engine/index.ts';
import { Decimal } from '../../../engine/index.ts';

const SAMPLE: Record<string, ParamValue> = { users: 1000, per_user: 40, stored: 100_000, 'free.flag': true };
const run = (name: string, seed: number, params: Record<string, ParamValue> = SAMPLE) => DERIVERS.get(name)!.derive(params, createRandom(seed));
const dollars = (v: ParamValue | undefined): number => Number(String(v).replace(/[$,]/g, ''));
const d = (n: number) => new Decimal(n);

describe('findClearWinner', () => {
  it.each([
    [{ a: 12, b: 10 }, undefined], // 1.2× is not beyond the margin
    [{ a: 12.01, b: 10, c: 1 }, 'a'],
    [{ a: 3, b: 30, c: 24 }, 'b'],
    [{ a: 5, b: 5 }, undefined],
    [{ a: 0, b: 0 }, undefined],
  ])('%j → %s', (figures, winner) => {
    const decimals = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, d(v)]));
    expect(findClearWinner(decimals)).toBe(winner);
  });
});

describe('priceSavings (REST API, x86, strong reads, no free tier)', () => {
  // 1,000,000 requests of 1,024 MB × 100 ms = 100,000 GB-s; 2 writes and 4 reads of 3,000 B; no stored items.
  const base = buildSavingBase(d(1_000_000), { memoryMb: 1024, durationMs: 100, reads: 4, writes: 2, itemBytes: 3000 }, 0);
  const { savings } = priceSavings(base);
  it.each([
    ['http', 2.5], // $3.50 − $1.00 per million
    ['memory', 1.46], // (100,000 − 12,500) GB-s × $0.0000166667
    ['shrink', 2.5], // 2 writes × (3 − 1) WRU × $0.625 per million
    ['eventual', 0.25], // 4 reads × 0.5 RRU × $0.125 per million
    ['arm', 0.33], // 100,000 GB-s × ($0.0000166667 − $0.0000133334)
  ] as const)('%s saves $%s', (id, usd) => {
    expect(savings[id].toDecimalPlaces(2).toNumber()).toBe(usd);
  });
});

describe('splitServerlessBill', () => {
  it('prices each part of a 1M-request HTTP stack', () => {
    const parts = splitServerlessBill({
      requestsPerMonth: 1_000_000,
      api: 'http',
      memoryMb: 128,
      durationMs: 100,
      architecture: 'x86',
      readsPerRequest: 1,
      writesPerRequest: 1,
      itemBytes: 1000,
      readConsistency: 'eventual',
      storedItems: 0,
      freeTier: false,
      apiFreeTier: false,
    });
    // API $1.00; Lambda $0.20 + 12,500 GB-s × $0.0000166667; 0.5 RRU × $0.125 + 1 WRU × $0.625 per million.
    expect(Object.fromEntries(BILL_LINES.map((l) => [l, parts[l].toDecimalPlaces(4).toNumber()]))).toEqual({
      api: 1,
      lambda: 0.4083,
      requests: 0.6875,
      storage: 0,
    });
  });

  it('never reports a negative storage part when the free 25 GB cover the table', () => {
    const parts = splitServerlessBill({
      requestsPerMonth: 10,
      api: 'http',
      memoryMb: 128,
      durationMs: 1,
      architecture: 'x86',
      readsPerRequest: 0,
      writesPerRequest: 0,
      itemBytes: 1000,
      readConsistency: 'eventual',
      storedItems: 1000,
      freeTier: true,
      apiFreeTier: false,
    });
    expect(parts.storage.toNumber()).toBe(0);
  });
});

describe('priceTableModes', () => {
  it('prices on-demand against capacity held at the peak', () => {
    // 10 req/s average = 26,280,000 requests: 2 eventual reads (26.28M RRU × $0.125) + 1 write (26.28M WRU × $0.625) = $19.71.
    // Peak 100: 100 RCU and 100 WCU × 730 h × ($0.00013 + $0.00065) = $56.94.
    const r = priceTableModes({ peak: 100, average: 10, reads: 2, writes: 1 });
    expect([r.rcu, r.wcu, r.avgRcu, r.avgWcu]).toEqual([100, 100, 10, 10]);
    expect(r.costs['on-demand'].toDecimalPlaces(2).toNumber()).toBe(19.71);
    expect(r.costs['provisioned-peak'].toDecimalPlaces(2).toNumber()).toBe(56.94);
  });
});

describe('serverless cost derivers', () => {
  it.each(serverlessCostDerivers.map((x) => x.name))('%s declares every output and is registered', (name) => {
    const deriver = serverlessCostDerivers.find((x) => x.name === name)!;
    expect(DERIVERS.get(name)).toBe(deriver);
    for (const key of Object.keys(run(name, 3))) expect(deriver.outputs).toContain(key);
  });

  it.each(serverlessCostDerivers.map((x) => x.name))('%s gives the same output for the same seed', (name) => {
    expect(run(name, 42)).toEqual(run(name, 42));
  });

  it('serverlessBiggestSaving keys the largest saving, and each possible winner about equally often', () => {
    const tally: Record<string, number> = {};
    for (let seed = 0; seed < 150; seed++) {
      const out = run('serverlessBiggestSaving', seed);
      const best = String(out.best);
      tally[best] = (tally[best] ?? 0) + 1;
      for (const id of SAVING_CHANGES) if (id !== best) expect(dollars(out.saving_best)).toBeGreaterThan(dollars(out[`saving_${id}`]) * 1.19);
      expect(SAVING_CHANGES).toContain(best);
    }
    for (const id of ['http', 'memory', 'shrink']) expect(tally[id] ?? 0).toBeGreaterThan(30);
  });

  it('serverlessDominantLine keys the largest part of at least $1, every part winning sometimes', () => {
    const tally: Record<string, number> = {};
    for (let seed = 0; seed < 120; seed++) {
      const out = run('serverlessDominantLine', seed, { 'free.flag': seed % 2 === 0 });
      const best = String(out.best);
      tally[best] = (tally[best] ?? 0) + 1;
      expect(dollars(out[`cost_${best}`])).toBeGreaterThanOrEqual(1);
      for (const id of BILL_LINES) if (id !== best) expect(dollars(out[`cost_${best}`])).toBeGreaterThan(dollars(out[`cost_${id}`]) * 1.19);
    }
    for (const id of BILL_LINES) expect(tally[id] ?? 0).toBeGreaterThan(15);
  });

  it('serverlessTableMode keys the cheaper mode, on either side of the ~29% break-even', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const out = run('serverlessTableMode', seed, {});
      const [od, pv] = [dollars(out.cost_on_demand), dollars(out.cost_provisioned)];
      expect(out.best).toBe(od < pv ? 'on-demand' : 'provisioned-peak');
      expect(Number(out.utilisation) < 29).toBe(out.best === 'on-demand');
      seen.add(String(out.best));
    }
    expect(seen.size).toBe(2);
  });
});

describe('serverlessLambdaCost', () => {
  const c = CALCULATORS.get('serverlessLambdaCost')!;
  // 1,000 users × 100 a day × 730/24 = 3,041,667 invocations of 512 MB × 200 ms = 304,166.7 GB-s (x86).
  const args = { users: 1000, requestsPerUserPerDay: 100, memoryMb: 512, durationMs: 200, architecture: 'x86', freeTier: false };
  const wrong = (id: string, a: Record<string, unknown> = args) => c.misconceptions.find((m) => m.id === id)!.compute(c.args.parse(a));

  it.each([
    [{}, 5.68], // $0.61 requests + $5.07 duration
    [{ freeTier: true }, 0.41], // 2,041,667 billed requests; 304,166.7 GB-s are inside the free 400,000
  ])('with %j costs $%s', (change, usd) => {
    expect(c.calculate(c.args.parse({ ...args, ...change })).value).toBe(usd);
  });

  it.each([
    ['free-tier-ignored', { ...args, freeTier: true }, 5.68],
    ['ms-as-seconds', args, 5070.06],
    ['memory-ignored', args, 10.75],
    ['mb-as-gb', args, 5191.73],
    ['requests-left-out', args, 5.07],
    ['per-day-as-monthly', args, 0.19],
  ])('%s gives $%s', (id, a, usd) => {
    expect(wrong(id, a)).toBe(usd);
  });

  it('does not name the memory mistake when the function has exactly 1 GB', () => {
    expect(wrong('memory-ignored', { ...args, memoryMb: 1024 })).toBeNaN();
  });
});

describe('judgeGuideClaims', () => {
  const stack = (requestsPerMonth: number, change: Partial<ServerlessInput> = {}): ServerlessInput => ({
    requestsPerMonth,
    api: 'http',
    memoryMb: 128,
    durationMs: 100,
    architecture: 'x86',
    readsPerRequest: 1,
    writesPerRequest: 1,
    itemBytes: 1000,
    readConsistency: 'eventual',
    storedItems: 0,
    freeTier: false,
    apiFreeTier: false,
    ...change,
  });

  it("declines a stack whose DynamoDB share is the guide's $0.75 (0.5 RRU + 1 WRU = $0.6875 per million requests)", () => {
    expect(judgeGuideClaims(stack(1_090_909), createRandom(1))).toBeUndefined();
  });

  it('states what the model finds for 10M requests of a 1 GB, 400 ms function', () => {
    // API $10.00; Lambda $2.00 + 4,000,000 GB-s × $0.0000166667 = $68.67; DynamoDB $6.88; total $85.54; doubling memory adds $66.67.
    const claims = judgeGuideClaims(stack(10_000_000, { memoryMb: 1024, durationMs: 400 }), createRandom(1))!;
    expect(claims.map((c) => c.truth)).toEqual(['dynamodb-more', 'band-over', 'largest-lambda', 'lambda-above', 'memory-over']);
    for (const c of claims) expect(c.falsehood).not.toBe(c.truth);
  });

  it('serverlessGuideClaims draws one claim of each topic into slots a to e', () => {
    for (let seed = 0; seed < 40; seed++) {
      const out = run('serverlessGuideClaims', seed, { users: 50, 'free.flag': seed % 2 === 0 });
      // Five topics, one claim each; the markdown says True for a and b and False for c to e.
      expect(new Set(['a', 'b', 'c', 'd', 'e'].map((s) => out[`topic_${s}`])).size).toBe(5);
      expect(new Set(['a', 'b', 'c', 'd', 'e'].map((s) => out[`claim_${s}`])).size).toBe(5);
    }
  });
});
