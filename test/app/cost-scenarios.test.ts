import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../app/bank/calculators.ts';
import { loadContentBank } from '../helpers/content-bank.ts';
import { calculateRequestsForDynamoDbSpend, calculateServerlessCost, calculateRequestsPerMonth } from '../../engine/index.ts';
import { calculateProvisionedCost } from '../../engine/index.ts';
import { formatUsd, roundToCents } from '../../engine/index.ts';
import { listPriceRows } from '../../engine/index.ts';

const COST_DIR = 'content/cost';
const bank = loadContentBank();
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
    {
      calculator: 'onDemandMonthlyCost',
      args: { reads: 0, writes: 10, per: 'second', readItemBytes: 4096, writeItemBytes: 1024, readConsistency: 'eventual', gsiCount: 2 },
      mistake: 'forgot-gsi-writes',
      right: 49.28,
      wrong: 16.43,
    },
    // 100 RCU + 100 WCU: standard 9.49 + 47.45; reserved 30/12 + 1.825 + 150/12 + 9.344 (the AWS page: "up to 54%" off).
    { calculator: 'reservedCapacitySaving', args: { rcu: 100, wcu: 100 }, mistake: 'upfront-left-out', right: 30.77, wrong: 45.77 },
    {
      calculator: 'storageMonthlyCost',
      args: { items: 1048576, itemBytes: 924, tableClass: 'standard' },
      mistake: 'no-item-overhead',
      right: 0.25,
      wrong: 0.23,
    },
  ])('$calculator names $mistake', ({ calculator, args, mistake, right, wrong }) => {
    const c = CALCULATORS.get(calculator)!;
    const parsed = c.args.parse(args);
    expect(c.calculate(parsed).value).toBe(right);
    expect(c.misconceptions.find((m) => m.id === mistake)!.compute(parsed)).toBe(wrong);
  });

  it('quotes the study guide check with the model’s own figures', () => {
    // The traffic at which DynamoDB costs the guide's $0.75 (1 eventual read + 1 write of 1 KB a request).
    const requests = calculateRequestsForDynamoDbSpend(0.75, 1, 1, 1024, 'eventual');
    const stack = (api: 'http' | 'rest') =>
      calculateServerlessCost({
        requestsPerMonth: requests,
        api,
        memoryMb: 128,
        durationMs: 100,
        architecture: 'x86',
        readsPerRequest: 1,
        writesPerRequest: 1,
        itemBytes: 1024,
        readConsistency: 'eventual',
        storedItems: 0,
        freeTier: true,
        apiFreeTier: false,
      });
    const explanation = readFileSync(join(COST_DIR, 'serverless-dynamodb-share.md'), 'utf8').split('## Explanation')[1]!;
    const perUserPerDay = requests
      .div(50)
      .div(730 / 24)
      .round()
      .toNumber();
    expect(explanation).toContain(`about ${perUserPerDay} requests each a day`);
    expect(explanation).toContain(`about ${formatUsd(stack('http').apiGateway)}`);
    expect(explanation).toContain(`about ${formatUsd(stack('http').bill.total)} in all`);
    expect(explanation).toContain(`about ${formatUsd(stack('rest').bill.total)}`);
  });

  it('does not rule out the guide’s $3–15 for 50 users when its own 50-user variants reach it', () => {
    const id = 'serverless.stack-monthly-cost';
    const totals = [...Array(400).keys()]
      .map((s) => bank.instance(id, s))
      .filter((i) => i.variant.params.users === 50)
      .map((i) => (i.key.kind === 'numeric' ? i.key.calculation.value : Number.NaN));
    expect(totals.some((t) => t >= 3 && t <= 15)).toBe(true);
    expect(totals.some((t) => t < 3)).toBe(true);
    const explanation = readFileSync(join(COST_DIR, 'serverless-stack-cost.md'), 'utf8').split('## Explanation')[1]!;
    expect(explanation).not.toMatch(/cannot come from/);
  });

  it('labels any rate that is not AWS’s as made up, in every rendered variant', () => {
    const known = new Set(listPriceRows().flatMap((r) => ('usd' in r.price ? [Number(r.price.usd)] : [])));
    for (const id of costIds) {
      for (let seed = 0; seed < 40; seed++) {
        const text = bank.variant(id, seed).promptHtml.replace(/<[^>]+>/g, '');
        const foreign = [...text.matchAll(/\$([\d,]*\d(?:\.\d+)?) per/g)].map((m) => Number(m[1]!.replace(/,/g, ''))).filter((usd) => !known.has(usd));
        if (foreign.length > 0) expect(text, `${id} seed ${seed} quotes $${foreign.join(', $')}`).toMatch(/made-up/);
      }
    }
  });

  it('says whether the free tier counts wherever it could (provisioned capacity, storage)', () => {
    for (const id of costIds) {
      for (let seed = 0; seed < 40; seed++) {
        const text = bank.variant(id, seed).promptHtml.replace(/<[^>]+>/g, '');
        if (/per (RCU|WCU)-hour|per GB-month/.test(text)) expect(text, `${id} seed ${seed}`).toMatch(/free/);
      }
    }
  });
});
