/**
 * A serverless stack's monthly bill: API Gateway in front, a Lambda function per request, and
 * DynamoDB on-demand behind it. Lambda's always-free allowance (1M requests, 400,000 GB-s) and
 * DynamoDB's 25 GB apply when free tier is on; API Gateway's 1M calls only for the 12-month
 * offer of accounts opened before 2025-07-15.
 * https://aws.amazon.com/lambda/pricing/ , https://aws.amazon.com/api-gateway/pricing/
 */
import type { Calculation, Step } from '../calculation.ts';
import { readUnitsForSize, writeUnitsForSize } from '../capacity/units.ts';
import { buildBill, type Bill, type LineItem } from './line-item.ts';
import { Decimal, type DecimalValue, formatQuantity, formatUsd } from './money.ts';
import { selectRegionPrices, type PriceTier, type Region } from './prices.ts';
import { buildOnDemandRequestLines, buildStorageLines } from './table-cost.ts';
import type { CostReadConsistency } from './workload.ts';

const MILLION = 1_000_000;

export type ApiKind = 'http' | 'rest';
export type LambdaArchitecture = 'x86' | 'arm';

export interface ServerlessInput {
  readonly requestsPerMonth: DecimalValue;
  readonly api: ApiKind;
  readonly memoryMb: number;
  /** Billed per 1 ms: a fraction rounds up. */
  readonly durationMs: number;
  readonly architecture: LambdaArchitecture;
  readonly readsPerRequest: number;
  readonly writesPerRequest: number;
  readonly itemBytes: number;
  readonly readConsistency: CostReadConsistency;
  readonly storedItems: number;
  /** Lambda's and DynamoDB's always-free allowances. */
  readonly freeTier: boolean;
  /** API Gateway's 12-month 1M calls (accounts opened before 2025-07-15). */
  readonly apiFreeTier: boolean;
  readonly region?: Region;
}

export interface ServerlessCost {
  readonly bill: Bill;
  readonly apiGateway: Decimal;
  readonly lambda: Decimal;
  readonly dynamoDb: Decimal;
  /** DynamoDB's lines alone, with their own working. */
  readonly dynamoDbBill: Bill;
  readonly calculation: Calculation;
}

