/**
 * PutItem: create or replace an item, optionally only when a condition holds.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
 */
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import { MAX_ITEM_SIZE, validateItemKey, VALUE_MESSAGES } from '../values/validate.ts';
import { checkIndexKeyTypes, chargeWrite, tableKey } from './common.ts';
import type { Operation } from './operation.ts';
import { checkRoomToWrite, readUnderCondition, singleWriteResponse, singleWriteShape, validateWholeItemWrite } from './write-request.ts';

const shape = singleWriteShape('Item');

/** The item's size, worked out during validation and kept on the request so that the write does not walk the item again. */
const ITEM_SIZE = Symbol('item size');

export function validatePutItem(request: Record<string, unknown>): void {
  validateWholeItemWrite(request, 'Item', (item) => {
    const size = itemSize(item);
    if (size > MAX_ITEM_SIZE) throw new ValidationException(VALUE_MESSAGES.itemSize);
    (request as Record<symbol, unknown>)[ITEM_SIZE] = size;
  });
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
  const size = ((request as Record<symbol, unknown>)[ITEM_SIZE] as number | undefined) ?? itemSize(item);
  const existing = readUnderCondition(db, table, request, item, transactional, size);
  checkRoomToWrite(db, table, item, size - (existing?.size ?? 0));
  const result = table.put(item, size);
  return { old: result.old?.item, tally: chargeWrite(result.old?.size ?? 0, size, result.indexChanges, transactional) };
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const { old, tally } = putItemInto(db, request);
  const attributes = request.ReturnValues === 'ALL_OLD' ? old : undefined;
  return singleWriteResponse(db, request, tally, attributes, request.Item as Item);
}

export const putItem: Operation = { shape, validate: validatePutItem, run };
