import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../app/bank/calculators.ts';
import { loadBank } from '../../app/bank/index.ts';
import { calculateServerlessCost, calculateRequestsPerMonth } from '../../engine/cost/serverless.ts';
import { calculateProvisionedCost } from '../../engine/cost/table-cost.ts';
import { roundToCents } from '../../engine/cost/money.ts';
import { listPriceRows } from '../../engine/cost/prices.ts';

const COST_DIR = 'content/cost';
const bank = loadBank('content', { rootDir: process.cwd() });
const costIds = bank.scenarios.filter((s) => s.file.startsWith(COST_DIR)).map((s) => s.id as string);

describe('cost scenario families', () => {
  it('all load without errors', () => {
    expect(bank.errors.filter((e) => e.file.startsWith(COST_DIR))).toEqual([]);
    expect(costIds.length).toBe(readdirSync(COST_DIR).filter((f) => f.endsWith('.md')).length);
  });

  it('quote only prices that are in the price table', () => {
    const known = new Set(listPriceRows().flatMap((r) => ('usd' in r.price ? [Number(r.price.usd)] : [])));
    for (const file of readdirSync(COST_DIR)) {
      // The explanation may quote history (the pre-November-2024 $1.25); the question may not.
      const text = readFileSync(join(COST_DIR, file), 'utf8').split('## Explanation')[0]!;
      // "$0.00065 per WCU-hour", "$1.00 per million": a literal price followed by "per".
      for (const m of text.matchAll(/\$(\d[\d.]*) per/g)) expect(known, `${file}: $${m[1]}`).toContain(Number(m[1]));
      for (const m of text.matchAll(/price: ([\d.]+) \}/g)) expect(known, `${file}: node price ${m[1]}`).toContain(Number(m[1]));
    }
  });

  it('grade the 50-user serverless example as the model prices it', () => {
    const id = 'serverless.dynamodb-share';
    const seed = [...Array(200).keys()].find((s) => bank.instance(id, s).variant.params.users === 50);
    expect(seed).toBeDefined();
    const params = bank.instance(id, seed!).variant.params;
    const model = calculateServerlessCost({
      requestsPerMonth: calculateRequestsPerMonth(50, Number(params.per_user)),
      api: 'http',
      memoryMb: 128,
      durationMs: 100,
      architecture: 'x86',
      readsPerRequest: Number(params.reads),
      writesPerRequest: Number(params.writes),
      itemBytes: Number(params.item_bytes),
      readConsistency: 'eventual',
      storedItems: Number(params.stored),
      freeTier: true,
      apiFreeTier: false,
    });
    const result = bank.grade(id, seed!, { kind: 'numeric', value: roundToCents(model.dynamoDb) });
    expect(result.verdict).toBe('correct');
  });

  it('names the forgotten 730 hours on a provisioned table', () => {
    const id = 'capacity.provisioned-monthly-cost';
    const seed = [...Array(200).keys()].find((s) => bank.instance(id, s).variant.params['free.flag'] === false)!;
    const { params } = bank.instance(id, seed).variant;
    const month = calculateProvisionedCost({ rcu: Number(params.rcu), wcu: Number(params.wcu), tableClass: 'standard', freeTier: false }).total;
    expect(bank.grade(id, seed, { kind: 'numeric', value: roundToCents(month) }).verdict).toBe('correct');
    const result = bank.grade(id, seed, { kind: 'numeric', value: roundToCents(month.div(730)) });
    expect(result.kind === 'numeric' && result.misconception?.id).toBe('no-730-hours');
  });

  it.each([
    { calculator: 'onDemandMonthlyCost', args: { reads: 0, writes: 10, per: 'second', readItemBytes: 4096, writeItemBytes: 1024, readConsistency: 'eventual', gsiCount: 2 }, mistake: 'forgot-gsi-writes', right: 49.28, wrong: 16.43 },
    // 100 RCU + 100 WCU: standard 9.49 + 47.45; reserved 30/12 + 1.825 + 150/12 + 9.344 (the AWS page: "up to 54%" off).
    { calculator: 'reservedCapacitySaving', args: { rcu: 100, wcu: 100 }, mistake: 'upfront-left-out', right: 30.77, wrong: 45.77 },
    { calculator: 'storageMonthlyCost', args: { items: 1048576, itemBytes: 924, tableClass: 'standard' }, mistake: 'no-item-overhead', right: 0.25, wrong: 0.23 },
  ])('$calculator names $mistake', ({ calculator, args, mistake, right, wrong }) => {
    const c = CALCULATORS.get(calculator)!;
    const parsed = c.args.parse(args);
    expect(c.calculate(parsed).value).toBe(right);
    expect(c.misconceptions.find((m) => m.id === mistake)!.compute(parsed)).toBe(wrong);
  });
});
