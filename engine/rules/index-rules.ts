/**
 * The index rules a scenario can name (`answer.rule`), each a thin wrapper over the decisions
 * and figures in index-choice.ts and read-consistency.ts: its inputs checked by name, its key in
 * `best`, its figures beside it. Listed in registry.ts.
 */
import { READ_UNITS_PER_BLOCK, readUnitsForSize } from '../capacity/units.ts';
import { collectionDays, gsiWriteNeed, indexKeyChangeWrites } from './index-choice.ts';
import { strongReadOutcome } from './read-consistency.ts';
import { readCount, readEnum, type Rule } from './rule-kit.ts';

const INDEX_KINDS = ['lsi', 'gsi'] as const;

export const consistentReadOnIndex: Rule = {
  name: 'consistentReadOnIndex',
  description:
    'What ConsistentRead=true on a Query of an index (lsi, gsi) returns (latest-data, validation-exception), with the strong and eventual RCU of reading `bytes`',
  inputs: [
    { name: 'index', kind: 'enum', values: INDEX_KINDS },
    { name: 'bytes', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'strong_rcu', 'eventual_rcu'],
  apply(inputs) {
    const index = readEnum('consistentReadOnIndex', inputs, 'index', INDEX_KINDS);
    const bytes = readCount('consistentReadOnIndex', inputs, 'bytes', 1);
    return { best: strongReadOutcome(index), strong_rcu: readUnitsForSize(bytes, 'strong'), eventual_rcu: readUnitsForSize(bytes, 'eventual') };
  },
};

export const indexKeyChange: Rule = {
  name: 'indexKeyChange',
  description:
    "Whose capacity an update that changes an index's key is charged to (table, index) for an lsi or a gsi, with the table's and the index's write units for an item of `bytes`",
  inputs: [
    { name: 'index', kind: 'enum', values: INDEX_KINDS },
    { name: 'bytes', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'table_wcu', 'index_wcu', 'total_wcu'],
  apply(inputs) {
    const w = indexKeyChangeWrites(readEnum('indexKeyChange', inputs, 'index', INDEX_KINDS), readCount('indexKeyChange', inputs, 'bytes', 1));
    return { best: w.chargedTo, table_wcu: w.table, index_wcu: w.index, total_wcu: w.table + w.index };
  },
};

export const itemCollectionLimit: Rule = {
  name: 'itemCollectionLimit',
  description:
    'How writes to one partition-key value end (collection-limit with an LSI, no-limit without) at `per_day` items of `bytes` with `lsis` LSIs projecting ALL: the days to the 10 GB cap, the days counting the table items alone, and the MiB a day (one decimal)',
  inputs: [
    { name: 'per_day', kind: 'number', min: 1 },
    { name: 'bytes', kind: 'number', min: 1 },
    { name: 'lsis', kind: 'number', min: 0 },
  ],
  outputs: ['best', 'days', 'table_only_days', 'mib_per_day'],
  apply(inputs) {
    const perDay = readCount('itemCollectionLimit', inputs, 'per_day', 1);
    const bytes = readCount('itemCollectionLimit', inputs, 'bytes', 1);
    const lsis = readCount('itemCollectionLimit', inputs, 'lsis', 0);
    return {
      best: lsis > 0 ? 'collection-limit' : 'no-limit',
      days: collectionDays(perDay, bytes, lsis),
      table_only_days: collectionDays(perDay, bytes, 0),
      mib_per_day: ((perDay * bytes * (1 + lsis)) / 1024 ** 2).toFixed(1),
    };
  },
};

export const scanOrIndexQuery: Rule = {
  name: 'scanOrIndexQuery',
  description:
    'The cheaper read (query, scan) of a Scan over `items` items of `bytes` and a Query on an index reading the `matches` matching ones: the RCU of each, eventually consistent (the sizes summed and rounded once to 4 KB), and strongly consistent',
  inputs: [
    { name: 'items', kind: 'number', min: 1 },
    { name: 'bytes', kind: 'number', min: 1 },
    { name: 'matches', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'scan_rcu', 'query_rcu', 'strong_scan_rcu', 'strong_query_rcu'],
  apply(inputs) {
    const n = (name: string): number => readCount('scanOrIndexQuery', inputs, name, 1);
    const scan = readUnitsForSize(n('items') * n('bytes'), 'eventual');
    const query = readUnitsForSize(n('matches') * n('bytes'), 'eventual');
    const strong = READ_UNITS_PER_BLOCK.strong / READ_UNITS_PER_BLOCK.eventual;
    return { best: query < scan ? 'query' : 'scan', scan_rcu: scan, query_rcu: query, strong_scan_rcu: scan * strong, strong_query_rcu: query * strong };
  },
};

export const gsiWriteThrottle: Rule = {
  name: 'gsiWriteThrottle',
  description:
    "Whether a GSI with `gsi_wcu` throttles the table's writes (throttled, keeps-up) at `writes` a second, `share_pct` % of them carrying its key, entries of `entry_bytes`; with the WCU the GSI needs",
  inputs: [
    { name: 'writes', kind: 'number', min: 0 },
    { name: 'share_pct', kind: 'number', min: 0 },
    { name: 'entry_bytes', kind: 'number', min: 1 },
    { name: 'gsi_wcu', kind: 'number', min: 0 },
  ],
  outputs: ['best', 'need'],
  apply(inputs) {
    const n = (name: string, min: number): number => readCount('gsiWriteThrottle', inputs, name, min);
    const need = gsiWriteNeed(n('writes', 0), n('share_pct', 0) / 100, n('entry_bytes', 1));
    return { best: n('gsi_wcu', 0) < need ? 'throttled' : 'keeps-up', need };
  },
};

export const INDEX_RULES: readonly Rule[] = [consistentReadOnIndex, indexKeyChange, itemCollectionLimit, scanOrIndexQuery, gsiWriteThrottle];
