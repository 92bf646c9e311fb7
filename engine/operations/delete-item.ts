/**
 * DeleteItem: remove an item by key, optionally only when a condition holds. Deleting a missing
 * item succeeds and still costs one write unit.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
 */
import { shapeConsumedCapacity, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { writeUnitsForSize } from '../capacity/units.ts';
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateItem, validateKey } from '../values/validate.ts';
import { checkExpressionParameters, chargeWrite, conditionFailed, LEGACY_CONDITION_FIELD, tableKey } from './common.ts';
import { compiledExpressions, compileRequestExpressions, conditionHolds } from './expression-support.ts';
import {
  EXPRESSION_ATTRIBUTE_NAMES_FIELD,
  EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  RETURN_CONSUMED_CAPACITY_FIELD,
  RETURN_ITEM_COLLECTION_METRICS_FIELD,
  RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
  TABLE_NAME_FIELD,
  type Operation,
} from './operation.ts';
import type { ShapeSpec } from './shape.ts';
import { itemCollectionMetrics } from './item-collections.ts';

const shape: ShapeSpec = {
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  TableName: TABLE_NAME_FIELD,
  Key: { type: 'Item', notNull: true },
  ConditionalOperator: { type: 'String', enum: ['OR', 'AND'] },
  Expected: LEGACY_CONDITION_FIELD,
  ReturnValues: { type: 'String', enum: ['ALL_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE', 'UPDATED_NEW'] },
  ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS_FIELD,
  ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
  ConditionExpression: 'String',
  ExpressionAttributeValues: EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
};

export function validateDeleteItem(request: Record<string, unknown>): void {
  checkExpressionParameters(request, ['ConditionExpression'], ['Expected', 'ConditionalOperator']);
  request.Key = validateItem(request.Key as Item);
  const returnValues = request.ReturnValues;
  if (returnValues && returnValues !== 'ALL_OLD' && returnValues !== 'NONE') {
    throw new ValidationException('ReturnValues can only be ALL_OLD or NONE');
  }
  compileRequestExpressions(request, ['ConditionExpression']);
}

/** The delete itself, shared with BatchWriteItem and TransactWriteItems. */
export function deleteItemFrom(
  db: Database,
  request: Record<string, unknown>,
  transactional = false,
): { old: Item | undefined; tally: ReturnType<typeof chargeWrite> } {
  const table = db.table(request.TableName as string);
  const key = request.Key as Item;
  validateKey(key, tableKey(table));
  const { condition } = compiledExpressions(request);
  const existing = table.get(key);
  if (!conditionHolds(condition, existing?.item)) {
    if (!transactional) db.meter(table.definition.name, 'write', writeUnitsForSize(existing?.size ?? 0));
    throw conditionFailed(request.ReturnValuesOnConditionCheckFailure, existing?.item);
  }
  const result = existing ? table.delete(key) : { old: undefined, indexChanges: [] };
  return { old: result.old?.item, tally: chargeWrite(result.old?.size ?? 0, 0, result.indexChanges, transactional) };
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const { old, tally } = deleteItemFrom(db, request);
  db.meter(request.TableName as string, 'write', tally.total);
  const response: Record<string, unknown> = {};
  if (request.ReturnValues === 'ALL_OLD' && old) response.Attributes = old;
  const consumed = shapeConsumedCapacity(request.TableName as string, tally, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'write');
  if (consumed) response.ConsumedCapacity = consumed;
  if (request.ReturnItemCollectionMetrics === 'SIZE') {
    const metrics = itemCollectionMetrics(db.table(request.TableName as string), request.Key as Item);
    if (metrics) response.ItemCollectionMetrics = metrics;
  }
  return response;
}

export const deleteItem: Operation = { shape, validate: validateDeleteItem, run };
