import { beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../engine/database.ts';
import { expectFailure, newDatabase, SIMPLE } from './helpers.ts';

let db: Database;
let now = 0;
beforeEach(() => {
  now = 1_700_000_000_000;
  db = newDatabase().clone({ now: () => now });
  db.execute('CreateTable', SIMPLE);
  db.execute('PutItem', { TableName: 'users', Item: { id: { S: 'a' }, n: { N: '1' }, s: { S: 'text' } } });
});

const get = (id: string) => (db.execute('GetItem', { TableName: 'users', Key: { id: { S: id } } }) as { Item?: unknown }).Item;

describe('TransactWriteItems', () => {
  it('rolls back earlier actions when a later one fails, and reports every reason in order', () => {
    const error = expectFailure(
      () =>
        db.execute('TransactWriteItems', {
          TransactItems: [
            { Put: { TableName: 'users', Item: { id: { S: 'b' } } } },
            {
              Update: { TableName: 'users', Key: { id: { S: 'a' } }, UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } } },
            },
            { Update: { TableName: 'users', Key: { id: { S: 'c' } }, UpdateExpression: 'ADD s :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
            {
              Update: {
                TableName: 'users',
                Key: { id: { S: 'd' } },
                UpdateExpression: 'SET s = :one',
                ExpressionAttributeValues: { ':one': { N: '1' } },
                ConditionExpression: 'attribute_exists(id)',
              },
            },
          ],
        }),
      'TransactionCanceledException',
    );
    const reasons = (error.extra.CancellationReasons as { Code: string }[]).map((r) => r.Code);
    expect(reasons).toEqual(['None', 'None', 'None', 'ConditionalCheckFailed']);
    expect(get('b')).toBeUndefined();
    expect(get('c')).toBeUndefined();
    expect(get('a')).toEqual({ id: { S: 'a' }, n: { N: '1' }, s: { S: 'text' } });
  });

  it('returns the item in the reason when ReturnValuesOnConditionCheckFailure is ALL_OLD', () => {
    const error = expectFailure(
      () =>
        db.execute('TransactWriteItems', {
          TransactItems: [
            {
              ConditionCheck: {
                TableName: 'users',
                Key: { id: { S: 'a' } },
                ConditionExpression: 'n > :five',
                ExpressionAttributeValues: { ':five': { N: '5' } },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      'TransactionCanceledException',
      'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]',
    );
    expect(error.toJSON()).toMatchObject({
      Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]',
      CancellationReasons: [
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { id: { S: 'a' }, n: { N: '1' }, s: { S: 'text' } } },
      ],
    });
  });

  it('forgets a ClientRequestToken after 10 minutes of engine time', () => {
    const request = {
      ClientRequestToken: 't',
      TransactItems: [
        { Update: { TableName: 'users', Key: { id: { S: 'a' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
      ],
    };
    db.execute('TransactWriteItems', request);
    db.execute('TransactWriteItems', request);
    expect(get('a')).toMatchObject({ n: { N: '2' } });
    now += 10 * 60 * 1000 + 1;
    db.execute('TransactWriteItems', request);
    expect(get('a')).toMatchObject({ n: { N: '3' } });
  });

  it.each<[string, unknown, string]>([
    ['an empty action', { TransactItems: [{}] }, 'TransactItems can only contain one of Check, Put, Update or Delete'],
    [
      'an Update without an UpdateExpression',
      { TransactItems: [{ Update: { TableName: 'users', Key: { id: { S: 'a' } } } }] },
      "1 validation error detected: Value null at 'transactItems.1.member.update.updateExpression' failed to satisfy constraint: Member must not be null",
    ],
  ])('refuses %s', (_case, request, message) => {
    expectFailure(() => db.execute('TransactWriteItems', request), 'ValidationException', message);
  });
});

describe('BatchWriteItem and BatchGetItem', () => {
  it('writes nothing when one request in the batch is invalid', () => {
    expectFailure(
      () =>
        db.execute('BatchWriteItem', {
          RequestItems: { users: [{ PutRequest: { Item: { id: { S: 'x' } } } }, { PutRequest: { Item: { other: { S: 'y' } } } }] },
        }),
      'ValidationException',
      'One or more parameter values were invalid: Missing the key id in the item',
    );
    expect(get('x')).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    [
      'an empty RequestItems',
      { RequestItems: {} },
      "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      'a short table name',
      { RequestItems: { ab: [{ DeleteRequest: { Key: { id: { S: 'a' } } } }] } },
      '1 validation error detected: Value \'{"ab":[{"DeleteRequest":{"Key":{"id":{"S":"a"}}}}]}\' at \'requestItems\' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]',
    ],
    [
      'a write request with neither put nor delete',
      { RequestItems: { users: [{}] } },
      'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    ],
  ])('BatchWriteItem refuses %s', (_case, request, message) => {
    expectFailure(() => db.execute('BatchWriteItem', request), 'ValidationException', message);
  });

  it('charges each BatchGetItem key on its own, missing keys included', () => {
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: 'big' }, d: { S: 'x'.repeat(5000) } } });
    const result = db.execute('BatchGetItem', {
      RequestItems: { users: { Keys: [{ id: { S: 'a' } }, { id: { S: 'big' } }, { id: { S: 'none' } }], ConsistentRead: true } },
      ReturnConsumedCapacity: 'TOTAL',
    }) as { ConsumedCapacity: { CapacityUnits: number }[]; Responses: { users: unknown[] } };
    expect(result.Responses.users).toHaveLength(2);
    expect(result.ConsumedCapacity).toEqual([{ TableName: 'users', CapacityUnits: 4, ReadCapacityUnits: 4 }]);
  });
});

describe('time to live', () => {
  it('deletes items whose time has passed by the engine clock, ignoring values over five years old', () => {
    db.execute('UpdateTimeToLive', { TableName: 'users', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } });
    const seconds = now / 1000;
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: 'soon' }, ttl: { N: String(seconds + 60) } } });
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: 'ancient' }, ttl: { N: String(seconds - 6 * 365 * 86400) } } });
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: 'text' }, ttl: { S: 'not a number' } } });
    now += 30_000;
    expect(get('soon')).toBeDefined();
    now += 31_000;
    expect(get('soon')).toBeUndefined();
    expect(get('ancient')).toBeDefined();
    expect(get('text')).toBeDefined();
    expect(db.execute('DescribeTimeToLive', { TableName: 'users' })).toEqual({ TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' } });
    expectFailure(
      () => db.execute('UpdateTimeToLive', { TableName: 'users', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } }),
      'ValidationException',
      'TimeToLive is already enabled',
    );
  });
});

