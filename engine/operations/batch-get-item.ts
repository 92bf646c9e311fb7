/**
 * BatchGetItem: up to 100 items from one or more tables by key, each read charged on its own,
 * with the keys past the 16 MB response limit returned as UnprocessedKeys.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 */
import { CapacityTally, shapeConsumedCapacities, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { readUnitsForSize } from '../capacity/units.ts';
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateItem, validateKey } from '../values/validate.ts';
import { ATTRIBUTES_TO_GET_FIELD, checkExpressionParameters, readConsistency, tableKey } from './common.ts';
import { compiledExpressions, compileRequestExpressions, projectItem } from './expression-support.ts';
import { EXPRESSION_ATTRIBUTE_NAMES_FIELD, RETURN_CONSUMED_CAPACITY_FIELD, type Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

/** A BatchGetItem response holds at most 16 MB of items. */
export const BATCH_GET_RESPONSE_BYTES = 16 * 1024 * 1024;
export const BATCH_GET_MAX_KEYS = 100;

export const TABLE_NAME_KEYS = { lengthLessThanOrEqual: 255, lengthGreaterThanOrEqual: 3, regex: '[a-zA-Z0-9_.-]+' } as const;

const shape: ShapeSpec = {
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  RequestItems: {
    type: 'Map<KeysAndAttributes>',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    keys: TABLE_NAME_KEYS,
    children: {
      type: 'ValueStruct<KeysAndAttributes>',
      children: {
        Keys: { type: 'List', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 100, children: 'Item' },
        AttributesToGet: ATTRIBUTES_TO_GET_FIELD,
        ConsistentRead: 'Boolean',
        ProjectionExpression: 'String',
        ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
      },
    },
  },
};

interface KeysAndAttributes {
  Keys: Item[];
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  [member: string]: unknown;
}

/** A key's identity regardless of attribute order, for the duplicate check. */
export function keyIdentity(key: Item): string {
  return JSON.stringify(
    Object.keys(key)
      .sort()
      .map((name) => [name, key[name]]),
  );
}

function validate(request: Record<string, unknown>): void {
  const requestItems = request.RequestItems as Record<string, KeysAndAttributes>;
  let count = 0;
  for (const tableName of Object.keys(requestItems)) {
    const tableRequest = requestItems[tableName]!;
    checkExpressionParameters(tableRequest, ['ProjectionExpression'], ['AttributesToGet']);
    compileRequestExpressions(tableRequest, ['ProjectionExpression']);
    const seen = new Set<string>();
    tableRequest.Keys = tableRequest.Keys.map((key) => validateItem(key));
    for (const key of tableRequest.Keys) {
      const identity = keyIdentity(key);
      if (seen.has(identity)) throw new ValidationException('Provided list of item keys contains duplicates');
      seen.add(identity);
      if (++count > BATCH_GET_MAX_KEYS) throw new ValidationException('Too many items requested for the BatchGetItem call');
    }
  }
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const requestItems = request.RequestItems as Record<string, KeysAndAttributes>;
  const tables = Object.keys(requestItems).map((name) => {
    const table = db.table(name);
    for (const key of requestItems[name]!.Keys) validateKey(key, tableKey(table));
    return table;
  });
  const responses: Record<string, Item[]> = {};
  const unprocessed: Record<string, Record<string, unknown>> = {};
  const tallies = new Map<string, CapacityTally>();
  let bytes = 0;
  for (const table of tables) {
    const name = table.definition.name;
    const tableRequest = requestItems[name]!;
    const consistency = readConsistency(tableRequest.ConsistentRead);
    const { projection } = compiledExpressions(tableRequest);
    const tally = new CapacityTally();
    const items: Item[] = [];
    for (const key of tableRequest.Keys) {
      const entry = table.get(key);
      if (entry && bytes + entry.size > BATCH_GET_RESPONSE_BYTES) {
        const rest = unprocessed[name] ?? { ...withoutKeys(tableRequest), Keys: [] };
        unprocessed[name] = rest;
        (rest.Keys as Item[]).push(key);
        continue;
      }
      tally.table += readUnitsForSize(entry?.size ?? 0, consistency);
      if (entry) {
        bytes += entry.size;
        items.push(projectItem(projection, entry.item));
      }
    }
    responses[name] = items;
    tallies.set(name, tally);
  }
  const response: Record<string, unknown> = { Responses: responses, UnprocessedKeys: unprocessed };
  for (const [name, tally] of tallies) db.meter(name, 'read', tally.total);
  const consumed = shapeConsumedCapacities(tallies, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'read');
  if (consumed) response.ConsumedCapacity = consumed;
  return response;
}

function withoutKeys(tableRequest: KeysAndAttributes): Record<string, unknown> {
  const { Keys: _keys, ...rest } = tableRequest;
  return rest;
}

export const batchGetItem: Operation = { shape, validate, run };
