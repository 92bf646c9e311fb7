/**
 * TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck actions, all applied or
 * none. The actions are applied in order, each item's previous state kept; if any action fails,
 * those states are put back (the items are distinct, so order does not matter otherwise). Each item costs twice a standard write, and a
 * ClientRequestToken makes a retry within 10 minutes of engine time return the first answer.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
import { CapacityTally, shapeConsumedCapacities, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { writeUnitsForSize } from '../capacity/units.ts';
import type { Database } from '../database.ts';
import { ConditionalCheckFailedException, IdempotentParameterMismatchException, TransactionCanceledException, ValidationException } from '../errors.ts';
import type { Entry } from '../storage/collection.ts';
import type { Table } from '../storage/table.ts';
import { newAttributeMap, type Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import { MAX_ITEM_SIZE, VALUE_MESSAGES, validateItem, validateItemKey, validateKey } from '../values/validate.ts';
import { keyIdentity } from './batch-get-item.ts';
import { checkExpressionParameters, conditionFailed, tableKey } from './common.ts';
import { deleteItemFrom, validateDeleteItem } from './delete-item.ts';
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
import { putItemInto } from './put-item.ts';
import { validateWholeItemWrite } from './write-request.ts';
import type { FieldSpec, ShapeSpec } from './shape.ts';
import { updateItemIn, validateUpdateItem } from './update-item.ts';

export const TRANSACTION_MAX_ITEMS = 100;
export const TRANSACTION_MAX_BYTES = 4 * 1024 * 1024;
/** How long a ClientRequestToken is remembered, in milliseconds of engine time. */
export const IDEMPOTENCY_WINDOW_MS = 10 * 60 * 1000;

const COMMON = {
  TableName: TABLE_NAME_FIELD,
  ConditionExpression: 'String',
  ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
  ExpressionAttributeValues: EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
} as const;

const ACTION: FieldSpec = {
  type: 'ValueStruct<TransactWriteItem>',
  children: {
    ConditionCheck: {
      type: 'FieldStruct<ConditionCheck>',
      children: { ...COMMON, Key: { type: 'Item', notNull: true }, ConditionExpression: { type: 'String', notNull: true } },
    },
    Put: { type: 'FieldStruct<Put>', children: { ...COMMON, Item: { type: 'Item', notNull: true } } },
    Delete: { type: 'FieldStruct<Delete>', children: { ...COMMON, Key: { type: 'Item', notNull: true } } },
    Update: {
      type: 'FieldStruct<Update>',
      children: { ...COMMON, Key: { type: 'Item', notNull: true }, UpdateExpression: { type: 'String', notNull: true } },
    },
  },
};

const shape: ShapeSpec = {
  TransactItems: { type: 'List', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: TRANSACTION_MAX_ITEMS, children: ACTION },
  ClientRequestToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 36 },
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS_FIELD,
};

type Kind = 'ConditionCheck' | 'Put' | 'Delete' | 'Update';
const KINDS: readonly Kind[] = ['ConditionCheck', 'Put', 'Delete', 'Update'];

interface Action {
  readonly kind: Kind;
  readonly request: Record<string, unknown>;
}

export function actionsOf(request: Record<string, unknown>): Action[] {
  return (request.TransactItems as Record<string, Record<string, unknown>>[]).map((element) => {
    const kinds = KINDS.filter((k) => element[k] !== undefined);
    if (kinds.length !== 1) throw new ValidationException('TransactItems can only contain one of Check, Put, Update or Delete');
    return { kind: kinds[0]!, request: element[kinds[0]!]! };
  });
}

/**
 * Put actions whose item is over 400 KB. Inside a transaction AWS answers these with a
 * TransactionCanceledException whose reason for that action is ValidationError ("if the item size
 * is larger than 400 KB ... a ValidationError occurs"), not with a ValidationException for the
 * whole request as PutItem does; so validation marks them and the run cancels on them.
 * https://repost.aws/knowledge-center/dynamodb-transactwriteitems
 */
const oversizedPuts = new WeakSet<object>();

function validate(request: Record<string, unknown>): void {
  let bytes = 0;
  for (const { kind, request: action } of actionsOf(request)) {
    switch (kind) {
      case 'Put': {
        validateWholeItemWrite(action, 'Item');
        const size = itemSize(action.Item as Item);
        if (size > MAX_ITEM_SIZE) oversizedPuts.add(action);
        bytes += size;
        break;
      }
      case 'Delete':
        validateDeleteItem(action);
        break;
      case 'Update':
        validateUpdateItem(action);
        break;
      case 'ConditionCheck':
        checkExpressionParameters(action, ['ConditionExpression'], []);
        action.Key = validateItem(action.Key as Item);
        compileRequestExpressions(action, ['ConditionExpression']);
        break;
    }
  }
  if (bytes > TRANSACTION_MAX_BYTES) throw new ValidationException('Transaction size has exceeded the maximum allowed size');
}

