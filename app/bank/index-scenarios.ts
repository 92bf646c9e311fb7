/**
 * Derivers for index-choice questions. A family's front matter supplies a business domain (a
 * table, its keys, and phrases for the reads a new screen needs); the deriver draws a case (is
 * the table live, must reads be strong, how big do item collections grow, which read is new),
 * builds the access pattern, and lets adviseIndex decide the right option and why each other
 * option fails. Nothing about the answer is written per variant.
 */
import { adviseIndex, type AccessPattern, type IndexChoice, type TableDesign } from '../../engine/index.ts';
import {
  fillSlots,
  formatNumber,
  readString,
  slotOutputs,
  type DerivedOption,
  type ScenarioDeriver,
  type ScenarioParams,
  type ScenarioRandom,
  type ScenarioValue,
} from './scenario-kit.ts';

/** The domain fields an index-choice family's `d` parameter carries. */
export interface IndexDomain {
  readonly company: string;
  readonly table: string;
  readonly pk: string;
  readonly sk: string;
  readonly items: string;
  readonly owner: string;
  /** A read that the table's own key serves: "one rider's trips in trip order". */
  readonly skNeed: string;
  /** Attribute to sort one owner's items by, and the read that needs it. */
  readonly alt: string;
  readonly altNeed: string;
  /** Attribute to look items up by across owners, and the read that needs it. */
  readonly other: string;
  readonly otherNeed: string;
  /** A read with no attribute fixed by equality, and the attribute it searches. */
  readonly scanAttr: string;
  readonly scanNeed: string;
}

const DOMAIN_FIELDS = ['company', 'table', 'pk', 'sk', 'items', 'owner', 'skNeed', 'alt', 'altNeed', 'other', 'otherNeed', 'scanAttr', 'scanNeed'] as const;

export function readIndexDomain(params: ScenarioParams): IndexDomain {
  const entries = DOMAIN_FIELDS.map((f) => [f, readString(params, `d.${f}`)] as const);
  return Object.fromEntries(entries) as unknown as IndexDomain;
}

/** The situations a question can be drawn from; each has exactly one right option. */
export type IndexCase =
  | 'own-key'
  | 'lsi-at-design'
  | 'gsi-at-design-big-collections'
  | 'gsi-on-live-table'
  | 'rebuild-for-strong'
  | 'gsi-other-key'
  | 'existing-gsi'
  | 'scan-only';

export const ALL_INDEX_CASES: readonly IndexCase[] = [
  'own-key',
  'lsi-at-design',
  'gsi-at-design-big-collections',
  'gsi-on-live-table',
  'rebuild-for-strong',
  'gsi-other-key',
  'existing-gsi',
  'scan-only',
];

interface CaseSetup {
  readonly created: boolean;
  readonly strong: boolean;
  readonly big: boolean;
  readonly read: 'sk' | 'alt' | 'other' | 'scan';
  readonly existing: boolean;
}

const SETUPS: Readonly<Record<IndexCase, (random: ScenarioRandom) => CaseSetup>> = {
  'own-key': (r) => ({ created: r.next() < 0.5, strong: r.next() < 0.5, big: false, read: 'sk', existing: false }),
  'lsi-at-design': () => ({ created: false, strong: true, big: false, read: 'alt', existing: false }),
  'gsi-at-design-big-collections': () => ({ created: false, strong: false, big: true, read: 'alt', existing: false }),
  'gsi-on-live-table': (r) => ({ created: true, strong: false, big: r.next() < 0.5, read: 'alt', existing: false }),
  'rebuild-for-strong': () => ({ created: true, strong: true, big: false, read: 'alt', existing: false }),
  'gsi-other-key': (r) => ({ created: r.next() < 0.5, strong: false, big: r.next() < 0.5, read: 'other', existing: false }),
  'existing-gsi': () => ({ created: true, strong: false, big: false, read: 'other', existing: true }),
  'scan-only': (r) => ({ created: true, strong: false, big: r.next() < 0.5, read: 'scan', existing: false }),
};

