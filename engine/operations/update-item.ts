/**
 * UpdateItem: edit an item's attributes with an UpdateExpression, creating the item when it is
 * missing, optionally only when a condition holds.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
 */
import { shapeConsumedCapacity, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { writeUnitsForSize } from '../capacity/units.ts';
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import { checkUpdateSparesKey } from '../expressions/index.ts';
import type { Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import { MAX_ITEM_SIZE, validateItem, validateKey } from '../values/validate.ts';
import {
  checkExpressionParameters,
  checkIndexKeyTypes,
  checkSandboxBytes,
  chargeWrite,
  conditionFailed,
  LEGACY_CONDITION_FIELD,
  tableKey,
} from './common.ts';
import { compiledExpressions, compileRequestExpressions, conditionHolds, updateItemWith } from './expression-support.ts';
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
  Key: { type: 'Item', notNull: true },
  AttributeUpdates: {
    type: 'Map<AttributeValueUpdate>',
    children: {
      type: 'ValueStruct<AttributeValueUpdate>',
      children: { Action: { type: 'String', enum: ['ADD', 'PUT', 'DELETE'] }, Value: 'AttributeValue' },
    },
  },
  ConditionalOperator: { type: 'String', enum: ['OR', 'AND'] },
  Expected: LEGACY_CONDITION_FIELD,
  ReturnValues: { type: 'String', enum: ['ALL_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE', 'UPDATED_NEW'] },
  ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS_FIELD,
  ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
  ConditionExpression: 'String',
  UpdateExpression: 'String',
  ExpressionAttributeValues: EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
};

export function validateUpdateItem(request: Record<string, unknown>): void {
  checkExpressionParameters(request, ['UpdateExpression', 'ConditionExpression'], ['AttributeUpdates', 'Expected', 'ConditionalOperator']);
  request.Key = validateItem(request.Key as Item);
  compileRequestExpressions(request, ['UpdateExpression', 'ConditionExpression']);
}

/** The update itself, shared with TransactWriteItems. */
export function updateItemIn(
  db: Database,
  request: Record<string, unknown>,
  transactional = false,
): { old: Item | undefined; item: Item; updatedOld: Item; updatedNew: Item; tally: ReturnType<typeof chargeWrite> } {
  const table = db.table(request.TableName as string);
  const key = request.Key as Item;
  const keySchema = tableKey(table);
  validateKey(key, keySchema);
  const { condition, update } = compiledExpressions(request);
  if (update) checkUpdateSparesKey(update, keySchema.map((k) => k.name));
  const existing = table.get(key);
  if (!conditionHolds(condition, existing?.item)) {
    if (!transactional) db.meter(table.definition.name, 'write', writeUnitsForSize(existing?.size ?? 0));
    throw conditionFailed(request.ReturnValuesOnConditionCheckFailure, existing?.item);
  }
  // Without an UpdateExpression, UpdateItem still creates the item from its key.
  const result = update ? updateItemWith(update, existing?.item, key) : { item: existing?.item ?? key, updatedOld: {}, updatedNew: {} };
  const item = result.item;
  const size = itemSize(item);
  if (size > MAX_ITEM_SIZE) throw new ValidationException('Item size to update has exceeded the maximum allowed size');
  checkIndexKeyTypes(table, item);
  checkSandboxBytes(db, size - (existing?.size ?? 0));
  checkItemCollectionSize(table, key, size - (existing?.size ?? 0), db.limits.itemCollectionBytes);
  const written = table.put(item, size);
  return {
    old: existing?.item,
    item,
    updatedOld: result.updatedOld,
    updatedNew: result.updatedNew,
    tally: chargeWrite(existing?.size ?? 0, size, written.indexChanges, transactional),
  };
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const { old, item, updatedOld, updatedNew, tally } = updateItemIn(db, request);
  db.meter(request.TableName as string, 'write', tally.total);
  const response: Record<string, unknown> = {};
  switch (request.ReturnValues) {
    case 'ALL_OLD':
      if (old) response.Attributes = old;
      break;
    case 'UPDATED_OLD':
      if (old && Object.keys(updatedOld).length) response.Attributes = updatedOld;
      break;
    case 'ALL_NEW':
      response.Attributes = item;
      break;
    case 'UPDATED_NEW':
      if (Object.keys(updatedNew).length) response.Attributes = updatedNew;
      break;
    default:
      break;
  }
  const consumed = shapeConsumedCapacity(request.TableName as string, tally, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'write');
  if (consumed) response.ConsumedCapacity = consumed;
  if (request.ReturnItemCollectionMetrics === 'SIZE') {
    const metrics = itemCollectionMetrics(db.table(request.TableName as string), request.Key as Item);
    if (metrics) response.ItemCollectionMetrics = metrics;
  }
  return response;
}

export const updateItem: Operation = { shape, validate: validateUpdateItem, run };
