/**
 * Derivers for "what DynamoDB is" questions that still need code: which service fits a workload,
 * scale, Availability Zones, IAM actions, the 400 KB item limit and data types. Each draws a case
 * and computes which option is right from the rules below, so the key is never typed into the
 * content file. Families that only pick a case or draw from pools are markdown now
 * (`draw: pick-then-shuffle` in content/README.md).
 */
import {
  fillSlots,
  formatNumber,
  pickSome,
  readString,
  slotOutputs,
  type DerivedOption,
  type ScenarioDeriver,
  type ScenarioParams,
  type ScenarioRandom,
  type ScenarioValue,
} from './scenario-kit.ts';

const fmt = formatNumber;

interface Statement {
  readonly text: string;
  readonly why: string;
}

/** k right statements and n wrong ones, as options. */
function statementOptions(right: readonly Statement[], wrong: readonly Statement[]): DerivedOption[] {
  return [...right.map((s) => ({ text: s.text, why: `Right: ${s.why}`, correct: true })), ...wrong.map((s) => ({ text: s.text, why: s.why, correct: false }))];
}

type Workload = 'dynamodb' | 'aurora' | 'redshift' | 'neptune';
const WORKLOADS: Readonly<Record<Workload, readonly string[]>> = {
  dynamodb: [
    'look up one {{thing}} by its ID and list related {{things}} by date, at up to {{rps}} requests per second with single-digit-millisecond latency, without managing servers or patches',
    'store {{things}} whose attributes differ from one item to the next, read each by key in a few milliseconds, and grow to {{rps}} requests per second over the coming year without capacity planning',
  ],
  aurora: [
    'run ad-hoc SQL reports that join {{things}} with customers, products and invoices, with foreign keys enforced by the database',
    'keep a normalised relational schema for {{things}} and let analysts write new multi-table SQL joins every week',
  ],
  redshift: ['run complex aggregations over several petabytes of historical {{things}} for a BI dashboard, scanning billions of rows per query'],
  neptune: ['answer "which customers are within three hops of this one?" across a network of {{things}} and relationships, traversing many links per query'],
};
const SERVICES: Readonly<Record<Workload | 'self', { text: string; why: Readonly<Record<Workload, string>> }>> = {
  dynamodb: {
    text: 'Amazon DynamoDB',
    why: {
      dynamodb:
        'Right: key-value and document access by key, single-digit millisecond latency at any scale, and no servers, patching or engine versions to manage.',
      aurora: 'DynamoDB has no joins or ad-hoc SQL across tables; its queries follow the primary key and indexes you designed.',
      redshift: 'DynamoDB serves operational reads by key, not petabyte-scale analytical scans and aggregations.',
      neptune: 'DynamoDB has no graph traversal; multi-hop relationship queries need a graph database.',
    },
  },
  aurora: {
    text: 'Amazon Aurora (MySQL-compatible)',
    why: {
      dynamodb:
        'A relational database could store it, but you would size instances and plan for scale; the requirement is key-based access at massive scale with nothing to manage.',
      aurora: 'Right: ad-hoc SQL joins across normalised tables with enforced relationships is what a relational database is for.',
      redshift: 'Aurora is built for transactional workloads, not scanning petabytes for analytics.',
      neptune: 'Multi-hop traversals are expensive recursive joins in SQL; a graph database is built for them.',
    },
  },
  redshift: {
    text: 'Amazon Redshift',
    why: {
      dynamodb: 'A data warehouse is for analytical scans, not millisecond lookups by key at high request rates.',
      aurora: 'Redshift is for analytics over huge volumes, not an operational relational database.',
      redshift: 'Right: a columnar data warehouse is built for aggregations over petabytes.',
      neptune: 'Redshift is a warehouse for aggregations, not a graph store.',
    },
  },
  neptune: {
    text: 'Amazon Neptune',
    why: {
      dynamodb: 'A graph database is for traversing relationships; this workload reads items by key.',
      aurora: 'The workload is relational joins and SQL, not graph traversal.',
      redshift: 'The workload is analytical aggregation, not relationship traversal.',
      neptune: 'Right: a graph database traverses relationships hop by hop efficiently.',
    },
  },
  self: {
    text: 'A NoSQL database the team runs on EC2 instances',
    why: {
      dynamodb: 'It could work, but the team would patch, scale and replicate it themselves; the requirement is a fully managed service.',
      aurora: 'Self-managed NoSQL gives neither SQL joins nor freedom from operations.',
      redshift: 'Self-managed NoSQL on EC2 is not an analytical warehouse.',
      neptune: 'Self-managed NoSQL on EC2 is not a graph database.',
    },
  },
};