function patternFor(d: IndexDomain, read: CaseSetup['read'], strong: boolean): AccessPattern {
  switch (read) {
    case 'sk':
      return { equalityOn: d.pk, rangeOn: d.sk, strongRead: strong };
    case 'alt':
      return { equalityOn: d.pk, rangeOn: d.alt, strongRead: strong };
    case 'other':
      return { equalityOn: d.other, strongRead: strong };
    case 'scan':
      return { rangeOn: d.scanAttr, strongRead: strong };
  }
}

function needFor(d: IndexDomain, read: CaseSetup['read']): string {
  return { sk: d.skNeed, alt: d.altNeed, other: d.otherNeed, scan: d.scanNeed }[read];
}

/** Option text for each choice, worded for the attribute the new read turns on. */
function optionText(choice: IndexChoice, d: IndexDomain, pattern: AccessPattern, indexName: string): string {
  const eq = pattern.equalityOn;
  const attr = pattern.rangeOn ?? eq ?? d.scanAttr;
  // An index on the table's own sort key would be pointless to offer; offer the other attribute.
  const indexAttr = attr === d.sk ? d.alt : attr;
  switch (choice) {
    case 'base-table':
      if (eq === d.pk && pattern.rangeOn === d.sk) return `Query \`${d.table}\` with a key condition on \`${d.pk}\` and \`${d.sk}\``;
      if (eq === d.pk) return `Query \`${d.table}\` on \`${d.pk}\` and sort by \`${attr}\` in the application`;
      return `Query \`${d.table}\` with the key condition \`${attr} = :value\``;
    case 'existing-index':
      return `Query the existing GSI \`${indexName}\` instead of the table`;
    case 'add-lsi':
      return `Add an LSI with partition key \`${d.pk}\` and sort key \`${indexAttr}\``;
    case 'add-gsi':
      return eq === undefined
        ? `Add a GSI with partition key \`${attr}\` and query it`
        : `Add a GSI with partition key \`${eq}\`${pattern.rangeOn ? ` and sort key \`${pattern.rangeOn}\`` : ''}`;
    case 'recreate-with-lsi':
      return `Create a new table with an LSI on \`${indexAttr}\` and migrate the data`;
    case 'scan':
      return `Scan \`${d.table}\` with a FilterExpression on \`${attr}\``;
  }
}

export const INDEX_CHOICE_EXTRA_OUTPUTS = ['state_text', 'need_text', 'freshness_text', 'size_text', 'index_text', 'verdict', 'right_choice'] as const;

