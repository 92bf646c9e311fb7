/**
 * Cost calculators for the registry (calculators.ts), backed by engine/cost/: what a table, a
 * request volume, a traffic shape, a DAX cluster, a serverless stack and stored items cost per
 * month, each with the wrong methods learners are known to use (the 730-hour month forgotten,
 * per-second rates read as monthly counts, GSI writes left out, the 100 B overhead forgotten).
 * Prices: engine/cost/prices.ts (us-east-1, dated and sourced).
 */
import { z } from 'zod';
import {
  calculateBreakEvenForPrices,
  calculateDaxClusterCost,
  calculateDaxClusterMonth,
  calculateDaxSaving,
  calculateLambdaCost,
  calculateModeDifference,
  calculateOnDemandMonth,
  calculateProvisionedCost,
  calculateReservedCapacitySaving,
  calculateServerlessPart,
  calculateStorageCost,
  DAX_NODE_TYPES,
  Decimal,
  HOURS_PER_MONTH,
  MAX_ITEM_BYTES,
  PERIODS_PER_MONTH,
  roundToCents,
  TRAFFIC_SHAPES,
  type DaxInput,
  type ProvisionedCapacity,
  type ServerlessInput,
  type StorageInput,
  calculateRequestsPerMonth,
} from '../../engine/index.ts';
import { defineCalculator } from './calculator.ts';

const Bytes = z.number().int().min(1).max(MAX_ITEM_BYTES, 'an item is at most 400 KB (409,600 B)');
const NonNegative = z.number().nonnegative();
const Units = z.number().int().nonnegative();
const TableClass = z.enum(['standard', 'standard-ia']).default('standard');
const Consistency = z.enum(['eventual', 'strong']);
const Period = z.enum(['second', 'day', 'month']);
const Share = z.number().min(0).max(1);

const cents = (d: Decimal): number => roundToCents(d);

// ---------------------------------------------------------------- provisioned table

const ProvisionedArgs = z.strictObject({ rcu: Units, wcu: Units, tableClass: TableClass, freeTier: z.boolean().default(false) });
type ProvisionedArgs = z.infer<typeof ProvisionedArgs>;

function provisioned(a: ProvisionedArgs, change: Partial<ProvisionedCapacity> = {}): Decimal {
  return calculateProvisionedCost({ ...a, ...change }).total;
}

const provisionedMonthlyCost = defineCalculator<ProvisionedArgs>({
  name: 'provisionedMonthlyCost',
  description: 'USD a month for a table provisioned with `rcu` and `wcu` for 730 hours (`tableClass`, `freeTier`)',
  args: ProvisionedArgs,
  calculate: (a) => calculateProvisionedCost(a).calculation,
  misconceptions: [
    {
      id: 'no-730-hours',
      topic: 'provisioned-cost',
      compute: (a) => cents(provisioned(a).div(HOURS_PER_MONTH)),
    },
    {
      id: '720-hours',
      topic: 'provisioned-cost',
      compute: (a) => cents(provisioned(a).times(720).div(HOURS_PER_MONTH)),
    },
    {
      id: 'swapped-unit-prices',
      topic: 'provisioned-cost',
      compute: (a) => cents(provisioned({ ...a, rcu: a.wcu, wcu: a.rcu })),
    },
    {
      id: 'free-tier-ignored',
      topic: 'provisioned-cost',
      compute: (a) => (a.freeTier && a.tableClass === 'standard' ? cents(provisioned(a, { freeTier: false })) : Number.NaN),
    },
  ],
});

// ---------------------------------------------------------------- reserved capacity

const ReservedArgs = z.strictObject({ rcu: Units, wcu: Units });
type ReservedArgs = z.infer<typeof ReservedArgs>;

