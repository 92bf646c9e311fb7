/**
 * The simulation on the wire (issue 13): tables tagged sim:enabled=true on our endpoint, with
 * the app's clock injected, so every test moves time by hand. The first test is the walk-through
 * in README.md ("Simulation") in the SDK's words; sim-readme.test.ts runs the README's own lines.
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TagResourceCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  UntagResourceCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { afterEach, describe, expect, it } from 'vitest';
import { SIM_TAG_MESSAGES, TABLE_THROUGHPUT_EXCEEDED_MESSAGE } from '../../engine/index.ts';
import { createClients, startOurEndpoint, type Endpoint } from './endpoint.ts';
import { defineDynamoDBSuite, expectError } from './suite.ts';

let endpoint: Endpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

/** A clock the test moves: the engine's, and so the simulation's. */
function manualClock(start = Date.UTC(2026, 0, 1)): { now: () => number; advance(ms: number): void } {
  let at = start;
  return { now: () => at, advance: (ms) => (at += ms) };
}

async function open(key = 'SIMKEY'): Promise<{ client: DynamoDBClient; clock: ReturnType<typeof manualClock>; url: string }> {
  const clock = manualClock();
  endpoint = await startOurEndpoint({ now: clock.now, requestsPerSecond: Number.POSITIVE_INFINITY });
  return { client: createClients(endpoint.url, key).client, clock, url: endpoint.url };
}

const arnOf = (name: string) => `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`;

function provisioned(name: string, rcu: number, wcu: number) {
  return new CreateTableCommand({
    TableName: name,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ProvisionedThroughput: { ReadCapacityUnits: rcu, WriteCapacityUnits: wcu },
  });
}

const tags = (record: Record<string, string>) => Object.entries(record).map(([Key, Value]) => ({ Key, Value }));

