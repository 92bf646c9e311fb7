/**
 * What PutItem, DeleteItem and UpdateItem (and their TransactWriteItems forms) share: the
 * request shape, the ReturnValues rule of the whole-item writes, reading the current item
 * under the condition, the room checks before storing, and the response.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate
 */
import { shapeConsumedCapacity, type CapacityTally, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { writeUnitsForSize } from '../capacity/units.ts';
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Entry } from '../storage/collection.ts';
import type { Table } from '../storage/table.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateItem } from '../values/validate.ts';
import { checkExpressionParameters, checkSandboxBytes, conditionFailed, LEGACY_CONDITION_FIELD } from './common.ts';
import { compiledExpressions, compileRequestExpressions, conditionHolds } from './expression-support.ts';
import { checkItemCollectionSize, itemCollectionMetrics } from './item-collections.ts';
import {
  EXPRESSION_ATTRIBUTE_NAMES_FIELD,
  EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  RETURN_CONSUMED_CAPACITY_FIELD,
  RETURN_ITEM_COLLECTION_METRICS_FIELD,
  RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
  TABLE_NAME_FIELD,
} from './operation.ts';
import type { FieldSpec, ShapeSpec } from './shape.ts';

/**
 * The request shape of a single-item write, its members in the order DynamoDB reports
 * violations. `target` is the item (PutItem) or key (DeleteItem, UpdateItem) member; UpdateItem
 * passes its own two members, which stand after the target and after ConditionExpression.
 */
export function singleWriteShape(
  target: 'Item' | 'Key',
  update?: { readonly AttributeUpdates: FieldSpec; readonly UpdateExpression: FieldSpec | string },
): ShapeSpec {
  return {
    ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
    TableName: TABLE_NAME_FIELD,
    [target]: { type: 'Item', notNull: true },
    ...(update && { AttributeUpdates: update.AttributeUpdates }),
    ConditionalOperator: { type: 'String', enum: ['OR', 'AND'] },
    Expected: LEGACY_CONDITION_FIELD,
    ReturnValues: { type: 'String', enum: ['ALL_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE', 'UPDATED_NEW'] },
    ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS_FIELD,
    ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
    ConditionExpression: 'String',
    ...(update && { UpdateExpression: update.UpdateExpression }),
    ExpressionAttributeValues: EXPRESSION_ATTRIBUTE_VALUES_FIELD,
    ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
  };
}

/**
 * The request checks of PutItem and DeleteItem, which replace or remove a whole item under at
 * most a ConditionExpression: the target validated and normalised in place, then ReturnValues
 * (only the old item can be returned), then `checkTarget`, then the expression compiled.
 */
export function validateWholeItemWrite(request: Record<string, unknown>, target: 'Item' | 'Key', checkTarget?: (value: Item) => void): void {
  checkExpressionParameters(request, ['ConditionExpression'], ['Expected', 'ConditionalOperator']);
  const value = validateItem(request[target] as Item);
  request[target] = value;
  const returnValues = request.ReturnValues;
  if (returnValues && returnValues !== 'ALL_OLD' && returnValues !== 'NONE') {
    throw new ValidationException('ReturnValues can only be ALL_OLD or NONE');
  }
  checkTarget?.(value);
  compileRequestExpressions(request, ['ConditionExpression']);
}

/**
 * The item stored under `key`, once the request's ConditionExpression holds for it. When it
 * does not, a standalone write is still charged, for the larger of the stored item and
 * `attemptedBytes` (what a put would have written); in a transaction the transaction charges.
 */
export function readUnderCondition(
  db: Database,
  table: Table,
  request: Record<string, unknown>,
  key: Item,
  transactional: boolean,
  attemptedBytes = 0,
): Entry | undefined {
  const existing = table.get(key);
  if (!conditionHolds(compiledExpressions(request).condition, existing?.item)) {
    if (!transactional) db.meter(table.definition.name, 'write', writeUnitsForSize(Math.max(existing?.size ?? 0, attemptedBytes)));
    throw conditionFailed(request.ReturnValuesOnConditionCheckFailure, existing?.item);
  }
  return existing;
}

/** Refuses a write that grows the sandbox or the item's collection past its limit. */
export function checkRoomToWrite(db: Database, table: Table, key: Item, growth: number): void {
  checkSandboxBytes(db, growth);
  checkItemCollectionSize(table, key, growth, db.limits.itemCollectionBytes);
}

/**
 * Meters a finished single-item write and builds its response: Attributes when there are any
 * to return, ConsumedCapacity and ItemCollectionMetrics when asked.
 */
export function singleWriteResponse(
  db: Database,
  request: Record<string, unknown>,
  tally: CapacityTally,
  attributes: Item | undefined,
  collectionKey: Item,
): Record<string, unknown> {
  const tableName = request.TableName as string;
  db.meter(tableName, 'write', tally.total);
  const response: Record<string, unknown> = {};
  if (attributes) response.Attributes = attributes;
  const consumed = shapeConsumedCapacity(tableName, tally, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'write');
  if (consumed) response.ConsumedCapacity = consumed;
  if (request.ReturnItemCollectionMetrics === 'SIZE') {
    const metrics = itemCollectionMetrics(db.table(tableName), collectionKey);
    if (metrics) response.ItemCollectionMetrics = metrics;
  }
  return response;
}
