import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { COMPOSITE, expectFailure, newDatabase, SIMPLE } from './helpers.ts';

let db: Database;
beforeEach(() => {
  db = newDatabase();
  db.execute('CreateTable', COMPOSITE);
  db.execute('CreateTable', SIMPLE);
});

const key = (sk: number) => ({ pk: { S: 'a' }, sk: { N: String(sk) } });

describe('PutItem', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a missing partition key', { sk: { N: '1' } }, 'One or more parameter values were invalid: Missing the key pk in the item'],
    [
      'a wrongly typed sort key',
      { pk: { S: 'a' }, sk: { S: '1' } },
      'One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S',
    ],
    [
      'an empty string key',
      { pk: { S: '' }, sk: { N: '1' } },
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    ],
    ['an empty string set', { ...key(1), s: { SS: [] } }, 'One or more parameter values were invalid: An string set  may not be empty'],
    ['an item over 400 KB', { ...key(1), d: { S: 'x'.repeat(400 * 1024) } }, 'Item size has exceeded the maximum allowed size'],
  ])('refuses %s', (_case, item, message) => {
    expectFailure(() => db.execute('PutItem', { TableName: 'orders', Item: item }), 'ValidationException', message);
  });

  it.each([['ALL_NEW'], ['UPDATED_OLD'], ['UPDATED_NEW']])('refuses ReturnValues %s', (returnValues) => {
    expectFailure(
      () => db.execute('PutItem', { TableName: 'orders', Item: key(1), ReturnValues: returnValues }),
      'ValidationException',
      'ReturnValues can only be ALL_OLD or NONE',
    );
  });

  it('refuses a legacy Expected mixed with a ConditionExpression with AWS’s message', () => {
    expectFailure(
      () => db.execute('PutItem', { TableName: 'orders', Item: key(1), ConditionExpression: 'attribute_exists(pk)', Expected: { pk: { Exists: false } } }),
      'ValidationException',
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}',
    );
  });

  it('charges the larger of the old and new item, and a failed condition throws without writing', () => {
    db.execute('PutItem', { TableName: 'orders', Item: { ...key(1), d: { S: 'x'.repeat(3000) } } });
    const small = db.execute('PutItem', { TableName: 'orders', Item: key(1), ReturnConsumedCapacity: 'TOTAL', ReturnValues: 'ALL_OLD' }) as {
      ConsumedCapacity: { CapacityUnits: number };
      Attributes: Record<string, unknown>;
    };
    expect(small.ConsumedCapacity.CapacityUnits).toBe(3);
    expect(Object.keys(small.Attributes)).toEqual(['pk', 'sk', 'd']);
    const failure = expectFailure(
      () =>
        db.execute('PutItem', {
          TableName: 'orders',
          Item: { ...key(1), v: { N: '9' } },
          ConditionExpression: 'attribute_not_exists(sk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
    expect(failure.toJSON()).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      message: 'The conditional request failed',
      Item: key(1),
    });
    expect(db.execute('GetItem', { TableName: 'orders', Key: key(1) })).toEqual({ Item: key(1) });
  });
});

describe('GetItem', () => {
  // The item is pk (2 + 1 bytes) + sk (2 + 2) + d (1 + data): 8 bytes plus the data.
  it.each<[string, boolean | undefined, number | undefined, number]>([
    ['a missing item, eventually consistent', undefined, undefined, 0.5],
    ['a missing item, strongly consistent', true, undefined, 1],
    ['an item of exactly 4 KB, eventually', false, 4096 - 8, 0.5],
    ['an item of 4 KB + 1 byte, strongly', true, 4097 - 8, 2],
    ['a 10 KB item, eventually', false, 10 * 1024, 1.5],
  ])('charges %s', (_case, consistent, data, units) => {
    if (data !== undefined) db.execute('PutItem', { TableName: 'orders', Item: { ...key(7), d: { S: 'x'.repeat(data) } } });
    const result = db.execute('GetItem', { TableName: 'orders', Key: key(7), ConsistentRead: consistent, ReturnConsumedCapacity: 'TOTAL' }) as {
      ConsumedCapacity: unknown;
    };
    expect(result.ConsumedCapacity).toEqual({ TableName: 'orders', CapacityUnits: units, ReadCapacityUnits: units });
  });

  it('shows the table share with ReturnConsumedCapacity INDEXES', () => {
    const result = db.execute('GetItem', { TableName: 'users', Key: { id: { S: 'x' } }, ReturnConsumedCapacity: 'INDEXES' }) as { ConsumedCapacity: unknown };
    expect(result.ConsumedCapacity).toEqual({
      TableName: 'users',
      CapacityUnits: 0.5,
      ReadCapacityUnits: 0.5,
      Table: { CapacityUnits: 0.5, ReadCapacityUnits: 0.5 },
    });
  });

  it.each<[unknown, string, string]>([
    [{ TableName: 'orders', Key: { pk: { S: 'a' } } }, 'ValidationException', 'The provided key element does not match the schema'],
    [{ TableName: 'nothere', Key: key(1) }, 'ResourceNotFoundException', 'Requested resource not found'],
    [
      { TableName: 'orders', Key: key(1), AttributesToGet: ['a', 'a'] },
      'ValidationException',
      'One or more parameter values were invalid: Duplicate value in attribute name: a',
    ],
    [{ TableName: 'orders', Key: key(1), ConsistentRead: 'maybe' }, 'SerializationException', 'Unexpected token received from parser'],
    [
      { TableName: 'orders', Key: [] },
      'SerializationException',
      'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>',
    ],
  ])('refuses %j', (request, name, message) => {
    expectFailure(() => db.execute('GetItem', request), name, message);
  });
});