/** Build one index-choice question for a case: scenario sentences, five options, the key. */
export function buildIndexChoice(d: IndexDomain, indexCase: IndexCase, random: ScenarioRandom, created?: boolean): Record<string, ScenarioValue> {
  const drawn = SETUPS[indexCase](random);
  const setup = created === undefined ? drawn : { ...drawn, created };
  // gb is the table items alone (what the prompt states). An LSI's entries count toward the same
  // 10 GB cap, and with projection ALL they are about as large again, so the rule is given twice
  // gb, and small collections stay at 4 GB or less so that even doubled they fit.
  const gb = setup.big ? random.int(12, 40) : random.int(1, 4);
  const indexName = `${d.other}-index`;
  const table: TableDesign = {
    key: { partitionKey: d.pk, sortKey: d.sk },
    indexes: setup.existing ? [{ name: indexName, kind: 'gsi', partitionKey: d.other }] : [],
    created: setup.created,
  };
  const pattern = patternFor(d, setup.read, setup.strong);
  const advice = adviseIndex(table, pattern, { largestCollectionGb: 2 * gb });

  // Five options: the key, then the others; drop one wrong option so exactly five show.
  const candidates: IndexChoice[] = setup.existing
    ? ['existing-index', 'base-table', 'add-lsi', 'add-gsi', 'recreate-with-lsi', 'scan']
    : ['base-table', 'add-lsi', 'add-gsi', 'recreate-with-lsi', 'scan'];
  let shown = candidates;
  if (candidates.length > 5) {
    const droppable = candidates.filter((c) => c !== advice.choice && c !== 'add-gsi' && c !== 'add-lsi');
    const drop = random.pick(droppable);
    shown = candidates.filter((c) => c !== drop);
  }
  const options: DerivedOption[] = shown.map((choice) => ({
    text: optionText(choice, d, pattern, indexName),
    why: advice.assessments[choice].reason,
    correct: choice === advice.choice,
  }));

  const months = random.int(3, 30);
  return {
    ...fillSlots(options, random),
    state_text: setup.created
      ? `The table has been in production for ${months} months.`
      : 'The table has not been created yet: the team is still finishing its design.',
    index_text: setup.existing
      ? ` It already has one GSI, \`${indexName}\`, with partition key \`${d.other}\` (projection ALL).`
      : ' It has no secondary indexes.',
    need_text: needFor(d, setup.read),
    freshness_text: setup.strong
      ? 'The screen must show every change the moment it is saved, so reads must be strongly consistent.'
      : 'Results that lag a second or two behind the latest writes are acceptable.',
    size_text: `The busiest ${d.owner} is expected to accumulate about ${gb} GB of ${d.items}.`,
    verdict: advice.assessments[advice.choice].reason,
    right_choice: optionText(advice.choice, d, pattern, indexName),
  };
}

/** A deriver drawing its case from `cases`; families pick the cases that teach their point. */
export function createIndexChoiceDeriver(name: string, cases: readonly IndexCase[], description: string, created?: boolean): ScenarioDeriver {
  return {
    name,
    description,
    outputs: slotOutputs(5, INDEX_CHOICE_EXTRA_OUTPUTS),
    derive(params, random) {
      return buildIndexChoice(readIndexDomain(params), random.pick(cases), random, created);
    },
  };
}

export const indexDerivers: readonly ScenarioDeriver[] = [
  createIndexChoiceDeriver('index-choice-any', ALL_INDEX_CASES, 'Any index-choice case: own key, LSI, GSI, rebuild, existing GSI or Scan'),
  createIndexChoiceDeriver(
    'index-choice-live-table',
    ['gsi-on-live-table', 'rebuild-for-strong', 'gsi-other-key', 'existing-gsi', 'own-key'],
    'Index choice on a table already in production: what can still be added, and what needs a rebuild',
    true,
  ),
  createIndexChoiceDeriver(
    'index-choice-design',
    ['lsi-at-design', 'gsi-at-design-big-collections', 'gsi-other-key', 'own-key', 'scan-only'],
    'Index choice while the table is still being designed: LSI now or GSI, given consistency and collection size',
    false,
  ),
];

const GIB = 1024 ** 3;

/**
 * LSI item-collection growth: a busy partition-key value writes `perDay` items of `bytes`
 * each, and the LSI (projection ALL) stores an entry of about the same size again, so the
 * collection grows by twice the table data. Writes fail once it passes 10 GB.
 */
export function daysUntilCollectionLimit(perDay: number, bytes: number, lsiCopies: number): number {
  return Math.floor((10 * GIB) / (perDay * bytes * (1 + lsiCopies)));
}

