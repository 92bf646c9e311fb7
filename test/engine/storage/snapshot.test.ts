/**
 * snapshotDatabase / restoreDatabase: after any sequence of table and item actions, a sandbox
 * that goes through JSON and back answers every read as the original does (tables, items,
 * indexes, TTL, tags, PITR, streams, idempotent transactions), and its streams continue from
 * the same sequence numbers. A damaged snapshot is refused with the field that is wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../engine/database.ts';
import { restoreDatabase, SNAPSHOT_VERSION, SnapshotError, snapshotDatabase } from '../../../engine/storage/snapshot.ts';

const START = 1_700_000_000_000;
const TABLES = ['tab-a', 'tab-b', 'tab-c'] as const;
const VIEWS = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] as const;

function createTable(name: string, shape: 'simple' | 'indexed', provisioned: boolean, stream: (typeof VIEWS)[number] | undefined) {
  const throughput = { ReadCapacityUnits: 5, WriteCapacityUnits: 3 };
  return {
    TableName: name,
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, ...(shape === 'indexed' ? [{ AttributeName: 'sk', KeyType: 'RANGE' }] : [])],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      ...(shape === 'indexed'
        ? [
            { AttributeName: 'sk', AttributeType: 'N' },
            { AttributeName: 'g', AttributeType: 'S' },
            { AttributeName: 'l', AttributeType: 'S' },
          ]
        : []),
    ],
    ...(provisioned ? { BillingMode: 'PROVISIONED', ProvisionedThroughput: throughput } : { BillingMode: 'PAY_PER_REQUEST' }),
    ...(shape === 'indexed' && {
      LocalSecondaryIndexes: [
        {
          IndexName: 'by-l',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'l', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-g',
          KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] },
          ...(provisioned && { ProvisionedThroughput: throughput }),
        },
      ],
    }),
    ...(stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: stream } }),
    Tags: [{ Key: 'team', Value: name }],
  };
}

const table = fc.constantFrom(...TABLES);
const key = fc.record({ pk: fc.constantFrom('a', 'b', 'c', 'd'), sk: fc.constantFrom('1', '2', '-3') });
const item = fc.record({
  key,
  g: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
  l: fc.option(fc.constantFrom('m', 'n'), { nil: undefined }),
  v: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
  nested: fc.option(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'k'), fc.integer()), { nil: undefined }),
  /** Seconds from now at which TTL may delete the item. */
  expiresIn: fc.option(fc.integer({ min: -5, max: 30 }), { nil: undefined }),
});

type ItemSpec = typeof item extends fc.Arbitrary<infer T> ? T : never;

type Command =
  | { op: 'create'; table: string; shape: 'simple' | 'indexed'; provisioned: boolean; stream: (typeof VIEWS)[number] | undefined }
  | { op: 'put'; table: string; item: ItemSpec }
  | { op: 'update'; table: string; key: { pk: string; sk: string } }
  | { op: 'delete'; table: string; key: { pk: string; sk: string } }
  | { op: 'ttl'; table: string }
  | { op: 'stream'; table: string; view: (typeof VIEWS)[number] | undefined }
  | { op: 'pitr'; table: string }
  | { op: 'gsi'; table: string }
  | { op: 'drop'; table: string }
  | { op: 'transact'; table: string; token: string; key: { pk: string; sk: string } }
  | { op: 'tick'; ms: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      table,
      shape: fc.constantFrom('simple' as const, 'indexed' as const),
      provisioned: fc.boolean(),
      stream: fc.option(fc.constantFrom(...VIEWS), { nil: undefined }),
    }),
  },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('put' as const), table, item }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('update' as const), table, key }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), table, key }) },
  fc.record({ op: fc.constant('ttl' as const), table }),
  fc.record({ op: fc.constant('stream' as const), table, view: fc.option(fc.constantFrom(...VIEWS), { nil: undefined }) }),
  fc.record({ op: fc.constant('pitr' as const), table }),
  fc.record({ op: fc.constant('gsi' as const), table }),
  fc.record({ op: fc.constant('drop' as const), table }),
  fc.record({ op: fc.constant('transact' as const), table, token: fc.constantFrom('t1', 't2'), key }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 20 * 60 * 1000 }) }) },
);

class Clock {
  ms = START;
  readonly now = () => this.ms;
}

function dbKey(db: Database, name: string, k: { pk: string; sk: string }) {
  return db.findTable(name)?.definition.key.range ? { pk: { S: k.pk }, sk: { N: k.sk } } : { pk: { S: k.pk } };
}

