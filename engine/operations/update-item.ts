/**
 * UpdateItem: edit an item's attributes with an UpdateExpression, creating the item when it is
 * missing, optionally only when a condition holds.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
 */
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import { checkUpdateSparesKey } from '../expressions/index.ts';
import type { Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import { MAX_ITEM_SIZE, validateItem, validateKey } from '../values/validate.ts';
import { checkExpressionParameters, checkIndexKeyTypes, chargeWrite, tableKey } from './common.ts';
import { compiledExpressions, compileRequestExpressions, updateItemWith } from './expression-support.ts';
import type { Operation } from './operation.ts';
import { checkRoomToWrite, readUnderCondition, singleWriteResponse, singleWriteShape } from './write-request.ts';

const shape = singleWriteShape('Key', {
  AttributeUpdates: {
    type: 'Map<AttributeValueUpdate>',
    children: {
      type: 'ValueStruct<AttributeValueUpdate>',
      children: { Action: { type: 'String', enum: ['ADD', 'PUT', 'DELETE'] }, Value: 'AttributeValue' },
    },
  },
  UpdateExpression: 'String',
});

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
  const { update } = compiledExpressions(request);
  if (update)
    checkUpdateSparesKey(
      update,
      keySchema.map((k) => k.name),
    );
  const existing = readUnderCondition(db, table, request, key, transactional);
  // Without an UpdateExpression, UpdateItem still creates the item from its key.
  const result = update ? updateItemWith(update, existing?.item, key) : { item: existing?.item ?? key, updatedOld: {}, updatedNew: {} };
  const item = result.item;
  const size = itemSize(item);
  if (size > MAX_ITEM_SIZE) throw new ValidationException('Item size to update has exceeded the maximum allowed size');
  checkIndexKeyTypes(table, item);
  checkRoomToWrite(db, table, key, size - (existing?.size ?? 0));
  const written = table.put(item, size);
  return {
    old: existing?.item,
    item,
    updatedOld: result.updatedOld,
    updatedNew: result.updatedNew,
    tally: chargeWrite(existing?.size ?? 0, size, written.indexChanges, transactional),
  };
}

/** The attributes ReturnValues asks for, if there are any. */
function returnedAttributes(returnValues: unknown, result: ReturnType<typeof updateItemIn>): Item | undefined {
  switch (returnValues) {
    case 'ALL_OLD':
      return result.old;
    case 'UPDATED_OLD':
      return result.old && Object.keys(result.updatedOld).length ? result.updatedOld : undefined;
    case 'ALL_NEW':
      return result.item;
    case 'UPDATED_NEW':
      return Object.keys(result.updatedNew).length ? result.updatedNew : undefined;
    default:
      return undefined;
  }
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const result = updateItemIn(db, request);
  return singleWriteResponse(db, request, result.tally, returnedAttributes(request.ReturnValues, result), request.Key as Item);
}

export const updateItem: Operation = { shape, validate: validateUpdateItem, run };
