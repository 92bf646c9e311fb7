import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { expectFailure, newDatabase, NOW, SIMPLE } from './helpers.ts';

let db: Database;
beforeEach(() => {
  db = newDatabase();
  db.execute('CreateTable', SIMPLE);
  for (const [id, city] of [
    ['a', 'Oslo'],
    ['b', 'Lima'],
    ['c', 'Oslo'],
    ['d', undefined],
  ] as const) {
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: id }, ...(city ? { city: { S: city } } : {}) } });
  }
});

type Description = {
  TableStatus: string;
  GlobalSecondaryIndexes?: { IndexName: string; IndexStatus: string; ItemCount: number; ProvisionedThroughput: Record<string, number> }[];
  ProvisionedThroughput: Record<string, number>;
  BillingModeSummary?: Record<string, unknown>;
  AttributeDefinitions: unknown[];
};
const describe_ = () => (db.execute('DescribeTable', { TableName: 'users' }) as { Table: Description }).Table;
const createCity = {
  TableName: 'users',
  AttributeDefinitions: [{ AttributeName: 'city', AttributeType: 'S' }],
  GlobalSecondaryIndexUpdates: [
    {
      Create: {
        IndexName: 'byCity',
        KeySchema: [{ AttributeName: 'city', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
      },
    },
  ],
};

describe('UpdateTable', () => {
  it('creates a GSI over the existing items: CREATING in the response, ACTIVE and backfilled after', () => {
    const { TableDescription } = db.execute('UpdateTable', createCity) as { TableDescription: Description };
    expect(TableDescription.TableStatus).toBe('UPDATING');
    expect(TableDescription.GlobalSecondaryIndexes?.[0]).toMatchObject({ IndexName: 'byCity', IndexStatus: 'CREATING' });
    const table = describe_();
    expect(table.TableStatus).toBe('ACTIVE');
    expect(table.GlobalSecondaryIndexes?.[0]).toMatchObject({
      IndexStatus: 'ACTIVE',
      ItemCount: 3,
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
    });
    expect(table.AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'city', AttributeType: 'S' },
    ]);
  });

  it('deletes a GSI: DELETING in the response, gone after, its attribute definition dropped', () => {
    db.execute('UpdateTable', createCity);
    const { TableDescription } = db.execute('UpdateTable', { TableName: 'users', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byCity' } }] }) as {
      TableDescription: Description;
    };
    expect(TableDescription.GlobalSecondaryIndexes?.[0]).toMatchObject({ IndexName: 'byCity', IndexStatus: 'DELETING' });
    expect(describe_().GlobalSecondaryIndexes).toBeUndefined();
    expect(describe_().AttributeDefinitions).toEqual([{ AttributeName: 'id', AttributeType: 'S' }]);
  });

  it('switches to on-demand and back, recording the time of the switch and throughput changes', () => {
    db.execute('UpdateTable', { TableName: 'users', BillingMode: 'PAY_PER_REQUEST' });
    expect(describe_().BillingModeSummary).toEqual({ BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: NOW / 1000 });
    db.execute('UpdateTable', { TableName: 'users', BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 8 } });
    expect(describe_().BillingModeSummary).toBeUndefined();
    db.execute('UpdateTable', { TableName: 'users', ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 8 } });
    expect(describe_().ProvisionedThroughput).toEqual({
      LastDecreaseDateTime: NOW / 1000,
      NumberOfDecreasesToday: 1,
      ReadCapacityUnits: 3,
      WriteCapacityUnits: 8,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'nothing to change',
      {},
      'ValidationException',
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
    ],
    [
      'PROVISIONED without throughput',
      { BillingMode: 'PROVISIONED' },
      'ValidationException',
      'One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED',
    ],
    [
      'throughput with PAY_PER_REQUEST',
      { BillingMode: 'PAY_PER_REQUEST', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } },
      'ValidationException',
      'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
    ],
    [
      'an empty index update',
      { GlobalSecondaryIndexUpdates: [{}] },
      'ValidationException',
      'One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null',
    ],
    [
      'deleting an unknown index',
      { GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'nope' } }] },
      'ResourceNotFoundException',
      'Requested resource not found: Index: nope not found',
    ],
    [
      'two index creations at once',
      {
        AttributeDefinitions: [
          { AttributeName: 'x', AttributeType: 'S' },
          { AttributeName: 'y', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexUpdates: ['x', 'y'].map((a) => ({
          Create: {
            IndexName: `by${a}`,
            KeySchema: [{ AttributeName: a, KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
            ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
          },
        })),
      },
      'LimitExceededException',
      'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table',
    ],
    [
      'an index key without a definition',
      {
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'byX',
              KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
              ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
            },
          },
        ],
        AttributeDefinitions: [{ AttributeName: 'z', AttributeType: 'S' }],
      },
      'ValidationException',
      'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [x], AttributeDefinitions: [id, z]',
    ],
  ])('refuses %s', (_case, request, name, message) => {
    expectFailure(() => db.execute('UpdateTable', { TableName: 'users', ...request }), name, message);
  });

  it('answers a missing table with ResourceNotFoundException naming it', () => {
    expectFailure(
      () => db.execute('UpdateTable', { TableName: 'ghost', BillingMode: 'PAY_PER_REQUEST' }),
      'ResourceNotFoundException',
      'Requested resource not found: Table: ghost not found',
    );
  });
});
