import { describe, expect, it } from 'vitest';
import { Database } from '../../../engine/database.ts';
import { RESTORE_MESSAGES } from '../../../engine/operations/restore-table-to-point-in-time.ts';
import { expectFailure } from './helpers.ts';

const START = 1_700_000_000_000;
const MINUTE = 60_000;

/** A database on a clock the test moves, with `users` (a GSI, a tag, TTL, a stream) and PITR on. */
function setup(options: { maxBytes?: number } = {}) {
  let now = START;
  const db = new Database({ now: () => now, ...(options.maxBytes !== undefined && { limits: { maxBytes: options.maxBytes } }) });
  db.execute('CreateTable', {
    TableName: 'users',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'team', AttributeType: 'S' },
    ],
    BillingMode: 'PROVISIONED',
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 },
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byTeam',
        KeySchema: [{ AttributeName: 'team', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
      },
    ],
    Tags: [{ Key: 'owner', Value: 'me' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  });
  db.execute('UpdateTimeToLive', { TableName: 'users', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } });
  db.execute('UpdateContinuousBackups', { TableName: 'users', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
  const put = (id: string, extra: Record<string, unknown> = {}) =>
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: id }, team: { S: 't' }, ...extra } });
  const ids = (table: string) =>
    ((db.execute('Scan', { TableName: table }) as { Items: { id: { S: string }; v?: { N: string } }[] }).Items ?? [])
      .map((i) => `${i.id.S}${i.v ? `=${i.v.N}` : ''}`)
      .sort();
  const advance = (ms: number) => (now += ms);
  const seconds = () => now / 1000;
  return { db, put, ids, advance, seconds };
}