function buildServiceFit(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const workload: Workload = random.next() < 0.5 ? 'dynamodb' : random.pick(['aurora', 'redshift', 'neptune'] as const);
  const rps = random.int(2, 60) * 10_000;
  const need = random
    .pick(WORKLOADS[workload])
    .replaceAll('{{things}}', readString(params, 'c.items'))
    .replaceAll('{{thing}}', readString(params, 'c.item'))
    .replaceAll('{{rps}}', fmt(rps));
  const options: DerivedOption[] = (['dynamodb', 'aurora', 'redshift', 'neptune', 'self'] as const).map((s) => ({
    text: SERVICES[s].text,
    why: SERVICES[s].why[workload],
    correct: s === workload,
  }));
  return { ...fillSlots(options, random), need_text: need };
}

const SCALE_TRUE: readonly Statement[] = [
  {
    text: 'Latency stays in single-digit milliseconds as it grows',
    why: 'AWS describes DynamoDB as delivering single-digit millisecond performance at any scale.',
  },
  {
    text: 'A single table holds up to hundreds of terabytes of data',
    why: 'tables have no practical size limit; DynamoDB handles tables of hundreds of terabytes and trillions of items.',
  },
  {
    text: 'DynamoDB serves peaks of millions of requests per second',
    why: 'DynamoDB supports peaks of millions of requests per second (subject to account quotas you can raise).',
  },
  { text: 'DynamoDB adds partitions by itself as the table grows', why: 'DynamoDB splits partitions and spreads them for you; there is no manual sharding.' },
];
const SCALE_FALSE: readonly Statement[] = [
  {
    text: 'Reads return in microseconds without any caching layer',
    why: 'Microsecond reads need DAX in front of DynamoDB; DynamoDB alone is single-digit milliseconds.',
  },
  {
    text: 'A table stops accepting writes once it reaches 10 GB',
    why: '10 GB is the size of one partition (and an item-collection cap when the table has an LSI), not a table limit.',
  },
  { text: 'Scaling up means moving to a larger instance class', why: 'DynamoDB has no instances: capacity is set in read/write units or billed per request.' },
  {
    text: 'Each table is capped at about 10,000 requests per second',
    why: 'The default table quota is 40,000 read and 40,000 write units per second, raisable, and partitions scale out.',
  },
  { text: 'Growing the table requires a maintenance window', why: 'DynamoDB scales without downtime or maintenance windows.' },
];

function buildScaleClaims(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const right = pickSome(random, SCALE_TRUE, 2);
  const wrong = pickSome(random, SCALE_FALSE, 3);
  return {
    ...fillSlots(statementOptions(right, wrong), random),
    now_gb: random.int(2, 90) * 10,
    later_tb: random.int(5, 400),
    peak_rps: random.int(5, 90) * 10_000,
  };
}