function buildLsiLimit(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const perDay = random.int(4, 40) * 1000;
  const bytes = random.int(4, 20) * 100;
  const copies = random.int(1, 2);
  const days = daysUntilCollectionLimit(perDay, bytes, copies);
  const tableOnly = daysUntilCollectionLimit(perDay, bytes, 0);
  const options: DerivedOption[] = [
    {
      text: `After about ${days} days, with ItemCollectionSizeLimitExceededException`,
      why: `Right: the 10 GB cap counts the table items and every LSI entry of the key value. Each day adds ${formatNumber(perDay)} × ${bytes} B × ${1 + copies} ≈ ${((perDay * bytes * (1 + copies)) / 1024 ** 2).toFixed(1)} MB, so 10 GiB is reached after about ${days} days.`,
      correct: true,
    },
    {
      text: `After about ${tableOnly} days, with ItemCollectionSizeLimitExceededException`,
      why: `This counts only the table items; the LSI entries of the same ${readString(params, 'd.pk')} count toward the 10 GB too, so the limit comes ${1 + copies} times sooner.`,
      correct: false,
    },
    {
      text: `After about ${days} days, with a ProvisionedThroughputExceededException`,
      why: 'Throughput errors come from exceeding capacity, not size; a full item collection fails with ItemCollectionSizeLimitExceededException.',
      correct: false,
    },
    {
      text: 'Never: DynamoDB keeps splitting the growing item collection across partitions',
      why: 'Without an LSI that is what happens; with an LSI the item collection of one partition-key value cannot grow past 10 GB.',
      correct: false,
    },
    {
      text: 'Never: only the 400 KB per-item size limit applies to each of the writes',
      why: 'The 400 KB limit is per item; tables with an LSI also cap each item collection at 10 GB.',
      correct: false,
    },
  ];
  return { ...fillSlots(options, random), per_day: perDay, item_bytes: bytes, lsi_count: copies, days, lsi_word: copies === 1 ? 'one LSI' : 'two LSIs' };
}

/**
 * What ConsistentRead=true does on each kind of index. The Query returns one entry: a Query sums
 * the sizes of all it reads and rounds once to 4 KB, so a per-entry price would be wrong for
 * several entries of a size that is not a multiple of 4 KB. (read-write-operations.html)
 */
function buildIndexStrongRead(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const kind = random.pick(['lsi', 'gsi'] as const);
  const kb = random.int(1, 12);
  const blocks = Math.ceil((kb * 1024) / 4096);
  const options: DerivedOption[] = [
    {
      text: 'The request is rejected: DynamoDB returns a ValidationException',
      why:
        kind === 'gsi'
          ? 'Right: GSIs support only eventually consistent reads, and DynamoDB rejects ConsistentRead=true on one.'
          : 'LSIs do support strongly consistent reads; only GSIs reject ConsistentRead=true.',
      correct: kind === 'gsi',
    },
    {
      text: `It returns the latest data, consuming ${blocks} RCU for the ${kb} KB entry`,
      why:
        kind === 'lsi'
          ? `Right: an LSI lives with its table's partition, so it can read strongly; a strong read costs 1 RCU per 4 KB block, here ${blocks}.`
          : 'A GSI is updated asynchronously and cannot read strongly; the request is rejected.',
      correct: kind === 'lsi',
    },
    {
      text: 'It returns eventually consistent data and ignores the flag',
      why: 'DynamoDB does not ignore the flag: it either honours it (table, LSI) or rejects it (GSI).',
      correct: false,
    },
    {
      text: `It returns the latest data, consuming ${blocks / 2} RCU for the ${kb} KB entry`,
      why: `${blocks / 2} RCU is the eventually consistent price; a strongly consistent read costs twice that.`,
      correct: false,
    },
    {
      text: 'It succeeds if the index is first switched to on-demand mode',
      why: 'Capacity mode has nothing to do with consistency; the index kind decides whether strong reads are possible.',
      correct: false,
    },
  ];
  return {
    ...fillSlots(options, random),
    kind_name: kind === 'gsi' ? 'global secondary index' : 'local secondary index',
    kind_short: kind.toUpperCase(),
    entry_kb: kb,
    index_pk: kind === 'gsi' ? readString(params, 'd.other') : readString(params, 'd.pk'),
    index_sk: kind === 'gsi' ? readString(params, 'd.sk') : readString(params, 'd.alt'),
  };
}

/**
 * GSI write back-pressure: every table write that carries the GSI key also writes the index,
 * and when the GSI lacks write capacity the table write is throttled.
 * https://repost.aws/knowledge-center/dynamodb-gsi-throttling-table
 */