/** Requests a month from users: users × requests per user per day × 730 / 24 days, to the nearest request. */
export function calculateRequestsPerMonth(users: number, requestsPerUserPerDay: number): Decimal {
  return new Decimal(users).times(requestsPerUserPerDay).times(730).div(24).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** Charge for `quantity` units under volume tiers priced per `per` units (a million by default). */
export function priceTiered(quantity: Decimal, tiers: readonly PriceTier[], per = MILLION): { amount: Decimal; parts: string[] } {
  let left = quantity;
  let amount = new Decimal(0);
  const parts: string[] = [];
  for (const tier of tiers) {
    if (left.lte(0)) break;
    const inTier = tier.upTo === null ? left : Decimal.min(left, tier.upTo);
    amount = amount.plus(inTier.div(per).times(tier.price.usd));
    parts.push(per === MILLION ? `${formatQuantity(inTier.div(MILLION), 6)}M × $${tier.price.usd}` : `${formatQuantity(inTier)} × $${tier.price.usd}`);
    left = left.minus(inTier);
  }
  return { amount, parts };
}

/** The month's bill for API Gateway + Lambda + DynamoDB on-demand. */
export function calculateServerlessCost(input: ServerlessInput): ServerlessCost {
  const prices = selectRegionPrices(input.region);
  const requests = new Decimal(input.requestsPerMonth);

  const apiFree = input.apiFreeTier ? Decimal.min(requests, prices.apiGateway.freeRequests.quantity) : new Decimal(0);
  const apiBilled = requests.minus(apiFree);
  const tiers = input.api === 'http' ? prices.apiGateway.httpTiers : prices.apiGateway.restTiers;
  const api = priceTiered(apiBilled, tiers);
  const apiLine: LineItem = {
    id: 'apigw',
    label: `API Gateway ${input.api === 'http' ? 'HTTP' : 'REST'} API requests`,
    quantity: `${formatQuantity(apiBilled)} requests${apiFree.isZero() ? '' : ` (${formatQuantity(requests)} − ${formatQuantity(apiFree)} free)`}`,
    formula: `${api.parts.length > 0 ? api.parts.join(' + ') : '0'} per million`,
    ...(tiers[0] === undefined ? {} : { price: tiers[0].price }),
    amount: api.amount,
  };

  const lambdaFreeRequests = input.freeTier ? Decimal.min(requests, prices.lambda.freeRequests.quantity) : new Decimal(0);
  const lambdaRequests = requests.minus(lambdaFreeRequests);
  const billedMs = Math.ceil(input.durationMs);
  const gbSeconds = requests.times(billedMs).div(1000).times(input.memoryMb).div(1024);
  const freeGbs = input.freeTier ? Decimal.min(gbSeconds, prices.lambda.freeGbSeconds.quantity) : new Decimal(0);
  const billedGbs = gbSeconds.minus(freeGbs);
  const duration =
    input.architecture === 'arm'
      ? { amount: billedGbs.times(prices.lambda.gbSecondArm.usd), parts: [`${formatQuantity(billedGbs)} × $${prices.lambda.gbSecondArm.usd}`] }
      : priceTiered(billedGbs, prices.lambda.gbSecondTiers, 1);
  const lambdaLines: LineItem[] = [
    {
      id: 'lambda.requests',
      label: 'Lambda requests',
      quantity: `${formatQuantity(lambdaRequests.div(MILLION), 6)} million${lambdaFreeRequests.isZero() ? '' : ` (after ${formatQuantity(lambdaFreeRequests)} free)`}`,
      price: prices.lambda.requests,
      amount: lambdaRequests.div(MILLION).times(prices.lambda.requests.usd),
    },
    {
      id: 'lambda.duration',
      label: `Lambda duration (${input.memoryMb} MB × ${billedMs} ms, ${input.architecture})`,
      quantity: `${formatQuantity(requests)} × ${billedMs / 1000} s × ${formatQuantity(new Decimal(input.memoryMb).div(1024))} GB = ${formatQuantity(gbSeconds)} GB-s${freeGbs.isZero() ? '' : `, ${formatQuantity(billedGbs)} after ${formatQuantity(freeGbs)} free`}`,
      price: input.architecture === 'arm' ? prices.lambda.gbSecondArm : (prices.lambda.gbSecondTiers[0]?.price ?? prices.lambda.gbSecondArm),
      formula: duration.parts.length > 0 ? `${duration.parts.join(' + ')} per GB-s` : 'all within the free tier',
      amount: duration.amount,
    },
  ];

  const unitsPerRead = readUnitsForSize(input.itemBytes, input.readConsistency);
  const unitsPerWrite = writeUnitsForSize(input.itemBytes);
  const dynamoLines: LineItem[] = [
    ...buildOnDemandRequestLines({
      readUnitsPerMonth: requests.times(input.readsPerRequest).times(unitsPerRead),
      writeUnitsPerMonth: requests.times(input.writesPerRequest).times(unitsPerWrite),
      tableClass: 'standard',
      region: input.region,
    }).map((l) => ({ ...l, label: `DynamoDB: ${l.label}` })),
    ...buildStorageLines({
      items: input.storedItems,
      itemBytes: input.itemBytes,
      tableClass: 'standard',
      freeTier: input.freeTier,
      region: input.region,
    }).map((l) => ({ ...l, label: `DynamoDB: ${l.label}` })),
  ];

  const preamble: Step[] = [
    { label: 'Requests per month', value: formatQuantity(requests) },
    {
      label: 'DynamoDB units per request',
      formula: `${input.readsPerRequest} reads × ${unitsPerRead} RRU + ${input.writesPerRequest} writes × ${unitsPerWrite} WRU (${formatQuantity(input.itemBytes)} B items)`,
      value: `${formatQuantity(new Decimal(input.readsPerRequest).times(unitsPerRead))} RRU, ${formatQuantity(new Decimal(input.writesPerRequest).times(unitsPerWrite))} WRU`,
    },
  ];
  const bill = buildBill('Serverless stack', [apiLine, ...lambdaLines, ...dynamoLines], preamble);
  const sum = (ls: readonly LineItem[]) => ls.reduce((a, l) => a.plus(l.amount), new Decimal(0));
  const dynamoDbBill = buildBill('DynamoDB', dynamoLines, preamble);
  const dynamoDb = dynamoDbBill.total;
  return {
    dynamoDbBill,
    bill,
    apiGateway: api.amount,
    lambda: sum(lambdaLines),
    dynamoDb,
    calculation: {
      ...bill.calculation,
      steps: [...bill.calculation.steps, { label: 'DynamoDB’s share', value: formatUsd(dynamoDb) }],
    },
  };
}

/**
 * How many requests a month (at the given DynamoDB work per request) make DynamoDB's share reach
 * `targetUsd` — used to explain where a quoted figure such as the study guide's $0.75 could come from.
 */
export function calculateRequestsForDynamoDbSpend(
  targetUsd: DecimalValue,
  readsPerRequest: number,
  writesPerRequest: number,
  itemBytes: number,
  readConsistency: CostReadConsistency,
  region?: Region,
): Decimal {
  const p = selectRegionPrices(region).tableClass.standard;
  const perRequest = new Decimal(readsPerRequest)
    .times(readUnitsForSize(itemBytes, readConsistency))
    .times(p.onDemandRead.usd)
    .plus(new Decimal(writesPerRequest).times(writeUnitsForSize(itemBytes)).times(p.onDemandWrite.usd))
    .div(MILLION);
  return new Decimal(targetUsd).div(perRequest).ceil();
}