const reservedCapacitySaving = defineCalculator<ReservedArgs>({
  name: 'reservedCapacitySaving',
  description:
    'USD a month saved by buying `rcu` and `wcu` (whole hundreds) as 1-year reserved capacity instead of standard provisioned capacity, upfront spread over 12 months',
  args: ReservedArgs,
  calculate: (a) => calculateReservedCapacitySaving(a).calculation,
  misconceptions: [
    {
      id: 'upfront-left-out',
      topic: 'reserved',
      compute: (a) => cents(calculateReservedCapacitySaving(a, { upfrontMonths: 0 }).total),
    },
    {
      id: 'upfront-in-one-month',
      topic: 'reserved',
      compute: (a) => cents(calculateReservedCapacitySaving(a, { upfrontMonths: 1 }).total),
    },
    {
      id: 'no-730-hours',
      topic: 'reserved',
      // One hour of each rate: the hourly lines alone (no upfront fee), over the 730 hours.
      compute: (a) => cents(calculateReservedCapacitySaving(a, { upfrontMonths: 0 }).total.div(HOURS_PER_MONTH)),
    },
  ],
});

// ---------------------------------------------------------------- on-demand requests

const OnDemandArgs = z.strictObject({
  reads: NonNegative,
  writes: NonNegative,
  per: Period,
  readItemBytes: Bytes,
  writeItemBytes: Bytes,
  readConsistency: Consistency,
  gsiCount: z.number().int().min(0).max(20).default(0),
  tableClass: TableClass,
});
type OnDemandArgs = z.infer<typeof OnDemandArgs>;

const onDemandMonthlyCost = defineCalculator<OnDemandArgs>({
  name: 'onDemandMonthlyCost',
  description: 'USD a month in on-demand mode for `reads` and `writes` per `per` (second, day, month) of the given sizes, each GSI adding its writes',
  args: OnDemandArgs,
  calculate: (a) => calculateOnDemandMonth(a).calculation,
  misconceptions: [
    {
      id: 'per-second-as-monthly',
      topic: 'on-demand',
      compute: (a) => (a.per === 'second' ? cents(calculateOnDemandMonth(a, { periodsPerMonth: new Decimal(1) }).total) : Number.NaN),
    },
    {
      id: 'per-day-as-monthly',
      topic: 'on-demand',
      compute: (a) => (a.per === 'day' ? cents(calculateOnDemandMonth(a, { periodsPerMonth: new Decimal(1) }).total) : Number.NaN),
    },
    {
      id: '720-hours',
      topic: 'month',
      compute: (a) =>
        a.per === 'month' ? Number.NaN : cents(calculateOnDemandMonth(a, { periodsPerMonth: PERIODS_PER_MONTH[a.per].times(720).div(HOURS_PER_MONTH) }).total),
    },
    {
      id: 'forgot-gsi-writes',
      topic: 'on-demand',
      compute: (a) => (a.gsiCount > 0 && a.writes > 0 ? cents(calculateOnDemandMonth(a, { gsiWrites: false }).total) : Number.NaN),
    },
    {
      id: 'one-unit-per-request',
      topic: 'on-demand',
      compute: (a) => cents(calculateOnDemandMonth(a, { sizeRounding: false }).total),
    },
  ],
});

// ---------------------------------------------------------------- traffic shape

const TrafficArgs = z.strictObject({
  shape: z.enum(TRAFFIC_SHAPES),
  base: NonNegative,
  peak: NonNegative,
  readUnitsPerRequest: NonNegative,
  writeUnitsPerRequest: NonNegative,
  targetPercent: z.number().min(20).max(90).default(70),
  tableClass: TableClass,
});
type TrafficArgs = z.infer<typeof TrafficArgs>;