export function gsiWriteNeed(writesPerSecond: number, shareWithKey: number, entryBytes: number): number {
  return Math.ceil(writesPerSecond * shareWithKey) * Math.max(1, Math.ceil(entryBytes / 1024));
}

function buildGsiThrottle(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const writes = random.int(4, 40) * 50;
  const tableWcu = writes + random.int(2, 10) * 50;
  const sharePct = random.pick([100, 80, 60, 40, 25]);
  const entryBytes = random.int(3, 9) * 100;
  const need = gsiWriteNeed(writes, sharePct / 100, entryBytes);
  const throttled = random.next() < 0.6;
  const gsiWcu = throttled ? Math.max(5, Math.floor((need * random.int(30, 80)) / 100 / 5) * 5) : need + random.int(1, 8) * 25;
  const options: DerivedOption[] = [
    {
      text: 'Table writes are throttled until the GSI is given more write capacity',
      why: throttled
        ? `Right: the GSI needs about ${formatNumber(need)} WCU but has ${formatNumber(gsiWcu)}. A table write must also fit in every GSI it updates, so the GSI's shortage throttles writes to the table.`
        : `The GSI needs about ${formatNumber(need)} WCU and has ${formatNumber(gsiWcu)}, so it does not throttle anything.`,
      correct: throttled,
    },
    {
      text: 'Table writes succeed; the GSI falls behind and catches up once traffic drops',
      why: 'A GSI does not buffer a backlog: when it lacks write capacity DynamoDB throttles the table writes that would update it.',
      correct: false,
    },
    {
      text: 'Query requests against the GSI are throttled, but every write succeeds',
      why: 'Read throttling on a GSI does not touch the table, but this is about write capacity, which does.',
      correct: false,
    },
    {
      text: 'Nothing is throttled: the table and the GSI both have enough write capacity',
      why: throttled
        ? `The GSI needs about ${formatNumber(need)} WCU (${formatNumber(writes)} writes × ${sharePct}% carrying the key, entries of ${entryBytes} B) but has only ${formatNumber(gsiWcu)}.`
        : `Right: the GSI needs about ${formatNumber(need)} WCU and has ${formatNumber(gsiWcu)}; the table needs ${formatNumber(writes)} and has ${formatNumber(tableWcu)}.`,
      correct: !throttled,
    },
    {
      text: "The GSI borrows the table's unused write capacity to cover the gap",
      why: "A GSI has its own provisioned capacity; it never draws on the table's (that sharing is how LSIs work).",
      correct: false,
    },
  ];
  return { ...fillSlots(options, random), writes, table_wcu: tableWcu, share_pct: sharePct, entry_bytes: entryBytes, gsi_wcu: gsiWcu, gsi_need: need };
}

/** Sparse index: only items that have the index key attribute get an entry. */
function buildSparse(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const total = random.int(2, 60) * 100_000;
  const pct = random.pick([0.5, 1, 2, 3, 5, 8]);
  const flagged = Math.round((total * pct) / 100);
  const options: DerivedOption[] = [
    {
      text: `About ${formatNumber(flagged)} entries: one per item that has the attribute`,
      why: `Right: a GSI is sparse: an item without the index partition key gets no entry, so only the ${pct}% of items that carry it (${formatNumber(flagged)}) are in the index, and only their writes cost index capacity.`,
      correct: true,
    },
    {
      text: `About ${formatNumber(total)} entries: one per item in the table`,
      why: 'Items that lack the index key attribute are left out of a GSI; it is not a full copy of the table.',
      correct: false,
    },
    {
      text: `About ${formatNumber(total - flagged)} entries: one per item lacking the attribute`,
      why: 'It is the other way round: only items that have the index key get an entry.',
      correct: false,
    },
    {
      text: 'No entries until every item in the table has the attribute',
      why: 'DynamoDB does not require the attribute on every item; items that have it are indexed as soon as the GSI is backfilled.',
      correct: false,
    },
  ];
  return { ...fillSlots(options, random), total_items: total, flag_pct: pct };
}

