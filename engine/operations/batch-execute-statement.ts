/**
 * BatchExecuteStatement: up to 25 PartiQL statements, all reads (each one item by its full key)
 * or all writes, each run on its own. A statement that fails gets an Error (Code and Message) in
 * its place in Responses; the batch itself succeeds. Texts for a mixed batch and an empty
 * statement are dynamodb-local's (BatchExecuteStatementFunction), AWS's own not being documented.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html
 */
import type { Database } from '../database.ts';
import { DynamoDBError, ValidationException } from '../errors.ts';
import { parseStatement, translateKeyRead, translateStatement, type Statement } from '../partiql/index.ts';
import type { AttributeValue } from '../values/attribute-value.ts';
import { addCapacity, keySchemaLookup, PARAMETERS_FIELD, runTranslated, runWrite, STATEMENT_FIELD } from './execute-statement.ts';
import { RETURN_CONSUMED_CAPACITY_FIELD, RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD, type Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

export const BATCH_STATEMENT_MESSAGES = {
  mixed: 'Read and write requests together in the same batch is not supported.',
  // Not confirmed against AWS: dynamodb-local's text for a read that is not one item by key.
  singleItemSelect: 'Only single item select is supported',
} as const;

const shape: ShapeSpec = {
  Statements: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 25,
    children: {
      type: 'ValueStruct<BatchStatementRequest>',
      children: {
        Statement: STATEMENT_FIELD,
        Parameters: PARAMETERS_FIELD,
        ConsistentRead: 'Boolean',
        ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD,
      },
    },
  },
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
};

/** The Code a statement's error carries: AWS's exception name without "Exception", ValidationError for validation. */
export function errorCode(error: DynamoDBError): string {
  if (error.name === 'ValidationException') return 'ValidationError';
  return error.name.replace(/Exception$/, '');
}

type Parsed = { statement: Statement } | { error: DynamoDBError };

function run(db: Database, request: Record<string, unknown>): unknown {
  const members = request.Statements as Record<string, unknown>[];
  const parsed: Parsed[] = members.map((member) => {
    try {
      return { statement: parseStatement(member.Statement as string) };
    } catch (error) {
      if (error instanceof DynamoDBError) return { error };
      throw error;
    }
  });
  // An EXISTS fails on its own (below) and counts as neither a read nor a write.
  const kinds = parsed.flatMap((p) => ('statement' in p && p.statement.kind !== 'Exists' ? [p.statement.kind === 'Select'] : []));
  if (kinds.some((read) => read) && kinds.some((read) => !read)) throw new ValidationException(BATCH_STATEMENT_MESSAGES.mixed);
  const keysOf = keySchemaLookup(db);
  const returnConsumedCapacity = request.ReturnConsumedCapacity as string | undefined;
  const totals = new Map<string, Record<string, unknown>>();
  const responses = parsed.map((p, i) => {
    const member = members[i]!;
    let tableName: string | undefined;
    try {
      if ('error' in p) throw p.error;
      const statement = p.statement;
      tableName = statement.kind === 'Select' ? statement.from.table : statement.kind === 'Exists' ? undefined : statement.table;
      const options = {
        parameters: (member.Parameters as AttributeValue[] | undefined) ?? [],
        consistentRead: member.ConsistentRead as boolean | undefined,
        returnConsumedCapacity,
        returnValuesOnConditionCheckFailure: member.ReturnValuesOnConditionCheckFailure as string | undefined,
      };
      if (statement.kind === 'Select') {
        const read = translateKeyRead(statement, keysOf, options, BATCH_STATEMENT_MESSAGES.singleItemSelect);
        const got = runTranslated(db, 'GetItem', read.request);
        addCapacity(totals, got.ConsumedCapacity);
        return { TableName: tableName, ...(got.Item !== undefined && { Item: got.Item }) };
      }
      const written = runWrite(db, translateStatement(statement, keysOf, options));
      addCapacity(totals, written.ConsumedCapacity);
      return { TableName: tableName };
    } catch (error) {
      if (!(error instanceof DynamoDBError)) throw error;
      const item = (error.extra as { Item?: unknown }).Item;
      return {
        Error: { Code: errorCode(error), Message: error.message, ...(item !== undefined && { Item: item }) },
        ...(tableName !== undefined && { TableName: tableName }),
      };
    }
  });
  return { Responses: responses, ...(totals.size && { ConsumedCapacity: [...totals.values()] }) };
}

export const batchExecuteStatement: Operation = { shape, run };
