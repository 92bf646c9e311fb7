import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../engine/database.ts';
import { NO_LAG, Simulation } from '../../../engine/sim/index.ts';

// With no lag and throughput not enforced the simulation must answer exactly as the plain engine.
const createTable = {
  TableName: 'tbl',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
};

const pk = fc.constantFrom('a', 'b', 'c');
const sk = fc.integer({ min: 0, max: 3 });
const key = fc.record({ pk, sk }).map(({ pk, sk }) => ({ pk: { S: pk }, sk: { N: String(sk) } }));
const consumed = fc.constantFrom('NONE', 'TOTAL', 'INDEXES', undefined);
const consistent = fc.boolean();

const operation = fc.oneof(
  fc
    .record({ key, v: fc.string({ maxLength: 30 }), rc: consumed })
    .map(({ key, v, rc }) => [
      'PutItem',
      { TableName: 'tbl', Item: { ...key, v: { S: v } }, ReturnValues: 'ALL_OLD', ...(rc ? { ReturnConsumedCapacity: rc } : {}) },
    ]),
  fc.record({ key, n: fc.integer({ min: -5, max: 5 }), rc: consumed }).map(({ key, n, rc }) => [
    'UpdateItem',
    {
      TableName: 'tbl',
      Key: key,
      UpdateExpression: 'ADD c :n',
      ExpressionAttributeValues: { ':n': { N: String(n) } },
      ReturnValues: 'ALL_NEW',
      ...(rc ? { ReturnConsumedCapacity: rc } : {}),
    },
  ]),
  fc
    .record({ key, conditional: fc.boolean() })
    .map(({ key, conditional }) => [
      'DeleteItem',
      { TableName: 'tbl', Key: key, ReturnValues: 'ALL_OLD', ...(conditional ? { ConditionExpression: 'attribute_exists(v)' } : {}) },
    ]),
  fc
    .record({ key, consistent, rc: consumed })
    .map(({ key, consistent, rc }) => ['GetItem', { TableName: 'tbl', Key: key, ConsistentRead: consistent, ...(rc ? { ReturnConsumedCapacity: rc } : {}) }]),
  fc
    .record({ pk, consistent, forward: fc.boolean(), limit: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) })
    .map(({ pk, consistent, forward, limit }) => [
      'Query',
      {
        TableName: 'tbl',
        KeyConditionExpression: 'pk = :p AND sk >= :s',
        ExpressionAttributeValues: { ':p': { S: pk }, ':s': { N: '1' } },
        ConsistentRead: consistent,
        ScanIndexForward: forward,
        ReturnConsumedCapacity: 'TOTAL',
        ...(limit ? { Limit: limit } : {}),
      },
    ]),
  fc
    .record({ consistent, filter: fc.boolean() })
    .map(({ consistent, filter }) => [
      'Scan',
      { TableName: 'tbl', ConsistentRead: consistent, ...(filter ? { FilterExpression: 'attribute_exists(c)' } : {}) },
    ]),
) as fc.Arbitrary<[string, Record<string, unknown>]>;

function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

// On demand with a GSI, throughput enforcement on never refuses these few requests, and exercises
// the path that asks the engine for INDEXES and gives the caller back what it asked for.
const onDemandWithIndex = {
  ...createTable,
  ProvisionedThroughput: undefined,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [...createTable.AttributeDefinitions, { AttributeName: 'v', AttributeType: 'S' }],
  GlobalSecondaryIndexes: [{ IndexName: 'byV', KeySchema: [{ AttributeName: 'v', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
};

describe('the simulation with no lag and nothing throttled', () => {
  it.each([
    ['a provisioned table, throughput not enforced', createTable, false],
    ['an on-demand table with a GSI, throughput enforced', onDemandWithIndex, true],
  ])('returns exactly what the plain engine returns, over random operation sequences: %s', (_, create, enforce) => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.tuple(operation, fc.integer({ min: 0, max: 3000 })), { maxLength: 40 }), (seed, steps) => {
        let now = 0;
        const plain = new Database({ now: () => now });
        const sim = new Simulation({ seed, replicationLag: NO_LAG, indexLag: NO_LAG, enforceThroughput: enforce });
        plain.execute('CreateTable', create);
        sim.execute('CreateTable', create);
        for (const [[action, input], wait] of steps) {
          now += wait;
          sim.advance(wait);
          expect(outcome(() => sim.execute(action, structuredClone(input)))).toEqual(outcome(() => plain.execute(action, structuredClone(input))));
        }
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
