/**
 * GetItem: one item by its full primary key; strongly consistent on request.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
 */
import { shapeConsumedCapacity, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import type { Database } from '../database.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateItem, validateKey } from '../values/validate.ts';
import { ATTRIBUTES_TO_GET_FIELD, chargeRead, checkExpressionParameters, readConsistency, tableKey } from './common.ts';
import { compiledExpressions, compileRequestExpressions, projectItem } from './expression-support.ts';
import { EXPRESSION_ATTRIBUTE_NAMES_FIELD, RETURN_CONSUMED_CAPACITY_FIELD, TABLE_NAME_FIELD, type Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

const shape: ShapeSpec = {
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  AttributesToGet: ATTRIBUTES_TO_GET_FIELD,
  TableName: TABLE_NAME_FIELD,
  Key: { type: 'Item', notNull: true },
  ConsistentRead: 'Boolean',
  ProjectionExpression: 'String',
  ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
};

export function validateGetItem(request: Record<string, unknown>): void {
  checkExpressionParameters(request, ['ProjectionExpression'], ['AttributesToGet']);
  request.Key = validateItem(request.Key as Item);
  compileRequestExpressions(request, ['ProjectionExpression']);
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const table = db.table(request.TableName as string);
  const key = request.Key as Item;
  validateKey(key, tableKey(table));
  const entry = table.get(key);
  const response: Record<string, unknown> = {};
  if (entry) response.Item = projectItem(compiledExpressions(request).projection, entry.item);
  const tally = chargeRead(entry?.size ?? 0, readConsistency(request.ConsistentRead));
  db.meter(table.definition.name, 'read', tally.total);
  const consumed = shapeConsumedCapacity(table.definition.name, tally, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'read');
  if (consumed) response.ConsumedCapacity = consumed;
  return response;
}

export const getItem: Operation = { shape, validate: validateGetItem, run };
