/**
 * Rules for DynamoDB behind API Gateway and Lambda: the least-privilege actions a function's
 * role needs, what a Scan costs against a Query, and when a serverless-first design fits.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-query-scan.html
 */
import type { Calculation } from '../calculation.ts';
import { scanPages } from '../capacity/scan-time.ts';
import { readUnitsForSize, READ_UNITS_PER_BLOCK } from '../capacity/units.ts';

export type DataPlaneOperation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'TransactWriteItems'
  | 'TransactGetItems';

/**
 * IAM actions a Lambda role needs for the operations its code calls. Each API call is its own
 * action; transactions are authorised per item action (TransactWriteItems needs PutItem,
 * UpdateItem, DeleteItem or ConditionCheckItem for what it contains, modelled here as the
 * writes the function performs).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
 */
export function requiredIamActions(operations: readonly DataPlaneOperation[]): readonly string[] {
  const actions = new Set<string>();
  for (const op of operations) {
    switch (op) {
      case 'TransactWriteItems':
        actions.add('dynamodb:PutItem');
        actions.add('dynamodb:UpdateItem');
        break;
      case 'TransactGetItems':
        actions.add('dynamodb:GetItem');
        break;
      default:
        actions.add(`dynamodb:${op}`);
    }
  }
  return [...actions].sort();
}

/** A Query or Scan against an index needs the index ARN (table ARN + `/index/<name>`) too. */
export function requiredResourceArns(region: string, account: string, table: string, index?: string): readonly string[] {
  const tableArn = `arn:aws:dynamodb:${region}:${account}:table/${table}`;
  return index ? [tableArn, `${tableArn}/index/${index}`] : [tableArn];
}

export interface ScanVersusQuery {
  readonly tableItems: number;
  readonly itemBytes: number;
  readonly matchingItems: number;
}

/**
 * Read units of a full Scan (every item evaluated, rounded per 1 MB page, filters do not reduce
 * it) and of a Query that reads only the matching items, both eventually consistent.
 */
export function compareScanToQuery(input: ScanVersusQuery): { readonly scan: Calculation; readonly query: Calculation; readonly scanPages: number } {
  const unit = READ_UNITS_PER_BLOCK.eventual;
  const totalBytes = input.tableItems * input.itemBytes;
  const pages = scanPages({ itemCount: input.tableItems, itemBytes: input.itemBytes });
  const { fullPages, perPage: itemsPerPage } = pages;
  const pageUnits = pages.blocksPerFullPage * unit;
  const restUnits = pages.restBlocks * unit;
  const scanValue = fullPages * pageUnits + restUnits;
  const queryBytes = input.matchingItems * input.itemBytes;
  const queryValue = readUnitsForSize(queryBytes, 'eventual');
  const n = (x: number): string => x.toLocaleString('en-US');
  return {
    scanPages: pages.pages,
    scan: {
      value: scanValue,
      unit: 'RCU',
      steps: [
        { label: 'Bytes the Scan evaluates (every item)', formula: `${n(input.tableItems)} × ${n(input.itemBytes)} B`, value: `${n(totalBytes)} B` },
        { label: 'Items per 1 MB page', formula: `floor(1,048,576 / ${n(input.itemBytes)})`, value: `${n(itemsPerPage)} items, ${n(pages.pages)} pages` },
        { label: 'Eventual read units, rounded up per page', formula: `${n(fullPages)} × ${n(pageUnits)} + ${n(restUnits)}`, value: `${n(scanValue)} RCU` },
      ],
    },
    query: {
      value: queryValue,
      unit: 'RCU',
      steps: [
        { label: 'Bytes the Query reads (matching items only)', formula: `${n(input.matchingItems)} × ${n(input.itemBytes)} B`, value: `${n(queryBytes)} B` },
        { label: 'Eventual read units, rounded up once', formula: `ceil(${n(queryBytes)} / 4,096) × 0.5`, value: `${n(queryValue)} RCU` },
      ],
    },
  };
}

export type ComputeTraffic = 'unpredictable' | 'steady-high';
export type ArchitectureChoice = 'serverless-first' | 'containers-portable' | 'serverless-with-provisioned-concurrency';

export interface ArchitectureNeeds {
  readonly traffic: ComputeTraffic;
  /** Monthly budget in US dollars. */
  readonly monthlyBudget: number;
  readonly teamKnowsServerless: boolean;
  readonly lockInAcceptable: boolean;
  /** A first request after idle must answer in well under a second. */
  readonly coldStartsUnacceptable: boolean;
}

export type ArchitectureReason = 'lock-in-unacceptable' | 'team-unfamiliar' | 'steady-high-traffic' | 'cold-starts' | 'bursty-tight-budget';

/**
 * The study guide's rule for a serverless-first migration: pick it for unpredictable or bursty
 * traffic, a tight budget, a team at ease with serverless, and lock-in that is acceptable.
 * Lock-in or an unfamiliar team rule it out; steady heavy traffic favours always-on compute;
 * strict first-request latency keeps Lambda but with provisioned concurrency.
 */
export function recommendArchitecture(needs: ArchitectureNeeds): { readonly choice: ArchitectureChoice; readonly reason: ArchitectureReason } {
  if (!needs.lockInAcceptable) return { choice: 'containers-portable', reason: 'lock-in-unacceptable' };
  if (!needs.teamKnowsServerless) return { choice: 'containers-portable', reason: 'team-unfamiliar' };
  if (needs.traffic === 'steady-high') return { choice: 'containers-portable', reason: 'steady-high-traffic' };
  if (needs.coldStartsUnacceptable) return { choice: 'serverless-with-provisioned-concurrency', reason: 'cold-starts' };
  return { choice: 'serverless-first', reason: 'bursty-tight-budget' };
}

/** Increments lost when `concurrent` clients read-then-write the same counter at once. */
export function lostIncrements(concurrent: number, atomic: boolean): number {
  return atomic ? 0 : Math.max(0, concurrent - 1);
}