type Risk = 'az' | 'region' | 'corruption';
function buildResilience(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const risk: Risk = random.next() < 0.5 ? 'az' : random.pick(['region', 'corruption'] as const);
  const minutes = random.int(2, 55);
  const risks: Readonly<Record<Risk, string>> = {
    az: 'The table must stay available and lose no acknowledged write if one Availability Zone in the Region goes down.',
    region: 'The application must keep working, with the data, if the entire AWS Region becomes unavailable.',
    corruption: `A faulty deployment may overwrite items with bad data; the team must be able to restore the table as it was ${minutes} minutes before the mistake.`,
  };
  const options: DerivedOption[] = [
    {
      text: 'Nothing: DynamoDB already replicates it across multiple AZs',
      why:
        risk === 'az'
          ? 'Right: DynamoDB synchronously replicates every table across multiple AZs in the Region (three, says the study guide), so losing one AZ loses no acknowledged write and the table stays available.'
          : risk === 'region'
            ? 'Replication across AZs stays inside one Region; surviving a Region outage needs a copy in another Region.'
            : 'Replicas copy bad writes too; recovering earlier data needs a backup, not more replicas.',
      correct: risk === 'az',
    },
    {
      text: 'Make it a global table with a replica in a second Region',
      why:
        risk === 'region'
          ? 'Right: global tables keep a full replica in other Regions, so the application can fail over to one.'
          : risk === 'az'
            ? 'A second Region is not needed for an AZ failure; DynamoDB already spans multiple AZs.'
            : 'A global table replicates the bad writes to every Region too.',
      correct: risk === 'region',
    },
    {
      text: 'Enable point-in-time recovery and restore from it when needed',
      why:
        risk === 'corruption'
          ? `Right: PITR keeps continuous backups for its recovery period (up to 35 days, the default) and restores to any second in it, e.g. ${minutes} minutes before the faulty writes, into a new table.`
          : 'PITR restores past data into a new table; it does not keep the table available during an outage.',
      correct: risk === 'corruption',
    },
    {
      text: 'Enable the Multi-AZ deployment option in the table settings',
      why: 'That is an Amazon RDS setting; DynamoDB tables are always spread across multiple AZs, with nothing to enable.',
      correct: false,
    },
    {
      text: 'Add a read replica of the table in each of the other Availability Zones',
      why: 'DynamoDB has no read replicas to create; its AZ replicas are managed for you.',
      correct: false,
    },
  ];
  return { ...fillSlots(options, random), risk_text: risks[risk] };
}

const ACTIONS: readonly { action: string; use: string }[] = [
  { action: 'dynamodb:GetItem', use: 'reads one item by its key' },
  { action: 'dynamodb:Query', use: 'lists the items of one partition key' },
  { action: 'dynamodb:PutItem', use: 'writes new items' },
  { action: 'dynamodb:UpdateItem', use: 'increments a counter attribute on an item' },
  { action: 'dynamodb:DeleteItem', use: 'removes items by key' },
  { action: 'dynamodb:BatchWriteItem', use: 'loads up to 25 items per call' },
];
const NEVER: readonly { action: string; why: string }[] = [
  { action: 'dynamodb:*', why: 'A wildcard grants every action, including DeleteTable; least privilege lists only what the code calls.' },
  { action: 'dynamodb:Scan', why: 'The function never scans; granting it anyway widens access for nothing.' },
  { action: 'dynamodb:CreateTable', why: 'The function does not create tables; that belongs to the deployment, not the runtime role.' },
];

function buildIamActions(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const used = pickSome(random, ACTIONS, 2);
  const unused = ACTIONS.filter((a) => !used.includes(a));
  const wrong = [
    ...pickSome(random, unused, 2).map((a) => ({
      text: `\`${a.action}\``,
      why: `The function never calls ${a.action.split(':')[1]}; least privilege leaves it out.`,
      correct: false,
    })),
    ...pickSome(random, NEVER, 1).map((n) => ({ text: `\`${n.action}\``, why: n.why, correct: false })),
  ];
  const options: DerivedOption[] = [
    ...used.map((a) => ({ text: `\`${a.action}\``, why: `Right: the function ${a.use}, which is the ${a.action.split(':')[1]} API call.`, correct: true })),
    ...wrong,
  ];
  return { ...fillSlots(options, random), uses_text: `${used[0]!.use} and ${used[1]!.use}` };
}

