import { describe, expect, it } from 'vitest';
import {
  adviseIndex,
  assessChoices,
  describeIndexKind,
  findServingIndex,
  INDEX_CHOICES,
  type AccessPattern,
  type IndexAdvice,
  type IndexChoice,
  type IndexReason,
  type SecondaryIndex,
  type TableDesign,
} from '../../../engine/rules/index-choice.ts';

const orders = (created: boolean, indexes: SecondaryIndex[] = []): TableDesign => ({
  key: { partitionKey: 'customerId', sortKey: 'orderId' },
  indexes,
  created,
});
const fiveLsis: SecondaryIndex[] = ['a', 'b', 'c', 'd', 'e'].map((s) => ({
  name: `lsi-${s}`,
  kind: 'lsi',
  partitionKey: 'customerId',
  sortKey: s,
}));
const byStatus: SecondaryIndex = { name: 'status-index', kind: 'gsi', partitionKey: 'status', sortKey: 'placedAt' };

describe('adviseIndex', () => {
  it.each<[string, TableDesign, AccessPattern, number, IndexChoice]>([
    ['table key, get one', orders(true), { equalityOn: 'customerId', rangeOn: 'orderId', strongRead: true }, 2, 'base-table'],
    ['table key, whole collection', orders(true), { equalityOn: 'customerId', strongRead: false }, 2, 'base-table'],
    ['existing GSI, eventual', orders(true, [byStatus]), { equalityOn: 'status', rangeOn: 'placedAt', strongRead: false }, 2, 'existing-index'],
    [
      'existing GSI but strong read needed on another pk',
      orders(true, [byStatus]),
      { equalityOn: 'customerId', rangeOn: 'placedAt', strongRead: true },
      2,
      'recreate-with-lsi',
    ],
    ['same pk, new sort, designing, strong', orders(false), { equalityOn: 'customerId', rangeOn: 'total', strongRead: true }, 3, 'add-lsi'],
    ['same pk, new sort, designing, eventual', orders(false), { equalityOn: 'customerId', rangeOn: 'total', strongRead: false }, 3, 'add-gsi'],
    ['same pk, new sort, live table, eventual', orders(true), { equalityOn: 'customerId', rangeOn: 'total', strongRead: false }, 3, 'add-gsi'],
    ['same pk, new sort, live table, strong', orders(true), { equalityOn: 'customerId', rangeOn: 'total', strongRead: true }, 3, 'recreate-with-lsi'],
    ['same pk, designing, collections too big, eventual', orders(false), { equalityOn: 'customerId', rangeOn: 'total', strongRead: false }, 14, 'add-gsi'],
    ['other pk, eventual', orders(true), { equalityOn: 'email', strongRead: false }, 1, 'add-gsi'],
    ['other pk with range, eventual', orders(false), { equalityOn: 'storeId', rangeOn: 'placedAt', strongRead: false }, 1, 'add-gsi'],
    ['no equality at all', orders(true), { rangeOn: 'total', strongRead: false }, 1, 'scan'],
  ])('%s', (_, table, pattern, gb, expected) => {
    expect(adviseIndex(table, pattern, { largestCollectionGb: gb }).choice).toBe(expected);
  });

  it('marks exactly one choice as working, so a question built on it has one key', () => {
    const tables = [orders(true), orders(false), orders(true, [byStatus]), orders(false, fiveLsis)];
    const patterns: AccessPattern[] = [];
    for (const equalityOn of [undefined, 'customerId', 'status', 'email'])
      for (const rangeOn of [undefined, 'orderId', 'placedAt', 'total'])
        for (const strongRead of [true, false]) patterns.push({ equalityOn, rangeOn, strongRead });
    let checked = 0;
    for (const table of tables)
      for (const pattern of patterns)
        for (const gb of [2, 12]) {
          let advice: IndexAdvice;
          try {
            advice = adviseIndex(table, pattern, { largestCollectionGb: gb });
          } catch {
            continue; // strong reads that no structure can give: families never generate these
          }
          const working = INDEX_CHOICES.filter((c) => advice.assessments[c].works);
          expect(working, JSON.stringify({ table, pattern, gb })).toEqual([advice.choice]);
          checked++;
        }
    expect(checked).toBeGreaterThan(150);
  });

  it('throws when strong reads are needed on an attribute that is not the partition key', () => {
    expect(() => adviseIndex(orders(true), { equalityOn: 'email', strongRead: true }, { largestCollectionGb: 1 })).toThrow(RangeError);
  });

  it.each<[string, TableDesign, AccessPattern, number, IndexChoice, IndexReason['kind']]>([
    ['LSI on a live table', orders(true), { equalityOn: 'customerId', rangeOn: 'total', strongRead: false }, 2, 'add-lsi', 'lsi-table-exists'],
    ['LSI over 10 GB', orders(false), { equalityOn: 'customerId', rangeOn: 'total', strongRead: false }, 12, 'add-lsi', 'lsi-collection-too-big'],
    ['sixth LSI', orders(false, fiveLsis), { equalityOn: 'customerId', rangeOn: 'total', strongRead: true }, 2, 'add-lsi', 'lsi-quota'],
    ['GSI for strong reads', orders(true), { equalityOn: 'customerId', rangeOn: 'total', strongRead: true }, 2, 'add-gsi', 'gsi-eventual-only'],
    ['LSI on another pk', orders(false), { equalityOn: 'email', strongRead: false }, 2, 'add-lsi', 'lsi-other-partition-key'],
    ['LSI with no equality at all', orders(false), { rangeOn: 'notes', strongRead: false }, 2, 'add-lsi', 'lsi-no-equality'],
    ['scan when a GSI serves', orders(true), { equalityOn: 'email', strongRead: false }, 2, 'scan', 'scan-bills-all'],
    ['base table on another sort', orders(true), { equalityOn: 'customerId', rangeOn: 'total', strongRead: false }, 2, 'base-table', 'other-sort-order'],
    ['GSI when the table serves', orders(true), { equalityOn: 'customerId', strongRead: false }, 2, 'add-gsi', 'unneeded-new'],
    [
      'existing GSI asked for strong',
      orders(true, [byStatus]),
      { equalityOn: 'status', rangeOn: 'placedAt', strongRead: true },
      2,
      'existing-index',
      'gsi-cannot-read-strongly',
    ],
    [
      'rebuild when a GSI would do',
      orders(true),
      { equalityOn: 'customerId', rangeOn: 'total', strongRead: false },
      2,
      'recreate-with-lsi',
      'rebuild-gsi-suffices',
    ],
  ])('says why: %s', (_, table, pattern, gb, choice, kind) => {
    const assessments = pattern.strongRead
      ? assessChoices(table, pattern, { largestCollectionGb: gb })
      : adviseIndex(table, pattern, { largestCollectionGb: gb }).assessments;
    expect(assessments[choice].works).toBe(false);
    expect(assessments[choice].reason.kind).toBe(kind);
  });
});

describe('findServingIndex', () => {
  it('skips a GSI when the read must be strong', () => {
    const table = orders(true, [byStatus]);
    expect(findServingIndex(table, { equalityOn: 'status', strongRead: false })?.name).toBe('status-index');
    expect(findServingIndex(table, { equalityOn: 'status', strongRead: true })).toBeUndefined();
  });
});

describe('describeIndexKind', () => {
  it('gives the LSI and GSI traits AWS documents', () => {
    expect(describeIndexKind('lsi')).toMatchObject({ maxPerTable: 5, strongReads: true, capacity: 'shares the table', itemCollectionLimitGb: 10 });
    expect(describeIndexKind('gsi')).toMatchObject({ maxPerTable: 20, strongReads: false, capacity: 'its own', writeBackPressure: true });
  });
});
