/**
 * Issue 14's smaller operations and validation details: DescribeEndpoints, DescribeLimits,
 * continuous backups (PITR), tags on every ARN, Select without a projection, ExpressionAttributeValues
 * with a null, leading + in numbers, DeleteTable's answer, Scan read units and per-item
 * validation inside TransactWriteItems.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../../engine/database.ts';
import { LATEST_RESTORABLE_LAG_SECONDS } from '../../../engine/operations/continuous-backups.ts';
import { MAX_TAGS_PER_RESOURCE, TAG_MESSAGES } from '../../../engine/operations/tags.ts';
import { COMPOSITE, expectFailure, newDatabase, NOW, SIMPLE } from './helpers.ts';

const ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/users';

function withUsers(): Database {
  const db = newDatabase();
  db.execute('CreateTable', SIMPLE);
  return db;
}

describe('DescribeEndpoints', () => {
  it('answers the regional address with a 1,440-minute cache period, as AWS does', () => {
    expect(newDatabase().execute('DescribeEndpoints', {})).toEqual({
      Endpoints: [{ Address: 'dynamodb.us-east-1.amazonaws.com', CachePeriodInMinutes: 1440 }],
    });
    expect(new Database({ now: () => NOW, region: 'eu-west-2' }).execute('DescribeEndpoints', {})).toEqual({
      Endpoints: [{ Address: 'dynamodb.eu-west-2.amazonaws.com', CachePeriodInMinutes: 1440 }],
    });
  });
});

describe('DescribeLimits', () => {
  it("answers AWS's default quotas", () => {
    expect(newDatabase().execute('DescribeLimits', {})).toEqual({
      AccountMaxReadCapacityUnits: 80000,
      AccountMaxWriteCapacityUnits: 80000,
      TableMaxReadCapacityUnits: 40000,
      TableMaxWriteCapacityUnits: 40000,
    });
  });
});

describe('DescribeContinuousBackups and UpdateContinuousBackups', () => {
  it('reports PITR disabled on a new table, continuous backups enabled', () => {
    expect(withUsers().execute('DescribeContinuousBackups', { TableName: 'users' })).toEqual({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    });
  });

  it('enables PITR with 35 days by default, and moves the restorable window with the engine clock', () => {
    let now = NOW;
    const db = new Database({ now: () => now });
    db.execute('CreateTable', SIMPLE);
    const enabled = db.execute('UpdateContinuousBackups', {
      TableName: 'users',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const at = NOW / 1000;
    expect(enabled).toEqual({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: {
          PointInTimeRecoveryStatus: 'ENABLED',
          RecoveryPeriodInDays: 35,
          EarliestRestorableDateTime: at,
          LatestRestorableDateTime: at,
        },
      },
    });
    now += 40 * 86400 * 1000;
    const later = db.execute('DescribeContinuousBackups', { TableName: ARN }) as {
      ContinuousBackupsDescription: { PointInTimeRecoveryDescription: Record<string, number> };
    };
    expect(later.ContinuousBackupsDescription.PointInTimeRecoveryDescription).toEqual({
      PointInTimeRecoveryStatus: 'ENABLED',
      RecoveryPeriodInDays: 35,
      EarliestRestorableDateTime: at + 5 * 86400,
      LatestRestorableDateTime: at + 40 * 86400 - LATEST_RESTORABLE_LAG_SECONDS,
    });
  });

  it('keeps a chosen recovery period and turns PITR off again', () => {
    const db = withUsers();
    const on = db.execute('UpdateContinuousBackups', {
      TableName: 'users',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
    }) as { ContinuousBackupsDescription: { PointInTimeRecoveryDescription: Record<string, unknown> } };
    expect(on.ContinuousBackupsDescription.PointInTimeRecoveryDescription.RecoveryPeriodInDays).toBe(7);
    expect(db.execute('UpdateContinuousBackups', { TableName: 'users', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } })).toEqual({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    });
  });

  it.each([
    [
      'RecoveryPeriodInDays above 35',
      { TableName: 'users', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 36 } },
      "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35",
    ],
    [
      'RecoveryPeriodInDays below 1',
      { TableName: 'users', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 0 } },
      "1 validation error detected: Value '0' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      'a missing PointInTimeRecoverySpecification',
      { TableName: 'users' },
      "1 validation error detected: Value null at 'pointInTimeRecoverySpecification' failed to satisfy constraint: Member must not be null",
    ],
    [
      'a missing PointInTimeRecoveryEnabled',
      { TableName: 'users', PointInTimeRecoverySpecification: {} },
      "1 validation error detected: Value null at 'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: Member must not be null",
    ],
  ])('should return ValidationException for %s', (_name, request, message) => {
    expectFailure(() => withUsers().execute('UpdateContinuousBackups', request), 'ValidationException', message);
  });

  it('should return TableNotFoundException for a missing table', () => {
    expectFailure(() => withUsers().execute('DescribeContinuousBackups', { TableName: 'nope' }), 'TableNotFoundException', 'Table not found: nope');
    expectFailure(
      () => withUsers().execute('UpdateContinuousBackups', { TableName: 'nope', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      'TableNotFoundException',
      'Table not found: nope',
    );
  });
});

describe('tags on every ARN', () => {
  const tag = (db: Database, Tags: unknown, ResourceArn: string = ARN) => db.execute('TagResource', { ResourceArn, Tags });

  it.each([
    ['TagResource', { Tags: [{ Key: 'k', Value: 'v' }] }],
    ['UntagResource', { TagKeys: ['k'] }],
    ['ListTagsOfResource', {}],
  ])('%s should return AccessDeniedException for another account or Region', (action, rest) => {
    for (const arn of ['arn:aws:dynamodb:us-east-1:111122223333:table/users', 'arn:aws:dynamodb:eu-west-1:000000000000:table/users']) {
      const error = expectFailure(
        () => withUsers().execute(action, { ResourceArn: arn, ...rest }),
        'AccessDeniedException',
        `User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:${action} on resource: ${arn} because no resource-based policy allows the dynamodb:${action} action`,
      );
      expect(error.toJSON()).toMatchObject({ __type: 'com.amazon.coral.service#AccessDeniedException' });
    }
  });

  it.each([
    ['a string that is no ARN', 'not-a-valid-arn', 'ValidationException', 'Invalid TableArn: Invalid ResourceArn provided as input not-a-valid-arn'],
    ['an index ARN', `${ARN}/index/byName`, 'ValidationException', `Invalid TableArn: Invalid ResourceArn provided as input ${ARN}/index/byName`],
    ['a table of this account that does not exist', `${ARN}x`, 'ResourceNotFoundException', `Requested resource not found: ResourcArn: ${ARN}x not found`],
  ])('should return %s -> %s', (_name, arn, name, message) => {
    expectFailure(() => withUsers().execute('ListTagsOfResource', { ResourceArn: arn }), name, message);
  });

  it.each([
    ['a key under the aws: prefix', [{ Key: 'aws:owner', Value: 'v' }], TAG_MESSAGES.reserved('aws:owner')],
    ['the aws: prefix in capitals', [{ Key: 'AWS:owner', Value: 'v' }], TAG_MESSAGES.reserved('AWS:owner')],
    ['a key with !', [{ Key: 'hi!', Value: 'v' }], TAG_MESSAGES.characters('key', 'hi!')],
    ['a value with %', [{ Key: 'k', Value: 'd%g' }], TAG_MESSAGES.characters('value', 'd%g')],
    ['a key with @', [{ Key: 'a@b', Value: 'v' }], TAG_MESSAGES.characters('key', 'a@b')],
    [
      'a key over 128 characters',
      [{ Key: 'k'.repeat(129), Value: 'v' }],
      `1 validation error detected: Value '${'k'.repeat(129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`,
    ],
    [
      'a value over 256 characters',
      [{ Key: 'k', Value: 'v'.repeat(257) }],
      `1 validation error detected: Value '${'v'.repeat(257)}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
    ],
    [
      'an empty key',
      [{ Key: '', Value: 'v' }],
      "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    ['no tags', [], 'Atleast one Tag needs to be provided as Input.'],
  ])('should return ValidationException for %s', (_name, tags, message) => {
    expectFailure(() => tag(withUsers(), tags), 'ValidationException', message);
  });

  it('accepts letters, digits, white space and + - = . _ : / in keys and values, and an empty value', () => {
    const db = withUsers();
    tag(db, [
      { Key: 'Cost centre 7', Value: 'a+b-c=d.e_f:g/h' },
      { Key: 'законные буквы', Value: '' },
    ]);
    expect(db.execute('ListTagsOfResource', { ResourceArn: ARN })).toEqual({
      Tags: [
        { Key: 'Cost centre 7', Value: 'a+b-c=d.e_f:g/h' },
        { Key: 'законные буквы', Value: '' },
      ],
    });
  });

  it(`should return ValidationException for more than ${MAX_TAGS_PER_RESOURCE} tags, counting a replaced key once`, () => {
    const db = withUsers();
    const numbered = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
    tag(db, numbered(0, 30));
    tag(db, numbered(20, 50));
    expectFailure(() => tag(db, numbered(50, 51)), 'ValidationException', TAG_MESSAGES.tooMany);
    tag(db, [{ Key: 'k0', Value: 'replaced' }]);
    expect((db.execute('ListTagsOfResource', { ResourceArn: ARN }) as { Tags: unknown[] }).Tags).toHaveLength(50);
  });
});

describe('Select SPECIFIC_ATTRIBUTES without a projection', () => {
  it.each([
    [
      'Query',
      { TableName: 'users', KeyConditionExpression: 'id = :a', ExpressionAttributeValues: { ':a': { S: 'x' } }, Select: 'SPECIFIC_ATTRIBUTES' },
      '1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES',
    ],
    [
      'Scan',
      { TableName: 'users', Select: 'SPECIFIC_ATTRIBUTES' },
      'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES',
    ],
  ])('%s should return ValidationException with AWS text', (action, request, message) => {
    expectFailure(() => withUsers().execute(action, request), 'ValidationException', message);
  });

  it('is accepted with a ProjectionExpression or AttributesToGet', () => {
    const db = withUsers();
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: 'a' }, x: { N: '1' } } });
    expect(db.execute('Scan', { TableName: 'users', Select: 'SPECIFIC_ATTRIBUTES', ProjectionExpression: 'x' })).toMatchObject({ Items: [{ x: { N: '1' } }] });
    expect(db.execute('Scan', { TableName: 'users', Select: 'SPECIFIC_ATTRIBUTES', AttributesToGet: ['x'] })).toMatchObject({ Items: [{ x: { N: '1' } }] });
  });
});

describe('ExpressionAttributeValues with a null', () => {
  // A null member of a map is dropped while deserialising, as dynalite does (checkTypes), so a map
  // of only nulls is empty and a placeholder whose value is null is undefined.
  it.each([
    ['a map holding only a null', { ':a': null }, 'ExpressionAttributeValues must not be empty'],
    [
      'a null beside a value',
      { ':a': null, ':b': { S: 'x' } },
      'Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :a',
    ],
  ])('should return ValidationException for %s', (_name, values, message) => {
    expectFailure(
      () => withUsers().execute('Scan', { TableName: 'users', FilterExpression: 'id = :a', ExpressionAttributeValues: values }),
      'ValidationException',
      message,
    );
  });
});

describe('numbers with a leading +', () => {
  it('stores "+5" as 5, as a key and as an attribute', () => {
    const db = newDatabase();
    db.execute('CreateTable', COMPOSITE);
    db.execute('PutItem', { TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: '+5' }, n: { N: '+1.50' } } });
    expect(db.execute('GetItem', { TableName: 'orders', Key: { pk: { S: 'a' }, sk: { N: '5' } } })).toEqual({
      Item: { pk: { S: 'a' }, sk: { N: '5' }, n: { N: '1.5' } },
    });
  });
});

describe('DeleteTable', () => {
  it('answers DELETING without key schema, attribute definitions, creation time or indexes, as AWS does', () => {
    const db = newDatabase();
    db.execute('CreateTable', {
      ...COMPOSITE,
      AttributeDefinitions: [...COMPOSITE.AttributeDefinitions, { AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    });
    const { TableDescription } = db.execute('DeleteTable', { TableName: 'orders' }) as { TableDescription: Record<string, unknown> };
    expect(Object.keys(TableDescription).sort()).toEqual(
      [
        'BillingModeSummary',
        'DeletionProtectionEnabled',
        'ItemCount',
        'ProvisionedThroughput',
        'TableArn',
        'TableId',
        'TableName',
        'TableSizeBytes',
        'TableStatus',
      ].sort(),
    );
    expect(TableDescription).toMatchObject({
      TableName: 'orders',
      TableStatus: 'DELETING',
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    });
  });
});

describe('Scan read units', () => {
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html:
  // a Scan sums the sizes of the items it reads (before any filter) and rounds the sum up to the
  // next 4 KB once per page; eventually consistent reads cost half.
  const item = (id: string, bytes: number) => ({ id: { S: id }, pad: { S: 'x'.repeat(bytes - id.length - 'id'.length - 'pad'.length) } });
  it.each([
    ['an empty table, eventual', [], false, 0.5],
    ['an empty table, strong', [], true, 1],
    ['three 1,000-byte items, eventual (3,000 B: one block)', [1000, 1000, 1000], false, 0.5],
    ['five 1,000-byte items, strong (5,000 B: two blocks, not five)', [1000, 1000, 1000, 1000, 1000], true, 2],
    ['one 4,096-byte item and one of 1 KB, eventual (5,120 B: two blocks)', [4096, 1024], false, 1],
    ['ten 4,096-byte items, strong', Array<number>(10).fill(4096), true, 10],
  ])('charges %s', (_name, sizes, consistent, units) => {
    const db = withUsers();
    for (const [i, size] of sizes.entries()) db.execute('PutItem', { TableName: 'users', Item: item(`i${i}`, size) });
    const scan = db.execute('Scan', {
      TableName: 'users',
      ConsistentRead: consistent,
      ReturnConsumedCapacity: 'TOTAL',
      FilterExpression: 'attribute_not_exists(nothing)',
    });
    expect(scan).toMatchObject({ ConsumedCapacity: { TableName: 'users', CapacityUnits: units } });
  });

  it('charges each page separately', () => {
    const db = withUsers();
    for (let i = 0; i < 3; i++) db.execute('PutItem', { TableName: 'users', Item: item(`i${i}`, 1000) });
    const first = db.execute('Scan', { TableName: 'users', Limit: 2, ReturnConsumedCapacity: 'TOTAL' }) as Record<string, unknown>;
    const second = db.execute('Scan', { TableName: 'users', ExclusiveStartKey: first.LastEvaluatedKey, ReturnConsumedCapacity: 'TOTAL' });
    expect(first).toMatchObject({ Count: 2, ConsumedCapacity: { CapacityUnits: 0.5 } });
    expect(second).toMatchObject({ Count: 1, ConsumedCapacity: { CapacityUnits: 0.5 } });
  });
});

describe('TransactWriteItems: per-item validation as cancellation reasons', () => {
  function indexed(): Database {
    const db = newDatabase();
    db.execute('CreateTable', {
      TableName: 'users',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'g', AttributeType: 'N' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    });
    db.execute('PutItem', { TableName: 'users', Item: { id: { S: 'a' }, s: { S: 'text' }, big: { S: 'y'.repeat(300_000) } } });
    return db;
  }
  const update = (expression: string, value: unknown) => ({
    Update: { TableName: 'users', Key: { id: { S: 'a' } }, UpdateExpression: expression, ExpressionAttributeValues: { ':x': value } },
  });

  // The reasons AWS lists for ValidationError (API_TransactWriteItems.html, TransactionCanceledException;
  // repost.aws knowledge-center/dynamodb-transactwriteitems): what depends on the stored item or
  // on the item a Put writes.
  it.each([
    [
      'an attribute the item lacks',
      update('SET n = absentattr + :x', { N: '1' }),
      'The provided expression refers to an attribute that does not exist in the item',
    ],
    ['ADD to a string', update('ADD s :x', { N: '1' }), 'An operand in the update expression has an incorrect data type'],
    ['a path into a string', update('SET s.nested = :x', { S: 'v' }), 'The document path provided in the update expression is invalid for update'],
    ['an update past 400 KB', update('SET more = :x', { S: 'z'.repeat(150_000) }), 'Item size to update has exceeded the maximum allowed size'],
    [
      'an index key of the wrong type',
      update('SET g = :x', { S: 'not a number' }),
      'One or more parameter values were invalid: Type mismatch for Index Key g Expected: N Actual: S IndexName: byG',
    ],
    [
      'a Put over 400 KB',
      { Put: { TableName: 'users', Item: { id: { S: 'b' }, big: { S: 'w'.repeat(410_000) } } } },
      'Item size has exceeded the maximum allowed size',
    ],
  ])('cancels with a ValidationError reason for %s', (_name, action, message) => {
    const db = indexed();
    const error = expectFailure(
      () => db.execute('TransactWriteItems', { TransactItems: [{ Put: { TableName: 'users', Item: { id: { S: 'other' } } } }, action] }),
      'TransactionCanceledException',
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]',
    );
    expect(error.extra).toEqual({ CancellationReasons: [{ Code: 'None' }, { Code: 'ValidationError', Message: message }] });
    // Nothing was written.
    expect(db.execute('GetItem', { TableName: 'users', Key: { id: { S: 'other' } } })).toEqual({});
  });

  // What the request alone shows wrong is refused whole, before any action runs.
  it.each([
    [
      'a number that is no number',
      { Put: { TableName: 'users', Item: { id: { S: 'b' }, n: { N: 'x' } } } },
      'The parameter cannot be converted to a numeric value: x',
    ],
    [
      'an item without its key',
      { Put: { TableName: 'users', Item: { n: { N: '1' } } } },
      'One or more parameter values were invalid: Missing the key id in the item',
    ],
    ['an update expression that does not parse', update('SET', { N: '1' }), 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "SET"'],
  ])('should return ValidationException for %s', (_name, action, message) => {
    expectFailure(() => indexed().execute('TransactWriteItems', { TransactItems: [action] }), 'ValidationException', message);
  });
});