function apply(db: Database, clock: Clock, c: Command): void {
  const run = (action: string, input: unknown) => {
    try {
      db.execute(action, input);
    } catch (error) {
      // A refused action (no such table, a second stream, a condition) is part of the sequence too.
      if (!(error instanceof Error) || !('type' in error)) throw error;
    }
  };
  switch (c.op) {
    case 'tick':
      clock.ms += c.ms;
      return;
    case 'create':
      run('CreateTable', createTable(c.table, c.shape, c.provisioned, c.stream));
      return;
    case 'put': {
      const { key: k, g, l, v, nested, expiresIn } = c.item;
      const attributes: Record<string, unknown> = { ...dbKey(db, c.table, k) };
      if (g !== undefined) attributes.g = { S: g };
      if (l !== undefined) attributes.l = { S: l };
      if (v !== undefined) attributes.v = { S: v };
      if (nested !== undefined) attributes.nested = { M: Object.fromEntries(Object.entries(nested).map(([n, x]) => [n, { N: String(x) }])) };
      if (expiresIn !== undefined) attributes.exp = { N: String(Math.floor(clock.ms / 1000) + expiresIn) };
      run('PutItem', { TableName: c.table, Item: attributes });
      return;
    }
    case 'update':
      run('UpdateItem', {
        TableName: c.table,
        Key: dbKey(db, c.table, c.key),
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      });
      return;
    case 'delete':
      run('DeleteItem', { TableName: c.table, Key: dbKey(db, c.table, c.key) });
      return;
    case 'ttl':
      run('UpdateTimeToLive', { TableName: c.table, TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } });
      return;
    case 'stream':
      run('UpdateTable', {
        TableName: c.table,
        StreamSpecification: c.view ? { StreamEnabled: true, StreamViewType: c.view } : { StreamEnabled: false },
      });
      return;
    case 'pitr':
      run('UpdateContinuousBackups', { TableName: c.table, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
      return;
    case 'gsi':
      run('UpdateTable', {
        TableName: c.table,
        AttributeDefinitions: [{ AttributeName: 'v', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'by-v',
              KeySchema: [{ AttributeName: 'v', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
              ...(db.findTable(c.table)?.definition.billingMode === 'PROVISIONED' && {
                ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
              }),
            },
          },
        ],
      });
      return;
    case 'drop':
      run('DeleteTable', { TableName: c.table });
      return;
    case 'transact':
      run('TransactWriteItems', {
        ClientRequestToken: c.token,
        TransactItems: [
          { Update: { TableName: c.table, Key: dbKey(db, c.table, c.key), UpdateExpression: 'ADD t :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
        ],
      });
      return;
  }
}

/** Every answer a reader of the sandbox can get, as one value to compare; `tag` tells the two apart in a failure. */
function observe(db: Database): unknown {
  const attempt = (run: () => unknown) => {
    try {
      run();
      return;
    } catch (error) {
      return { error: (error as Error).name, message: (error as Error).message };
    }
  };
  const tables: Record<string, unknown> = {};
  const names = (db.execute('ListTables', {}) as { TableNames: string[] }).TableNames;
  for (const name of names) {
    const description = (
      db.execute('DescribeTable', { TableName: name }) as {
        Table: { TableArn: string; GlobalSecondaryIndexes?: { IndexName: string }[]; LocalSecondaryIndexes?: { IndexName: string }[] };
      }
    ).Table;
    const indexes = [...(description.GlobalSecondaryIndexes ?? []), ...(description.LocalSecondaryIndexes ?? [])].map((i) => i.IndexName);
    const scans: Record<string, unknown> = { table: db.execute('Scan', { TableName: name, ReturnConsumedCapacity: 'INDEXES' }) };
    for (const index of indexes) scans[index] = db.execute('Scan', { TableName: name, IndexName: index });
    const queries = ['a', 'b', 'c', 'd'].map((pk) =>
      db.execute('Query', { TableName: name, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: pk } }, ScanIndexForward: false }),
    );
    tables[name] = {
      description,
      scans,
      queries,
      ttl: db.execute('DescribeTimeToLive', { TableName: name }),
      backups: db.execute('DescribeContinuousBackups', { TableName: name }),
      tags: db.execute('ListTagsOfResource', { ResourceArn: description.TableArn }),
      usage: db.capacityUsage(name),
    };
  }
  const streams = (db.executeStreams('ListStreams', {}) as { Streams: { StreamArn: string }[] }).Streams.map(({ StreamArn }) => {
    const description = db.executeStreams('DescribeStream', { StreamArn }) as { StreamDescription: { Shards: { ShardId: string }[] } };
    const reads = description.StreamDescription.Shards.map(({ ShardId }) =>
      attempt(() => {
        const { ShardIterator } = db.executeStreams('GetShardIterator', { StreamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string };
        return db.executeStreams('GetRecords', { ShardIterator });
      }),
    );
    return { description, reads };
  });
  return { names, tables, streams };
}

/** The sandbox through JSON text and back, on the same clock. */
function roundTrip(db: Database, clock: Clock): Database {
  return restoreDatabase(JSON.parse(JSON.stringify(snapshotDatabase(db))), { now: clock.now, limits: db.limits });
}

describe('snapshotDatabase and restoreDatabase', () => {
  it('give a sandbox that answers every read as the original after any sequence of actions', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
        const clock = new Clock();
        const original = new Database({ now: clock.now });
        for (const c of commands) apply(original, clock, c);
        const restored = roundTrip(original, clock);
        // Past the TTL sweep's once-a-second schedule, which a restore does not keep.
        clock.ms += 1000;
        expect(observe(restored)).toEqual(observe(original));
        // Both go on the same way: new stream records continue the sequence, a transaction's
        // token still answers its first response, point-in-time restores see the same history.
        const more: Command[] = [
          { op: 'put', table: 'tab-a', item: { key: { pk: 'a', sk: '1' }, g: 'x', l: undefined, v: 'after', nested: undefined, expiresIn: undefined } },
          { op: 'transact', table: 'tab-b', token: 't1', key: { pk: 'b', sk: '2' } },
          { op: 'create', table: 'tab-c', shape: 'simple', provisioned: false, stream: 'NEW_IMAGE' },
        ];
        for (const db of [original, restored]) {
          for (const c of more) apply(db, clock, c);
          for (const name of db.tableNames()) {
            try {
              db.execute('RestoreTableToPointInTime', { SourceTableName: name, TargetTableName: `${name}-restored`, UseLatestRestorableTime: true });
            } catch {
              // Without PITR there is nothing to restore, on both.
            }
          }
        }
        expect(observe(restored)).toEqual(observe(original));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a shard iterator issued before the snapshot reading where it was', () => {
    const clock = new Clock();
    const db = new Database({ now: clock.now });
    db.execute('CreateTable', createTable('tab-a', 'simple', false, 'NEW_AND_OLD_IMAGES'));
    db.execute('PutItem', { TableName: 'tab-a', Item: { pk: { S: 'a' } } });
    const arn = (db.executeStreams('ListStreams', {}) as { Streams: { StreamArn: string }[] }).Streams[0]!.StreamArn;
    const shard = (db.executeStreams('DescribeStream', { StreamArn: arn }) as { StreamDescription: { Shards: { ShardId: string }[] } }).StreamDescription
      .Shards[0]!.ShardId;
    const { ShardIterator } = db.executeStreams('GetShardIterator', { StreamArn: arn, ShardId: shard, ShardIteratorType: 'LATEST' }) as {
      ShardIterator: string;
    };
    const restored = roundTrip(db, clock);
    restored.execute('PutItem', { TableName: 'tab-a', Item: { pk: { S: 'b' } } });
    const read = restored.executeStreams('GetRecords', { ShardIterator }) as { Records: { dynamodb: { SequenceNumber: string; Keys: unknown } }[] };
    expect(read.Records.map((r) => r.dynamodb.Keys)).toEqual([{ pk: { S: 'b' } }]);
    expect(read.Records[0]!.dynamodb.SequenceNumber).toBe('000000000000000000002');
  });

  it('keeps transactions idempotency records: a retry after the restore answers as before and writes nothing', () => {
    const clock = new Clock();
    const db = new Database({ now: clock.now });
    db.execute('CreateTable', createTable('tab-a', 'simple', false, undefined));
    const transact = (database: Database, by: string) =>
      database.execute('TransactWriteItems', {
        ClientRequestToken: 'retry-me',
        TransactItems: [
          { Update: { TableName: 'tab-a', Key: { pk: { S: 'a' } }, UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': { N: by } } } },
        ],
      });
    transact(db, '1');
    clock.ms += 60_000;
    const restored = roundTrip(db, clock);
    transact(restored, '1');
    expect(restored.execute('GetItem', { TableName: 'tab-a', Key: { pk: { S: 'a' } } })).toEqual({ Item: { pk: { S: 'a' }, n: { N: '1' } } });
    expect(() => transact(restored, '2')).toThrow(expect.objectContaining({ name: 'IdempotentParameterMismatchException' }));
  });

  it('keeps the point-in-time history: a restore after the snapshot rebuilds a table as it was before it', () => {
    const clock = new Clock();
    const db = new Database({ now: clock.now });
    db.execute('CreateTable', createTable('tab-a', 'simple', false, undefined));
    db.execute('UpdateContinuousBackups', { TableName: 'tab-a', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    db.execute('PutItem', { TableName: 'tab-a', Item: { pk: { S: 'a' }, v: { S: 'first' } } });
    clock.ms += 10 * 60_000;
    const between = clock.ms / 1000;
    clock.ms += 10 * 60_000;
    db.execute('PutItem', { TableName: 'tab-a', Item: { pk: { S: 'a' }, v: { S: 'second' } } });
    clock.ms += 10 * 60_000;
    const restored = roundTrip(db, clock);
    expect(restored.execute('DescribeContinuousBackups', { TableName: 'tab-a' })).toEqual(db.execute('DescribeContinuousBackups', { TableName: 'tab-a' }));
    restored.execute('RestoreTableToPointInTime', { SourceTableName: 'tab-a', TargetTableName: 'tab-then', RestoreDateTime: between });
    expect(restored.execute('GetItem', { TableName: 'tab-then', Key: { pk: { S: 'a' } } })).toEqual({ Item: { pk: { S: 'a' }, v: { S: 'first' } } });
  });

  it('rebuilds attribute maps without prototypes, so an attribute named __proto__ stays an attribute', () => {
    const clock = new Clock();
    const db = new Database({ now: clock.now });
    db.execute('CreateTable', createTable('tab-a', 'simple', false, undefined));
    db.execute('PutItem', { TableName: 'tab-a', Item: JSON.parse('{"pk":{"S":"a"},"__proto__":{"M":{"__proto__":{"S":"x"}}}}') });
    const restored = roundTrip(db, clock);
    const got = restored.execute('GetItem', {
      TableName: 'tab-a',
      Key: { pk: { S: 'a' } },
      ProjectionExpression: '#p.#p, #c',
      ExpressionAttributeNames: { '#p': '__proto__', '#c': 'constructor' },
    });
    expect(JSON.stringify(got)).toBe('{"Item":{"__proto__":{"M":{"__proto__":{"S":"x"}}}}}');
  });

  // biome-ignore lint/suspicious/noExplicitAny: each case damages the parsed JSON where it likes
  type Json = any;
  const valid = () => {
    const db = new Database({ now: () => START });
    db.execute('CreateTable', createTable('tab-a', 'indexed', false, 'KEYS_ONLY'));
    db.execute('PutItem', { TableName: 'tab-a', Item: { pk: { S: 'a' }, sk: { N: '1' }, v: { L: [{ S: 'x' }] } } });
    return JSON.parse(JSON.stringify(snapshotDatabase(db))) as Json;
  };

  it.each<[string, (s: Json) => Json | undefined, string]>([
    ['not an object', () => [], 'Sandbox snapshot: expected an object'],
    ['another format', (s) => ({ ...s, format: 'something-else' }), 'Sandbox snapshot: format: expected "dynamodb-study-sandbox", got "something-else"'],
    [
      'a newer version',
      (s) => ({ ...s, version: SNAPSHOT_VERSION + 1 }),
      `Sandbox snapshot: version: version ${SNAPSHOT_VERSION + 1} was written by a newer engine; this one reads version ${SNAPSHOT_VERSION}`,
    ],
    [
      'a billing mode AWS has not',
      (s) => {
        s.tables[0].definition.billingMode = 'FREE';
      },
      'Sandbox snapshot: tables[0].definition.billingMode: ',
    ],
    [
      'a missing table serial',
      (s) => {
        delete s.tableSerial;
      },
      'Sandbox snapshot: tableSerial: ',
    ],
    [
      'an item without its sort key',
      (s) => {
        delete s.tables[0].items[0].sk;
      },
      'Sandbox snapshot: tables[0].items[0]: the key attribute sk of type N is missing',
    ],
    [
      'a value of two types',
      (s) => {
        s.tables[0].items[0].v = { S: 'x', N: '1' };
      },
      'Sandbox snapshot: tables[0].items[0].v: an attribute value has exactly one type',
    ],
    [
      'a list element that is no value',
      (s) => {
        s.tables[0].items[0].v.L[0] = 'x';
      },
      'Sandbox snapshot: tables[0].items[0].v.L[0]: expected an attribute value',
    ],
    [
      'an unknown attribute type',
      (s) => {
        s.tables[0].items[0].v = { X: 'x' };
      },
      'Sandbox snapshot: tables[0].items[0].v: unknown attribute type X',
    ],
    [
      'a table twice',
      (s) => {
        s.tables.push(s.tables[0]);
      },
      'Sandbox snapshot: tables[1].definition.name: table tab-a appears twice',
    ],
    [
      'a stream record without its keys',
      (s) => {
        s.streams[0].records.push({ sequence: 1, eventName: 'INSERT', at: START, sizeBytes: 1, byService: false });
      },
      'Sandbox snapshot: streams[0].records[1].keys: ',
    ],
  ])('refuses a snapshot with %s, naming the field', (_, damage, message) => {
    const snapshot = valid();
    const replaced = damage(snapshot);
    const attempt = () => restoreDatabase(replaced ?? snapshot, { now: () => START });
    expect(attempt).toThrow(SnapshotError);
    expect(attempt).toThrow(message);
  });
});
