import { describe, expect, it } from 'vitest';
import { Database } from '../../../engine/database.ts';
import { STREAM_RETENTION_MS } from '../../../engine/streams/stream.ts';
import { SHARD_ITERATOR_LIFETIME_MS } from '../../../engine/streams/operations.ts';
import { expectFailure } from '../operations/helpers.ts';

const START = 1_700_000_000_000;

/** A database on a clock the test moves. */
function setup(viewType: string | null = 'NEW_AND_OLD_IMAGES') {
  const clock = { now: START };
  const db = new Database({ now: () => clock.now });
  db.execute('CreateTable', {
    TableName: 'orders',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
    ...(viewType && { StreamSpecification: { StreamEnabled: true, StreamViewType: viewType } }),
  });
  return { db, clock };
}

function streamArn(db: Database): string {
  return (db.execute('DescribeTable', { TableName: 'orders' }) as { Table: { LatestStreamArn: string } }).Table.LatestStreamArn;
}

function iterator(db: Database, type = 'TRIM_HORIZON', sequence?: string): string {
  const arn = streamArn(db);
  const desc = db.executeStreams('DescribeStream', { StreamArn: arn }) as { StreamDescription: { Shards: { ShardId: string }[] } };
  const request: Record<string, unknown> = { StreamArn: arn, ShardId: desc.StreamDescription.Shards[0]!.ShardId, ShardIteratorType: type };
  if (sequence !== undefined) request.SequenceNumber = sequence;
  return (db.executeStreams('GetShardIterator', request) as { ShardIterator: string }).ShardIterator;
}

interface Rec {
  eventName: string;
  userIdentity?: unknown;
  dynamodb: { Keys: unknown; NewImage?: unknown; OldImage?: unknown; SequenceNumber: string; SizeBytes: number; StreamViewType: string };
}

function records(db: Database, from = iterator(db)): Rec[] {
  return (db.executeStreams('GetRecords', { ShardIterator: from }) as { Records: Rec[] }).Records;
}

const item = (pk: string, n: string) => ({ pk: { S: pk }, n: { N: n } });

