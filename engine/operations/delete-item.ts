/**
 * DeleteItem: remove an item by key, optionally only when a condition holds. Deleting a missing
 * item succeeds and still costs one write unit.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
 */
import type { Database } from '../database.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateKey } from '../values/validate.ts';
import { chargeWrite, tableKey } from './common.ts';
import type { Operation } from './operation.ts';
import { readUnderCondition, singleWriteResponse, singleWriteShape, validateWholeItemWrite } from './write-request.ts';

const shape = singleWriteShape('Key');

export function validateDeleteItem(request: Record<string, unknown>): void {
  validateWholeItemWrite(request, 'Key');
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
  const existing = readUnderCondition(db, table, request, key, transactional);
  const result = existing ? table.delete(key) : { old: undefined, indexChanges: [] };
  return { old: result.old?.item, tally: chargeWrite(result.old?.size ?? 0, 0, result.indexChanges, transactional) };
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const { old, tally } = deleteItemFrom(db, request);
  const attributes = request.ReturnValues === 'ALL_OLD' ? old : undefined;
  return singleWriteResponse(db, request, tally, attributes, request.Key as Item);
}

export const deleteItem: Operation = { shape, validate: validateDeleteItem, run };
