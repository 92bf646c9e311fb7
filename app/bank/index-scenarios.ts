/**
 * Derivers for index-choice questions. A family's front matter supplies a business domain (a
 * table, its keys, and phrases for the reads a new screen needs); the deriver draws a case (is
 * the table live, must reads be strong, how big do item collections grow, which read is new),
 * builds the access pattern, and lets adviseIndex decide the right option and why each other
 * option fails. Nothing about the answer is written per variant.
 */
import { adviseIndex, gsiWriteNeed, type AccessPattern, type IndexChoice, type IndexReason, type TableDesign } from '../../engine/index.ts';
import {
  fillSlots,
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

/** The sentence a learner reads for a reason adviseIndex gives (the engine keeps facts, not prose). */
export function indexReasonText(reason: IndexReason): string {
  switch (reason.kind) {
    case 'table-get':
      return `The table's own key is \`${reason.partitionKey}\`, so a GetItem on \`${reason.partitionKey}\` answers it without any index.`;
    case 'table-query':
      return `The table's own key already fixes \`${reason.partitionKey}\` by equality${reason.rangeOn ? ` and ranges on its sort key \`${reason.rangeOn}\`` : ''}, so a Query on the table answers it without any index.`;
    case 'no-equality':
      return 'A Query needs an equality condition on a partition key, and this request fixes no attribute by equality.';
    case 'not-table-partition-key':
      return `A Query on the table needs equality on its partition key \`${reason.partitionKey}\`; \`${reason.attribute}\` ${reason.isSortKey ? 'is only the sort key' : "is not part of the table's key"}.`;
    case 'other-sort-order':
      return reason.sortKey
        ? `The table sorts each \`${reason.partitionKey}\` by \`${reason.sortKey}\`, not by \`${reason.rangeOn}\`: a key condition cannot range on \`${reason.rangeOn}\`, so every request would read (and be billed for) the whole item collection, 1 MB per page, and sort or filter it in code.`
        : `The table has no sort key, so a key condition cannot range on \`${reason.rangeOn}\`.`;
    case 'index-serves': {
      const i = reason.index;
      return `The existing ${i.kind.toUpperCase()} \`${i.name}\` is keyed on \`${i.partitionKey}\`${i.sortKey ? ` and \`${i.sortKey}\`` : ''}, which is exactly this query.`;
    }
    case 'no-index':
      return 'The table has no secondary index yet.';
    case 'gsi-cannot-read-strongly':
      return `\`${reason.indexName}\` has the right keys, but it is a GSI: GSIs support only eventually consistent reads, and ConsistentRead=true on it is rejected with a ValidationException.`;
    case 'no-index-keyed':
      return `No existing index is keyed for this query: ${reason.indexes.map((i) => `${i.name} (${i.partitionKey}${i.sortKey ? ` + ${i.sortKey}` : ''})`).join(', ')}.`;
    case 'lsi-no-equality':
      return `An LSI is queried by equality on the table's partition key \`${reason.partitionKey}\`, and this request fixes no attribute by equality.`;
    case 'lsi-other-partition-key':
      return `An LSI must use the table's partition key \`${reason.partitionKey}\`; this query fixes \`${reason.attribute}\` instead.`;
    case 'lsi-no-sort':
      return 'An LSI only adds another sort key, and this query needs none.';
    case 'lsi-table-exists':
      return 'LSIs can only be created together with the table (CreateTable); UpdateTable cannot add one to an existing table.';
    case 'lsi-quota':
      return `A table can have at most ${reason.max} LSIs, and this one already has ${reason.max}.`;
    case 'lsi-collection-too-big':
      return `With an LSI each \`${reason.partitionKey}\` value's items (table plus LSI entries) are capped at ${reason.limitGb} GB; collections of up to ${reason.gb} GB with the LSI's entries would make writes fail with ItemCollectionSizeLimitExceededException.`;
    case 'lsi-serves':
      return `An LSI keeps \`${reason.partitionKey}\` and sorts by \`${reason.rangeOn}\`, supports strongly consistent reads, shares the table's capacity, and each item collection, at most ${reason.gb} GB with the LSI's entries, stays under the ${reason.limitGb} GB cap.`;
    case 'rebuild-no-help':
      return `Rebuilding does not help: ${indexReasonText(reason.lsi)}`;
    case 'rebuild-nothing-to-migrate':
      return 'The table does not exist yet, so there is nothing to migrate: declare the LSI in CreateTable.';
    case 'rebuild-gsi-suffices':
      return 'A GSI gives the same query on the live table with no migration; rebuilding the table only pays off when strongly consistent reads are required.';
    case 'rebuild-serves':
      return `An LSI cannot be added to an existing table, so a new table declared with the LSI on \`${reason.rangeOn}\`, with the data copied across, is the only way to get an index that serves strongly consistent reads sorted by \`${reason.rangeOn}\`.`;
    case 'gsi-no-equality':
      return 'A Query on a GSI still needs equality on the index partition key, and this request fixes no attribute by equality.';
    case 'gsi-eventual-only':
      return 'GSIs support only eventually consistent reads; the requirement for strongly consistent results rules one out.';
    case 'gsi-quota':
      return `The table already has ${reason.max} GSIs, the default quota.`;
    case 'gsi-serves':
      return `A GSI with partition key \`${reason.partitionKey}\`${reason.sortKey ? ` and sort key \`${reason.sortKey}\`` : ''} can be added at any time (it backfills online), has its own capacity and no item-collection cap, and eventually consistent reads are acceptable here.`;
    case 'scan-only-way':
      return 'Without an attribute fixed by equality no key condition is possible on the table or any index, so a Scan with a FilterExpression is the only way to read it.';
    case 'scan-bills-all':
      return 'A Scan reads every item in the table and bills all of it, because a FilterExpression is applied after the read; a Query reads only the matching items.';
    case 'scan-fails-too':
      return 'A Scan reads every item in the table and bills all of it; it does not meet the requirement either.';
    case 'unneeded-index':
      return 'Unneeded: the table itself already answers this query, without reading through an index.';
    case 'unneeded-new':
      return `Unneeded: ${reason.servedBy === undefined ? 'the table itself' : `the existing index ${reason.servedBy}`} already answers this query, and ${reason.gsi ? 'a GSI adds its own write and storage cost to every write' : 'an extra index adds write and storage cost to every write'}.`;
    case 'gsi-preferred':
      return 'It would work, but AWS recommends GSIs over LSIs unless strongly consistent reads are needed; an LSI also caps every item collection at 10 GB and can never be dropped.';
  }
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

/** The situation as values (the markdown words it: texts: tables by `created`, `existing`, `read`, `strong`), the verdict and the right option. */
export const INDEX_CHOICE_EXTRA_OUTPUTS = ['created', 'existing', 'read', 'strong', 'months', 'gb', 'verdict', 'right_choice'] as const;

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
    why: indexReasonText(advice.assessments[choice].reason),
    correct: choice === advice.choice,
  }));

  const months = random.int(3, 30);
  return {
    ...fillSlots(options, random),
    created: setup.created,
    existing: setup.existing,
    read: setup.read,
    strong: setup.strong,
    months,
    gb,
    verdict: indexReasonText(advice.assessments[advice.choice].reason),
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

/**
 * GSI write back-pressure: a GSI provisioned short of what its share of the table's writes needs
 * (30–80 % of it, in steps of 5 WCU) in 60 % of variants, above it otherwise. Generation stays
 * code because the second draw depends on the first (a shortfall or a margin), which parameters
 * drawn up front cannot reproduce variant for variant; the options and whys are in the markdown.
 * https://repost.aws/knowledge-center/dynamodb-gsi-throttling-table
 */
function buildGsiThrottle(_params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const writes = random.int(4, 40) * 50;
  const tableWcu = writes + random.int(2, 10) * 50;
  const sharePct = random.pick([100, 80, 60, 40, 25]);
  const entryBytes = random.int(3, 9) * 100;
  const need = gsiWriteNeed(writes, sharePct / 100, entryBytes);
  const short = random.next() < 0.6;
  const gsiWcu = short ? Math.max(5, Math.floor((need * random.int(30, 80)) / 100 / 5) * 5) : need + random.int(1, 8) * 25;
  return {
    best: gsiWcu < need ? 'throttled' : 'keeps-up',
    writes,
    table_wcu: tableWcu,
    share_pct: sharePct,
    entry_bytes: entryBytes,
    gsi_wcu: gsiWcu,
    gsi_need: need,
  };
}

export const indexTopicDerivers: readonly ScenarioDeriver[] = [
  {
    name: 'index-gsi-write-throttle',
    description: 'Whether a GSI short of write capacity throttles the table',
    outputs: ['best', 'writes', 'table_wcu', 'share_pct', 'entry_bytes', 'gsi_wcu', 'gsi_need'],
    derive: buildGsiThrottle,
  },
];