interface TypeCase {
  readonly value: string;
  readonly type: string;
  readonly confusable: readonly string[];
}
const TYPE_NAMES: Readonly<Record<string, string>> = {
  S: 'String (S)',
  N: 'Number (N)',
  B: 'Binary (B)',
  BOOL: 'Boolean (BOOL)',
  NULL: 'Null (NULL)',
  L: 'List (L)',
  M: 'Map (M)',
  SS: 'String Set (SS)',
  NS: 'Number Set (NS)',
  BS: 'Binary Set (BS)',
};
const TYPE_WHY: Readonly<Record<string, string>> = {
  S: 'a scalar holding UTF-8 text',
  N: 'a scalar holding a number (up to 38 digits of precision), compared and sorted numerically',
  B: 'a scalar holding raw bytes, such as compressed or encrypted data',
  BOOL: 'a scalar holding true or false',
  NULL: 'a scalar meaning "unknown or undefined"',
  L: 'a document type: an ordered collection whose elements can repeat and can be of any type',
  M: 'a document type: an unordered set of named attributes, which can nest',
  SS: 'a set type: unique strings, unordered, all of the same type',
  NS: 'a set type: unique numbers, unordered',
  BS: 'a set type: unique binary values, unordered',
};
const TYPE_CASES: readonly TypeCase[] = [
  { value: 'the unique tags a customer chose, where order does not matter', type: 'SS', confusable: ['L', 'S', 'M', 'NS'] },
  { value: 'the last five search terms in the order they were typed, repeats allowed', type: 'L', confusable: ['SS', 'M', 'S', 'NS'] },
  { value: 'a shipping address with street, city and postcode fields', type: 'M', confusable: ['L', 'SS', 'S', 'B'] },
  { value: 'an order total in cents, used in numeric range conditions', type: 'N', confusable: ['S', 'NS', 'B', 'L'] },
  { value: 'a gzip-compressed thumbnail image', type: 'B', confusable: ['S', 'BS', 'L', 'M'] },
  { value: 'whether the account email has been verified', type: 'BOOL', confusable: ['N', 'S', 'NULL', 'B'] },
  { value: 'the distinct seat numbers held by one booking', type: 'NS', confusable: ['L', 'SS', 'N', 'M'] },
  { value: 'a set of unique SHA-256 digests stored as raw bytes', type: 'BS', confusable: ['SS', 'L', 'B', 'NS'] },
  // Not Map: a map keyed by SKU is a defensible model for line items, so it cannot be a distractor.
  { value: 'a list of line items, each with a SKU, a quantity and a price', type: 'L', confusable: ['SS', 'NS', 'S', 'B'] },
];

function buildTypeForValue(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const c = random.pick(TYPE_CASES);
  const others = pickSome(random, c.confusable, 4);
  const options: DerivedOption[] = [c.type, ...others].map((t) => ({
    text: TYPE_NAMES[t]!,
    why: t === c.type ? `Right: ${TYPE_NAMES[t]} is ${TYPE_WHY[t]}.` : `${TYPE_NAMES[t]} is ${TYPE_WHY[t]}, which does not fit ${c.value}.`,
    correct: t === c.type,
  }));
  return { ...fillSlots(options, random), value_text: c.value };
}

const CATEGORIES: Readonly<Record<'scalar' | 'document' | 'set', readonly string[]>> = {
  scalar: ['S', 'N', 'B', 'BOOL', 'NULL'],
  document: ['L', 'M'],
  set: ['SS', 'NS', 'BS'],
};