/** A raw call, for the response headers and the simulation's own actions. */
async function call(
  url: string,
  path: string,
  target: string,
  body: unknown,
  key = 'SIMKEY',
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': target,
      authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

describe('the simulation on the wire', () => {
  it('follows the README walk-through: throttling once the burst is spent, a stale eventual read, never a stale strong read', async () => {
    const { client, clock, url } = await open();
    await client.send(provisioned('Walkthrough', 10, 1));
    await client.send(
      new TagResourceCommand({
        ResourceArn: arnOf('Walkthrough'),
        Tags: tags({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '10000', 'sim:seed': '42' }),
      }),
    );
    // 1 WCU and an empty burst bucket: the first write of the second fits, the second is throttled.
    await client.send(new PutItemCommand({ TableName: 'Walkthrough', Item: { pk: { S: 'a' }, v: { N: '1' } } }));
    await expectError(
      client.send(new PutItemCommand({ TableName: 'Walkthrough', Item: { pk: { S: 'b' }, v: { N: '1' } } })),
      'ProvisionedThroughputExceededException',
      TABLE_THROUGHPUT_EXCEEDED_MESSAGE,
    );
    // Twelve seconds later: a's first write has reached every copy; the new one has not.
    clock.advance(12_000);
    await client.send(new PutItemCommand({ TableName: 'Walkthrough', Item: { pk: { S: 'a' }, v: { N: '2' } } }));
    const eventual: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await client.send(new GetItemCommand({ TableName: 'Walkthrough', Key: { pk: { S: 'a' } } }));
      eventual.push(r.Item!.v!.N!);
    }
    expect(eventual).toContain('1');
    expect(eventual).toContain('2');
    for (let i = 0; i < 6; i++) {
      const r = await client.send(new GetItemCommand({ TableName: 'Walkthrough', Key: { pk: { S: 'a' } }, ConsistentRead: true }));
      expect(r.Item!.v!.N).toBe('2');
    }
    // After the lag every copy has it.
    clock.advance(10_000);
    for (let i = 0; i < 6; i++) {
      const r = await client.send(new GetItemCommand({ TableName: 'Walkthrough', Key: { pk: { S: 'a' } } }));
      expect(r.Item!.v!.N).toBe('2');
    }
    // The same run at the same seed: the metrics count the throttle and the stale reads.
    const { json } = await call(url, '/dynamodb', 'DynamoDBSim.GetMetrics', { TableName: 'Walkthrough' });
    expect(json.Simulated).toBe(true);
    const points = json.Metrics as { metric: string; value: number; partition?: number }[];
    const sum = (metric: string) => points.filter((p) => p.metric === metric && p.partition === undefined).reduce((s, p) => s + p.value, 0);
    expect(sum('WriteThrottleEvents')).toBe(1);
    expect(sum('StaleReads')).toBe(eventual.filter((v) => v === '1').length);
    expect((json.Capacity as { Write: { Limit: number } }).Write.Limit).toBe(1);
  });

  it('banks burst while idle: after 10 idle seconds, 10 writes more than the rate are served', async () => {
    const { client, clock } = await open();
    await client.send(provisioned('Bursty', 1, 1));
    await client.send(
      new TagResourceCommand({ ResourceArn: arnOf('Bursty'), Tags: tags({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '0', 'sim:index-lag-ms': '0' }) }),
    );
    clock.advance(10_000);
    for (let i = 0; i < 11; i++) await client.send(new PutItemCommand({ TableName: 'Bursty', Item: { pk: { S: `k${i}` } } }));
    await expectError(client.send(new PutItemCommand({ TableName: 'Bursty', Item: { pk: { S: 'over' } } })), 'ProvisionedThroughputExceededException');
  });

  it('starts with a full bucket with sim:burst-at-start=full (300 seconds of the rate)', async () => {
    const { client } = await open();
    await client.send(provisioned('Full', 1, 1));
    await client.send(new TagResourceCommand({ ResourceArn: arnOf('Full'), Tags: tags({ 'sim:enabled': 'true', 'sim:burst-at-start': 'full' }) }));
    for (let i = 0; i < 301; i++) await client.send(new PutItemCommand({ TableName: 'Full', Item: { pk: { S: `k${i}` } } }));
    await expectError(client.send(new PutItemCommand({ TableName: 'Full', Item: { pk: { S: 'over' } } })), 'ProvisionedThroughputExceededException');
  });

  it('leaves a table alone once sim:enabled is untagged, and with sim:enforce-throughput=false never throttles', async () => {
    const { client } = await open();
    await client.send(provisioned('Toggle', 1, 1));
    await client.send(new TagResourceCommand({ ResourceArn: arnOf('Toggle'), Tags: tags({ 'sim:enabled': 'true', 'sim:enforce-throughput': 'false' }) }));
    for (let i = 0; i < 5; i++) await client.send(new PutItemCommand({ TableName: 'Toggle', Item: { pk: { S: `k${i}` } } }));
    await client.send(new TagResourceCommand({ ResourceArn: arnOf('Toggle'), Tags: tags({ 'sim:enforce-throughput': 'true' }) }));
    await client.send(new PutItemCommand({ TableName: 'Toggle', Item: { pk: { S: 'x' } } }));
    await expectError(client.send(new PutItemCommand({ TableName: 'Toggle', Item: { pk: { S: 'y' } } })), 'ProvisionedThroughputExceededException');
    await client.send(new UntagResourceCommand({ ResourceArn: arnOf('Toggle'), TagKeys: ['sim:enabled'] }));
    for (let i = 0; i < 5; i++) await client.send(new PutItemCommand({ TableName: 'Toggle', Item: { pk: { S: `z${i}` } } }));
  });

  it('shows GSI lag: a Query on the index right after a write misses it, and finds it after sim:index-lag-ms', async () => {
    const { client, clock } = await open();
    await client.send(
      new CreateTableCommand({
        TableName: 'Orders',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: [{ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
        Tags: tags({ 'sim:enabled': 'true', 'sim:index-lag-ms': '1000', 'sim:replication-lag-ms': '0' }),
      }),
    );
    await client.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'o1' }, status: { S: 'NEW' } } }));
    const query = new QueryCommand({
      TableName: 'Orders',
      IndexName: 'byStatus',
      KeyConditionExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'NEW' } },
    });
    expect((await client.send(query)).Count).toBe(0);
    expect((await client.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: 'o1' } } }))).Item).toBeDefined();
    clock.advance(1000);
    expect((await client.send(query)).Count).toBe(1);
  });

  it('throttles batches as AWS does: UnprocessedItems and UnprocessedKeys, the exception only when nothing was done, a transaction cancelled whole', async () => {
    const { client, clock } = await open();
    await client.send(provisioned('Batches', 2, 3));
    await client.send(new TagResourceCommand({ ResourceArn: arnOf('Batches'), Tags: tags({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '0' }) }));
    const puts = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { pk: { S: `k${from + i}` } } } }));
    // 3 WCU, nothing banked: three of five writes are made, two come back to resend.
    const first = await client.send(new BatchWriteItemCommand({ RequestItems: { Batches: puts(0, 5) } }));
    expect(first.UnprocessedItems?.Batches).toEqual(puts(3, 2));
    await expectError(
      client.send(new BatchWriteItemCommand({ RequestItems: first.UnprocessedItems! })),
      'ProvisionedThroughputExceededException',
      TABLE_THROUGHPUT_EXCEEDED_MESSAGE,
    );
    // 2 RCU in the same second: four eventually consistent reads, the fifth key unprocessed.
    const keys = Array.from({ length: 5 }, (_, i) => ({ pk: { S: `k${i}` } }));
    const read = await client.send(new BatchGetItemCommand({ RequestItems: { Batches: { Keys: keys } } }));
    expect(read.Responses?.Batches).toHaveLength(3);
    expect(read.UnprocessedKeys?.Batches?.Keys).toHaveLength(1);
    // A new second: the two unprocessed writes go through; then a transaction of two (2 WCU each) meets 1 WCU left.
    clock.advance(1000);
    expect((await client.send(new BatchWriteItemCommand({ RequestItems: first.UnprocessedItems! }))).UnprocessedItems).toEqual({});
    const error = await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Put: { TableName: 'Batches', Item: { pk: { S: 't1' } } } }, { Put: { TableName: 'Batches', Item: { pk: { S: 't2' } } } }],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['ThrottlingError', 'ThrottlingError']);
    const after = await client.send(new BatchGetItemCommand({ RequestItems: { Batches: { Keys: [{ pk: { S: 't1' } }], ConsistentRead: true } } }));
    expect(after.Responses?.Batches).toEqual([]);
  });

  it('keeps a throttled write out of the stream: PutItem, BatchWriteItem and TransactWriteItems record only the writes made', async () => {
    const { client, clock, url } = await open();
    const created = await client.send(
      new CreateTableCommand({
        TableName: 'Streamed',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    await client.send(new TagResourceCommand({ ResourceArn: arnOf('Streamed'), Tags: tags({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '0' }) }));
    const put = (pk: string) => new PutItemCommand({ TableName: 'Streamed', Item: { pk: { S: pk } } });
    const puts = (...pks: string[]) => pks.map((pk) => ({ PutRequest: { Item: { pk: { S: pk } } } }));
    // 1 WCU, nothing banked: the first write is made, the second throttled.
    await client.send(put('made-1'));
    await expectError(client.send(put('throttled-1')), 'ProvisionedThroughputExceededException', TABLE_THROUGHPUT_EXCEEDED_MESSAGE);
    await expectError(
      client.send(new BatchWriteItemCommand({ RequestItems: { Streamed: puts('throttled-2', 'throttled-3') } })),
      'ProvisionedThroughputExceededException',
      TABLE_THROUGHPUT_EXCEEDED_MESSAGE,
    );
    clock.advance(1000);
    const batch = await client.send(new BatchWriteItemCommand({ RequestItems: { Streamed: puts('made-2', 'throttled-4') } }));
    expect(batch.UnprocessedItems?.Streamed).toEqual(puts('throttled-4'));
    clock.advance(1000);
    // Two units per transactional write: more than the second holds, so it is cancelled whole.
    await expect(
      client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'Streamed', Item: { pk: { S: 'throttled-5' } } } }] })),
    ).rejects.toBeInstanceOf(TransactionCanceledException);
    await client.send(put('made-3'));

    const streams = new DynamoDBStreamsClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'SIMKEY', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    const arn = created.TableDescription!.LatestStreamArn!;
    const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!.ShardId!;
    const iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const records = (await streams.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records ?? [];
    expect(records.map((r) => [r.eventName, r.dynamodb?.Keys?.pk?.S])).toEqual([
      ['INSERT', 'made-1'],
      ['INSERT', 'made-2'],
      ['INSERT', 'made-3'],
    ]);
    // No gaps where the throttled writes were: a consumer sees consecutive sequence numbers.
    const sequences = records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
    expect(sequences.map((s) => s - sequences[0]!)).toEqual([0n, 1n, 2n]);
    streams.destroy();
  });

  it('answers DynamoDBSim.GetMetrics for a table that is not simulated, and ResourceNotFoundException for no table', async () => {
    const { client, url } = await open();
    await client.send(provisioned('Plain', 1, 1));
    expect((await call(url, '/dynamodb', 'DynamoDBSim.GetMetrics', { TableName: 'Plain' })).json).toMatchObject({ TableName: 'Plain', Simulated: false });
    const missing = await call(url, '/dynamodb', 'DynamoDBSim.GetMetrics', { TableName: 'Nope' });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ message: 'Requested resource not found: Table: Nope not found' });
    expect((await call(url, '/dynamodb', 'DynamoDBSim.Nothing', {})).json.__type).toMatch(/UnknownOperationException$/);
  });
});

