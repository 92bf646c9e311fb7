/**
 * Derivers for index-choice questions. A family's front matter supplies a business domain (a
 * table, its keys, and phrases for the reads a new screen needs); the deriver draws a case (is
 * the table live, must reads be strong, how big do item collections grow, which read is new),
 * builds the access pattern, and lets adviseIndex decide the right option and why each other
 * option fails. Nothing about the answer is written per variant.
 */
import { adviseIndex, gsiWriteNeed, type AccessPattern, type IndexChoice, type TableDesign } from '../../engine/index.ts';
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
    why: advice.assessments[choice].reason,
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
