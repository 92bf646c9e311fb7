/**
 * Scan: every item of a table or index, partition by partition in hash order, a page at a time.
 * A parallel Scan's segment is a contiguous range of partition-key hashes, so the segments
 * together cover every item exactly once.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
 */
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import { hashPartitionKey } from '../storage/key-encoding.ts';
import { encodeKeyParts, partitionAttributes } from '../storage/table.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateItem } from '../values/validate.ts';
import { ATTRIBUTES_TO_GET_FIELD, checkExpressionParameters, LEGACY_FILTER_FIELD } from './common.ts';
import { compileRequestExpressions } from './expression-support.ts';
import {
  EXPRESSION_ATTRIBUTE_NAMES_FIELD,
  EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  RETURN_CONSUMED_CAPACITY_FIELD,
  TABLE_NAME_FIELD,
  type Operation,
} from './operation.ts';
import { INDEX_NAME_REQUEST_FIELD } from './query.ts';
import { readRequestPage, resolveReadSource, type EntryCursor } from './read-page.ts';
import type { ShapeSpec } from './shape.ts';
import { checkStartKey } from './start-key.ts';

const shape: ShapeSpec = {
  AttributesToGet: ATTRIBUTES_TO_GET_FIELD,
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  ExclusiveStartKey: { type: 'Item' },
  Segment: { type: 'Integer', greaterThanOrEqual: 0, lessThanOrEqual: 999999 },
  ConditionalOperator: { type: 'String', enum: ['OR', 'AND'] },
  TotalSegments: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 1000000 },
  TableName: TABLE_NAME_FIELD,
  IndexName: INDEX_NAME_REQUEST_FIELD,
  Limit: { type: 'Integer', greaterThanOrEqual: 1 },
  Select: { type: 'String', enum: ['SPECIFIC_ATTRIBUTES', 'COUNT', 'ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES'] },
  ScanFilter: LEGACY_FILTER_FIELD,
  ConsistentRead: 'Boolean',
  FilterExpression: 'String',
  ProjectionExpression: 'String',
  ExpressionAttributeValues: EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
};

function validate(request: Record<string, unknown>): void {
  checkExpressionParameters(request, ['ProjectionExpression', 'FilterExpression'], ['AttributesToGet', 'ScanFilter', 'ConditionalOperator']);
  if (request.ExclusiveStartKey) request.ExclusiveStartKey = validateItem(request.ExclusiveStartKey as Item);
  const segment = request.Segment as number | undefined;
  const total = request.TotalSegments as number | undefined;
  if (segment !== undefined && total === undefined) {
    throw new ValidationException('The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
  }
  if (total !== undefined) {
    if (segment === undefined) {
      throw new ValidationException('The Segment parameter is required but was not present in the request when parameter TotalSegments is present');
    }
    if (segment >= total) {
      throw new ValidationException(
        `The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${segment} is not less than TotalSegments: ${total}`,
      );
    }
  }
  compileRequestExpressions(request, ['ProjectionExpression', 'FilterExpression']);
}

const HASH_SPACE = 2 ** 32;

/** The hash range [from, to) of a segment. */
export function segmentHashRange(segment: number, total: number): [number, number] {
  return [Math.floor((segment * HASH_SPACE) / total), Math.floor(((segment + 1) * HASH_SPACE) / total)];
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const source = resolveReadSource(db, request);
  const { table, index, keySchema, collection } = source;
  const [fromHash, toHash] = segmentHashRange((request.Segment as number | undefined) ?? 0, (request.TotalSegments as number | undefined) ?? 1);

  let position = collection.firstAtHash(fromHash);
  let entryIndex = 0;
  const start = request.ExclusiveStartKey as Item | undefined;
  if (start) {
    checkStartKey(table, index, start);
    const partitionKey = encodeKeyParts(partitionAttributes(keySchema), start)!;
    const hash = hashPartitionKey(partitionKey);
    position = collection.orderIndex(hash, partitionKey);
    const partition = collection.partitionAt(position);
    if (partition && partition.key === partitionKey) {
      const sort = index ? table.indexStorageKey(index, start).sort : table.storageKey(start).sort;
      entryIndex = partition.after(sort);
    }
  }
  const next: EntryCursor = () => {
    for (;;) {
      const partition = collection.partitionAt(position);
      if (!partition || partition.hash >= toHash) return undefined;
      if (entryIndex < partition.entries.length) return partition.entries[entryIndex++];
      position++;
      entryIndex = 0;
    }
  };
  return readRequestPage(db, request, source, next);
}

export const scan: Operation = { shape, validate, run };
