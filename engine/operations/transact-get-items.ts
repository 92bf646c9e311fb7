/**
 * TransactGetItems: up to 100 items read as one consistent snapshot, in request order, each at
 * twice the cost of a strongly consistent read.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
 */
import { CapacityTally, shapeConsumedCapacities, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { readUnitsForSize } from '../capacity/units.ts';
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateItem, validateKey } from '../values/validate.ts';
import { keyIdentity } from './batch-get-item.ts';
import { checkExpressionParameters, tableKey } from './common.ts';
import { compiledExpressions, compileRequestExpressions, projectItem } from './expression-support.ts';
import { EXPRESSION_ATTRIBUTE_NAMES_FIELD, RETURN_CONSUMED_CAPACITY_FIELD, TABLE_NAME_FIELD, type Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

const shape: ShapeSpec = {
  TransactItems: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 100,
    children: {
      type: 'ValueStruct<TransactGetItem>',
      children: {
        Get: {
          type: 'FieldStruct<Get>',
          notNull: true,
          children: {
            Key: { type: 'Item', notNull: true },
            TableName: TABLE_NAME_FIELD,
            ProjectionExpression: 'String',
            ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
          },
        },
      },
    },
  },
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
};

function gets(request: Record<string, unknown>): Record<string, unknown>[] {
  return (request.TransactItems as { Get: Record<string, unknown> }[]).map((element) => element.Get);
}

function validate(request: Record<string, unknown>): void {
  for (const get of gets(request)) {
    checkExpressionParameters(get, ['ProjectionExpression'], []);
    get.Key = validateItem(get.Key as Item);
    compileRequestExpressions(get, ['ProjectionExpression']);
  }
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const seen = new Set<string>();
  const tables = gets(request).map((get) => {
    const table = db.table(get.TableName as string);
    validateKey(get.Key as Item, tableKey(table));
    const identity = `${table.definition.name}\u0000${keyIdentity(get.Key as Item)}`;
    if (seen.has(identity)) throw new ValidationException('Transaction request cannot include multiple operations on one item');
    seen.add(identity);
    return table;
  });
  const tallies = new Map<string, CapacityTally>();
  const responses = gets(request).map((get, i) => {
    const table = tables[i]!;
    const entry = table.get(get.Key as Item);
    const tally = tallies.get(table.definition.name) ?? new CapacityTally();
    tally.table += readUnitsForSize(entry?.size ?? 0, 'transactional');
    tallies.set(table.definition.name, tally);
    return entry ? { Item: projectItem(compiledExpressions(get).projection, entry.item) } : {};
  });
  const response: Record<string, unknown> = { Responses: responses };
  for (const [name, tally] of tallies) db.meter(name, 'read', tally.total);
  const consumed = shapeConsumedCapacities(tallies, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'read');
  if (consumed) response.ConsumedCapacity = consumed;
  return response;
}

export const transactGetItems: Operation = { shape, validate, run };