/** Scan versus Query on an index: a Scan bills every item it reads, a filter does not help. */
export function scanReadUnits(items: number, itemBytes: number): number {
  return Math.ceil((items * itemBytes) / 4096) * 0.5;
}

function buildScanCost(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const items = random.int(5, 80) * 100_000;
  const bytes = random.int(4, 30) * 100;
  const matches = random.int(2, 40) * 100;
  const scan = scanReadUnits(items, bytes);
  const query = scanReadUnits(matches, bytes);
  const options: DerivedOption[] = [
    {
      text: `Scan ≈ ${formatNumber(scan)} RCU per run; Query on a GSI ≈ ${formatNumber(query)} RCU`,
      why: `Right: the Scan reads all ${formatNumber(items)} items (${formatNumber(items * bytes)} B, in 4 KB units at 0.5 RCU each), whatever the filter keeps; a Query on a GSI keyed on the attribute reads only the ${formatNumber(matches)} matching entries.`,
      correct: true,
    },
    {
      text: `Scan ≈ ${formatNumber(query)} RCU per run; Query on a GSI ≈ ${formatNumber(query)} RCU`,
      why: 'A FilterExpression is applied after the read: the Scan is billed for every item it reads, not only the ones it returns.',
      correct: false,
    },
    {
      text: `Scan ≈ ${formatNumber(scan)} RCU per run; Query on a GSI ≈ ${formatNumber(scan)} RCU`,
      why: 'A Query on an index keyed on the attribute reads only the matching entries, not the whole table.',
      correct: false,
    },
    {
      text: `Scan ≈ ${formatNumber(scan * 2)} RCU per run; Query on a GSI ≈ ${formatNumber(query)} RCU`,
      why: 'Scans are eventually consistent by default (0.5 RCU per 4 KB); this doubles it as if ConsistentRead were set.',
      correct: false,
    },
    {
      text: `Scan ≈ ${formatNumber(scan)} RCU per run; Query on a GSI ≈ ${formatNumber(query * 2)} RCU`,
      why: 'GSI reads are eventually consistent, so they cost 0.5 RCU per 4 KB, not 1.',
      correct: false,
    },
  ];
  return { ...fillSlots(options, random), scan_items: items, item_bytes: bytes, match_items: matches };
}

interface Statement {
  readonly text: string;
  readonly why: string;
}

const LSI_TRUE: readonly Statement[] = [
  { text: "Its partition key must be the same as the table's", why: 'An LSI is "local" to each partition-key value: it only adds another sort key.' },
  { text: 'It can serve strongly consistent reads', why: 'LSIs are kept in step with their table partition, so ConsistentRead=true is allowed.' },
  { text: 'It must be declared when the table is created', why: 'LSIs can only be defined in CreateTable; they cannot be added or removed later.' },
  { text: "It consumes the table's read and write capacity", why: "An LSI has no throughput settings of its own; its reads and writes use the table's." },
  { text: "It limits each partition-key value's items to 10 GB", why: 'With an LSI, an item collection (table items plus index entries) cannot exceed 10 GB.' },
];
const GSI_TRUE: readonly Statement[] = [
  { text: 'Its partition key can be any attribute of the table', why: 'A GSI can have a different partition key and sort key from the table.' },
  { text: 'It can be added to or deleted from an existing table', why: 'GSIs are created with UpdateTable at any time and backfilled online.' },
  { text: 'Its reads are always eventually consistent', why: 'GSIs are updated asynchronously; ConsistentRead=true is rejected on them.' },
  { text: "It has read and write capacity separate from the table's", why: 'A provisioned GSI has its own RCU and WCU settings.' },
  {
    text: 'A shortage of its write capacity can throttle table writes',
    why: 'Every table write that touches the GSI needs GSI write capacity; without it the table write is throttled.',
  },
];