describe('RestoreTableToPointInTime', () => {
  it('restores the items as they were at the restore time: later puts, updates and deletes undone', () => {
    const { db, put, ids, advance, seconds } = setup();
    put('a', { v: { N: '1' } });
    put('b');
    advance(MINUTE);
    const restoreAt = seconds();
    advance(MINUTE);
    put('a', { v: { N: '2' } });
    db.execute('DeleteItem', { TableName: 'users', Key: { id: { S: 'b' } } });
    put('c');
    advance(10 * MINUTE);
    db.execute('RestoreTableToPointInTime', { SourceTableName: 'users', TargetTableName: 'users-then', RestoreDateTime: restoreAt });
    expect(ids('users-then')).toEqual(['a=1', 'b']);
    // The source is untouched, and its GSI is rebuilt on the copy.
    expect(ids('users')).toEqual(['a=2', 'c']);
    const byTeam = db.execute('Query', {
      TableName: 'users-then',
      IndexName: 'byTeam',
      KeyConditionExpression: 'team = :t',
      ExpressionAttributeValues: { ':t': { S: 't' } },
    }) as { Count: number };
    expect(byTeam.Count).toBe(2);
  });

  it('copies the keys, GSIs and throughput, and not the tags, TTL, stream or PITR, as AWS documents', () => {
    const { db, put, advance } = setup();
    put('a');
    advance(10 * MINUTE);
    const response = db.execute('RestoreTableToPointInTime', { SourceTableName: 'users', TargetTableName: 'copy', UseLatestRestorableTime: true }) as {
      TableDescription: Record<string, unknown>;
    };
    const description = response.TableDescription;
    expect(description.TableStatus).toBe('CREATING');
    expect(description.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 7 });
    expect((description.GlobalSecondaryIndexes as { IndexName: string }[]).map((i) => i.IndexName)).toEqual(['byTeam']);
    expect(description.RestoreSummary).toEqual({
      SourceTableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/users',
      RestoreDateTime: START / 1000 + 5 * 60,
      RestoreInProgress: true,
    });
    expect(description.StreamSpecification).toBeUndefined();
    expect(db.execute('ListTagsOfResource', { ResourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/copy' })).toEqual({ Tags: [] });
    expect(db.execute('DescribeTimeToLive', { TableName: 'copy' })).toEqual({ TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
    expect(db.execute('DescribeContinuousBackups', { TableName: 'copy' })).toMatchObject({
      ContinuousBackupsDescription: { PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    });
  });

  it('takes BillingModeOverride and ProvisionedThroughputOverride, by the source table’s ARN', () => {
    const { db, advance } = setup();
    advance(10 * MINUTE);
    const onDemand = db.execute('RestoreTableToPointInTime', {
      SourceTableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/users',
      TargetTableName: 'on-demand',
      UseLatestRestorableTime: true,
      BillingModeOverride: 'PAY_PER_REQUEST',
    }) as { TableDescription: { BillingModeSummary?: { BillingMode: string } } };
    expect(onDemand.TableDescription.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const bigger = db.execute('RestoreTableToPointInTime', {
      SourceTableName: 'users',
      TargetTableName: 'big',
      UseLatestRestorableTime: true,
      ProvisionedThroughputOverride: { ReadCapacityUnits: 50, WriteCapacityUnits: 60 },
    }) as { TableDescription: { ProvisionedThroughput: unknown } };
    expect(bigger.TableDescription.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 50, WriteCapacityUnits: 60 });
  });

  it.each<[string, (s: ReturnType<typeof setup>) => Record<string, unknown>, string, string]>([
    [
      'PITR off',
      (s) => {
        s.db.execute('UpdateContinuousBackups', { TableName: 'users', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } });
        return { SourceTableName: 'users', TargetTableName: 'x-y', UseLatestRestorableTime: true };
      },
      'PointInTimeRecoveryUnavailableException',
      RESTORE_MESSAGES.pitrOff('users'),
    ],
    [
      'a target that exists',
      () => ({ SourceTableName: 'users', TargetTableName: 'users', UseLatestRestorableTime: true }),
      'TableAlreadyExistsException',
      'Table already exists: users',
    ],
    [
      'a missing source',
      () => ({ SourceTableName: 'nobody', TargetTableName: 'x-y', UseLatestRestorableTime: true }),
      'TableNotFoundException',
      'Table not found: nobody',
    ],
    [
      'a time before the window',
      () => ({ SourceTableName: 'users', TargetTableName: 'x-y', RestoreDateTime: START / 1000 - 1 }),
      'InvalidRestoreTimeException',
      RESTORE_MESSAGES.invalidTime,
    ],
    [
      'a time within the last five minutes',
      (s) => ({ SourceTableName: 'users', TargetTableName: 'x-y', RestoreDateTime: s.seconds() - 299 }),
      'InvalidRestoreTimeException',
      RESTORE_MESSAGES.invalidTime,
    ],
    ['no time', () => ({ SourceTableName: 'users', TargetTableName: 'x-y' }), 'ValidationException', RESTORE_MESSAGES.timeMissing],
    [
      'both times',
      (s) => ({ SourceTableName: 'users', TargetTableName: 'x-y', RestoreDateTime: s.seconds() - 400, UseLatestRestorableTime: true }),
      'ValidationException',
      RESTORE_MESSAGES.timeBoth,
    ],
    ['no source', () => ({ TargetTableName: 'x-y', UseLatestRestorableTime: true }), 'ValidationException', RESTORE_MESSAGES.sourceMissing],
  ])('should return %s’s error, and create nothing', (_case, request, name, message) => {
    const s = setup();
    s.advance(10 * MINUTE);
    const tables = s.db.tableNames();
    expectFailure(() => s.db.execute('RestoreTableToPointInTime', request(s)), name, message);
    expect(s.db.tableNames()).toEqual(tables);
  });

  it('keeps no history without PITR, forgets it when PITR is turned off, and never records a restore’s own undo', () => {
    const { db, put, advance } = setup();
    put('a');
    expect(db.streams.history.size).toBe(1);
    db.execute('UpdateContinuousBackups', { TableName: 'users', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } });
    expect(db.streams.history.size).toBe(0);
    put('b');
    expect(db.streams.history.size).toBe(0);
    db.execute('UpdateContinuousBackups', { TableName: 'users', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    advance(10 * MINUTE);
    put('c');
    db.execute('RestoreTableToPointInTime', { SourceTableName: 'users', TargetTableName: 'copy', UseLatestRestorableTime: true });
    expect(db.streams.history.size).toBe(1);
  });

  it('bounds the history by the recovery period and by the byte limit, moving the earliest restorable time up', () => {
    const { db, put, advance, seconds } = setup({ maxBytes: 2_000 });
    db.execute('UpdateContinuousBackups', {
      TableName: 'users',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 },
    });
    // Each rewrite of one ~300-byte item keeps the item it replaced: about six fit in 2,000 bytes.
    for (let i = 0; i < 50; i++) {
      put('a', { pad: { S: 'x'.repeat(300) }, v: { N: String(i) } });
      advance(MINUTE);
    }
    expect(db.streams.history.heldBytes).toBeLessThanOrEqual(2_000);
    const earliest = (
      db.execute('DescribeContinuousBackups', { TableName: 'users' }) as {
        ContinuousBackupsDescription: { PointInTimeRecoveryDescription: { EarliestRestorableDateTime: number } };
      }
    ).ContinuousBackupsDescription.PointInTimeRecoveryDescription.EarliestRestorableDateTime;
    expect(earliest).toBeGreaterThan(START / 1000 + 40 * 60);
    expectFailure(
      () => db.execute('RestoreTableToPointInTime', { SourceTableName: 'users', TargetTableName: 'old', RestoreDateTime: START / 1000 + 60 }),
      'InvalidRestoreTimeException',
    );
    // A day later every entry is past the period.
    advance(86_400_000);
    put('b');
    expect(db.streams.history.size).toBe(1);
    expect(seconds()).toBeGreaterThan(earliest);
  });
});