describe('sim: tags validation', () => {
  const bad: [string, string, string][] = [
    ['sim:enabled', 'yes', SIM_TAG_MESSAGES.badValue('sim:enabled', 'yes', 'true or false')],
    [
      'sim:replication-lag-ms',
      'fast',
      SIM_TAG_MESSAGES.badValue('sim:replication-lag-ms', 'fast', 'milliseconds, fixed (200) or a uniform range (10-1000), from 0 to 600000'),
    ],
    [
      'sim:replication-lag-ms',
      '1000-10',
      SIM_TAG_MESSAGES.badValue('sim:replication-lag-ms', '1000-10', 'milliseconds, fixed (200) or a uniform range (10-1000), from 0 to 600000'),
    ],
    [
      'sim:index-lag-ms',
      '600001',
      SIM_TAG_MESSAGES.badValue('sim:index-lag-ms', '600001', 'milliseconds, fixed (200) or a uniform range (10-1000), from 0 to 600000'),
    ],
    ['sim:enforce-throughput', 'TRUE', SIM_TAG_MESSAGES.badValue('sim:enforce-throughput', 'TRUE', 'true or false')],
    ['sim:seed', '-1', SIM_TAG_MESSAGES.badValue('sim:seed', '-1', 'a whole number from 0 to 4294967295')],
    ['sim:burst-at-start', 'half', SIM_TAG_MESSAGES.badValue('sim:burst-at-start', 'half', 'empty or full')],
    ['sim:partitions', '0', SIM_TAG_MESSAGES.badValue('sim:partitions', '0', 'a whole number from 1 to 100')],
    ['sim:dax-nodes', '12', SIM_TAG_MESSAGES.badValue('sim:dax-nodes', '12', 'a whole number from 1 to 11')],
    ['sim:dax-item-ttl-ms', '1.5', SIM_TAG_MESSAGES.badValue('sim:dax-item-ttl-ms', '1.5', 'milliseconds from 0 to 86400000')],
    ['sim:lag', '5', SIM_TAG_MESSAGES.unknownKey('sim:lag')],
  ];

  it.each(bad)('should return ValidationException for TagResource with %s=%s', async (key, value, message) => {
    const { client } = await open();
    await client.send(provisioned('Tagged', 1, 1));
    await expectError(
      client.send(new TagResourceCommand({ ResourceArn: arnOf('Tagged'), Tags: [{ Key: key, Value: value }] })),
      'ValidationException',
      message,
    );
  });

  it.each(bad)('should return ValidationException for CreateTable with Tags %s=%s', async (key, value, message) => {
    const { client } = await open();
    const create = provisioned('Created', 1, 1);
    create.input.Tags = [{ Key: key, Value: value }];
    await expectError(client.send(create), 'ValidationException', message);
  });

  it('messages name every known key for an unknown one', () => {
    expect(SIM_TAG_MESSAGES.unknownKey('sim:x')).toBe(
      'One or more parameter values were invalid: Unknown simulation tag key: sim:x. Known keys: sim:enabled, sim:replication-lag-ms, sim:index-lag-ms, sim:enforce-throughput, sim:seed, sim:burst-at-start, sim:partitions, sim:dax-nodes, sim:dax-item-ttl-ms, sim:dax-query-ttl-ms',
    );
  });
});