const onDemandMinusProvisioned = defineCalculator<TrafficArgs>({
  name: 'onDemandMinusProvisioned',
  description:
    'USD a month, on-demand minus provisioned, for a 24-hour traffic `shape` (steady, daily-peak, spiky) between `base` and `peak` requests/s: positive when provisioned is cheaper',
  args: TrafficArgs,
  calculate: (a) => calculateModeDifference(a).calculation,
  misconceptions: [
    {
      id: 'sign-swapped',
      topic: 'mode-difference',
      compute: (a) => cents(calculateModeDifference(a).total.negated()),
    },
    {
      id: 'one-day-only',
      topic: 'mode-difference',
      compute: (a) => cents(calculateModeDifference(a).total.times(24).div(HOURS_PER_MONTH)),
    },
    {
      id: 'rounded-daily-cents',
      topic: 'mode-difference',
      compute: (a) => {
        const r = calculateModeDifference(a).comparison;
        const day = (month: Decimal) => month.times(24).div(HOURS_PER_MONTH).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        return cents(day(r.onDemand).minus(day(r.provisioned)).times(HOURS_PER_MONTH).div(24));
      },
    },
    {
      id: 'auto-scaling-follows-spikes',
      topic: 'mode-difference',
      compute: (a) => (a.shape === 'spiky' ? cents(calculateModeDifference(a, 'auto-scaling').total) : Number.NaN),
    },
  ],
});

// ---------------------------------------------------------------- break-even

const BreakEvenArgs = z.strictObject({ provisionedHourly: z.number().positive(), onDemandPerMillion: z.number().positive() });
type BreakEvenArgs = z.infer<typeof BreakEvenArgs>;

const breakEvenUtilisation = defineCalculator<BreakEvenArgs>({
  name: 'breakEvenUtilisation',
  description:
    'Percent utilisation at which a provisioned unit (`provisionedHourly` USD per hour) costs what on-demand does (`onDemandPerMillion` USD per million)',
  args: BreakEvenArgs,
  calculate: (a) => calculateBreakEvenForPrices(a.provisionedHourly, a.onDemandPerMillion),
  misconceptions: [
    {
      id: 'per-second-vs-per-hour',
      topic: 'break-even',
      compute: (a) => calculateBreakEvenForPrices(a.provisionedHourly, a.onDemandPerMillion, { requestsPerUnitHour: 1 }).value,
    },
    {
      id: 'inverted-ratio',
      topic: 'break-even',
      compute: (a) => calculateBreakEvenForPrices(a.provisionedHourly, a.onDemandPerMillion, { inverted: true }).value,
    },
  ],
});

// ---------------------------------------------------------------- DAX

const DaxClusterArgs = z.strictObject({ nodeType: z.enum(DAX_NODE_TYPES), nodes: z.number().int().min(1).max(11) });
type DaxClusterArgs = z.infer<typeof DaxClusterArgs>;

const daxClusterMonthlyCost = defineCalculator<DaxClusterArgs>({
  name: 'daxClusterMonthlyCost',
  description: 'USD a month for a DAX cluster of `nodes` (1–11) of `nodeType`, every node billed for 730 hours',
  args: DaxClusterArgs,
  calculate: calculateDaxClusterMonth,
  misconceptions: [
    {
      id: 'primary-only',
      topic: 'dax-cluster',
      compute: (a) => (a.nodes > 1 ? cents(calculateDaxClusterCost(a.nodeType, 1).total) : Number.NaN),
    },
    {
      id: 'no-730-hours',
      topic: 'dax-cluster',
      compute: (a) => cents(calculateDaxClusterCost(a.nodeType, a.nodes).total.div(HOURS_PER_MONTH)),
    },
    {
      id: '720-hours',
      topic: 'month',
      compute: (a) => cents(calculateDaxClusterCost(a.nodeType, a.nodes).total.times(720).div(HOURS_PER_MONTH)),
    },
  ],
});

const DaxSavingArgs = z.strictObject({
  nodeType: z.enum(DAX_NODE_TYPES),
  nodes: z.number().int().min(1).max(11),
  readsPerSecond: NonNegative,
  readItemBytes: Bytes,
  hitRatio: Share,
  tableMode: z.enum(['provisioned', 'on-demand']),
  targetPercent: z.number().min(20).max(90).default(70),
});
type DaxSavingArgs = z.infer<typeof DaxSavingArgs>;