function oppositeWhy(statement: Statement, kind: 'lsi' | 'gsi'): string {
  return `True of ${kind === 'lsi' ? 'a GSI' : 'an LSI'}, not of ${kind === 'lsi' ? 'an LSI' : 'a GSI'}: ${statement.why}`;
}

const NEITHER: readonly Statement[] = [
  { text: 'Up to 50 of them can be created per table', why: 'The limits are 5 LSIs per table and 20 GSIs (default quota).' },
  {
    text: 'It stores a full copy of every item regardless of projection',
    why: 'An index stores only the key attributes plus the projected ones (KEYS_ONLY, INCLUDE or ALL).',
  },
];

function buildTraits(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const kind = random.pick(['lsi', 'gsi'] as const);
  const [mine, theirs] = kind === 'lsi' ? [LSI_TRUE, GSI_TRUE] : [GSI_TRUE, LSI_TRUE];
  const right = random.shuffle(mine).slice(0, 2);
  const wrongPool: Statement[] = [...theirs.map((s) => ({ text: s.text, why: oppositeWhy(s, kind) })), ...NEITHER];
  const wrong = random.shuffle(wrongPool).slice(0, 3);
  const options: DerivedOption[] = [
    ...right.map((s) => ({ text: s.text, why: `Right: ${s.why}`, correct: true })),
    ...wrong.map((s) => ({ text: s.text, why: s.why, correct: false })),
  ];
  return {
    ...fillSlots(options, random),
    kind_name: kind === 'lsi' ? 'local secondary index (LSI)' : 'global secondary index (GSI)',
    kind_short: kind.toUpperCase(),
    index_key: kind === 'lsi' ? `\`${readString(params, 'd.pk')}\` + \`${readString(params, 'd.alt')}\`` : `\`${readString(params, 'd.other')}\``,
  };
}

/** Which capacity an index write consumes, and how much, when an update changes the index key. */
function buildIndexWriteCost(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const kind = random.pick(['lsi', 'gsi'] as const);
  const bytes = random.int(3, 30) * 100;
  const c = Math.ceil(bytes / 1024);
  const options: DerivedOption[] = [
    {
      text: `${3 * c} WCU, charged against the table's own write capacity`,
      why:
        kind === 'lsi'
          ? `Right: ${c} WCU for the table item, plus ${2 * c} for the LSI (changing the index key deletes the old entry and puts a new one); LSIs use the table's capacity.`
          : "A GSI has its own capacity: only the table item's write comes from the table.",
      correct: kind === 'lsi',
    },
    {
      text: `${c} WCU from the table, ${2 * c} WCU from the index's capacity`,
      why:
        kind === 'gsi'
          ? `Right: ${c} WCU for the table item; changing the GSI key deletes the old index entry and writes a new one, ${2 * c} WCU charged to the GSI's own capacity.`
          : 'An LSI has no capacity of its own: its writes are charged to the table.',
      correct: kind === 'gsi',
    },
    {
      text: `${c} WCU from the table; the index entry is written for free`,
      why: 'Every index entry DynamoDB writes is billed; index maintenance is never free.',
      correct: false,
    },
    {
      text: `${2 * c} WCU in total: one write for the item, one for the index`,
      why: 'Changing an index key attribute costs two index writes (delete the old entry, put the new one), not one.',
      correct: false,
    },
  ];
  return {
    ...fillSlots(options, random),
    kind_name: kind === 'lsi' ? 'local secondary index' : 'global secondary index',
    kind_short: kind.toUpperCase(),
    item_bytes: bytes,
    index_pk: kind === 'gsi' ? readString(params, 'd.other') : readString(params, 'd.pk'),
    index_sk: readString(params, 'd.alt'),
  };
}

