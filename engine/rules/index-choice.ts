/**
 * Index choice: given a table's keys, its indexes and a new query, which structure serves the
 * query (the base table, an index it already has, a new LSI, a new GSI, a rebuilt table with an
 * LSI, or only a Scan), and why each of the others does not. Question families derive their
 * right option from these rules instead of stating it per variant.
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

export interface ChoiceAssessment {
  readonly choice: IndexChoice;
  /** True when this choice meets every requirement of the pattern. */
  readonly works: boolean;
  /** Why it works, or the first rule it breaks, in a sentence a learner can check. */
  readonly reason: string;
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
      reason: get
        ? `The table's own key is \`${partitionKey}\`, so a GetItem on \`${partitionKey}\` answers it without any index.`
        : `The table's own key already fixes \`${partitionKey}\` by equality${pattern.rangeOn ? ` and ranges on its sort key \`${pattern.rangeOn}\`` : ''}, so a Query on the table answers it without any index.`,
    };
  }
  if (pattern.equalityOn === undefined) {
    return { choice, works: false, reason: `A Query needs an equality condition on a partition key, and this request fixes no attribute by equality.` };
  }
  if (pattern.equalityOn !== partitionKey) {
    const role = pattern.equalityOn === sortKey ? 'is only the sort key' : "is not part of the table's key";
    return {
      choice,
      works: false,
      reason: `A Query on the table needs equality on its partition key \`${partitionKey}\`; \`${pattern.equalityOn}\` ${role}.`,
    };
  }
  return {
    choice,
    works: false,
    reason: sortKey
      ? `The table sorts each \`${partitionKey}\` by \`${sortKey}\`, not by \`${pattern.rangeOn}\`: a key condition cannot range on \`${pattern.rangeOn}\`, so every request would read (and be billed for) the whole item collection, 1 MB per page, and sort or filter it in code.`
      : `The table has no sort key, so a key condition cannot range on \`${pattern.rangeOn}\`.`,
  };
}

function assessExistingIndex(table: TableDesign, pattern: AccessPattern, serving: SecondaryIndex | undefined): ChoiceAssessment {
  const choice = 'existing-index';
  if (serving) {
    return {
      choice,
      works: true,
      reason: `The existing ${serving.kind.toUpperCase()} \`${serving.name}\` is keyed on \`${serving.partitionKey}\`${serving.sortKey ? ` and \`${serving.sortKey}\`` : ''}, which is exactly this query.`,
    };
  }
  if (table.indexes.length === 0) return { choice, works: false, reason: 'The table has no secondary index yet.' };
  const strongBlocked = table.indexes.find((i) => i.kind === 'gsi' && keyServes(i, pattern));
  if (strongBlocked) {
    return {
      choice,
      works: false,
      reason: `\`${strongBlocked.name}\` has the right keys, but it is a GSI: GSIs support only eventually consistent reads, and ConsistentRead=true on it is rejected with a ValidationException.`,
    };
  }
  const names = table.indexes.map((i) => `${i.name} (${i.partitionKey}${i.sortKey ? ` + ${i.sortKey}` : ''})`).join(', ');
  return { choice, works: false, reason: `No existing index is keyed for this query: ${names}.` };
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
          ? `An LSI is queried by equality on the table's partition key \`${partitionKey}\`, and this request fixes no attribute by equality.`
          : `An LSI must use the table's partition key \`${partitionKey}\`; this query fixes \`${pattern.equalityOn}\` instead.`,
    };
  }
  if (pattern.rangeOn === undefined) return { choice, works: false, reason: 'An LSI only adds another sort key, and this query needs none.' };
  if (table.created) {
    return { choice, works: false, reason: 'LSIs can only be created together with the table (CreateTable); UpdateTable cannot add one to an existing table.' };
  }
  if (countIndexes(table, 'lsi') >= MAX_LSIS_PER_TABLE) {
    return { choice, works: false, reason: `A table can have at most ${MAX_LSIS_PER_TABLE} LSIs, and this one already has ${MAX_LSIS_PER_TABLE}.` };
  }
  if (constraints.largestCollectionGb >= ITEM_COLLECTION_LIMIT_GB) {
    return {
      choice,
      works: false,
      reason: `With an LSI each \`${partitionKey}\` value's items (table plus LSI entries) are capped at ${ITEM_COLLECTION_LIMIT_GB} GB; collections of up to ${constraints.largestCollectionGb} GB with the LSI's entries would make writes fail with ItemCollectionSizeLimitExceededException.`,
    };
  }
  return {
    choice,
    works: true,
    reason: `An LSI keeps \`${partitionKey}\` and sorts by \`${pattern.rangeOn}\`, supports strongly consistent reads, shares the table's capacity, and each item collection, at most ${constraints.largestCollectionGb} GB with the LSI's entries, stays under the ${ITEM_COLLECTION_LIMIT_GB} GB cap.`,
  };
}