describe('UpdateItem', () => {
  it('creates a missing item from its key even without an UpdateExpression', () => {
    db.execute('UpdateItem', { TableName: 'orders', Key: key(3) });
    expect(db.execute('GetItem', { TableName: 'orders', Key: key(3) })).toEqual({ Item: key(3) });
  });

  it('charges the larger of the item before and after', () => {
    db.execute('PutItem', { TableName: 'orders', Item: { ...key(1), d: { S: 'x'.repeat(2500) } } });
    const result = db.execute('UpdateItem', {
      TableName: 'orders',
      Key: key(1),
      UpdateExpression: 'REMOVE d',
      ReturnConsumedCapacity: 'TOTAL',
      ReturnValues: 'UPDATED_OLD',
    }) as { ConsumedCapacity: { CapacityUnits: number }; Attributes: unknown };
    expect(result.ConsumedCapacity.CapacityUnits).toBe(3);
    expect(result.Attributes).toEqual({ d: { S: 'x'.repeat(2500) } });
  });

  it('evaluates the condition against the item before the update', () => {
    db.execute('PutItem', { TableName: 'orders', Item: { ...key(1), n: { N: '1' } } });
    const update = {
      TableName: 'orders',
      Key: key(1),
      UpdateExpression: 'SET n = n + :one',
      ConditionExpression: 'n = :one',
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'ALL_NEW',
    };
    expect(db.execute('UpdateItem', update)).toEqual({ Attributes: { ...key(1), n: { N: '2' } } });
    expectFailure(() => db.execute('UpdateItem', update), 'ConditionalCheckFailedException', 'The conditional request failed');
  });

  it('refuses an updated item over 400 KB', () => {
    expectFailure(
      () =>
        db.execute('UpdateItem', {
          TableName: 'orders',
          Key: key(1),
          UpdateExpression: 'SET d = :d',
          ExpressionAttributeValues: { ':d': { S: 'x'.repeat(400 * 1024) } },
        }),
      'ValidationException',
      'Item size to update has exceeded the maximum allowed size',
    );
  });
});

describe('DeleteItem', () => {
  it.each<[string, number, number]>([
    ['a missing item', 0, 1],
    ['a 2.5 KB item', 2500, 3],
  ])('charges %s', (_case, bytes, units) => {
    if (bytes) db.execute('PutItem', { TableName: 'orders', Item: { ...key(1), d: { S: 'x'.repeat(bytes) } } });
    const result = db.execute('DeleteItem', { TableName: 'orders', Key: key(1), ReturnConsumedCapacity: 'TOTAL' }) as {
      ConsumedCapacity: { CapacityUnits: number };
    };
    expect(result.ConsumedCapacity.CapacityUnits).toBe(units);
  });

  it('refuses ReturnValues ALL_NEW', () => {
    expectFailure(
      () => db.execute('DeleteItem', { TableName: 'orders', Key: key(1), ReturnValues: 'ALL_NEW' }),
      'ValidationException',
      'ReturnValues can only be ALL_OLD or NONE',
    );
  });
});

describe('Database.clone', () => {
  it('gives a copy whose writes and the original’s do not reach each other', () => {
    db.execute('PutItem', { TableName: 'orders', Item: { ...key(1), v: { S: 'original' } } });
    const copy = db.clone();
    copy.execute('PutItem', { TableName: 'orders', Item: { ...key(1), v: { S: 'copy' } } });
    copy.execute('PutItem', { TableName: 'orders', Item: key(2) });
    db.execute('DeleteTable', { TableName: 'users' });
    expect(db.execute('GetItem', { TableName: 'orders', Key: key(1) })).toEqual({ Item: { ...key(1), v: { S: 'original' } } });
    expect(db.execute('GetItem', { TableName: 'orders', Key: key(2) })).toEqual({});
    expect(copy.execute('GetItem', { TableName: 'orders', Key: key(1) })).toEqual({ Item: { ...key(1), v: { S: 'copy' } } });
    expect((copy.execute('ListTables', {}) as { TableNames: string[] }).TableNames).toEqual(['orders', 'users']);
  });
});

describe('Database.capacityUsage', () => {
  it('records units for failed conditions and deletes of missing items, which responses cannot show', () => {
    db.execute('PutItem', { TableName: 'orders', Item: { ...key(1), d: { S: 'x'.repeat(1500) } } });
    expectFailure(
      () => db.execute('PutItem', { TableName: 'orders', Item: key(1), ConditionExpression: 'attribute_not_exists(pk)' }),
      'ConditionalCheckFailedException',
    );
    db.execute('DeleteItem', { TableName: 'orders', Key: key(9) });
    db.execute('GetItem', { TableName: 'orders', Key: key(1), ConsistentRead: true });
    db.execute('Query', { TableName: 'orders', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'a' } } });
    // Writes: 2 (put of 1.5 KB) + 2 (failed put, the larger item) + 1 (missing delete); reads: 1 + 0.5.
    expect(db.capacityUsage('orders')).toEqual({ writeUnits: 5, readUnits: 1.5 });
    expect(db.clone().capacityUsage('orders')).toEqual({ writeUnits: 0, readUnits: 0 });
  });
});
