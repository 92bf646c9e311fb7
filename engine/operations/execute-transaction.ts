/**
 * ExecuteTransaction: up to 100 PartiQL statements run all or nothing, as TransactGetItems (all
 * SELECTs, each one item by its full key) or TransactWriteItems (INSERT, UPDATE, DELETE), so
 * that their capacity (twice a standard read or write), idempotency and cancellation reasons are
 * those of the transaction APIs. An INSERT that finds its key cancels with DuplicateItem.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html
 */
import type { Database } from '../database.ts';
import { TransactionCanceledException, ValidationException } from '../errors.ts';
import { parseStatement, translateExists, translateKeyRead, translateStatement, type Statement } from '../partiql/index.ts';
import type { AttributeValue } from '../values/attribute-value.ts';
import { checkConstraints } from './constraints.ts';
import { DUPLICATE_ITEM_MESSAGE, keySchemaLookup, PARAMETERS_FIELD, STATEMENT_FIELD } from './execute-statement.ts';
import { RETURN_CONSUMED_CAPACITY_FIELD, RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD, type Operation } from './operation.ts';
import { checkShape, type ShapeSpec } from './shape.ts';
import { transactGetItems } from './transact-get-items.ts';
import { TRANSACTION_MAX_ITEMS, transactWriteItems } from './transact-write-items.ts';

export const EXECUTE_TRANSACTION_MESSAGES = {
  mixed: 'ExecuteTransaction API does not support both read and write operations in the same request.',
  // dynamodb-local's texts (TransactionProcessor); AWS does not document them.
  returning: 'RETURNING clause is not supported in ExecuteTransaction.',
  keyRead: 'Select statements within ExecuteTransaction must specify the primary key in the where clause.',
} as const;

const shape: ShapeSpec = {
  TransactStatements: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: TRANSACTION_MAX_ITEMS,
    children: {
      type: 'ValueStruct<ParameterizedStatement>',
      children: {
        Statement: STATEMENT_FIELD,
        Parameters: PARAMETERS_FIELD,
        ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
      },
    },
  },
  ClientRequestToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 36 },
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
};

/** AWS prefixes a statement's own validation error with its place in the list. */
function inStatement<T>(index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ValidationException) {
      throw new ValidationException(`Validation failed in TransactStatements[${index}]: ${error.message}`, {}, { cause: error });
    }
    throw error;
  }
}

function runOperation(db: Database, operation: Operation, input: Record<string, unknown>): Record<string, unknown> {
  const request = checkShape(input, operation.shape);
  checkConstraints(request, operation.shape);
  operation.validate?.(request);
  return operation.run(db, request) as Record<string, unknown>;
}

/** Members TransactWriteItems' Put, Update and Delete accept. */
const TRANSACT_MEMBERS = [
  'TableName',
  'Item',
  'Key',
  'UpdateExpression',
  'ConditionExpression',
  'ExpressionAttributeNames',
  'ExpressionAttributeValues',
  'ReturnValuesOnConditionCheckFailure',
];

function run(db: Database, request: Record<string, unknown>): unknown {
  const members = request.TransactStatements as Record<string, unknown>[];
  const statements: Statement[] = members.map((m, i) => inStatement(i, () => parseStatement(m.Statement as string)));
  const reads = statements.filter((s) => s.kind === 'Select').length;
  if (reads > 0 && reads < statements.length) throw new ValidationException(EXECUTE_TRANSACTION_MESSAGES.mixed);
  if (statements.some((s) => (s.kind === 'Update' || s.kind === 'Delete') && s.returning !== undefined)) {
    throw new ValidationException(EXECUTE_TRANSACTION_MESSAGES.returning);
  }
  const keysOf = keySchemaLookup(db);
  const optionsOf = (i: number) => ({
    parameters: (members[i]!.Parameters as AttributeValue[] | undefined) ?? [],
    returnValuesOnConditionCheckFailure: members[i]!.ReturnValuesOnConditionCheckFailure as string | undefined,
  });
  const returnConsumedCapacity = request.ReturnConsumedCapacity;
  if (reads > 0) {
    const gets = statements.map((s, i) =>
      inStatement(i, () => {
        const { request: get } = translateKeyRead(s, keysOf, optionsOf(i), EXECUTE_TRANSACTION_MESSAGES.keyRead);
        return { Get: get };
      }),
    );
    const result = runOperation(db, transactGetItems, {
      TransactItems: gets,
      ...(returnConsumedCapacity !== undefined && { ReturnConsumedCapacity: returnConsumedCapacity }),
    });
    return { Responses: result.Responses, ...(result.ConsumedCapacity !== undefined && { ConsumedCapacity: result.ConsumedCapacity }) };
  }
  const writes = statements.map((s, i) =>
    inStatement(i, () => {
      const translation = s.kind === 'Exists' ? translateExists(s, keysOf, optionsOf(i)) : translateStatement(s, keysOf, optionsOf(i));
      const action: Record<string, unknown> = {};
      for (const member of TRANSACT_MEMBERS) if (translation.request[member] !== undefined) action[member] = translation.request[member];
      const kinds = { PutItem: 'Put', UpdateItem: 'Update', DeleteItem: 'Delete', ConditionCheck: 'ConditionCheck' } as const;
      const kind = kinds[translation.action as keyof typeof kinds];
      return { [kind]: action };
    }),
  );
  try {
    const result = runOperation(db, transactWriteItems, {
      TransactItems: writes,
      ...(request.ClientRequestToken !== undefined && { ClientRequestToken: request.ClientRequestToken }),
      ...(returnConsumedCapacity !== undefined && { ReturnConsumedCapacity: returnConsumedCapacity }),
    });
    return { ...(result.ConsumedCapacity !== undefined && { ConsumedCapacity: result.ConsumedCapacity }) };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    // The INSERT's condition is ours (no item has the key); AWS reports its failure as DuplicateItem.
    const reasons = (error.extra.CancellationReasons as Record<string, unknown>[]).map((reason, i) =>
      statements[i]!.kind === 'Insert' && reason.Code === 'ConditionalCheckFailed' ? { Code: 'DuplicateItem', Message: DUPLICATE_ITEM_MESSAGE } : reason,
    );
    throw new TransactionCanceledException(
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
      { CancellationReasons: reasons },
      { cause: error },
    );
  }
}

export const executeTransaction: Operation = { shape, run };
