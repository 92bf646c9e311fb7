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
  SLOTS,
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

/**
 * A reason adviseIndex gives, as values the markdown words (its `why` and `lsi_why` tables):
 * `reason` names the sentence (a kind, with a suffix where the sentence has two forms), `lsi` the
 * LSI rule behind an LSI reason or a rebuild that does not help ('none' otherwise), and the
 * attributes, index and figures the sentence names. The engine keeps facts; content/ the prose.
 */
export function indexReasonValues(reason: IndexReason): Record<string, ScenarioValue> {
  const none = { lsi: 'none' };
  switch (reason.kind) {
    case 'table-get':
      return { ...none, reason: reason.kind, pk: reason.partitionKey };
    case 'table-query':
      return { ...none, reason: reason.rangeOn ? 'table-query-range' : reason.kind, pk: reason.partitionKey, range: String(reason.rangeOn) };
    case 'not-table-partition-key':
      return { ...none, reason: reason.isSortKey ? 'not-table-partition-key-sk' : reason.kind, pk: reason.partitionKey, attr: reason.attribute };
    case 'other-sort-order':
      return {
        ...none,
        reason: reason.sortKey ? reason.kind : 'other-sort-order-no-sk',
        pk: reason.partitionKey,
        sortkey: String(reason.sortKey),
        range: String(reason.rangeOn),
      };
    case 'index-serves': {
      const i = reason.index;
      return {
        ...none,
        reason: i.sortKey ? 'index-serves-sk' : reason.kind,
        ikind: i.kind.toUpperCase(),
        iname: i.name,
        ipk: i.partitionKey,
        isk: String(i.sortKey),
      };
    }
    case 'gsi-cannot-read-strongly':
      return { ...none, reason: reason.kind, iname: reason.indexName };
    case 'no-index-keyed': {
      // The families offer one existing GSI keyed on one attribute: the sentence names it.
      const [only, ...more] = reason.indexes;
      if (only === undefined || more.length > 0 || only.sortKey !== undefined)
        throw new RangeError('no-index-keyed is worded for one index without a sort key');
      return { ...none, reason: reason.kind, iname: only.name, ipk: only.partitionKey };
    }
    case 'lsi-no-equality':
    case 'lsi-other-partition-key':
    case 'lsi-no-sort':
    case 'lsi-table-exists':
    case 'lsi-quota':
    case 'lsi-collection-too-big':
    case 'lsi-serves':
      return { ...lsiValues(reason), reason: 'lsi' };
    case 'rebuild-no-help':
      return { ...lsiValues(reason.lsi), reason: reason.kind };
    case 'rebuild-serves':
      return { ...none, reason: reason.kind, range: String(reason.rangeOn) };
    case 'gsi-quota':
      return { ...none, reason: reason.kind, max: reason.max };
    case 'gsi-serves':
      return { ...none, reason: reason.sortKey ? 'gsi-serves-sk' : reason.kind, pk: reason.partitionKey, sortkey: String(reason.sortKey) };
    case 'unneeded-new':
      return {
        ...none,
        reason: `unneeded-new-${reason.servedBy === undefined ? 'table' : 'index'}-${reason.gsi ? 'gsi' : 'index'}`,
        served: String(reason.servedBy),
      };
    case 'no-equality':
    case 'no-index':
    case 'rebuild-nothing-to-migrate':
    case 'rebuild-gsi-suffices':
    case 'gsi-no-equality':
    case 'gsi-eventual-only':
    case 'scan-only-way':
    case 'scan-bills-all':
    case 'scan-fails-too':
    case 'unneeded-index':
    case 'gsi-preferred':
      return { ...none, reason: reason.kind };
  }
}