describe('DynamoDB Streams: StreamSpecification', () => {
  it('describes the stream on the table: StreamSpecification, LatestStreamArn and LatestStreamLabel', () => {
    const { db } = setup('KEYS_ONLY');
    const table = (db.execute('DescribeTable', { TableName: 'orders' }) as { Table: Record<string, unknown> }).Table;
    expect(table.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    expect(table.LatestStreamLabel).toBe('2023-11-14T22:13:20.000');
    expect(table.LatestStreamArn).toBe(`arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2023-11-14T22:13:20.000`);
  });

  it('keeps LatestStreamArn after a disable, without StreamSpecification, and a re-enable gets a new ARN', () => {
    const { db, clock } = setup('KEYS_ONLY');
    const first = streamArn(db);
    const disabled = db.execute('UpdateTable', { TableName: 'orders', StreamSpecification: { StreamEnabled: false } }) as {
      TableDescription: Record<string, unknown>;
    };
    expect(disabled.TableDescription.TableStatus).toBe('UPDATING');
    const table = (db.execute('DescribeTable', { TableName: 'orders' }) as { Table: Record<string, unknown> }).Table;
    expect(table.StreamSpecification).toBeUndefined();
    expect(table.LatestStreamArn).toBe(first);
    clock.now += 1000;
    db.execute('UpdateTable', { TableName: 'orders', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } });
    expect(streamArn(db)).not.toBe(first);
    const listed = db.executeStreams('ListStreams', { TableName: 'orders' }) as { Streams: { StreamArn: string }[] };
    expect(listed.Streams.map((s) => s.StreamArn)).toEqual([first, streamArn(db)]);
    const old = db.executeStreams('DescribeStream', { StreamArn: first }) as { StreamDescription: { StreamStatus: string } };
    expect(old.StreamDescription.StreamStatus).toBe('DISABLED');
  });

  const INVALID = 'One or more parameter values were invalid:';
  it.each([
    ['CreateTable', { StreamEnabled: true }, `${INVALID} Table is being created with a stream enabled, UpdateViewType is required`],
    [
      'CreateTable',
      { StreamEnabled: false, StreamViewType: 'KEYS_ONLY' },
      `${INVALID} Table is being created with a stream disabled, UpdateViewType should not be specified`,
    ],
    [
      'CreateTable',
      { StreamViewType: 'KEYS_ONLY' },
      "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null",
    ],
    [
      'CreateTable',
      { StreamEnabled: true, StreamViewType: 'ALL' },
      "1 validation error detected: Value 'ALL' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]",
    ],
  ])('should return ValidationException for %s with StreamSpecification %j', (_action, spec, message) => {
    const db = new Database({ now: () => START });
    expectFailure(
      () =>
        db.execute('CreateTable', {
          TableName: 'orders',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: spec,
        }),
      'ValidationException',
      message,
    );
  });

  it.each([
    ['KEYS_ONLY', { StreamEnabled: true }, `${INVALID} If stream is being enabled then UpdateViewType is required`],
    ['KEYS_ONLY', { StreamEnabled: false, StreamViewType: 'KEYS_ONLY' }, `${INVALID} If stream is being disabled, then UpdateViewType must not be specified`],
    ['KEYS_ONLY', { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' }, 'Table already has an enabled stream: TableName: orders'],
    ['KEYS_ONLY', { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' }, 'Table already has an enabled stream: TableName: orders'],
    [null, { StreamEnabled: false }, 'Table has no stream to disable: TableName: orders'],
  ])('should return ValidationException for UpdateTable on a table with stream %s and StreamSpecification %j', (viewType, spec, message) => {
    const { db } = setup(viewType);
    expectFailure(() => db.execute('UpdateTable', { TableName: 'orders', StreamSpecification: spec }), 'ValidationException', message);
  });
});

describe('DynamoDB Streams: records per view type', () => {
  it.each([
    ['KEYS_ONLY', [false, false], [false, false], [false, false]],
    ['NEW_IMAGE', [true, false], [true, false], [false, false]],
    ['OLD_IMAGE', [false, false], [false, true], [false, true]],
    ['NEW_AND_OLD_IMAGES', [true, false], [true, true], [false, true]],
  ])('%s: INSERT, MODIFY and REMOVE carry Keys and the images of the view type', (viewType, insert, modify, remove) => {
    const { db } = setup(viewType);
    db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') });
    db.execute('PutItem', { TableName: 'orders', Item: item('a', '2') });
    db.execute('DeleteItem', { TableName: 'orders', Key: { pk: { S: 'a' } } });
    const got = records(db);
    expect(got.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    for (const [r, [hasNew, hasOld]] of [
      [got[0]!, insert],
      [got[1]!, modify],
      [got[2]!, remove],
    ] as const) {
      expect(r.dynamodb.Keys).toEqual({ pk: { S: 'a' } });
      expect(r.dynamodb.NewImage !== undefined).toBe(hasNew);
      expect(r.dynamodb.OldImage !== undefined).toBe(hasOld);
      expect(r.dynamodb.StreamViewType).toBe(viewType);
    }
    if (viewType === 'NEW_AND_OLD_IMAGES') {
      expect(got[1]!.dynamodb.OldImage).toEqual(item('a', '1'));
      expect(got[1]!.dynamodb.NewImage).toEqual(item('a', '2'));
    }
  });

  it('numbers records with increasing decimal strings and counts SizeBytes from the keys and images', () => {
    const { db } = setup('NEW_AND_OLD_IMAGES');
    db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') });
    db.execute('PutItem', { TableName: 'orders', Item: item('b', '1') });
    const got = records(db);
    expect(got[0]!.dynamodb.SequenceNumber).toMatch(/^\d{21}$/);
    expect(BigInt(got[1]!.dynamodb.SequenceNumber) > BigInt(got[0]!.dynamodb.SequenceNumber)).toBe(true);
    // Keys: "pk" + "a" = 3 bytes; NewImage: 3 + "n" + 1-digit number (2 bytes) = 6.
    expect(got[0]!.dynamodb.SizeBytes).toBe(3 + 6);
  });

  it('shapes a record as GetRecords returns it', () => {
    const { db } = setup('KEYS_ONLY');
    db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') });
    const [r] = records(db) as unknown as Record<string, unknown>[];
    expect(r).toMatchObject({ eventName: 'INSERT', eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1' });
    expect(r!.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect((r!.dynamodb as Record<string, unknown>).ApproximateCreationDateTime).toBe(START / 1000);
    expect(r!.userIdentity).toBeUndefined();
  });
});

describe('DynamoDB Streams: every write path records', () => {
  const key = { pk: { S: 'a' } };
  it.each<[string, (db: Database) => void, string[]]>([
    ['PutItem', (db) => db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') }), ['INSERT']],
    [
      'UpdateItem',
      (db) => {
        db.execute('UpdateItem', { TableName: 'orders', Key: key, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '1' } } });
        db.execute('UpdateItem', { TableName: 'orders', Key: key, UpdateExpression: 'ADD n :n', ExpressionAttributeValues: { ':n': { N: '1' } } });
      },
      ['INSERT', 'MODIFY'],
    ],
    [
      'DeleteItem',
      (db) => {
        db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') });
        db.execute('DeleteItem', { TableName: 'orders', Key: key });
      },
      ['INSERT', 'REMOVE'],
    ],
    [
      'BatchWriteItem',
      (db) => {
        db.execute('BatchWriteItem', { RequestItems: { orders: [{ PutRequest: { Item: item('a', '1') } }, { PutRequest: { Item: item('b', '1') } }] } });
        db.execute('BatchWriteItem', { RequestItems: { orders: [{ DeleteRequest: { Key: key } }] } });
      },
      ['INSERT', 'INSERT', 'REMOVE'],
    ],
    [
      'TransactWriteItems',
      (db) =>
        db.execute('TransactWriteItems', {
          TransactItems: [
            { Put: { TableName: 'orders', Item: item('a', '1') } },
            { Update: { TableName: 'orders', Key: { pk: { S: 'b' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } } },
          ],
        }),
      ['INSERT', 'INSERT'],
    ],
  ])('%s', (_name, write, expected) => {
    const { db } = setup();
    write(db);
    expect(records(db).map((r) => r.eventName)).toEqual(expected);
  });

  it.each<[string, (db: Database) => void]>([
    [
      'a conditional failure',
      (db) =>
        expectFailure(
          () => db.execute('PutItem', { TableName: 'orders', Item: item('a', '9'), ConditionExpression: 'attribute_not_exists(pk)' }),
          'ConditionalCheckFailedException',
        ),
    ],
    ['a PutItem of the same item', (db) => db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') })],
    [
      'an UpdateItem setting the same value',
      (db) =>
        db.execute('UpdateItem', {
          TableName: 'orders',
          Key: { pk: { S: 'a' } },
          UpdateExpression: 'SET n = :n',
          ExpressionAttributeValues: { ':n': { N: '1' } },
        }),
    ],
    ['a DeleteItem of a missing item', (db) => db.execute('DeleteItem', { TableName: 'orders', Key: { pk: { S: 'zz' } } })],
    [
      'a cancelled transaction',
      (db) =>
        expectFailure(
          () =>
            db.execute('TransactWriteItems', {
              TransactItems: [
                { Put: { TableName: 'orders', Item: item('b', '1') } },
                {
                  ConditionCheck: {
                    TableName: 'orders',
                    Key: { pk: { S: 'a' } },
                    ConditionExpression: 'n = :x',
                    ExpressionAttributeValues: { ':x': { N: '5' } },
                  },
                },
              ],
            }),
          'TransactionCanceledException',
        ),
    ],
  ])('writes no record for %s', (_name, write) => {
    const { db } = setup();
    db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') });
    write(db);
    expect(records(db).map((r) => r.eventName)).toEqual(['INSERT']);
  });

  it('records TTL deletions as REMOVE with the service userIdentity', () => {
    const { db, clock } = setup('OLD_IMAGE');
    db.execute('UpdateTimeToLive', { TableName: 'orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } });
    db.execute('PutItem', { TableName: 'orders', Item: { pk: { S: 'a' }, exp: { N: String(START / 1000 + 60) } } });
    clock.now += 120_000;
    const got = records(db);
    expect(got.map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
    expect(got[0]!.userIdentity).toBeUndefined();
    expect(got[1]!.userIdentity).toEqual({ Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' });
    expect(got[1]!.dynamodb.OldImage).toEqual({ pk: { S: 'a' }, exp: { N: String(START / 1000 + 60) } });
  });

  it('records nothing while the stream is disabled', () => {
    const { db } = setup(null);
    db.execute('PutItem', { TableName: 'orders', Item: item('a', '1') });
    db.execute('UpdateTable', { TableName: 'orders', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
    db.execute('PutItem', { TableName: 'orders', Item: item('b', '1') });
    expect(records(db).map((r) => r.dynamodb.Keys)).toEqual([{ pk: { S: 'b' } }]);
  });
});

describe('DynamoDB Streams: shard iterators', () => {
  function threeRecords() {
    const setupResult = setup('KEYS_ONLY');
    for (const pk of ['a', 'b', 'c']) setupResult.db.execute('PutItem', { TableName: 'orders', Item: item(pk, '1') });
    const seqs = records(setupResult.db).map((r) => r.dynamodb.SequenceNumber);
    return { ...setupResult, seqs };
  }
  const keysFrom = (db: Database, it: string) => records(db, it).map((r) => (r.dynamodb.Keys as { pk: { S: string } }).pk.S);

  it('TRIM_HORIZON starts at the oldest record, LATEST after the newest', () => {
    const { db } = threeRecords();
    expect(keysFrom(db, iterator(db, 'TRIM_HORIZON'))).toEqual(['a', 'b', 'c']);
    const latest = iterator(db, 'LATEST');
    expect(keysFrom(db, latest)).toEqual([]);
    db.execute('PutItem', { TableName: 'orders', Item: item('d', '1') });
    expect(keysFrom(db, latest)).toEqual(['d']);
  });

  it('AT_SEQUENCE_NUMBER starts at the record, AFTER_SEQUENCE_NUMBER after it', () => {
    const { db, seqs } = threeRecords();
    expect(keysFrom(db, iterator(db, 'AT_SEQUENCE_NUMBER', seqs[1]))).toEqual(['b', 'c']);
    expect(keysFrom(db, iterator(db, 'AFTER_SEQUENCE_NUMBER', seqs[1]))).toEqual(['c']);
  });

  it('pages with Limit and NextShardIterator', () => {
    const { db } = threeRecords();
    const first = db.executeStreams('GetRecords', { ShardIterator: iterator(db), Limit: 2 }) as { Records: Rec[]; NextShardIterator: string };
    expect(first.Records).toHaveLength(2);
    expect(keysFrom(db, first.NextShardIterator)).toEqual(['c']);
  });

  it('should return ExpiredIteratorException for an iterator more than 15 minutes old', () => {
    const { db, clock } = threeRecords();
    const it15 = iterator(db);
    clock.now += SHARD_ITERATOR_LIFETIME_MS;
    expect(keysFrom(db, it15)).toHaveLength(3);
    clock.now += 1;
    expectFailure(() => db.executeStreams('GetRecords', { ShardIterator: it15 }), 'ExpiredIteratorException');
  });

  it('should return TrimmedDataAccessException for records older than 24 hours, and TRIM_HORIZON moves on', () => {
    const { db, clock, seqs } = threeRecords();
    clock.now += STREAM_RETENTION_MS - 1000;
    const before = iterator(db);
    db.execute('PutItem', { TableName: 'orders', Item: item('d', '1') });
    clock.now += 2000;
    expectFailure(() => db.executeStreams('GetRecords', { ShardIterator: before }), 'TrimmedDataAccessException');
    const arn = streamArn(db);
    const shard = (db.executeStreams('DescribeStream', { StreamArn: arn }) as { StreamDescription: { Shards: { ShardId: string }[] } }).StreamDescription
      .Shards[0]!.ShardId;
    expectFailure(
      () => db.executeStreams('GetShardIterator', { StreamArn: arn, ShardId: shard, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: seqs[0] }),
      'TrimmedDataAccessException',
    );
    expect(keysFrom(db, iterator(db))).toEqual(['d']);
  });

  it.each([
    ['AT_SEQUENCE_NUMBER without SequenceNumber', { ShardIteratorType: 'AT_SEQUENCE_NUMBER' }],
    ['TRIM_HORIZON with SequenceNumber', { ShardIteratorType: 'TRIM_HORIZON', SequenceNumber: '000000000000000000001' }],
    ['an unknown ShardIteratorType', { ShardIteratorType: 'OLDEST' }],
  ])('should return ValidationException for %s', (_name, extra) => {
    const { db } = threeRecords();
    const arn = streamArn(db);
    const shard = (db.executeStreams('DescribeStream', { StreamArn: arn }) as { StreamDescription: { Shards: { ShardId: string }[] } }).StreamDescription
      .Shards[0]!.ShardId;
    expectFailure(() => db.executeStreams('GetShardIterator', { StreamArn: arn, ShardId: shard, ...extra }), 'ValidationException');
  });

  it('ends a disabled stream: the shard closes and reading to its end gives no NextShardIterator', () => {
    const { db } = threeRecords();
    const arn = streamArn(db);
    const from = iterator(db);
    db.execute('UpdateTable', { TableName: 'orders', StreamSpecification: { StreamEnabled: false } });
    db.execute('PutItem', { TableName: 'orders', Item: item('z', '1') });
    const page = db.executeStreams('GetRecords', { ShardIterator: from }) as { Records: Rec[]; NextShardIterator?: string };
    expect(page.Records).toHaveLength(3);
    expect(page.NextShardIterator).toBeUndefined();
    const desc = db.executeStreams('DescribeStream', { StreamArn: arn }) as {
      StreamDescription: { Shards: { SequenceNumberRange: Record<string, string> }[] };
    };
    expect(desc.StreamDescription.Shards[0]!.SequenceNumberRange.EndingSequenceNumber).toBe('000000000000000000003');
  });

  it('keeps a deleted table’s stream readable for 24 hours', () => {
    const { db, clock } = threeRecords();
    const arn = streamArn(db);
    db.execute('DeleteTable', { TableName: 'orders' });
    expect((db.executeStreams('ListStreams', {}) as { Streams: unknown[] }).Streams).toHaveLength(1);
    clock.now += STREAM_RETENTION_MS + 1;
    expectFailure(() => db.executeStreams('DescribeStream', { StreamArn: arn }), 'ResourceNotFoundException');
  });
});
