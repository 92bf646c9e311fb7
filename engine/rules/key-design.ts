/**
 * Key design rules: which key conditions a Query accepts, which partition key spreads load,
 * when one key value outgrows a partition and how many write shards fix it, and which kind of
 * primary key fits a set of access patterns.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html
 */
import { blocksFor, PARTITION_MAX_RCU, PARTITION_MAX_WCU, READ_BLOCK_BYTES, READ_UNITS_PER_BLOCK, WRITE_BLOCK_BYTES } from '../capacity/units.ts';

export type KeyAttributeType = 'S' | 'N' | 'B';

/** Every operator a Query's key condition may use on the sort key. (Query.KeyConditionExpressions.html) */
export const SORT_KEY_OPERATORS = ['=', '<', '<=', '>', '>=', 'BETWEEN', 'begins_with'] as const;
/** Operators that FilterExpression accepts but a key condition rejects. */
export const NON_KEY_OPERATORS = ['<>', 'IN', 'contains', 'attribute_exists', 'attribute_not_exists', 'OR'] as const;
export type KeyOperator = (typeof SORT_KEY_OPERATORS)[number] | (typeof NON_KEY_OPERATORS)[number];

export interface KeyConditionVerdict {
  readonly valid: boolean;
  /** AWS's ValidationException text when invalid, as DynamoDB (and dynalite) word it. */
  readonly message?: string | undefined;
}

/**
 * Judge a Query key condition: equality on the partition key, optionally one sort-key
 * condition. `partitionOp` undefined means the request leaves the partition key out.
 */
export function checkKeyCondition(
  partitionKey: string,
  partitionOp: KeyOperator | undefined,
  sortOp: KeyOperator | undefined,
  sortKeyType: KeyAttributeType,
): KeyConditionVerdict {
  for (const op of [partitionOp, sortOp]) {
    if (op !== undefined && (NON_KEY_OPERATORS as readonly string[]).includes(op)) {
      return { valid: false, message: `Invalid operator used in KeyConditionExpression: ${op}` };
    }
  }
  if (partitionOp === undefined) {
    return { valid: false, message: `Query condition missed key schema element: ${partitionKey}` };
  }
  if (partitionOp !== '=') return { valid: false, message: 'Query key condition not supported' };
  if (sortOp === 'begins_with' && sortKeyType === 'N') {
    return {
      valid: false,
      message: 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    };
  }
  return { valid: true };
}

/** A candidate partition key: how many distinct values it has and how skewed its traffic is. */
export interface PartitionKeyCandidate {
  readonly name: string;
  readonly distinctValues: number;
  /** Share of all requests that go to its single busiest value, 0..1. */
  readonly hottestShare: number;
}

export interface Workload {
  readonly readsPerSecond: number;
  readonly writesPerSecond: number;
  readonly itemBytes: number;
  readonly strongReads?: boolean | undefined;
}

export interface KeyLoad {
  /** Read and write units per second that the busiest key value must absorb. */
  readonly hottestRcu: number;
  readonly hottestWcu: number;
  /** True when that one value needs more than a partition can serve. */
  readonly hot: boolean;
}

/** Units per second landing on the candidate's busiest value, against one partition's ceiling. */
export function measureHottestKey(candidate: PartitionKeyCandidate, workload: Workload): KeyLoad {
  const readBlocks = blocksFor(workload.itemBytes, READ_BLOCK_BYTES);
  const writeBlocks = blocksFor(workload.itemBytes, WRITE_BLOCK_BYTES);
  const perRead = readBlocks * READ_UNITS_PER_BLOCK[workload.strongReads ? 'strong' : 'eventual'];
  const hottestRcu = workload.readsPerSecond * candidate.hottestShare * perRead;
  const hottestWcu = workload.writesPerSecond * candidate.hottestShare * writeBlocks;
  return { hottestRcu, hottestWcu, hot: hottestRcu > PARTITION_MAX_RCU || hottestWcu > PARTITION_MAX_WCU };
}

/**
 * The best partition key among candidates: one whose busiest value stays within a partition,
 * then the most distinct values, then the least skew. AWS: "high-cardinality attributes"
 * whose values are requested "fairly uniformly".
 */
export function choosePartitionKey(candidates: readonly PartitionKeyCandidate[], workload: Workload): PartitionKeyCandidate {
  const ranked = [...candidates].sort((a, b) => {
    const hotA = measureHottestKey(a, workload).hot ? 1 : 0;
    const hotB = measureHottestKey(b, workload).hot ? 1 : 0;
    return hotA - hotB || b.distinctValues - a.distinctValues || a.hottestShare - b.hottestShare;
  });
  const best = ranked[0];
  if (!best) throw new RangeError('choosePartitionKey needs at least one candidate');
  return best;
}

/**
 * Write shards a single hot key value needs so each shard stays under a partition's write
 * ceiling: add a random suffix 1..N to the key. (bp-partition-key-sharding.html)
 */
export function countWriteShards(writesPerSecond: number, itemBytes: number): number {
  const wcu = writesPerSecond * blocksFor(itemBytes, WRITE_BLOCK_BYTES);
  return Math.max(1, Math.ceil(wcu / PARTITION_MAX_WCU));
}

export type PrimaryKeyKind = 'simple' | 'composite';

/** How the application reads the entity. */
export interface KeyNeeds {
  /** Reads fetch one item by its identifier only. */
  readonly lookupById: boolean;
  /** Reads fetch many related items for one owner, or a range of them in order. */
  readonly relatedItemsInOrder: boolean;
}

/** Simple key when every read is a lookup by id; composite when related items are read together or in order. */
export function choosePrimaryKeyKind(needs: KeyNeeds): PrimaryKeyKind {
  return needs.relatedItemsInOrder ? 'composite' : 'simple';
}