/** An LSI rule's values: `lsi` names its sentence. */
function lsiValues(reason: IndexReason): Record<string, ScenarioValue> {
  switch (reason.kind) {
    case 'lsi-no-equality':
      return { lsi: reason.kind, pk: reason.partitionKey };
    case 'lsi-other-partition-key':
      return { lsi: reason.kind, pk: reason.partitionKey, attr: reason.attribute };
    case 'lsi-quota':
      return { lsi: reason.kind, max: reason.max };
    case 'lsi-collection-too-big':
      return { lsi: reason.kind, pk: reason.partitionKey, gb: reason.gb, limit: reason.limitGb };
    case 'lsi-serves':
      return { lsi: reason.kind, pk: reason.partitionKey, range: String(reason.rangeOn), gb: reason.gb, limit: reason.limitGb };
    case 'lsi-no-sort':
    case 'lsi-table-exists':
      return { lsi: reason.kind };
    default:
      throw new RangeError(`${reason.kind} is not an LSI rule`);
  }
}

/** Every value name a reason may carry, so a deriver declares them per slot. */
const REASON_FIELDS = ['reason', 'lsi', 'pk', 'attr', 'range', 'sortkey', 'ikind', 'iname', 'ipk', 'isk', 'max', 'gb', 'limit', 'served'] as const;

/** Which wording an option takes (the markdown's `option` table), by choice and the read it serves. */
function optionForm(choice: IndexChoice, d: IndexDomain, pattern: AccessPattern): string {
  const eq = pattern.equalityOn;
  switch (choice) {
    case 'base-table':
      if (eq === d.pk && pattern.rangeOn === d.sk) return 'table-key';
      return eq === d.pk ? 'table-sort' : 'table-eq';
    case 'add-gsi':
      if (eq === undefined) return 'add-gsi-any';
      return pattern.rangeOn ? 'add-gsi-range' : 'add-gsi';
    case 'existing-index':
    case 'add-lsi':
    case 'recreate-with-lsi':
    case 'scan':
      return choice;
  }
}

/** The key's values are also output with the suffix `_k`, for the explanation. */
const KEY_SLOT = 'k';
const CHOICE_SLOTS = { text: 'choice', why: 'reason' } as const;

/**
 * The situation as values (the markdown words it: texts: tables by `created`, `existing`,
 * `read`, `strong`), the attributes the options name, and per slot (and for the key, `_k`) the
 * option's form and its reason's values.
 */
export const INDEX_CHOICE_EXTRA_OUTPUTS = [
  'created',
  'existing',
  'read',
  'strong',
  'months',
  'gb',
  'attr',
  'index_attr',
  'eq_attr',
  'range_attr',
  ...[...SLOTS, KEY_SLOT].flatMap((slot) => ['form', 'choice', ...REASON_FIELDS].map((f) => `${f}_${slot}`)),
] as const;

/** Build one index-choice question for a case: the situation, five options as values, the key. */
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
  const valuesOf = (choice: IndexChoice): Record<string, ScenarioValue> => {
    const { reason, ...values } = indexReasonValues(advice.assessments[choice].reason);
    return { form: optionForm(choice, d, pattern), ...values, reason: reason! };
  };
  const options: DerivedOption[] = shown.map((choice) => {
    const { reason, ...values } = valuesOf(choice);
    return { text: choice, why: String(reason), correct: choice === advice.choice, values };
  });
  const key = Object.fromEntries(Object.entries({ ...valuesOf(advice.choice), choice: advice.choice }).map(([f, v]) => [`${f}_${KEY_SLOT}`, v]));

  const attr = pattern.rangeOn ?? pattern.equalityOn ?? d.scanAttr;
  const months = random.int(3, 30);
  return {
    ...fillSlots(options, random, CHOICE_SLOTS),
    ...key,
    created: setup.created,
    existing: setup.existing,
    read: setup.read,
    strong: setup.strong,
    months,
    gb,
    attr,
    // An index on the table's own sort key would be pointless to offer; offer the other attribute.
    index_attr: attr === d.sk ? d.alt : attr,
    eq_attr: pattern.equalityOn ?? '',
    range_attr: pattern.rangeOn ?? '',
  };
}

/** A deriver drawing its case from `cases`; families pick the cases that teach their point. */
export function createIndexChoiceDeriver(name: string, cases: readonly IndexCase[], description: string, created?: boolean): ScenarioDeriver {
  return {
    name,
    description,
    outputs: slotOutputs(5, INDEX_CHOICE_EXTRA_OUTPUTS, CHOICE_SLOTS),
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