function buildTypeCategory(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const category = random.pick(['scalar', 'document', 'set'] as const);
  const right = pickSome(random, CATEGORIES[category], 2);
  const pool = Object.entries(CATEGORIES)
    .filter(([c]) => c !== category)
    .flatMap(([c, types]) => types.map((t) => ({ t, c })));
  const wrong = pickSome(random, pool, 3);
  const options: DerivedOption[] = [
    ...right.map((t) => ({ text: TYPE_NAMES[t]!, why: `Right: ${TYPE_NAMES[t]} is ${TYPE_WHY[t]}.`, correct: true })),
    // TYPE_WHY of document and set types already opens with their category; say it once.
    ...wrong.map(({ t, c }) => ({
      text: TYPE_NAMES[t]!,
      why: `${TYPE_NAMES[t]} is a ${c} type: ${TYPE_WHY[t]!.replace(/^a (document|set) type: /, '')}.`,
      correct: false,
    })),
  ];
  return { ...fillSlots(options, random), category };
}

const SIZE_COUNTS: readonly Statement[] = [
  {
    text: 'The name of every attribute, counted in UTF-8 bytes',
    why: 'attribute names count toward the item size, which is why short names save space and throughput.',
  },
  {
    text: "Every value nested inside the item's maps and lists",
    why: 'a document attribute counts with everything inside it (plus a few bytes of overhead per element).',
  },
  { text: 'The partition and sort key attributes of the item', why: 'key attributes are attributes of the item like any other: their names and values count.' },
  {
    text: "A Binary value's raw bytes, not its base64 encoding",
    why: 'binary values count by their raw length, not by the longer base64 text used on the wire.',
  },
];
const SIZE_EXCLUDED: readonly Statement[] = [
  {
    text: "The entries the item creates in the table's two GSIs",
    why: "index entries are stored and billed separately; they do not count toward the item's 400 KB.",
  },
  {
    text: 'The 100 bytes of per-item indexing overhead AWS adds',
    why: 'that overhead is added for storage billing only, not to the item size limit or to capacity units.',
  },
  {
    text: 'The size of the S3 objects the item points to',
    why: 'only the S3 key (a short string) is in the item; the object lives in S3 with its own limits.',
  },
  {
    text: 'Other items that share the same partition-key value',
    why: 'the 400 KB limit is per item; the whole item collection is capped (at 10 GB) only when the table has an LSI.',
  },
  {
    text: 'The ConditionExpression sent along with the write request',
    why: 'expressions are request parameters with their own limits (4 KB per expression), not part of the stored item.',
  },
];

function buildSizeCounts(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const right = pickSome(random, SIZE_COUNTS, 2);
  const wrong = pickSome(random, SIZE_EXCLUDED, 3).map((s) => ({ text: s.text, why: `Does not count: ${s.why}` }));
  return { ...fillSlots(statementOptions(right, wrong), random), size_kb: random.int(250, 399) };
}

export const coreDerivers: readonly ScenarioDeriver[] = [
  { name: 'core-service-fit', description: 'DynamoDB or another AWS database for a workload', outputs: slotOutputs(5, ['need_text']), derive: buildServiceFit },
  {
    name: 'core-scale-claims',
    description: 'Two true statements about DynamoDB scale',
    outputs: slotOutputs(5, ['now_gb', 'later_tb', 'peak_rps']),
    derive: buildScaleClaims,
  },
  {
    name: 'core-resilience',
    description: 'AZ failure, Region failure or bad writes: what protects the data',
    outputs: slotOutputs(5, ['risk_text']),
    derive: buildResilience,
  },
  { name: 'core-iam-actions', description: 'The two actions a least-privilege role needs', outputs: slotOutputs(5, ['uses_text']), derive: buildIamActions },
  { name: 'core-type-for-value', description: 'The DynamoDB type for a value', outputs: slotOutputs(5, ['value_text']), derive: buildTypeForValue },
  {
    name: 'core-type-category',
    description: 'Two types of a category (scalar, document, set)',
    outputs: slotOutputs(5, ['category']),
    derive: buildTypeCategory,
  },
  { name: 'core-size-counts', description: 'Two things that count toward the 400 KB item size', outputs: slotOutputs(5, ['size_kb']), derive: buildSizeCounts },
];
