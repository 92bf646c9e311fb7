/**
 * Item collections: on a table with local secondary indexes, the items sharing a partition key
 * value plus their LSI entries, limited to 10 GB.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ItemCollections
 */
import { ItemCollectionSizeLimitExceededException } from '../errors.ts';
import { encodeKeyValue } from '../storage/key-encoding.ts';
import type { Table } from '../storage/table.ts';
import type { Item } from '../values/attribute-value.ts';

export const ITEM_COLLECTION_LIMIT_BYTES = 10 * 1024 * 1024 * 1024;
const GB = 1024 * 1024 * 1024;

export function hasLocalIndexes(table: Table): boolean {
  for (const { definition } of table.indexes.values()) if (definition.kind === 'local') return true;
  return false;
}

/** Bytes of the item collection of the partition key value in `key`. */
export function itemCollectionBytes(table: Table, key: Item): number {
  const partition = encodeKeyValue(key[table.keySchema.hash.name]!);
  let bytes = table.items.partition(partition)?.bytes ?? 0;
  for (const { definition, items } of table.indexes.values()) {
    if (definition.kind === 'local') bytes += items.partition(partition)?.bytes ?? 0;
  }
  return bytes;
}

/** ItemCollectionMetrics for a write to `key`, or undefined when the table has no LSI. */
export function itemCollectionMetrics(table: Table, key: Item): Record<string, unknown> | undefined {
  if (!hasLocalIndexes(table)) return undefined;
  const gb = itemCollectionBytes(table, key) / GB;
  const hashName = table.keySchema.hash.name;
  return { ItemCollectionKey: { [hashName]: key[hashName] }, SizeEstimateRangeGB: [Math.floor(gb), Math.floor(gb) + 1] };
}

/** Refuses a write that would grow an item collection past 10 GB. */
export function checkItemCollectionSize(table: Table, key: Item, growth: number, limit = ITEM_COLLECTION_LIMIT_BYTES): void {
  if (growth <= 0 || !hasLocalIndexes(table)) return;
  if (itemCollectionBytes(table, key) + growth > limit) {
    const hashName = table.keySchema.hash.name;
    throw new ItemCollectionSizeLimitExceededException('Item collection size limit exceeded', {
      ItemCollectionMetrics: { ItemCollectionKey: { [hashName]: key[hashName] }, SizeEstimateRangeGB: [10, 10] },
    });
  }
}
