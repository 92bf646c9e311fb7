/**
 * Request validation keeps per-spec tables (constraint lists, parsed type names) and skips the
 * expression compiler when a request carries no expression; PutItem keeps the item's size from
 * validation for the write. These tests pin what those shortcuts must not change.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { expectFailure, newDatabase, SIMPLE } from './helpers.ts';

let db: Database;
beforeEach(() => {
  db = newDatabase();
  db.execute('CreateTable', { ...SIMPLE, BillingMode: 'PAY_PER_REQUEST', ProvisionedThroughput: undefined });
});

describe('validation fast paths', () => {
  it('gives the same constraint message on every request, not only the first that builds the tables', () => {
    const request = { TableName: 'u', Key: { id: { S: 'a' } }, ReturnConsumedCapacity: 'SOME' };
    // In the spec's member order, as before the tables existed (checked against the engine of the previous commit).
    const message =
      "2 validation errors detected: Value 'SOME' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; " +
      "Value 'u' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3";
    for (let i = 0; i < 3; i++) expectFailure(() => db.execute('GetItem', request), 'ValidationException', message);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    [
      'ExpressionAttributeNames without an expression',
      'GetItem',
      { TableName: 'users', Key: { id: { S: 'a' } }, ExpressionAttributeNames: { '#a': 'a' } },
      'ExpressionAttributeNames can only be specified when using expressions',
    ],
    [
      'ExpressionAttributeValues without an expression',
      'PutItem',
      { TableName: 'users', Item: { id: { S: 'a' } }, ExpressionAttributeValues: { ':a': { S: 'a' } } },
      'ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null',
    ],
    [
      'an empty legacy Expected beside a condition',
      'PutItem',
      { TableName: 'users', Item: { id: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(id)', Expected: {} },
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}',
    ],
  ])('still refuses %s', (_, action, request, message) => {
    expectFailure(() => db.execute(action, request), 'ValidationException', message);
  });

  it('charges a put by the size validation measured, as a transaction measuring it again does', () => {
    const item = { id: { S: 'a' }, body: { S: 'x'.repeat(1500) } };
    const put = db.execute('PutItem', { TableName: 'users', Item: item, ReturnConsumedCapacity: 'TOTAL' }) as { ConsumedCapacity: unknown };
    const transact = db.execute('TransactWriteItems', {
      TransactItems: [{ Put: { TableName: 'users', Item: { ...item, id: { S: 'b' } } } }],
      ReturnConsumedCapacity: 'TOTAL',
    }) as { ConsumedCapacity: { CapacityUnits: number }[] };
    expect(put.ConsumedCapacity).toEqual({ TableName: 'users', CapacityUnits: 2, WriteCapacityUnits: 2 });
    expect(transact.ConsumedCapacity[0]!.CapacityUnits).toBe(4);
    expect(db.execute('GetItem', { TableName: 'users', Key: { id: { S: 'a' } } })).toEqual({ Item: item });
  });
});
