/**
 * Index choice: given a table's keys, its indexes and a new query, which structure serves the
 * query (the base table, an index it already has, a new LSI, a new GSI, a rebuilt table with an
 * LSI, or only a Scan), and why each of the others does not, as facts (IndexReason) that
 * app/bank words for learners. Question families derive their right option from these rules
 * instead of stating it per variant.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/SecondaryIndexes.html
 */
import { writeUnitsForSize } from '../capacity/units.ts';

/** LSIs per table, fixed; they can only be declared in CreateTable. (ServiceQuotas.html) */
export const MAX_LSIS_PER_TABLE = 5;
/** GSIs per table, the default quota (adjustable). (ServiceQuotas.html) */
export const DEFAULT_MAX_GSIS_PER_TABLE = 20;
/** Item-collection cap on a table that has any LSI, table items plus LSI entries. (LSI.html) */
export const ITEM_COLLECTION_LIMIT_GB = 10;

export interface IndexKeySchema {
  readonly partitionKey: string;
  readonly sortKey?: string | undefined;
}

export type IndexKind = 'lsi' | 'gsi';

export interface SecondaryIndex extends IndexKeySchema {
  readonly name: string;
  readonly kind: IndexKind;
}

export interface TableDesign {
  readonly key: IndexKeySchema;
  readonly indexes: readonly SecondaryIndex[];
  /** False while the table is still on the drawing board: the only time LSIs can be declared. */
  readonly created: boolean;
}

/** A read the application needs: what it fixes by equality and what it ranges or sorts on. */
export interface AccessPattern {
  /** Attribute the request gives one exact value for; absent when it fixes none. */
  readonly equalityOn?: string | undefined;
  /** Attribute the request ranges over (>, BETWEEN, begins_with) or wants sorted by. */
  readonly rangeOn?: string | undefined;
  /** The read must reflect every acknowledged write (ConsistentRead=true). */
  readonly strongRead: boolean;
}

export interface IndexConstraints {
  /** Largest expected size of one partition-key value's items, table plus any LSI entries. */
  readonly largestCollectionGb: number;
}

/** The ways a new query can be served, as option ids that question families use. */
export const INDEX_CHOICES = ['base-table', 'existing-index', 'add-lsi', 'add-gsi', 'recreate-with-lsi', 'scan'] as const;
export type IndexChoice = (typeof INDEX_CHOICES)[number];

/**
 * Why a choice works, or the first rule it breaks, as a fact with the names it involves; the
 * sentence a learner reads is written in app/bank (question prose stays out of the engine).
 */
export type IndexReason =
  | { readonly kind: 'table-get'; readonly partitionKey: string }
  | { readonly kind: 'table-query'; readonly partitionKey: string; readonly rangeOn: string | undefined }
  | { readonly kind: 'no-equality' }
  | { readonly kind: 'not-table-partition-key'; readonly partitionKey: string; readonly attribute: string; readonly isSortKey: boolean }
  | { readonly kind: 'other-sort-order'; readonly partitionKey: string; readonly sortKey: string | undefined; readonly rangeOn: string | undefined }
  | { readonly kind: 'index-serves'; readonly index: SecondaryIndex }
  | { readonly kind: 'no-index' }
  | { readonly kind: 'gsi-cannot-read-strongly'; readonly indexName: string }
  | { readonly kind: 'no-index-keyed'; readonly indexes: readonly SecondaryIndex[] }
  | { readonly kind: 'lsi-no-equality'; readonly partitionKey: string }
  | { readonly kind: 'lsi-other-partition-key'; readonly partitionKey: string; readonly attribute: string }
  | { readonly kind: 'lsi-no-sort' }
  | { readonly kind: 'lsi-table-exists' }
  | { readonly kind: 'lsi-quota'; readonly max: number }
  | { readonly kind: 'lsi-collection-too-big'; readonly partitionKey: string; readonly gb: number; readonly limitGb: number }
  | { readonly kind: 'lsi-serves'; readonly partitionKey: string; readonly rangeOn: string | undefined; readonly gb: number; readonly limitGb: number }
  | { readonly kind: 'rebuild-no-help'; readonly lsi: IndexReason }
  | { readonly kind: 'rebuild-nothing-to-migrate' }
  | { readonly kind: 'rebuild-gsi-suffices' }
  | { readonly kind: 'rebuild-serves'; readonly rangeOn: string | undefined }
  | { readonly kind: 'gsi-no-equality' }
  | { readonly kind: 'gsi-eventual-only' }
  | { readonly kind: 'gsi-quota'; readonly max: number }
  | { readonly kind: 'gsi-serves'; readonly partitionKey: string; readonly sortKey: string | undefined }
  | { readonly kind: 'scan-only-way' }
  | { readonly kind: 'scan-bills-all' }
  | { readonly kind: 'scan-fails-too' }
  | { readonly kind: 'unneeded-index' }
  | { readonly kind: 'unneeded-new'; readonly servedBy: string | undefined; readonly gsi: boolean }
  | { readonly kind: 'gsi-preferred' };