describe('POST /dax', () => {
  const key = { pk: { S: 'a' } };

  it('reports item-cache misses and hits in X-Dax-Cache, and expires entries after sim:dax-item-ttl-ms on the engine clock', async () => {
    const { client, clock, url } = await open();
    await client.send(provisioned('Cached', 100, 100));
    await client.send(new TagResourceCommand({ ResourceArn: arnOf('Cached'), Tags: tags({ 'sim:dax-item-ttl-ms': '5000', 'sim:dax-nodes': '3' }) }));
    const put = await call(url, '/dax', 'DynamoDB_20120810.PutItem', { TableName: 'Cached', Item: { ...key, v: { N: '1' } } });
    expect(put.headers.get('x-dax-cache')).toBe('pass');
    const get = () => call(url, '/dax', 'DynamoDB_20120810.GetItem', { TableName: 'Cached', Key: key });
    const first = await get();
    expect([first.headers.get('x-dax-cache'), first.headers.get('x-dax-cache-kind')]).toEqual(['miss', 'item']);
    const second = await get();
    expect([second.headers.get('x-dax-cache'), second.headers.get('x-dax-cache-kind')]).toEqual(['hit', 'item']);
    expect(second.json).toEqual({ Item: { ...key, v: { N: '1' } } });
    clock.advance(4999);
    expect((await get()).headers.get('x-dax-cache')).toBe('hit');
    clock.advance(1);
    expect((await get()).headers.get('x-dax-cache')).toBe('miss');
    const strong = await call(url, '/dax', 'DynamoDB_20120810.GetItem', { TableName: 'Cached', Key: key, ConsistentRead: true });
    expect(strong.headers.get('x-dax-cache')).toBe('pass');
    const metrics = await call(url, '/dynamodb', 'DynamoDBSim.GetMetrics', { TableName: 'Cached' });
    expect(metrics.json.Dax).toMatchObject({ itemHits: 2, itemMisses: 2, queryHits: 0, queryMisses: 0 });
  });

  it('updates the item cache on a write through DAX, but not the query cache (a stale Query until its TTL)', async () => {
    const { client, clock, url } = await open();
    await client.send(provisioned('Stale', 100, 100));
    await client.send(new TagResourceCommand({ ResourceArn: arnOf('Stale'), Tags: tags({ 'sim:dax-query-ttl-ms': '2000' }) }));
    await call(url, '/dax', 'DynamoDB_20120810.PutItem', { TableName: 'Stale', Item: { ...key, v: { N: '1' } } });
    const query = () =>
      call(url, '/dax', 'DynamoDB_20120810.Query', { TableName: 'Stale', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'a' } } });
    const get = () => call(url, '/dax', 'DynamoDB_20120810.GetItem', { TableName: 'Stale', Key: key });
    expect((await query()).headers.get('x-dax-cache')).toBe('miss');
    expect((await get()).headers.get('x-dax-cache')).toBe('miss');
    await call(url, '/dax', 'DynamoDB_20120810.PutItem', { TableName: 'Stale', Item: { ...key, v: { N: '2' } } });
    const item = await get();
    expect([item.headers.get('x-dax-cache'), item.json]).toEqual(['hit', { Item: { ...key, v: { N: '2' } } }]);
    const cached = await query();
    expect([cached.headers.get('x-dax-cache'), cached.headers.get('x-dax-cache-kind')]).toEqual(['hit', 'query']);
    expect((cached.json.Items as unknown[])[0]).toEqual({ ...key, v: { N: '1' } });
    clock.advance(2000);
    const fresh = await query();
    expect(fresh.headers.get('x-dax-cache')).toBe('miss');
    expect((fresh.json.Items as unknown[])[0]).toEqual({ ...key, v: { N: '2' } });
  });

  it('answers errors in DynamoDB’s shape, as /dynamodb does', async () => {
    const { url } = await open();
    const missing = await call(url, '/dax', 'DynamoDB_20120810.GetItem', { TableName: 'Nope', Key: key });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ message: 'Requested resource not found' });
  });
});

/**
 * The wire path through the simulation is the plain one when nothing lags or throttles: the
 * whole SDK suite, against a server where every table runs through its simulation.
 */
defineDynamoDBSuite('every table simulated, lag 0, throughput not enforced', () =>
  startOurEndpoint({
    simulationTags: { 'sim:enabled': 'true', 'sim:replication-lag-ms': '0', 'sim:index-lag-ms': '0', 'sim:enforce-throughput': 'false' },
  }),
);