/** Which reads an existing design serves with a Query, and which need a Scan. */
function buildPatternsServed(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const d = readIndexDomain(params);
  const variant = random.pick(['gsi-other', 'lsi-alt'] as const);
  const table: TableDesign = {
    key: { partitionKey: d.pk, sortKey: d.sk },
    indexes:
      variant === 'gsi-other'
        ? [{ name: `${d.other}-index`, kind: 'gsi', partitionKey: d.other }]
        : [{ name: `${d.alt}-index`, kind: 'lsi', partitionKey: d.pk, sortKey: d.alt }],
    created: true,
  };
  const reads: { text: string; pattern: AccessPattern }[] = [
    { text: d.skNeed, pattern: { equalityOn: d.pk, rangeOn: d.sk, strongRead: false } },
    { text: d.altNeed, pattern: { equalityOn: d.pk, rangeOn: d.alt, strongRead: false } },
    { text: d.otherNeed, pattern: { equalityOn: d.other, strongRead: false } },
    { text: d.scanNeed, pattern: { rangeOn: d.scanAttr, strongRead: false } },
    { text: `one record by its \`${d.sk}\` alone`, pattern: { equalityOn: d.sk, strongRead: false } },
  ];
  const options: DerivedOption[] = reads.map(({ text, pattern }) => {
    const advice = adviseIndex(table, pattern, { largestCollectionGb: 1 });
    const served = advice.choice === 'base-table' || advice.choice === 'existing-index';
    const why = served ? `Right: ${advice.assessments[advice.choice].reason}` : `Not served by a key condition: ${advice.assessments['base-table'].reason}`;
    return { text: text.charAt(0).toUpperCase() + text.slice(1), why, correct: served };
  });
  const index = table.indexes[0]!;
  return {
    ...fillSlots(options, random),
    index_text: `${index.kind === 'gsi' ? 'a GSI' : 'an LSI'} \`${index.name}\` with partition key \`${index.partitionKey}\`${index.sortKey ? ` and sort key \`${index.sortKey}\`` : ''}`,
  };
}

export const indexTopicDerivers: readonly ScenarioDeriver[] = [
  {
    name: 'index-lsi-collection-limit',
    description: 'Days until an LSI table hits the 10 GB item-collection limit',
    outputs: slotOutputs(5, ['per_day', 'item_bytes', 'lsi_count', 'days', 'lsi_word']),
    derive: buildLsiLimit,
  },
  {
    name: 'index-strong-read',
    description: 'ConsistentRead=true on an LSI versus a GSI',
    outputs: slotOutputs(5, ['kind_name', 'kind_short', 'entry_kb', 'index_pk', 'index_sk']),
    derive: buildIndexStrongRead,
  },
  {
    name: 'index-gsi-write-throttle',
    description: 'Whether a GSI short of write capacity throttles the table',
    outputs: slotOutputs(5, ['writes', 'table_wcu', 'share_pct', 'entry_bytes', 'gsi_wcu', 'gsi_need']),
    derive: buildGsiThrottle,
  },
  { name: 'index-sparse-gsi', description: 'How many entries a sparse GSI holds', outputs: slotOutputs(4, ['total_items', 'flag_pct']), derive: buildSparse },
  {
    name: 'index-scan-vs-query',
    description: 'Read units of a filtered Scan versus a Query on a GSI',
    outputs: slotOutputs(5, ['scan_items', 'item_bytes', 'match_items']),
    derive: buildScanCost,
  },
  {
    name: 'index-traits',
    description: 'Two true statements about an LSI or a GSI',
    outputs: slotOutputs(5, ['kind_name', 'kind_short', 'index_key']),
    derive: buildTraits,
  },
  {
    name: 'index-write-cost',
    description: 'Write units and whose capacity when an update changes an index key',
    outputs: slotOutputs(4, ['kind_name', 'kind_short', 'item_bytes', 'index_pk', 'index_sk']),
    derive: buildIndexWriteCost,
  },
  {
    name: 'index-patterns-served',
    description: 'Which two reads the current keys and index serve without a Scan',
    outputs: slotOutputs(5, ['index_text']),
    derive: buildPatternsServed,
  },
];
