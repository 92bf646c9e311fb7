/**
 * Derivers for the serverless cost families: each draws a stack (API Gateway + Lambda +
 * DynamoDB) or a table's traffic, prices it with the cost model in engine/cost/, and keys the
 * option the bill itself picks, so no variant's answer is typed in.
 *
 * "Cheapest" and "largest" questions need one clear winner: each deriver first draws which
 * option should win (so every option is the key about equally often), then redraws the numbers
 * until the model agrees with a margin of at least 20 %. The whys carry the computed figures.
 */
import {
  calculateOnDemandRequestCost,
  calculateProvisionedCost,
  calculateRequestsPerMonth,
  calculateServerlessCost,
  Decimal,
  formatUsd,
  type ServerlessInput,
} from '../../engine/index.ts';
import type { Deriver } from './derivers.ts';
import type { Random } from './random.ts';
import type { ParamValue, Params } from './types.ts';

function num(p: Params, name: string): number {
  const v = p[name];
  if (typeof v !== 'number') throw new TypeError(`Parameter ${name} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function bool(p: Params, name: string): boolean {
  const v = p[name];
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new TypeError(`Parameter ${name} must be a boolean, got ${JSON.stringify(v)}`);
}

/** A winner must beat the runner-up by this factor, so rounding in the learner's working cannot flip it. */
const MARGIN = 1.2;
const TRIES = 2000;
const stepped = (random: Random, min: number, max: number, step: number): number => min + step * random.int(0, Math.floor((max - min) / step));

/** The id with the largest figure, when it beats every other by MARGIN; otherwise undefined. */
export function findClearWinner<K extends string>(figures: Readonly<Record<K, Decimal>>, margin = MARGIN): K | undefined {
  const ranked = (Object.entries(figures) as [K, Decimal][]).sort((a, b) => b[1].comparedTo(a[1]));
  const [first, second] = ranked;
  if (first === undefined) return undefined;
  if (second === undefined) return first[0];
  return first[1].gt(second[1].times(margin)) ? first[0] : undefined;
}

/** Draw with `draw` until `winnerOf` names `target` (drawn uniformly from `ids`); any clear winner after TRIES. */
function drawForWinner<T, K extends string>(random: Random, ids: readonly K[], draw: () => T, winnerOf: (t: T) => K | undefined): { value: T; best: K } {
  const target = random.pick(ids);
  let fallback: { value: T; best: K } | undefined;
  for (let i = 0; i < TRIES; i++) {
    const value = draw();
    const best = winnerOf(value);
    if (best === target) return { value, best };
    if (best !== undefined) fallback ??= { value, best };
  }
  if (fallback === undefined) throw new RangeError(`no draw gave a clear winner among ${ids.join(', ')}`);
  return fallback;
}

// ---------------------------------------------------------------- the change that saves most

export const SAVING_CHANGES = ['http', 'memory', 'shrink', 'eventual', 'arm'] as const;
export type SavingChange = (typeof SAVING_CHANGES)[number];
/** Only these can win with the drawn ranges: Arm's 20 % of compute never beats dropping memory to 128 MB (≥ 75 %), eventual reads save 0.0625 $/M per read. */
const SAVING_WINNERS: readonly SavingChange[] = ['http', 'memory', 'shrink'];
const SMALL_ITEM_BYTES = 1000;
const LOW_MEMORY_MB = 128;

export interface StackDraw {
  readonly memoryMb: number;
  readonly durationMs: number;
  readonly reads: number;
  readonly writes: number;
  readonly itemBytes: number;
}

/** The stack before any change: REST API, x86, strong reads, free tier used elsewhere. */
export function buildSavingBase(requestsPerMonth: Decimal, d: StackDraw, storedItems: number): ServerlessInput {
  return {
    requestsPerMonth,
    api: 'rest',
    memoryMb: d.memoryMb,
    durationMs: d.durationMs,
    architecture: 'x86',
    readsPerRequest: d.reads,
    writesPerRequest: d.writes,
    itemBytes: d.itemBytes,
    readConsistency: 'strong',
    storedItems,
    freeTier: false,
    apiFreeTier: false,
  };
}

const CHANGED: Readonly<Record<SavingChange, Partial<ServerlessInput>>> = {
  http: { api: 'http' },
  memory: { memoryMb: LOW_MEMORY_MB },
  shrink: { itemBytes: SMALL_ITEM_BYTES },
  eventual: { readConsistency: 'eventual' },
  arm: { architecture: 'arm' },
};

/** What each change saves a month against the base stack, priced by the model. */
export function priceSavings(base: ServerlessInput): { total: Decimal; savings: Record<SavingChange, Decimal> } {
  const total = calculateServerlessCost(base).bill.total;
  const savings = {} as Record<SavingChange, Decimal>;
  for (const id of SAVING_CHANGES) savings[id] = total.minus(calculateServerlessCost({ ...base, ...CHANGED[id] }).bill.total);
  return { total, savings };
}

const biggestSaving: Deriver = {
  name: 'serverlessBiggestSaving',
  description:
    'From `users`, `per_user` (requests a user a day) and `stored` (items): draws a REST-API x86 stack (memory, duration, strong reads, writes, item size) and keys the change that cuts the monthly bill most (best: http | memory | shrink | eventual | arm), with each saving in its why.',
  outputs: ['best', 'memory', 'duration', 'reads', 'writes', 'item_bytes', 'requests', 'bill', 'saving_best', ...SAVING_CHANGES.map((id) => `saving_${id}`)],
  derive(p, random) {
    const requests = calculateRequestsPerMonth(num(p, 'users'), num(p, 'per_user'));
    const stored = num(p, 'stored');
    const { value, best } = drawForWinner(
      random,
      SAVING_WINNERS,
      () => {
        const d: StackDraw = {
          memoryMb: random.pick([512, 1024, 1536, 2048, 3008]),
          durationMs: stepped(random, 20, 400, 10),
          reads: random.int(1, 4),
          writes: random.int(1, 3),
          itemBytes: stepped(random, 1100, 4000, 100),
        };
        return { d, priced: priceSavings(buildSavingBase(requests, d, stored)) };
      },
      (v) => findClearWinner(v.priced.savings),
    );
    const { d, priced } = value;
    const out: Record<string, ParamValue> = {
      best,
      memory: d.memoryMb,
      duration: d.durationMs,
      reads: d.reads,
      writes: d.writes,
      item_bytes: d.itemBytes,
      requests: requests.toNumber(),
      bill: formatUsd(priced.total),
      saving_best: formatUsd(priced.savings[best]),
    };
    for (const id of SAVING_CHANGES) out[`saving_${id}`] = formatUsd(priced.savings[id]);
    return out;
  },
};

// ---------------------------------------------------------------- the line that dominates

export const BILL_LINES = ['api', 'lambda', 'requests', 'storage'] as const;
export type BillLine = (typeof BILL_LINES)[number];

/** The bill's four parts: API Gateway, Lambda (requests and duration), DynamoDB request units, DynamoDB storage. */
export function splitServerlessBill(input: ServerlessInput): Record<BillLine, Decimal> {
  const r = calculateServerlessCost(input);
  const sum = (pick: (id: string) => boolean) => r.bill.lines.filter((l) => pick(l.id)).reduce((a, l) => a.plus(l.amount), new Decimal(0));
  return {
    api: r.apiGateway,
    lambda: r.lambda,
    requests: sum((id) => id.startsWith('ondemand.')),
    storage: Decimal.max(
      sum((id) => id.startsWith('storage')),
      0,
    ),
  };
}

const dominantLine: Deriver = {
  name: 'serverlessDominantLine',
  description:
    'From `free.flag` (always-free allowances on): draws a stack (users, requests, API type, memory, duration, reads, writes, item size, stored items) and keys the largest part of its monthly bill (best: api | lambda | requests | storage), each part in its why.',
  outputs: [
    'best',
    'users',
    'per_user',
    'requests',
    'api',
    'memory',
    'duration',
    'reads',
    'writes',
    'item_bytes',
    'stored',
    'bill',
    ...BILL_LINES.map((id) => `cost_${id}`),
  ],
  derive(p, random) {
    const freeTier = bool(p, 'free.flag');
    const { value, best } = drawForWinner(
      random,
      BILL_LINES,
      () => {
        const users = random.pick([50, 200, 500, 1000, 2500, 5000, 10000, 20000]);
        const perUser = random.pick([5, 10, 20, 40, 60, 100, 150, 200]);
        const input: ServerlessInput = {
          requestsPerMonth: calculateRequestsPerMonth(users, perUser),
          api: random.pick(['http', 'rest'] as const),
          memoryMb: random.pick([128, 256, 512, 1024, 1536, 2048]),
          durationMs: random.pick([20, 50, 100, 200, 400, 800, 1500]),
          architecture: 'x86',
          readsPerRequest: random.int(0, 4),
          writesPerRequest: random.int(0, 3),
          itemBytes: stepped(random, 200, 8000, 200),
          readConsistency: 'eventual',
          storedItems: random.pick([10_000, 100_000, 1_000_000, 10_000_000, 50_000_000, 200_000_000]),
          freeTier,
          apiFreeTier: false,
        };
        return { users, perUser, input, parts: splitServerlessBill(input) };
      },
      // A question about which line dominates a bill of a few cents teaches nothing: at least $1.
      (v) => {
        const w = findClearWinner(v.parts);
        return w !== undefined && v.parts[w].gte(1) ? w : undefined;
      },
    );
    const { input, parts } = value;
    const out: Record<string, ParamValue> = {
      best,
      users: value.users,
      per_user: value.perUser,
      requests: new Decimal(input.requestsPerMonth).toNumber(),
      api: input.api,
      memory: input.memoryMb,
      duration: input.durationMs,
      reads: input.readsPerRequest,
      writes: input.writesPerRequest,
      item_bytes: input.itemBytes,
      stored: input.storedItems,
      bill: formatUsd(calculateServerlessCost(input).bill.total),
    };
    for (const id of BILL_LINES) out[`cost_${id}`] = formatUsd(parts[id]);
    return out;
  },
};

// ---------------------------------------------------------------- the table's capacity mode

export const TABLE_MODES = ['on-demand', 'provisioned-peak'] as const;
export type TableMode = (typeof TABLE_MODES)[number];
const SECONDS_PER_MONTH = 730 * 3600;

export interface TableTraffic {
  readonly peak: number;
  readonly average: number;
  /** Eventually consistent reads of items up to 4 KB (half a unit each) and writes up to 1 KB (one unit each). */
  readonly reads: number;
  readonly writes: number;
}

/** The month in on-demand mode against provisioned capacity sized for the peak, free tier used elsewhere. */
export function priceTableModes(t: TableTraffic): { rcu: number; wcu: number; avgRcu: number; avgWcu: number; costs: Record<TableMode, Decimal> } {
  const requests = new Decimal(t.average).times(SECONDS_PER_MONTH);
  const onDemand = calculateOnDemandRequestCost({
    readUnitsPerMonth: requests.times(t.reads).times(0.5),
    writeUnitsPerMonth: requests.times(t.writes),
    tableClass: 'standard',
  }).total;
  const rcu = Math.ceil(t.peak * t.reads * 0.5);
  const wcu = t.peak * t.writes;
  const provisioned = calculateProvisionedCost({ rcu, wcu, tableClass: 'standard', freeTier: false }).total;
  return {
    rcu,
    wcu,
    avgRcu: Math.ceil(t.average * t.reads * 0.5),
    avgWcu: t.average * t.writes,
    costs: { 'on-demand': onDemand, 'provisioned-peak': provisioned },
  };
}

const tableMode: Deriver = {
  name: 'serverlessTableMode',
  description:
    'Draws a table behind Lambda (peak and average requests/s, eventually consistent reads and 1 KB writes per request) and keys the cheaper of on-demand and provisioned-for-the-peak (best: on-demand | provisioned-peak), with both bills.',
  outputs: ['best', 'peak', 'requests', 'average', 'reads', 'writes', 'rcu', 'wcu', 'avg_rcu', 'avg_wcu', 'cost_on_demand', 'cost_provisioned', 'utilisation'],
  derive(_p, random) {
    const { value, best } = drawForWinner(
      random,
      TABLE_MODES,
      () => {
        const peak = stepped(random, 20, 600, 10);
        const t: TableTraffic = { peak, average: random.int(1, peak - 1), reads: random.int(1, 4), writes: random.int(1, 2) };
        return { t, priced: priceTableModes(t) };
      },
      (v) => {
        // The cheaper mode wins: rank by how much more the other one costs.
        const { costs } = v.priced;
        const byGap = { 'on-demand': costs['provisioned-peak'], 'provisioned-peak': costs['on-demand'] } as const;
        return findClearWinner(byGap);
      },
    );
    const { t, priced } = value;
    return {
      best,
      peak: t.peak,
      requests: t.average * SECONDS_PER_MONTH,
      average: t.average,
      reads: t.reads,
      writes: t.writes,
      rcu: priced.rcu,
      wcu: priced.wcu,
      avg_rcu: priced.avgRcu,
      avg_wcu: priced.avgWcu,
      cost_on_demand: formatUsd(priced.costs['on-demand']),
      cost_provisioned: formatUsd(priced.costs['provisioned-peak']),
      utilisation: Math.round((100 * t.average) / t.peak),
    };
  },
};

// ---------------------------------------------------------------- the study guide's claim, checked

/** The study guide's figures for a 50-user serverless app: $3–15 a month, DynamoDB about $0.75. */
const GUIDE_DYNAMODB_USD = 0.75;
const GUIDE_LOW_USD = 3;
const GUIDE_HIGH_USD = 15;
const SLOTS = ['a', 'b', 'c', 'd', 'e'] as const;

/** What a claim is about: the markdown words its reason by this (texts `reason` in cost-guide-claims.md). */
export type ClaimTopic = 'dynamodb' | 'band' | 'largest' | 'lambda' | 'memory';

/** One claim about the stack: its topic and the statement ids (texts `statement`) of its true and false forms. */
export interface Claim {
  readonly topic: ClaimTopic;
  readonly truth: string;
  readonly falsehood: string;
}

type Band = 'under' | 'within' | 'over';
type Part = 'api' | 'lambda' | 'dynamodb';

/** The five claims about one stack, each decided by the model with a margin; undefined when any is too close to call. */
export function judgeGuideClaims(input: ServerlessInput, random: Random): Claim[] | undefined {
  const r = calculateServerlessCost(input);
  const total = r.bill.total.toNumber();
  const dynamo = r.dynamoDb.toNumber();
  const lambda = r.lambda.toNumber();
  const doubled = memoryDoublingCost(input).toNumber();
  const parts: Record<Part, Decimal> = { api: r.apiGateway, lambda: r.lambda, dynamodb: r.dynamoDb };
  const largest = findClearWinner(parts);
  const band: Band | undefined =
    total < GUIDE_LOW_USD * 0.85
      ? 'under'
      : total > GUIDE_LOW_USD * 1.15 && total < GUIDE_HIGH_USD * 0.85
        ? 'within'
        : total > GUIDE_HIGH_USD * 1.15
          ? 'over'
          : undefined;
  const near = (x: number, y: number) => x > y / 1.2 && x < y * 1.2;
  if (largest === undefined || band === undefined || near(dynamo, GUIDE_DYNAMODB_USD) || near(doubled, 1) || (lambda > 0 && lambda < 0.05)) return undefined;
  const otherBand = random.pick((['under', 'within', 'over'] as const).filter((b) => b !== band));
  const otherPart = random.pick((['api', 'lambda', 'dynamodb'] as const).filter((p) => p !== largest));
  const either = (topic: ClaimTopic, holds: boolean, yes: string, no: string): Claim => ({ topic, truth: holds ? yes : no, falsehood: holds ? no : yes });
  return [
    either('dynamodb', dynamo > GUIDE_DYNAMODB_USD, 'dynamodb-more', 'dynamodb-less'),
    { topic: 'band', truth: `band-${band}`, falsehood: `band-${otherBand}` },
    { topic: 'largest', truth: `largest-${largest}`, falsehood: `largest-${otherPart}` },
    either('lambda', lambda === 0, 'lambda-zero', 'lambda-above'),
    either('memory', doubled > 1, 'memory-over', 'memory-under'),
  ];
}

/** What doubling the function's memory, same duration, adds to the month's bill. */
function memoryDoublingCost(input: ServerlessInput): Decimal {
  return calculateServerlessCost({ ...input, memoryMb: input.memoryMb * 2 }).bill.total.minus(calculateServerlessCost(input).bill.total);
}

const guideClaims: Deriver = {
  name: 'serverlessGuideClaims',
  description:
    'From `users` and `free.flag`: draws a stack (requests a user a day, API type, memory, duration, reads, writes, item size, stored items) and five claims about its bill next to the study guide ($3–15 a month, DynamoDB about $0.75): slots a and b hold true claims, c–e false ones, each a statement id (claim_a..e: dynamodb-more | dynamodb-less | band-under | band-within | band-over | largest-api | largest-lambda | largest-dynamodb | lambda-zero | lambda-above | memory-over | memory-under) and its topic (topic_a..e: dynamodb | band | largest | lambda | memory).',
  outputs: [
    'per_user',
    'requests',
    'api',
    'memory',
    'duration',
    'reads',
    'writes',
    'item_bytes',
    'stored',
    'bill',
    'cost_api',
    'cost_lambda',
    'cost_dynamodb',
    'cost_doubled',
    ...SLOTS.flatMap((s) => [`claim_${s}`, `topic_${s}`]),
  ],
  derive(p, random) {
    const users = num(p, 'users');
    const freeTier = bool(p, 'free.flag');
    for (let i = 0; i < TRIES; i++) {
      const perUser = random.pick([5, 10, 20, 50, 100, 200, 300, 500, 800, 1200, 2000, 3000]);
      const input: ServerlessInput = {
        requestsPerMonth: calculateRequestsPerMonth(users, perUser),
        api: random.pick(['http', 'rest'] as const),
        memoryMb: random.pick([128, 256, 512, 1024, 2048]),
        durationMs: random.pick([20, 50, 100, 200, 400, 800]),
        architecture: 'x86',
        readsPerRequest: random.int(1, 3),
        writesPerRequest: random.int(0, 2),
        itemBytes: stepped(random, 200, 4000, 100),
        readConsistency: 'eventual',
        storedItems: stepped(random, 1000, 500_000, 1000),
        freeTier,
        apiFreeTier: false,
      };
      const claims = judgeGuideClaims(input, random);
      if (claims === undefined) continue;
      const order = random.shuffle(claims);
      const out: Record<string, ParamValue> = {};
      SLOTS.forEach((slot, k) => {
        const c = order[k]!;
        out[`claim_${slot}`] = k < 2 ? c.truth : c.falsehood;
        out[`topic_${slot}`] = c.topic;
      });
      const r = calculateServerlessCost(input);
      return {
        ...out,
        per_user: perUser,
        requests: new Decimal(input.requestsPerMonth).toNumber(),
        api: input.api,
        memory: input.memoryMb,
        duration: input.durationMs,
        reads: input.readsPerRequest,
        writes: input.writesPerRequest,
        item_bytes: input.itemBytes,
        stored: input.storedItems,
        bill: formatUsd(r.bill.total),
        cost_api: formatUsd(r.apiGateway),
        cost_lambda: formatUsd(r.lambda),
        cost_dynamodb: formatUsd(r.dynamoDb),
        cost_doubled: formatUsd(memoryDoublingCost(input)),
      };
    }
    throw new RangeError(`no stack for ${users} users gave five clear claims`);
  },
};

export const serverlessCostDerivers: readonly Deriver[] = [biggestSaving, dominantLine, tableMode, guideClaims];