function dax(a: DaxSavingArgs, change: Partial<DaxInput> = {}) {
  return calculateDaxSaving({ ...a, targetUtilisation: a.targetPercent / 100, tableClass: 'standard', ...change });
}

const daxNetSaving = defineCalculator<DaxSavingArgs>({
  name: 'daxNetSaving',
  description: 'USD a month DAX saves on table reads minus what the cluster costs (negative: it does not pay for itself)',
  args: DaxSavingArgs,
  calculate: (a) => dax(a).calculation,
  misconceptions: [
    {
      id: 'forgot-cluster-cost',
      topic: 'dax-saving',
      compute: (a) => cents(dax(a).saving),
    },
    {
      id: 'hit-ratio-inverted',
      topic: 'dax-saving',
      compute: (a) => cents(dax({ ...a, hitRatio: 1 - a.hitRatio }).net),
    },
    {
      id: 'strong-read-units',
      topic: 'dax-saving',
      compute: (a) => cents(dax({ ...a, readsPerSecond: a.readsPerSecond * 2 }).net),
    },
  ],
});

// ---------------------------------------------------------------- serverless stack

const ServerlessArgs = z.strictObject({
  users: z.number().int().positive(),
  requestsPerUserPerDay: z.number().positive(),
  api: z.enum(['http', 'rest']),
  memoryMb: z.number().int().min(128).max(10240),
  durationMs: z.number().positive().max(900_000),
  architecture: z.enum(['x86', 'arm']).default('x86'),
  readsPerRequest: z.number().int().nonnegative(),
  writesPerRequest: z.number().int().nonnegative(),
  itemBytes: Bytes,
  readConsistency: Consistency.default('eventual'),
  storedItems: z.number().int().nonnegative(),
  freeTier: z.boolean(),
  apiFreeTier: z.boolean().default(false),
  part: z.enum(['total', 'dynamodb']).default('total'),
});
type ServerlessArgs = z.infer<typeof ServerlessArgs>;

function toServerlessInput(a: ServerlessArgs): ServerlessInput {
  return { ...a, requestsPerMonth: calculateRequestsPerMonth(a.users, a.requestsPerUserPerDay) };
}

function serverlessValue(a: ServerlessArgs, change: Partial<ServerlessInput> = {}): number {
  return cents(calculateServerlessPart({ ...toServerlessInput(a), ...change }, a.part).total);
}

const serverlessMonthlyCost = defineCalculator<ServerlessArgs>({
  name: 'serverlessMonthlyCost',
  description:
    'USD a month for API Gateway + Lambda + DynamoDB on-demand serving `users` × `requestsPerUserPerDay` × 730/24 requests; `part: dynamodb` gives DynamoDB’s share only',
  args: ServerlessArgs,
  calculate: (a) => calculateServerlessPart(toServerlessInput(a), a.part).calculation,
  misconceptions: [
    {
      id: 'free-tier-ignored',
      topic: 'serverless',
      compute: (a) => (a.freeTier ? serverlessValue(a, { freeTier: false }) : Number.NaN),
    },
    {
      id: 'mb-as-gb',
      topic: 'serverless',
      compute: (a) => (a.part === 'total' ? serverlessValue(a, { memoryMb: a.memoryMb * 1024 }) : Number.NaN),
    },
    {
      id: 'per-day-as-monthly',
      topic: 'serverless',
      compute: (a) => serverlessValue(a, { requestsPerMonth: new Decimal(a.users).times(a.requestsPerUserPerDay) }),
    },
  ],
});

// ---------------------------------------------------------------- Lambda alone

const LambdaArgs = z.strictObject({
  users: z.number().int().positive(),
  requestsPerUserPerDay: z.number().positive(),
  memoryMb: z.number().int().min(128).max(10240),
  durationMs: z.number().positive().max(900_000),
  architecture: z.enum(['x86', 'arm']).default('x86'),
  freeTier: z.boolean(),
});
type LambdaArgs = z.infer<typeof LambdaArgs>;

