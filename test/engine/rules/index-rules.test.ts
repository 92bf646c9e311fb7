import { describe, expect, it } from 'vitest';
import { collectionDays, gsiWriteNeed, indexKeyChangeWrites } from '../../../engine/rules/index-choice.ts';
import { consistentReadOnIndex, gsiWriteThrottle, indexKeyChange, itemCollectionLimit, scanOrIndexQuery } from '../../../engine/rules/index-rules.ts';
import { RULES, RuleInputError } from '../../../engine/rules/registry.ts';

describe('index arithmetic', () => {
  it.each([
    [10_000, 1_000, 1, 536],
    [10_000, 1_000, 0, 1073],
    [40_000, 2_000, 2, 44],
  ])('%d items/day of %d B stored with %d LSI copies hit 10 GB after %d days', (perDay, bytes, copies, days) => {
    expect(collectionDays(perDay, bytes, copies)).toBe(days);
  });

  it.each([
    [1_000, 1, 500, 1_000],
    [1_000, 0.25, 500, 250],
    [300, 0.4, 1_500, 240],
    [333, 0.5, 100, 167],
  ])('%d writes/s, share %d, %d B entries need %d GSI WCU (entries rounded up to 1 KB)', (writes, share, bytes, wcu) => {
    expect(gsiWriteNeed(writes, share, bytes)).toBe(wcu);
  });

  it('charges a key change two index writes, to the table for an LSI and to the index for a GSI', () => {
    expect(indexKeyChangeWrites('lsi', 1500)).toEqual({ table: 2, index: 4, chargedTo: 'table' });
    expect(indexKeyChangeWrites('gsi', 300)).toEqual({ table: 1, index: 2, chargedTo: 'index' });
  });
});

describe('index rules', () => {
  it('are in the registry under their names', () => {
    for (const rule of [consistentReadOnIndex, indexKeyChange, itemCollectionLimit, scanOrIndexQuery, gsiWriteThrottle])
      expect(RULES.get(rule.name)).toBe(rule);
  });

  it.each([
    ['lsi', 5 * 1024, { best: 'latest-data', strong_rcu: 2, eventual_rcu: 1 }],
    ['gsi', 1024, { best: 'validation-exception', strong_rcu: 1, eventual_rcu: 0.5 }],
  ])('consistentReadOnIndex on an %s of %d B', (index, bytes, out) => {
    expect(consistentReadOnIndex.apply({ index, bytes })).toEqual(out);
  });

  it('indexKeyChange keys whose capacity pays and the three figures', () => {
    expect(indexKeyChange.apply({ index: 'gsi', bytes: 2100 })).toEqual({ best: 'index', table_wcu: 3, index_wcu: 6, total_wcu: 9 });
  });

  it('itemCollectionLimit gives the cap with an LSI and none without', () => {
    expect(itemCollectionLimit.apply({ per_day: 10_000, bytes: 1_000, lsis: 1 })).toEqual({
      best: 'collection-limit',
      days: 536,
      table_only_days: 1073,
      mib_per_day: '19.1',
    });
    expect(itemCollectionLimit.apply({ per_day: 10_000, bytes: 1_000, lsis: 0 }).best).toBe('no-limit');
  });

  it.each([
    [1_000_000, 1_000, 2_000, 'query', 122_070.5, 244.5],
    [8, 512, 8, 'scan', 0.5, 0.5],
  ])('scanOrIndexQuery: %d items of %d B, %d matching → %s (%d and %d RCU: sizes summed, rounded once)', (items, bytes, matches, best, scan, query) => {
    expect(scanOrIndexQuery.apply({ items, bytes, matches })).toEqual({
      best,
      scan_rcu: scan,
      query_rcu: query,
      strong_scan_rcu: scan * 2,
      strong_query_rcu: query * 2,
    });
  });

  it('gsiWriteThrottle throttles below the need and keeps up at it', () => {
    expect(gsiWriteThrottle.apply({ writes: 1000, share_pct: 25, entry_bytes: 500, gsi_wcu: 249 })).toEqual({ best: 'throttled', need: 250 });
    expect(gsiWriteThrottle.apply({ writes: 1000, share_pct: 25, entry_bytes: 500, gsi_wcu: 250 })).toEqual({ best: 'keeps-up', need: 250 });
  });

  it('names the input that is wrong', () => {
    expect(() => consistentReadOnIndex.apply({ index: 'table', bytes: 1 })).toThrow(RuleInputError);
    expect(() => itemCollectionLimit.apply({ per_day: 0, bytes: 1, lsis: 1 })).toThrow(
      'Rule itemCollectionLimit: input per_day must be a number of at least 1, not 0',
    );
  });
});
