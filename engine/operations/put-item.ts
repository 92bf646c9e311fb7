/**
 * PutItem: create or replace an item, optionally only when a condition holds.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
 */
import { shapeConsumedCapacity, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { writeUnitsForSize } from '../capacity/units.ts';
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import { MAX_ITEM_SIZE, validateItem, validateItemKey, VALUE_MESSAGES } from '../values/validate.ts';
import {
  checkExpressionParameters,
  checkIndexKeyTypes,
  checkSandboxBytes,
  chargeWrite,
  conditionFailed,
  LEGACY_CONDITION_FIELD,
  tableKey,
} from './common.ts';
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
import { checkItemCollectionSize, itemCollectionMetrics } from './item-collections.ts';

const shape: ShapeSpec = {
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  TableName: TABLE_NAME_FIELD,
  Item: { type: 'Item', notNull: true },
  ConditionalOperator: { type: 'String', enum: ['OR', 'AND'] },
  Expected: LEGACY_CONDITION_FIELD,
  ReturnValues: { type: 'String', enum: ['ALL_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE', 'UPDATED_NEW'] },
  ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS_FIELD,
  ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
  ConditionExpression: 'String',
  ExpressionAttributeValues: EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
};

export function validatePutItem(request: Record<string, unknown>): void {
  checkExpressionParameters(request, ['ConditionExpression'], ['Expected', 'ConditionalOperator']);
  request.Item = validateItem(request.Item as Item);
  const returnValues = request.ReturnValues;
  if (returnValues && returnValues !== 'ALL_OLD' && returnValues !== 'NONE') {
    throw new ValidationException('ReturnValues can only be ALL_OLD or NONE');
  }
  if (itemSize(request.Item as Item) > MAX_ITEM_SIZE) throw new ValidationException(VALUE_MESSAGES.itemSize);
  compileRequestExpressions(request, ['ConditionExpression']);
}

/** The write itself, shared with BatchWriteItem and TransactWriteItems. */
export function putItemInto(
  db: Database,
  request: Record<string, unknown>,
  transactional = false,
): { old: Item | undefined; tally: ReturnType<typeof chargeWrite> } {
  const table = db.table(request.TableName as string);
  const item = request.Item as Item;
  validateItemKey(item, tableKey(table));
  checkIndexKeyTypes(table, item);
  const { condition } = compiledExpressions(request);
  const existing = table.get(item);
  if (!conditionHolds(condition, existing?.item)) {
    if (!transactional) db.meter(table.definition.name, 'write', writeUnitsForSize(Math.max(existing?.size ?? 0, itemSize(item))));
    throw conditionFailed(request.ReturnValuesOnConditionCheckFailure, existing?.item);
  }
  const size = itemSize(item);
  checkSandboxBytes(db, size - (existing?.size ?? 0));
  checkItemCollectionSize(table, item, size - (existing?.size ?? 0), db.limits.itemCollectionBytes);
  const result = table.put(item, size);
  return { old: result.old?.item, tally: chargeWrite(result.old?.size ?? 0, size, result.indexChanges, transactional) };
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const { old, tally } = putItemInto(db, request);
  db.meter(request.TableName as string, 'write', tally.total);
  const response: Record<string, unknown> = {};
  if (request.ReturnValues === 'ALL_OLD' && old) response.Attributes = old;
  const consumed = shapeConsumedCapacity(request.TableName as string, tally, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'write');
  if (consumed) response.ConsumedCapacity = consumed;
  if (request.ReturnItemCollectionMetrics === 'SIZE') {
    const metrics = itemCollectionMetrics(db.table(request.TableName as string), request.Item as Item);
    if (metrics) response.ItemCollectionMetrics = metrics;
  }
  return response;
}

export const putItem: Operation = { shape, validate: validatePutItem, run };