export interface ChoiceAssessment {
  readonly choice: IndexChoice;
  /** True when this choice meets every requirement of the pattern. */
  readonly works: boolean;
  /** Why it works, or the first rule it breaks. */
  readonly reason: IndexReason;
}

export interface IndexAdvice {
  readonly choice: IndexChoice;
  /** The existing index that serves the query, for `existing-index`. */
  readonly index?: SecondaryIndex | undefined;
  readonly assessments: Readonly<Record<IndexChoice, ChoiceAssessment>>;
}

/** True when a key schema answers the pattern with a Query (or GetItem) and no filter. */
export function keyServes(key: IndexKeySchema, pattern: AccessPattern): boolean {
  if (pattern.equalityOn === undefined || pattern.equalityOn !== key.partitionKey) return false;
  return pattern.rangeOn === undefined || pattern.rangeOn === key.sortKey;
}

/** The first existing index that serves the pattern, honouring that GSIs cannot read strongly. */
export function findServingIndex(table: TableDesign, pattern: AccessPattern): SecondaryIndex | undefined {
  return table.indexes.find((index) => keyServes(index, pattern) && !(index.kind === 'gsi' && pattern.strongRead));
}

function countIndexes(table: TableDesign, kind: IndexKind): number {
  return table.indexes.filter((i) => i.kind === kind).length;
}

function assessBaseTable(table: TableDesign, pattern: AccessPattern): ChoiceAssessment {
  const { partitionKey, sortKey } = table.key;
  const choice = 'base-table';
  if (keyServes(table.key, pattern)) {
    const get = pattern.rangeOn === undefined && sortKey === undefined;
    return {
      choice,
      works: true,
      reason: get ? { kind: 'table-get', partitionKey } : { kind: 'table-query', partitionKey, rangeOn: pattern.rangeOn },
    };
  }
  if (pattern.equalityOn === undefined) {
    return { choice, works: false, reason: { kind: 'no-equality' } };
  }
  if (pattern.equalityOn !== partitionKey) {
    return {
      choice,
      works: false,
      reason: { kind: 'not-table-partition-key', partitionKey, attribute: pattern.equalityOn, isSortKey: pattern.equalityOn === sortKey },
    };
  }
  return {
    choice,
    works: false,
    reason: { kind: 'other-sort-order', partitionKey, sortKey, rangeOn: pattern.rangeOn },
  };
}

function assessExistingIndex(table: TableDesign, pattern: AccessPattern, serving: SecondaryIndex | undefined): ChoiceAssessment {
  const choice = 'existing-index';
  if (serving) {
    return {
      choice,
      works: true,
      reason: { kind: 'index-serves', index: serving },
    };
  }
  if (table.indexes.length === 0) return { choice, works: false, reason: { kind: 'no-index' } };
  const strongBlocked = table.indexes.find((i) => i.kind === 'gsi' && keyServes(i, pattern));
  if (strongBlocked) {
    return {
      choice,
      works: false,
      reason: { kind: 'gsi-cannot-read-strongly', indexName: strongBlocked.name },
    };
  }
  return { choice, works: false, reason: { kind: 'no-index-keyed', indexes: table.indexes } };
}

function assessNewLsi(table: TableDesign, pattern: AccessPattern, constraints: IndexConstraints): ChoiceAssessment {
  const choice = 'add-lsi';
  const { partitionKey } = table.key;
  if (pattern.equalityOn !== partitionKey) {
    return {
      choice,
      works: false,
      reason:
        pattern.equalityOn === undefined
          ? { kind: 'lsi-no-equality', partitionKey }
          : { kind: 'lsi-other-partition-key', partitionKey, attribute: pattern.equalityOn },
    };
  }
  if (pattern.rangeOn === undefined) return { choice, works: false, reason: { kind: 'lsi-no-sort' } };
  if (table.created) {
    return { choice, works: false, reason: { kind: 'lsi-table-exists' } };
  }
  if (countIndexes(table, 'lsi') >= MAX_LSIS_PER_TABLE) {
    return { choice, works: false, reason: { kind: 'lsi-quota', max: MAX_LSIS_PER_TABLE } };
  }
  if (constraints.largestCollectionGb >= ITEM_COLLECTION_LIMIT_GB) {
    return {
      choice,
      works: false,
      reason: { kind: 'lsi-collection-too-big', partitionKey, gb: constraints.largestCollectionGb, limitGb: ITEM_COLLECTION_LIMIT_GB },
    };
  }
  return {
    choice,
    works: true,
    reason: { kind: 'lsi-serves', partitionKey, rangeOn: pattern.rangeOn, gb: constraints.largestCollectionGb, limitGb: ITEM_COLLECTION_LIMIT_GB },
  };
}