describe('item collections', () => {
  it('refuses a write that grows an item collection past its limit, and reports metrics when asked', () => {
    const small = new Database({ now: () => 0, limits: { itemCollectionBytes: 200 } });
    small.execute('CreateTable', {
      TableName: 'lsi',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'l', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      LocalSecondaryIndexes: [
        {
          IndexName: 'byL',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'l', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    const put = (sk: string) =>
      small.execute('PutItem', {
        TableName: 'lsi',
        Item: { pk: { S: 'p' }, sk: { S: sk }, l: { S: 'x' }, d: { S: 'y'.repeat(40) } },
        ReturnItemCollectionMetrics: 'SIZE',
      });
    expect(put('1')).toEqual({ ItemCollectionMetrics: { ItemCollectionKey: { pk: { S: 'p' } }, SizeEstimateRangeGB: [0, 1] } });
    put('2');
    const error = expectFailure(() => put('3'), 'ItemCollectionSizeLimitExceededException', 'Item collection size limit exceeded');
    expect(error.extra.ItemCollectionMetrics).toEqual({ ItemCollectionKey: { pk: { S: 'p' } }, SizeEstimateRangeGB: [10, 10] });
    expect(small.execute('GetItem', { TableName: 'lsi', Key: { pk: { S: 'p' }, sk: { S: '3' } } })).toEqual({});
  });
});

describe('BatchGetItem response limit', () => {
  it('returns the keys past 16 MB of items as UnprocessedKeys, with the table’s read settings', () => {
    const big = 'x'.repeat(400 * 1024 - 20);
    const keys = Array.from({ length: 45 }, (_, i) => ({ id: { S: `big${String(i).padStart(2, '0')}` } }));
    for (const key of keys) db.execute('PutItem', { TableName: 'users', Item: { ...key, d: { S: big } } });
    const first = db.execute('BatchGetItem', { RequestItems: { users: { Keys: keys, ConsistentRead: true } } }) as {
      Responses: { users: unknown[] };
      UnprocessedKeys: { users?: { Keys: unknown[]; ConsistentRead?: boolean } };
    };
    const returned = first.Responses.users.length;
    expect(returned).toBe(Math.floor((16 * 1024 * 1024) / (400 * 1024)));
    expect(first.UnprocessedKeys.users?.ConsistentRead).toBe(true);
    expect(first.UnprocessedKeys.users?.Keys).toHaveLength(45 - returned);
    const second = db.execute('BatchGetItem', { RequestItems: first.UnprocessedKeys }) as { Responses: { users: unknown[] }; UnprocessedKeys: object };
    expect(second.Responses.users).toHaveLength(45 - returned);
    expect(second.UnprocessedKeys).toEqual({});
  });
});

describe('BatchWriteItem and item collections', () => {
  it('writes nothing when the batch would overflow an item collection', () => {
    const small = new Database({ now: () => 0, limits: { itemCollectionBytes: 200 } });
    small.execute('CreateTable', {
      TableName: 'lsi',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'l', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      LocalSecondaryIndexes: [
        {
          IndexName: 'byL',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'l', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    const put = (sk: string) => ({ PutRequest: { Item: { pk: { S: 'p' }, sk: { S: sk }, l: { S: 'x' }, d: { S: 'y'.repeat(40) } } } });
    expectFailure(() => small.execute('BatchWriteItem', { RequestItems: { lsi: [put('1'), put('2'), put('3')] } }), 'ItemCollectionSizeLimitExceededException');
    expect((small.execute('Scan', { TableName: 'lsi', Select: 'COUNT' }) as { Count: number }).Count).toBe(0);
    small.execute('BatchWriteItem', { RequestItems: { lsi: [put('1'), put('2')] } });
    expect((small.execute('Scan', { TableName: 'lsi', Select: 'COUNT' }) as { Count: number }).Count).toBe(2);
  });
});
