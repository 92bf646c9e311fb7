/**
 * Monthly figures the numeric questions ask for, each with its working, built on the table,
 * traffic, DAX and serverless cost functions: reserved capacity's saving, an on-demand month from
 * per-second, per-day or per-month counts, on-demand minus provisioned for a traffic shape, a DAX
 * cluster's month, a serverless stack's bill or DynamoDB's share of it, and Lambda's bill alone. Each takes the options a known mistake changes (the months an upfront fee
 * is spread over, the periods in a month, the GSI writes, size rounding, the provisioning, the
 * request charge), so a calculator computes a wrong method as this same rule with one step
 * changed rather than a copy of its arithmetic.
 */
import type { Calculation } from '../calculation.ts';
import { buildBill, type Bill, USD_PER_MONTH } from './line-item.ts';
import { Decimal, formatQuantity, formatUsd, roundToCents } from './money.ts';
import { calculateDaxClusterCost } from './dax.ts';
import { type DaxNodeType, HOURS_PER_MONTH, SECONDS_PER_HOUR, type TableClass } from './prices.ts';
import { calculateRequestsPerMonth, calculateServerlessCost, type LambdaArchitecture, type ServerlessInput } from './serverless.ts';
import { calculateOnDemandRequestCost, calculateProvisionedCost, calculateReservedCapacityCost } from './table-cost.ts';
import {
  buildTrafficProfile,
  compareModesForTraffic,
  defaultProvisioning,
  type Provisioning,
  type TrafficShapeComparison,
  type TrafficShapeKind,
} from './traffic-shape.ts';
import { type CapacityNeed, calculateCapacityNeed, type CostReadConsistency, DEFAULT_WORKLOAD, type RatePeriod } from './workload.ts';

/** A figure in USD a month: the exact amount, and the calculation showing it in cents. */
export interface MonthlyFigure {
  readonly total: Decimal;
  readonly calculation: Calculation;
}

// ---------------------------------------------------------------- reserved capacity

/**
 * USD a month saved by buying `rcu` and `wcu` as 1-year reserved capacity instead of standard
 * provisioned capacity; the upfront fee is spread over `upfrontMonths` (12; 0 leaves it out).
 * https://aws.amazon.com/dynamodb/pricing/provisioned/
 */
export function calculateReservedCapacitySaving(
  c: { readonly rcu: number; readonly wcu: number },
  options: { readonly upfrontMonths?: number } = {},
): MonthlyFigure {
  const standard = calculateProvisionedCost({ ...c, tableClass: 'standard', freeTier: false });
  const bill = calculateReservedCapacityCost(c);
  const months = options.upfrontMonths ?? 12;
  // The bill spreads the upfront lines over 12 months; another spread rescales them (0 drops them).
  const reserved =
    months === 12
      ? bill.total
      : bill.lines.reduce(
          (sum, l) => sum.plus(l.id.endsWith('.upfront') ? (months === 0 ? new Decimal(0) : l.amount.times(12).div(months)) : l.amount),
          new Decimal(0),
        );
  const saving = standard.total.minus(reserved);
  return {
    total: saving,
    calculation: {
      value: roundToCents(saving),
      unit: USD_PER_MONTH,
      steps: [
        ...standard.calculation.steps,
        ...bill.calculation.steps,
        { label: 'Saving per month', formula: `${formatUsd(standard.total)} − ${formatUsd(reserved)}`, value: formatUsd(saving) },
      ],
    },
  };
}

// ---------------------------------------------------------------- on-demand month

export interface OnDemandMonthInput {
  readonly reads: number;
  readonly writes: number;
  /** What the counts are per: a rate per second, a count per day, or per month. */
  readonly per: RatePeriod;
  readonly readItemBytes: number;
  readonly writeItemBytes: number;
  readonly readConsistency: CostReadConsistency;
  readonly gsiCount: number;
  readonly tableClass: TableClass;
}

/** How many of each period a 730-hour month holds: 2,628,000 seconds, 730 / 24 days, one month. */
export const PERIODS_PER_MONTH: Readonly<Record<RatePeriod, Decimal>> = {
  second: new Decimal(SECONDS_PER_HOUR * HOURS_PER_MONTH),
  day: new Decimal(HOURS_PER_MONTH).div(24),
  month: new Decimal(1),
};

const PER_MONTH_WORDS: Readonly<Record<RatePeriod, string>> = {
  second: '× 2,628,000 seconds in 730 hours',
  day: '× 730 / 24 days',
  month: 'already a month',
};

export interface OnDemandMonthOptions {
  /** Periods in the month (PERIODS_PER_MONTH[per]). */
  readonly periodsPerMonth?: Decimal;
  /** Whether each GSI adds its writes (true). */
  readonly gsiWrites?: boolean;
  /** Whether item sizes round up to 4 KB / 1 KB request units (true); false charges one unit per request. */
  readonly sizeRounding?: boolean;
}

/**
 * USD a month in on-demand mode for `reads` and `writes` per `per` of the given sizes, each GSI
 * adding its writes. https://aws.amazon.com/dynamodb/pricing/on-demand/
 */