function assessRecreate(table: TableDesign, pattern: AccessPattern, constraints: IndexConstraints): ChoiceAssessment {
  const choice = 'recreate-with-lsi';
  const lsi = assessNewLsi({ ...table, created: false }, pattern, constraints);
  if (!lsi.works) return { choice, works: false, reason: { kind: 'rebuild-no-help', lsi: lsi.reason } };
  if (!table.created) {
    return { choice, works: false, reason: { kind: 'rebuild-nothing-to-migrate' } };
  }
  if (!pattern.strongRead) {
    return { choice, works: false, reason: { kind: 'rebuild-gsi-suffices' } };
  }
  return {
    choice,
    works: true,
    reason: { kind: 'rebuild-serves', rangeOn: pattern.rangeOn },
  };
}

function assessNewGsi(table: TableDesign, pattern: AccessPattern): ChoiceAssessment {
  const choice = 'add-gsi';
  if (pattern.equalityOn === undefined) {
    return { choice, works: false, reason: { kind: 'gsi-no-equality' } };
  }
  if (pattern.strongRead) {
    return { choice, works: false, reason: { kind: 'gsi-eventual-only' } };
  }
  if (countIndexes(table, 'gsi') >= DEFAULT_MAX_GSIS_PER_TABLE) {
    return { choice, works: false, reason: { kind: 'gsi-quota', max: DEFAULT_MAX_GSIS_PER_TABLE } };
  }
  return { choice, works: true, reason: { kind: 'gsi-serves', partitionKey: pattern.equalityOn, sortKey: pattern.rangeOn } };
}

function assessScan(table: TableDesign, pattern: AccessPattern, anyIndexWorks: boolean): ChoiceAssessment {
  const choice = 'scan';
  if (pattern.equalityOn === undefined) {
    return { choice, works: true, reason: { kind: 'scan-only-way' } };
  }
  return {
    choice,
    works: false,
    reason: anyIndexWorks || keyServes(table.key, pattern) ? { kind: 'scan-bills-all' } : { kind: 'scan-fails-too' },
  };
}

/** Every choice judged on its own against the pattern, before any preference between them. */
export function assessChoices(table: TableDesign, pattern: AccessPattern, constraints: IndexConstraints): Readonly<Record<IndexChoice, ChoiceAssessment>> {
  const serving = findServingIndex(table, pattern);
  const lsi = assessNewLsi(table, pattern, constraints);
  const recreate = assessRecreate(table, pattern, constraints);
  const gsi = assessNewGsi(table, pattern);
  const existing = assessExistingIndex(table, pattern, serving);
  return {
    'base-table': assessBaseTable(table, pattern),
    'existing-index': existing,
    'add-lsi': lsi,
    'add-gsi': gsi,
    'recreate-with-lsi': recreate,
    scan: assessScan(table, pattern, lsi.works || gsi.works || recreate.works || existing.works),
  };
}

/**
 * Every choice judged against the pattern, and the one to take. Throws RangeError when nothing
 * can serve it (strong reads keyed on an attribute that is not the table's partition key).
 */
export function adviseIndex(table: TableDesign, pattern: AccessPattern, constraints: IndexConstraints): IndexAdvice {
  const serving = findServingIndex(table, pattern);
  const assessments: Record<IndexChoice, ChoiceAssessment> = { ...assessChoices(table, pattern, constraints) };
  const choice = pickChoice(assessments, pattern);
  // A structure that already serves the query makes every new index an unneeded cost.
  if (choice === 'base-table' || choice === 'existing-index') {
    // undefined: the table itself.
    const servedBy = choice === 'base-table' ? undefined : (serving?.name ?? '');
    if (choice === 'base-table' && assessments['existing-index'].works) {
      assessments['existing-index'] = {
        choice: 'existing-index',
        works: false,
        reason: { kind: 'unneeded-index' },
      };
    }
    for (const other of ['add-lsi', 'add-gsi', 'recreate-with-lsi'] as const) {
      if (assessments[other].works) {
        assessments[other] = {
          choice: other,
          works: false,
          reason: { kind: 'unneeded-new', servedBy, gsi: other === 'add-gsi' },
        };
      }
    }
  }
  if (choice === 'add-gsi' && assessments['add-lsi'].works) {
    assessments['add-lsi'] = {
      choice: 'add-lsi',
      works: false,
      reason: { kind: 'gsi-preferred' },
    };
  }
  return { choice, index: choice === 'existing-index' ? serving : undefined, assessments };
}