const serverlessLambdaCost = defineCalculator<LambdaArgs>({
  name: 'serverlessLambdaCost',
  description:
    'USD a month for Lambda alone (requests + GB-seconds, free tier when `freeTier`) serving `users` × `requestsPerUserPerDay` × 730/24 invocations of `memoryMb` for `durationMs` on `architecture`',
  args: LambdaArgs,
  calculate: (a) => calculateLambdaCost(a).calculation,
  misconceptions: [
    {
      id: 'free-tier-ignored',
      topic: 'lambda',
      compute: (a) => (a.freeTier ? cents(calculateLambdaCost({ ...a, freeTier: false }).total) : Number.NaN),
    },
    {
      id: 'mb-as-gb',
      topic: 'lambda',
      compute: (a) => cents(calculateLambdaCost({ ...a, memoryMb: a.memoryMb * 1024 }).total),
    },
    {
      id: 'ms-as-seconds',
      topic: 'lambda',
      compute: (a) => cents(calculateLambdaCost({ ...a, durationMs: a.durationMs * 1000 }).total),
    },
    {
      id: 'memory-ignored',
      topic: 'lambda',
      compute: (a) => (a.memoryMb === 1024 ? Number.NaN : cents(calculateLambdaCost({ ...a, memoryMb: 1024 }).total)),
    },
    {
      id: 'requests-left-out',
      topic: 'lambda',
      compute: (a) => cents(calculateLambdaCost(a, { requestCharge: false }).total),
    },
    {
      id: 'per-day-as-monthly',
      topic: 'serverless',
      compute: (a) => cents(calculateLambdaCost(a, { requestsPerMonth: new Decimal(a.users).times(a.requestsPerUserPerDay) }).total),
    },
  ],
});

// ---------------------------------------------------------------- storage

const StorageArgs = z.strictObject({
  items: z.number().int().nonnegative(),
  itemBytes: z.number().int().nonnegative().max(MAX_ITEM_BYTES, 'an item is at most 400 KB (409,600 B)'),
  tableClass: TableClass,
  freeTier: z.boolean().default(false),
  gsiCount: z.number().int().min(0).max(20).default(0),
});
type StorageArgs = z.infer<typeof StorageArgs>;

function storage(a: StorageArgs, change: Partial<StorageInput> = {}): Decimal {
  return calculateStorageCost({ ...a, ...change }).total;
}

const storageMonthlyCost = defineCalculator<StorageArgs>({
  name: 'storageMonthlyCost',
  description: 'USD a month to store `items` of `itemBytes` each (+100 B overhead per item; GSIs with ALL projection store another copy)',
  args: StorageArgs,
  calculate: (a) => calculateStorageCost(a).calculation,
  misconceptions: [
    {
      id: 'no-item-overhead',
      topic: 'storage',
      compute: (a) => cents(storage(a, { overheadBytes: 0 })),
    },
    {
      id: 'decimal-gigabytes',
      topic: 'storage',
      compute: (a) => cents(storage(a, { bytesPerGb: 1e9 })),
    },
    {
      id: 'free-tier-ignored',
      topic: 'storage',
      compute: (a) => (a.freeTier && a.tableClass === 'standard' ? cents(storage(a, { freeTier: false })) : Number.NaN),
    },
    {
      id: 'forgot-gsi-storage',
      topic: 'storage',
      compute: (a) => (a.gsiCount > 0 ? cents(storage(a, { gsiCount: 0 })) : Number.NaN),
    },
  ],
});

export const costCalculators = [
  provisionedMonthlyCost,
  reservedCapacitySaving,
  onDemandMonthlyCost,
  onDemandMinusProvisioned,
  breakEvenUtilisation,
  daxClusterMonthlyCost,
  daxNetSaving,
  serverlessMonthlyCost,
  serverlessLambdaCost,
  storageMonthlyCost,
];