export function calculateOnDemandMonth(
  input: OnDemandMonthInput,
  options: OnDemandMonthOptions = {},
): MonthlyFigure & { readonly need: CapacityNeed; readonly bill: Bill } {
  const rounding = options.sizeRounding ?? true;
  const need = calculateCapacityNeed(
    {
      ...DEFAULT_WORKLOAD,
      readsPerSecond: input.reads,
      writesPerSecond: input.writes,
      readItemBytes: rounding ? input.readItemBytes : 1,
      writeItemBytes: rounding ? input.writeItemBytes : 1,
      readConsistency: input.readConsistency,
      gsiCount: (options.gsiWrites ?? true) ? input.gsiCount : 0,
    },
    input.per,
  );
  const perMonth = options.periodsPerMonth ?? PERIODS_PER_MONTH[input.per];
  const bill = calculateOnDemandRequestCost({
    readUnitsPerMonth: need.readUnitsPerSecond.times(perMonth),
    writeUnitsPerMonth: need.totalWriteUnitsPerSecond.times(perMonth),
    tableClass: input.tableClass,
  });
  return {
    need,
    bill,
    total: bill.total,
    calculation: {
      ...bill.calculation,
      steps: [...need.steps, { label: `From per ${input.per} to per month`, value: PER_MONTH_WORDS[input.per] }, ...bill.calculation.steps],
    },
  };
}

// ---------------------------------------------------------------- on-demand minus provisioned

export interface ModeDifferenceInput {
  readonly shape: TrafficShapeKind;
  readonly base: number;
  readonly peak: number;
  readonly readUnitsPerRequest: number;
  readonly writeUnitsPerRequest: number;
  readonly targetPercent: number;
  readonly tableClass: TableClass;
}

/**
 * USD a month, on-demand minus provisioned, for a 24-hour traffic shape (positive: provisioned is
 * cheaper); `provisioning` defaults to what the shape calls for (defaultProvisioning).
 */
export function calculateModeDifference(
  input: ModeDifferenceInput,
  provisioning: Provisioning = defaultProvisioning(input.shape),
): MonthlyFigure & { readonly comparison: TrafficShapeComparison } {
  const comparison = compareModesForTraffic({
    profile: buildTrafficProfile(input.shape, input.base, input.peak),
    readUnitsPerRequest: input.readUnitsPerRequest,
    writeUnitsPerRequest: input.writeUnitsPerRequest,
    provisioning,
    targetUtilisation: input.targetPercent / 100,
    tableClass: input.tableClass,
  });
  const difference = comparison.signedDifference;
  return {
    comparison,
    total: difference,
    calculation: {
      value: roundToCents(difference),
      unit: USD_PER_MONTH,
      steps: [...comparison.calculation.steps, { label: 'On-demand minus provisioned (positive: provisioned is cheaper)', value: formatUsd(difference) }],
    },
  };
}

// ---------------------------------------------------------------- Lambda alone

export interface LambdaInput {
  readonly users: number;
  readonly requestsPerUserPerDay: number;
  readonly memoryMb: number;
  readonly durationMs: number;
  readonly architecture: LambdaArchitecture;
  readonly freeTier: boolean;
}

export interface LambdaOptions {
  /** Invocations a month (users × requests a day × 730 / 24). */
  readonly requestsPerMonth?: Decimal;
  /** Whether the per-request charge is billed (true). */
  readonly requestCharge?: boolean;
}

/**
 * USD a month for Lambda alone (requests and GB-seconds, the always-free allowance when
 * `freeTier`): the serverless model's Lambda lines, with no API or table work.
 * https://aws.amazon.com/lambda/pricing/
 */
export function calculateLambdaCost(input: LambdaInput, options: LambdaOptions = {}): Bill {
  const requests = options.requestsPerMonth ?? calculateRequestsPerMonth(input.users, input.requestsPerUserPerDay);
  const r = calculateServerlessCost({
    ...input,
    requestsPerMonth: requests,
    api: 'http',
    readsPerRequest: 0,
    writesPerRequest: 0,
    itemBytes: 1,
    readConsistency: 'eventual',
    storedItems: 0,
    apiFreeTier: false,
  });
  const charged = (id: string): boolean => id.startsWith('lambda.') && (options.requestCharge !== false || id !== 'lambda.requests');
  return buildBill(
    'Lambda',
    r.bill.lines.filter((l) => charged(l.id)),
    [
      {
        label: 'Requests per month',
        formula: `${formatQuantity(input.users)} users × ${formatQuantity(input.requestsPerUserPerDay)} a day × 730 / 24`,
        value: formatQuantity(requests),
      },
    ],
  );
}

// ---------------------------------------------------------------- DAX cluster, serverless stack

/** USD a month for a DAX cluster of `nodes` of `nodeType`, as the plain calculation a question keys. */
export function calculateDaxClusterMonth(input: { readonly nodeType: DaxNodeType; readonly nodes: number }): Calculation {
  const c = calculateDaxClusterCost(input.nodeType, input.nodes);
  return { value: c.value, unit: c.unit, steps: c.steps };
}

/** A serverless stack's monthly bill (`total`) or DynamoDB's share of it (`dynamodb`), with its working. */
export function calculateServerlessPart(input: ServerlessInput, part: 'total' | 'dynamodb'): MonthlyFigure {
  const r = calculateServerlessCost(input);
  return part === 'total' ? { total: r.bill.total, calculation: r.calculation } : { total: r.dynamoDb, calculation: r.dynamoDbBill.calculation };
}
