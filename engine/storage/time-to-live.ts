/**
 * Time to live: items whose TTL attribute (a Number of epoch seconds) lies in the past are
 * deleted by the engine's clock. As in DynamoDB, a value more than five years in the past is
 * ignored, and deletions are free.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
 */
import type { Table } from './table.ts';

const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 60 * 60;

/** Whether an item with TTL value `n` has expired at `nowSeconds`. */
export function isExpired(n: string, nowSeconds: number): boolean {
  const at = Number(n);
  return Number.isFinite(at) && at <= nowSeconds && at >= nowSeconds - FIVE_YEARS_SECONDS;
}

/** Deletes the table's expired items; returns how many went. */
export function expireItems(table: Table, nowSeconds: number): number {
  const ttl = table.definition.timeToLive;
  if (ttl.status !== 'ENABLED' || ttl.attributeName === undefined) return 0;
  const name = ttl.attributeName;
  const expired = [];
  for (let p = 0; p < table.items.partitionCount; p++) {
    for (const entry of table.items.partitionAt(p)!.entries) {
      const value = entry.item[name];
      if (value && 'N' in value && isExpired(value.N, nowSeconds)) expired.push(entry.item);
    }
  }
  for (const item of expired) table.delete(item);
  return expired.length;
}
