/**
 * ExecuteStatement: one PartiQL statement, run as the API request it translates into
 * (engine/partiql/translate.ts), so that its capacity, index upkeep, stream records and errors
 * are those of Query, Scan, PutItem, UpdateItem or DeleteItem.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html
 */
import type { Database } from '../database.ts';
import { ConditionalCheckFailedException, DuplicateItemException, ValidationException } from '../errors.ts';
import { MAX_STATEMENT_LENGTH, parseStatement, translateStatement, type KeySchemaLookup, type Statement, type Translation } from '../partiql/index.ts';
import { hashPartitionKey } from '../storage/key-encoding.ts';
import type { AttributeValue, Item } from '../values/attribute-value.ts';
import { checkConstraints } from './constraints.ts';
import { deleteItem } from './delete-item.ts';
import { getItem } from './get-item.ts';
import { RETURN_CONSUMED_CAPACITY_FIELD, RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD, type Operation } from './operation.ts';
import { putItem } from './put-item.ts';
import { query } from './query.ts';
import { scan } from './scan.ts';
import { checkShape, type FieldSpec, type ShapeSpec } from './shape.ts';
import { updateItem } from './update-item.ts';

/** DuplicateItemException's text for an INSERT of a key that has an item. */
export const DUPLICATE_ITEM_MESSAGE = 'Duplicate primary key exists in table';

export const STATEMENT_FIELD: FieldSpec = { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: MAX_STATEMENT_LENGTH };
export const PARAMETERS_FIELD: FieldSpec = { type: 'List', lengthGreaterThanOrEqual: 1, children: 'AttributeValue' };

const shape: ShapeSpec = {
  Statement: STATEMENT_FIELD,
  Parameters: PARAMETERS_FIELD,
  ConsistentRead: 'Boolean',
  NextToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 32768 },
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  Limit: { type: 'Integer', greaterThanOrEqual: 1 },
  ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
};

const OPERATIONS_BY_ACTION: Readonly<Record<Exclude<Translation['action'], 'ConditionCheck'> | 'GetItem', Operation>> = {
  Query: query,
  Scan: scan,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  GetItem: getItem,
};

/** Runs one translated request through its operation's two validation phases and the action. */
export function runTranslated(db: Database, action: keyof typeof OPERATIONS_BY_ACTION, input: Record<string, unknown>): Record<string, unknown> {
  const operation = OPERATIONS_BY_ACTION[action];
  const request = checkShape(input, operation.shape);
  checkConstraints(request, operation.shape);
  operation.validate?.(request);
  return operation.run(db, request) as Record<string, unknown>;
}

/** The key schema of a table or one of its indexes, with the operations' errors for a missing one. */
export function keySchemaLookup(db: Database): KeySchemaLookup {
  return (tableName, indexName) => {
    const table = db.table(tableName);
    if (indexName === undefined) return table.keySchema;
    const index = table.index(indexName);
    if (!index) throw new ValidationException(`The table does not have the specified index: ${indexName}`);
    return index.definition.key;
  };
}

const PARSED = Symbol('parsed statement');

/** The statement parsed during validation. */
export function parsedStatement(request: Record<string, unknown>): Statement {
  return (request as Record<symbol, Statement>)[PARSED]!;
}

function validate(request: Record<string, unknown>): void {
  (request as Record<symbol, Statement>)[PARSED] = parseStatement(request.Statement as string);
}

/**
 * NextToken: the page's LastEvaluatedKey, tied to the statement and parameters it came from.
 * AWS's token is opaque and its text for a foreign token is not documented; the message below is ours.
 */
function fingerprint(request: Record<string, unknown>): string {
  return hashPartitionKey(JSON.stringify([request.Statement, request.Parameters ?? []])).toString(36);
}

/** Where the next page starts: which of the statement's Queries, and after which key. */
interface PagePosition {
  readonly index: number;
  readonly key?: Item;
}

function encodeNextToken(request: Record<string, unknown>, position: PagePosition): string {
  return Buffer.from(JSON.stringify({ s: fingerprint(request), i: position.index, k: position.key })).toString('base64');
}