function assessRecreate(table: TableDesign, pattern: AccessPattern, constraints: IndexConstraints): ChoiceAssessment {
  const choice = 'recreate-with-lsi';
  const lsi = assessNewLsi({ ...table, created: false }, pattern, constraints);
  if (!lsi.works) return { choice, works: false, reason: `Rebuilding does not help: ${lsi.reason}` };
  if (!table.created) {
    return { choice, works: false, reason: 'The table does not exist yet, so there is nothing to migrate: declare the LSI in CreateTable.' };
  }
  if (!pattern.strongRead) {
    return {
      choice,
      works: false,
      reason: 'A GSI gives the same query on the live table with no migration; rebuilding the table only pays off when strongly consistent reads are required.',
    };
  }
  return {
    choice,
    works: true,
    reason: `An LSI cannot be added to an existing table, so a new table declared with the LSI on \`${pattern.rangeOn}\`, with the data copied across, is the only way to get an index that serves strongly consistent reads sorted by \`${pattern.rangeOn}\`.`,
  };
}

function assessNewGsi(table: TableDesign, pattern: AccessPattern): ChoiceAssessment {
  const choice = 'add-gsi';
  if (pattern.equalityOn === undefined) {
    return {
      choice,
      works: false,
      reason: 'A Query on a GSI still needs equality on the index partition key, and this request fixes no attribute by equality.',
    };
  }
  if (pattern.strongRead) {
    return { choice, works: false, reason: 'GSIs support only eventually consistent reads; the requirement for strongly consistent results rules one out.' };
  }
  if (countIndexes(table, 'gsi') >= DEFAULT_MAX_GSIS_PER_TABLE) {
    return { choice, works: false, reason: `The table already has ${DEFAULT_MAX_GSIS_PER_TABLE} GSIs, the default quota.` };
  }
  const keys = `\`${pattern.equalityOn}\`${pattern.rangeOn ? ` and sort key \`${pattern.rangeOn}\`` : ''}`;
  return {
    choice,
    works: true,
    reason: `A GSI with partition key ${keys} can be added at any time (it backfills online), has its own capacity and no item-collection cap, and eventually consistent reads are acceptable here.`,
  };
}

function assessScan(table: TableDesign, pattern: AccessPattern, anyIndexWorks: boolean): ChoiceAssessment {
  const choice = 'scan';
  if (pattern.equalityOn === undefined) {
    return {
      choice,
      works: true,
      reason:
        'Without an attribute fixed by equality no key condition is possible on the table or any index, so a Scan with a FilterExpression is the only way to read it.',
    };
  }
  return {
    choice,
    works: false,
    reason:
      anyIndexWorks || keyServes(table.key, pattern)
        ? 'A Scan reads every item in the table and bills all of it, because a FilterExpression is applied after the read; a Query reads only the matching items.'
        : 'A Scan reads every item in the table and bills all of it; it does not meet the requirement either.',
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
    const servedBy = choice === 'base-table' ? 'the table itself' : `the existing index ${serving?.name ?? ''}`;
    if (choice === 'base-table' && assessments['existing-index'].works) {
      assessments['existing-index'] = {
        choice: 'existing-index',
        works: false,
        reason: 'Unneeded: the table itself already answers this query, without reading through an index.',
      };
    }
    for (const other of ['add-lsi', 'add-gsi', 'recreate-with-lsi'] as const) {
      if (assessments[other].works) {
        assessments[other] = {
          choice: other,
          works: false,
          reason: `Unneeded: ${servedBy} already answers this query, and ${other === 'add-gsi' ? 'a GSI adds its own write and storage cost to every write' : 'an extra index adds write and storage cost to every write'}.`,
        };
      }
    }
  }
  if (choice === 'add-gsi' && assessments['add-lsi'].works) {
    assessments['add-lsi'] = {
      choice: 'add-lsi',
      works: false,
      reason:
        'It would work, but AWS recommends GSIs over LSIs unless strongly consistent reads are needed; an LSI also caps every item collection at 10 GB and can never be dropped.',
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
