/**
 * DynamoDB Streams over the wire with @aws-sdk/client-dynamodb-streams: records read back after
 * every kind of write. Runs against our endpoint, or DYNAMODB_ENDPOINT when set (where stream
 * records may take a moment, so reads poll a bounded number of times).
 */
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { BatchWriteCommand, DeleteCommand, type DynamoDBDocumentClient, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Endpoint, openEndpoint, startOurEndpoint } from './endpoint.ts';

function streamsClient(url: string, accessKeyId = 'AKIDSTREAMS'): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'secret' }, maxAttempts: 1 });
}

const TABLE = `streams_${process.pid}`;

/** Reads the stream from TRIM_HORIZON until `count` records arrive (at most 30 reads). */
async function readRecords(streams: DynamoDBStreamsClient, arn: string, count: number): Promise<_Record[]> {
  const desc = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
  const shardId = desc.StreamDescription!.Shards![0]!.ShardId!;
  let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
  const records: _Record[] = [];
  for (let read = 0; read < 30 && iterator && records.length < count; read++) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    records.push(...(page.Records ?? []));
    iterator = page.NextShardIterator;
  }
  return records;
}

describe(`DynamoDB Streams over the wire (${process.env.DYNAMODB_ENDPOINT ?? 'our endpoint'})`, () => {
  let endpoint: Endpoint;
  let client: DynamoDBClient;
  let doc: DynamoDBDocumentClient;
  let streams: DynamoDBStreamsClient;
  let arn: string;

  beforeAll(async () => {
    endpoint = await openEndpoint();
    ({ client, doc } = createClients(endpoint.url, 'AKIDSTREAMS'));
    streams = streamsClient(endpoint.url);
    const created = await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    arn = created.TableDescription!.LatestStreamArn!;
  });

  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: TABLE })).catch(() => {});
    await endpoint.close();
  });

  it('shows the stream on the table and in ListStreams', async () => {
    const table = (await client.send(new DescribeTableCommand({ TableName: TABLE }))).Table!;
    expect(table.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table.LatestStreamArn).toBe(arn);
    expect(arn).toBe(`${table.TableArn}/stream/${table.LatestStreamLabel}`);
    const listed = await streams.send(new ListStreamsCommand({ TableName: TABLE }));
    expect(listed.Streams?.map((s) => s.StreamArn)).toContain(arn);
    const desc = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!;
    expect(desc).toMatchObject({ StreamStatus: 'ENABLED', StreamViewType: 'NEW_AND_OLD_IMAGES', TableName: TABLE });
    expect(desc.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
  });

  it('reads back a record for every kind of write, in order', async () => {
    await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'put', n: 1 } }));
    await doc.send(new UpdateCommand({ TableName: TABLE, Key: { pk: 'put' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 2 } }));
    // Changes nothing, so no record.
    await doc.send(new UpdateCommand({ TableName: TABLE, Key: { pk: 'put' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 2 } }));
    await doc.send(new DeleteCommand({ TableName: TABLE, Key: { pk: 'put' } }));
    await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: 'batch' } } }] } }));
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: TABLE, Item: { pk: 'tx' } } }, { Delete: { TableName: TABLE, Key: { pk: 'batch' } } }],
      }),
    );
    const records = await readRecords(streams, arn, 6);
    expect(records.map((r) => `${r.eventName} ${r.dynamodb?.Keys?.pk?.S}`)).toEqual([
      'INSERT put',
      'MODIFY put',
      'REMOVE put',
      'INSERT batch',
      'INSERT tx',
      'REMOVE batch',
    ]);
    const modify = records[1]!.dynamodb!;
    expect(modify.OldImage).toEqual({ pk: { S: 'put' }, n: { N: '1' } });
    expect(modify.NewImage).toEqual({ pk: { S: 'put' }, n: { N: '2' } });
    expect(modify.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
    expect(modify.ApproximateCreationDateTime).toBeInstanceOf(Date);
    const sequence = records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
    expect(sequence.every((s, i) => i === 0 || s > sequence[i - 1]!)).toBe(true);
    expect(records.every((r) => r.eventSource === 'aws:dynamodb' && (r.dynamodb!.SizeBytes ?? 0) > 0)).toBe(true);
  });
});

describe.skipIf(process.env.DYNAMODB_ENDPOINT !== undefined)('DynamoDB Streams on our endpoint', () => {
  const clock = { now: 1_700_000_000_000 };
  let endpoint: Endpoint;

  beforeAll(async () => {
    endpoint = await startOurEndpoint({ now: () => clock.now });
  });
  afterAll(async () => {
    await endpoint.close();
  });

  it('answers DynamoDBStreamsClient at the root path, as with --endpoint-url, and expires iterators after 15 minutes', async () => {
    const { client } = createClients(endpoint.url, 'AKIDROOT');
    const streams = streamsClient(endpoint.url, 'AKIDROOT');
    const created = await client.send(
      new CreateTableCommand({
        TableName: 'expiring',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
      }),
    );
    const arn = created.TableDescription!.LatestStreamArn!;
    const shardId = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!.ShardId!;
    const iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: 'LATEST' }))).ShardIterator!;
    clock.now += 15 * 60 * 1000 + 1;
    await expect(streams.send(new GetRecordsCommand({ ShardIterator: iterator }))).rejects.toBeInstanceOf(ExpiredIteratorException);
  });
});