function decodeNextToken(request: Record<string, unknown>): PagePosition {
  const token = request.NextToken as string | undefined;
  if (token === undefined) return { index: 0 };
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { s?: unknown; i?: unknown; k?: unknown };
    if (decoded.s === fingerprint(request) && Number.isInteger(decoded.i) && (decoded.k === undefined || (decoded.k && typeof decoded.k === 'object'))) {
      return { index: decoded.i as number, ...(decoded.k !== undefined && { key: decoded.k as Item }) };
    }
  } catch {
    // Falls through to the refusal.
  }
  throw new ValidationException('Invalid NextToken');
}

/** Adds the units of one ConsumedCapacity entry (or a list of them) into the per-table totals. */
export function addCapacity(totals: Map<string, Record<string, unknown>>, consumed: unknown): void {
  for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    const e = entry as Record<string, unknown>;
    const name = e.TableName as string;
    totals.set(name, sumCapacity(totals.get(name), e));
  }
}

function sumCapacity(a: Record<string, unknown> | undefined, b: Record<string, unknown>): Record<string, unknown> {
  if (!a) return b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prior = out[k];
    if (typeof v === 'number') out[k] = (typeof prior === 'number' ? prior : 0) + v;
    else if (v && typeof v === 'object') out[k] = sumCapacity(prior as Record<string, unknown> | undefined, v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

/**
 * Runs a SELECT's Query or Scan, or its Queries one partition-key value after another, a page at
 * a time: Limit counts the items read across them, and NextToken says where to go on.
 */
function readPage(db: Database, request: Record<string, unknown>, translation: Translation): Record<string, unknown> {
  const requests = translation.requests ?? [translation.request];
  const start = decodeNextToken(request);
  let remaining = request.Limit as number | undefined;
  const items: unknown[] = [];
  const totals = new Map<string, Record<string, unknown>>();
  let next: PagePosition | undefined;
  let lastKey: Item | undefined;
  for (let i = start.index; i < requests.length; i++) {
    const page = runTranslated(db, translation.action as 'Query' | 'Scan', {
      ...requests[i],
      ...(i === start.index && start.key && { ExclusiveStartKey: start.key }),
      ...(remaining !== undefined && { Limit: remaining }),
    });
    items.push(...(page.Items as unknown[]));
    addCapacity(totals, page.ConsumedCapacity);
    lastKey = page.LastEvaluatedKey as Item | undefined;
    if (lastKey) {
      next = { index: i, key: lastKey };
      break;
    }
    if (remaining !== undefined) {
      remaining -= page.ScannedCount as number;
      if (remaining <= 0) {
        if (i + 1 < requests.length) next = { index: i + 1 };
        break;
      }
    }
  }
  const consumed = [...totals.values()][0];
  return {
    Items: items,
    ...(next && { NextToken: encodeNextToken(request, next) }),
    ...(lastKey && { LastEvaluatedKey: lastKey }),
    ...(consumed !== undefined && { ConsumedCapacity: consumed }),
  };
}

/** Runs a translated write; an INSERT that finds an item answers DuplicateItemException. */
export function runWrite(db: Database, translation: Translation): Record<string, unknown> {
  try {
    if (translation.action === 'ConditionCheck') throw new Error('a ConditionCheck runs only in a transaction');
    return runTranslated(db, translation.action, translation.request);
  } catch (error) {
    if (translation.action === 'PutItem' && error instanceof ConditionalCheckFailedException) {
      throw new DuplicateItemException(DUPLICATE_ITEM_MESSAGE, {}, { cause: error });
    }
    throw error;
  }
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const statement = parsedStatement(request);
  const translation = translateStatement(statement, keySchemaLookup(db), {
    parameters: (request.Parameters as AttributeValue[] | undefined) ?? [],
    consistentRead: request.ConsistentRead as boolean | undefined,
    returnConsumedCapacity: request.ReturnConsumedCapacity as string | undefined,
    returnValuesOnConditionCheckFailure: request.ReturnValuesOnConditionCheckFailure as string | undefined,
  });
  if (translation.action === 'Query' || translation.action === 'Scan') return readPage(db, request, translation);
  const written = runWrite(db, translation);
  return {
    Items: written.Attributes ? [written.Attributes] : [],
    ...(written.ConsumedCapacity !== undefined && { ConsumedCapacity: written.ConsumedCapacity }),
  };
}

export const executeStatement: Operation = { shape, validate, run };