function targetKey(table: Table, kind: Kind, action: Record<string, unknown>): Item {
  const source = (kind === 'Put' ? action.Item : action.Key) as Item;
  const key = newAttributeMap();
  for (const k of tableKey(table)) if (source[k.name] !== undefined) key[k.name] = source[k.name]!;
  return key;
}

/** A stable text of the request, to tell a retry from a different request with the same token. */
function fingerprint(request: Record<string, unknown>): string {
  const { ClientRequestToken: _token, ...rest } = request;
  return JSON.stringify(rest);
}

/** Puts every item touched back as it was, newest first; returns `error` for rethrowing. */
function rollBack(undo: readonly { table: Table; key: Item; before: Entry | undefined }[], error?: unknown): unknown {
  for (let i = undo.length - 1; i >= 0; i--) {
    const { table, key, before } = undo[i]!;
    if (before) table.put(before.item, before.size);
    else table.delete(key);
  }
  return error;
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const token = request.ClientRequestToken as string | undefined;
  if (token !== undefined) {
    for (const [t, record] of db.idempotency) if (db.now() - record.at > IDEMPOTENCY_WINDOW_MS) db.idempotency.delete(t);
    const previous = db.idempotency.get(token);
    if (previous) {
      if (previous.fingerprint !== fingerprint(request)) {
        throw new IdempotentParameterMismatchException('The request uses the same client token as a previous, but non-identical request.');
      }
      return previous.response;
    }
  }
  const actions = actionsOf(request);
  const seen = new Set<string>();
  for (const { kind, request: action } of actions) {
    const table = db.table(action.TableName as string);
    if (kind === 'Put') validateItemKey(action.Item as Item, tableKey(table));
    else validateKey(action.Key as Item, tableKey(table));
    const identity = `${table.definition.name}\u0000${keyIdentity(targetKey(table, kind, action))}`;
    if (seen.has(identity)) throw new ValidationException('Transaction request cannot include multiple operations on one item');
    seen.add(identity);
  }

  const tallies = new Map<string, CapacityTally>();
  const reasons: Record<string, unknown>[] = [];
  const undo: { table: Table; key: Item; before: Entry | undefined }[] = [];
  let cancelled = false;
  for (const { kind, request: action } of actions) {
    const name = action.TableName as string;
    const table = db.table(name);
    const tally = tallies.get(name) ?? new CapacityTally();
    tallies.set(name, tally);
    const key = targetKey(table, kind, action);
    try {
      if (kind === 'ConditionCheck') {
        const existing = table.get(key);
        tally.table += writeUnitsForSize(existing?.size ?? 0, true);
        if (!conditionHolds(compiledExpressions(action).condition, existing?.item)) {
          throw conditionFailed(action.ReturnValuesOnConditionCheckFailure, existing?.item);
        }
      } else {
        if (kind === 'Put' && oversizedPuts.has(action)) throw new ValidationException(VALUE_MESSAGES.itemSize);
        const before = table.get(key);
        if (kind === 'Put') tally.merge(putItemInto(db, action, true).tally);
        else if (kind === 'Delete') tally.merge(deleteItemFrom(db, action, true).tally);
        else tally.merge(updateItemIn(db, action, true).tally);
        undo.push({ table, key, before });
      }
      reasons.push({ Code: 'None' });
    } catch (error) {
      cancelled = true;
      if (error instanceof ConditionalCheckFailedException) {
        reasons.push({ Code: 'ConditionalCheckFailed', Message: error.message, ...error.extra });
      } else if (error instanceof ValidationException) {
        reasons.push({ Code: 'ValidationError', Message: error.message });
      } else throw rollBack(undo, error);
    }
  }
  if (cancelled) {
    rollBack(undo);
    throw new TransactionCanceledException(
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
      { CancellationReasons: reasons },
    );
  }
  const response: Record<string, unknown> = {};
  for (const [name, tally] of tallies) db.meter(name, 'write', tally.total);
  const consumed = shapeConsumedCapacities(tallies, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'write');
  if (consumed) response.ConsumedCapacity = consumed;
  if (request.ReturnItemCollectionMetrics === 'SIZE') response.ItemCollectionMetrics = {};
  if (token !== undefined) db.idempotency.set(token, { fingerprint: fingerprint(request), at: db.now(), response });
  return response;
}

export const transactWriteItems: Operation = { shape, validate, run };
