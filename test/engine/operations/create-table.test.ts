import { describe, expect, it } from 'vitest';
import { COMPOSITE, expectFailure, newDatabase, NOW, SIMPLE } from './helpers.ts';

describe('CreateTable', () => {
  it('returns a CREATING description and the table is ACTIVE at once in engine time', () => {
    const db = newDatabase();
    const { TableDescription } = db.execute('CreateTable', SIMPLE) as { TableDescription: Record<string, unknown> };
    expect(TableDescription).toMatchObject({
      TableName: 'users',
      TableStatus: 'CREATING',
      CreationDateTime: NOW / 1000,
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5, NumberOfDecreasesToday: 0 },
      TableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/users',
      ItemCount: 0,
      TableSizeBytes: 0,
    });
    expect(TableDescription.BillingModeSummary).toBeUndefined();
    const { Table } = db.execute('DescribeTable', { TableName: 'users' }) as { Table: Record<string, unknown> };
    expect(Table.TableStatus).toBe('ACTIVE');
  });

  it('reports PAY_PER_REQUEST with zero provisioned throughput', () => {
    const db = newDatabase();
    const { TableDescription } = db.execute('CreateTable', COMPOSITE) as { TableDescription: Record<string, unknown> };
    expect(TableDescription.BillingModeSummary).toEqual({ BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: NOW / 1000 });
    expect(TableDescription.ProvisionedThroughput).toEqual({ NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
  });

  it('refuses an existing name with ResourceInUseException', () => {
    const db = newDatabase();
    db.execute('CreateTable', SIMPLE);
    expectFailure(() => db.execute('CreateTable', SIMPLE), 'ResourceInUseException', 'Table already exists: users');
  });

  it.each<[string, unknown, string]>([
    ['a numeric TableName', { ...SIMPLE, TableName: 5 }, 'NUMBER_VALUE cannot be converted to String'],
    ['a boolean TableName', { ...SIMPLE, TableName: true }, 'TRUE_VALUE cannot be converted to String'],
    ['KeySchema as an object', { ...SIMPLE, KeySchema: {} }, 'Start of structure or map found where not expected'],
    ['a string capacity', { ...SIMPLE, ProvisionedThroughput: { ReadCapacityUnits: '5', WriteCapacityUnits: 5 } }, 'STRING_VALUE cannot be converted to Long'],
    ['a list as an element', { ...SIMPLE, KeySchema: [[]] }, 'Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement'],
  ])('refuses %s with SerializationException', (_case, request, message) => {
    expectFailure(() => newDatabase().execute('CreateTable', request), 'SerializationException', message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing TableName', { ...SIMPLE, TableName: undefined }, "The parameter 'TableName' is required but was not present in the request"],
    ['a long TableName', { ...SIMPLE, TableName: 'x'.repeat(256) }, 'TableName must be at least 3 characters long and at most 255 characters long'],
    [
      'missing key schema and definitions',
      { TableName: 'abc', ProvisionedThroughput: SIMPLE.ProvisionedThroughput },
      "2 validation errors detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; Value null at 'keySchema' failed to satisfy constraint: Member must not be null",
    ],
    [
      'zero read capacity',
      { ...SIMPLE, ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 5 } },
      "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      'three key elements',
      { ...SIMPLE, KeySchema: [1, 2, 3].map((i) => ({ AttributeName: `a${i}`, KeyType: 'HASH' })) },
      '1 validation error detected: Value \'[{"AttributeName":"a1","KeyType":"HASH"}, {"AttributeName":"a2","KeyType":"HASH"}, {"AttributeName":"a3","KeyType":"HASH"}]\' at \'keySchema\' failed to satisfy constraint: Member must have length less than or equal to 2',
    ],
    [
      'a huge capacity',
      { ...SIMPLE, ProvisionedThroughput: { ReadCapacityUnits: 1e13, WriteCapacityUnits: 5 } },
      'Given value 10000000000000 for ReadCapacityUnits is out of bounds',
    ],
    [
      'two HASH keys',
      {
        ...COMPOSITE,
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'HASH' },
        ],
      },
      'Invalid KeySchema: The second KeySchemaElement is not a RANGE key type',
    ],
    [
      'the same attribute twice',
      {
        ...COMPOSITE,
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'pk', KeyType: 'RANGE' },
        ],
      },
      'Both the Hash Key and the Range Key element in the KeySchema have the same name',
    ],
    [
      'an LSI on a table without a sort key',
      {
        ...SIMPLE,
        AttributeDefinitions: [...SIMPLE.AttributeDefinitions, { AttributeName: 'x', AttributeType: 'S' }],
        LocalSecondaryIndexes: [
          {
            IndexName: 'byX',
            KeySchema: [
              { AttributeName: 'id', KeyType: 'HASH' },
              { AttributeName: 'x', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
      'One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
    ],
    [
      'an LSI with another partition key',
      {
        ...COMPOSITE,
        AttributeDefinitions: [...COMPOSITE.AttributeDefinitions, { AttributeName: 'x', AttributeType: 'S' }],
        LocalSecondaryIndexes: [
          {
            IndexName: 'byX',
            KeySchema: [
              { AttributeName: 'x', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
      'One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: byX. index hash key: x, table hash key: pk',
    ],
    [
      'NonKeyAttributes without INCLUDE',
      {
        ...COMPOSITE,
        AttributeDefinitions: [...COMPOSITE.AttributeDefinitions, { AttributeName: 'x', AttributeType: 'S' }],
        GlobalSecondaryIndexes: [
          { IndexName: 'byX', KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL', NonKeyAttributes: ['a'] } },
        ],
      },
      'One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified',
    ],
    [
      'an attribute definition no key uses, with an index',
      {
        ...COMPOSITE,
        AttributeDefinitions: [...COMPOSITE.AttributeDefinitions, { AttributeName: 'x', AttributeType: 'S' }, { AttributeName: 'y', AttributeType: 'S' }],
        GlobalSecondaryIndexes: [{ IndexName: 'byX', KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      },
      'One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: [pk, sk, x, y], keys used: [pk, sk, x]',
    ],
  ])('refuses %s with ValidationException', (_case, request, message) => {
    expectFailure(() => newDatabase().execute('CreateTable', request), 'ValidationException', message);
  });
});

describe('DescribeTable, ListTables and DeleteTable', () => {
  it('lists names in order, a page at a time', () => {
    const db = newDatabase();
    for (const name of ['ccc', 'aaa', 'bbb', 'ddd']) db.execute('CreateTable', { ...SIMPLE, TableName: name });
    expect(db.execute('ListTables', { Limit: 3 })).toEqual({ TableNames: ['aaa', 'bbb', 'ccc'], LastEvaluatedTableName: 'ccc' });
    expect(db.execute('ListTables', { ExclusiveStartTableName: 'ccc' })).toEqual({ TableNames: ['ddd'] });
    expect(db.execute('ListTables', {})).toEqual({ TableNames: ['aaa', 'bbb', 'ccc', 'ddd'] });
  });

  it.each<[unknown, string]>([
    [{ Limit: 0 }, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    [{ Limit: 101 }, "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"],
  ])('refuses ListTables %j', (request, message) => {
    expectFailure(() => newDatabase().execute('ListTables', request), 'ValidationException', message);
  });

  it('deletes a table, reporting DELETING, after which it is not found', () => {
    const db = newDatabase();
    db.execute('CreateTable', SIMPLE);
    expect((db.execute('DeleteTable', { TableName: 'users' }) as { TableDescription: { TableStatus: string } }).TableDescription.TableStatus).toBe('DELETING');
    expectFailure(
      () => db.execute('DescribeTable', { TableName: 'users' }),
      'ResourceNotFoundException',
      'Requested resource not found: Table: users not found',
    );
    expectFailure(() => db.execute('DeleteTable', { TableName: 'users' }), 'ResourceNotFoundException', 'Requested resource not found: Table: users not found');
  });

  it('answers an unknown action with UnknownOperationException', () => {
    expectFailure(() => newDatabase().execute('DropEverything', {}), 'UnknownOperationException');
  });
});

describe('tags', () => {
  it('keeps tags given at creation and by TagResource, and removes them by UntagResource', () => {
    const db = newDatabase();
    const arn = 'arn:aws:dynamodb:us-east-1:000000000000:table/users';
    db.execute('CreateTable', { ...SIMPLE, Tags: [{ Key: 'team', Value: 'a' }] });
    db.execute('TagResource', { ResourceArn: arn, Tags: [{ Key: 'env', Value: 'test' }] });
    expect(db.execute('ListTagsOfResource', { ResourceArn: arn })).toEqual({
      Tags: [
        { Key: 'team', Value: 'a' },
        { Key: 'env', Value: 'test' },
      ],
    });
    db.execute('UntagResource', { ResourceArn: arn, TagKeys: ['team'] });
    expect(db.execute('ListTagsOfResource', { ResourceArn: arn })).toEqual({ Tags: [{ Key: 'env', Value: 'test' }] });
    expectFailure(
      () => db.execute('ListTagsOfResource', { ResourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/other' }),
      'ResourceNotFoundException',
      'Requested resource not found: ResourcArn: arn:aws:dynamodb:us-east-1:000000000000:table/other not found',
    );
    expectFailure(
      () => db.execute('TagResource', { ResourceArn: 'nonsense', Tags: [] }),
      'ValidationException',
      'Invalid TableArn: Invalid ResourceArn provided as input nonsense',
    );
  });
});

describe('deletion protection', () => {
  it('refuses to delete a protected table until protection is turned off', () => {
    const db = newDatabase();
    const { TableDescription } = db.execute('CreateTable', { ...SIMPLE, DeletionProtectionEnabled: true }) as {
      TableDescription: { DeletionProtectionEnabled: boolean };
    };
    expect(TableDescription.DeletionProtectionEnabled).toBe(true);
    expectFailure(
      () => db.execute('DeleteTable', { TableName: 'users' }),
      'ValidationException',
      'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
    );
    db.execute('UpdateTable', { TableName: 'users', DeletionProtectionEnabled: false });
    db.execute('DeleteTable', { TableName: 'users' });
    expect(db.tableCount()).toBe(0);
  });
});