/**
 * The order of preference: serve with what exists, then the index AWS recommends (a GSI,
 * "unless you need strong consistency", bp-indexes-general.html), then a rebuild, then a Scan.
 */
function pickChoice(assessments: Readonly<Record<IndexChoice, ChoiceAssessment>>, pattern: AccessPattern): IndexChoice {
  const order: readonly IndexChoice[] = pattern.strongRead
    ? ['base-table', 'existing-index', 'add-lsi', 'recreate-with-lsi', 'add-gsi', 'scan']
    : ['base-table', 'existing-index', 'add-gsi', 'add-lsi', 'recreate-with-lsi', 'scan'];
  const found = order.find((c) => assessments[c].works);
  if (!found) throw new RangeError('No structure serves this access pattern under its constraints');
  return found;
}

/** What each index kind costs or forbids: the facts the explanations lean on. */
export interface IndexTraits {
  readonly kind: IndexKind;
  readonly partitionKey: 'same as the table' | 'any attribute';
  readonly createdWhen: 'only with the table' | 'any time';
  readonly maxPerTable: number;
  readonly strongReads: boolean;
  readonly capacity: 'shares the table' | 'its own';
  readonly itemCollectionLimitGb: number | undefined;
  /** A GSI short of write capacity throttles writes to the base table. */
  readonly writeBackPressure: boolean;
}

export function describeIndexKind(kind: IndexKind): IndexTraits {
  return kind === 'lsi'
    ? {
        kind,
        partitionKey: 'same as the table',
        createdWhen: 'only with the table',
        maxPerTable: MAX_LSIS_PER_TABLE,
        strongReads: true,
        capacity: 'shares the table',
        itemCollectionLimitGb: ITEM_COLLECTION_LIMIT_GB,
        writeBackPressure: false,
      }
    : {
        kind,
        partitionKey: 'any attribute',
        createdWhen: 'any time',
        maxPerTable: DEFAULT_MAX_GSIS_PER_TABLE,
        strongReads: false,
        capacity: 'its own',
        itemCollectionLimitGb: undefined,
        writeBackPressure: true,
      };
}

const GIB = 1024 ** 3;

/**
 * Whole days until one partition-key value's item collection passes the 10 GB cap, when it
 * gains `perDay` items of `itemBytes` each stored 1 + `copies` times: with an LSI (projection
 * ALL) every entry is about the item's size again, and the cap counts the table items and the
 * LSI entries together (LSI.html). copies = 0 is the table items alone.
 */
export function collectionDays(perDay: number, itemBytes: number, copies: number): number {
  return Math.floor((ITEM_COLLECTION_LIMIT_GB * GIB) / (perDay * itemBytes * (1 + copies)));
}

/**
 * Write units a GSI needs a second: every table write that carries the GSI's key writes an
 * entry, rounded up to 1 KB, to the GSI's own capacity; when it is short, the table write is
 * throttled. https://repost.aws/knowledge-center/dynamodb-gsi-throttling-table
 */
export function gsiWriteNeed(writesPerSecond: number, shareWithKey: number, entryBytes: number): number {
  return Math.ceil(writesPerSecond * shareWithKey) * writeUnitsForSize(entryBytes);
}

/**
 * An update that changes an index's key attribute: the table write, then two index writes
 * (delete the old entry, put the new one), each rounded up to 1 KB. An LSI's writes are charged
 * to the table's capacity, a GSI's to its own. (LSI.html, GSI.html: write capacity)
 */
export function indexKeyChangeWrites(
  kind: IndexKind,
  itemBytes: number,
): { readonly table: number; readonly index: number; readonly chargedTo: 'table' | 'index' } {
  const units = writeUnitsForSize(itemBytes);
  return { table: units, index: 2 * units, chargedTo: kind === 'lsi' ? 'table' : 'index' };
}
