/**
 * Where items live: a table's partitions, how many it has, and which one holds a key. DynamoDB
 * splits a partition that outgrows 10 GB or that needs more than one partition's throughput
 * (3,000 RCU and 1,000 WCU), and never merges partitions back.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.Partitions.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html
 */
import { BYTES_PER_GB } from '../cost/prices.ts';
import { PARTITION_MAX_RCU, PARTITION_MAX_WCU } from '../capacity/units.ts';
import { encodeKeyValue, hashPartitionKey } from '../storage/key-encoding.ts';
import type { AttributeValue } from '../values/attribute-value.ts';

export { PARTITION_MAX_RCU, PARTITION_MAX_WCU };

/** Data one partition holds before it splits. */
export const PARTITION_MAX_BYTES = 10 * BYTES_PER_GB;

/** Partitions a table needs for its size and its read and write throughput (at least one). */
export function partitionsNeeded(args: { bytes: number; readUnits: number; writeUnits: number }): number {
  return Math.max(
    1,
    Math.ceil(args.bytes / PARTITION_MAX_BYTES),
    Math.ceil(args.readUnits / PARTITION_MAX_RCU),
    Math.ceil(args.writeUnits / PARTITION_MAX_WCU),
  );
}

/**
 * The partition holding a partition key value: the key's 32-bit hash cut into `count` equal
 * ranges, as DynamoDB places items by a hash of the partition key. The hash is mixed first
 * (MurmurHash3's 32-bit finaliser): FNV-1a changes only the low and top-byte bits for keys that
 * differ in their last character, so "match#0" to "match#9" (write sharding's suffixes) all
 * fell in one range, where DynamoDB's hash spreads them.
 */
export function partitionOf(value: AttributeValue, count: number): number {
  return Math.floor((mix32(hashPartitionKey(encodeKeyValue(value))) * count) / 2 ** 32);
}

/** MurmurHash3's fmix32: every input bit affects every output bit. */
function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
