/**
 * The SDK suite, continued: secondary indexes, batches, transactions, UpdateTable and time to
 * live (issue 4). Same endpoint factory as suite.ts.
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeEndpointsCommand,
  DescribeLimitsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  GetItemCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TagResourceCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UntagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Endpoint } from './endpoint.ts';
import { compositeTable, createTable, expectError, simpleTable, tableName } from './suite.ts';

const s = (v: string): AttributeValue => ({ S: v });
const n = (v: number | string): AttributeValue => ({ N: String(v) });

function indexedTable(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'amount', AttributeType: 'N' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    LocalSecondaryIndexes: [
      {
        IndexName: 'byAmount',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'amount', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] },
      },
    ],
    GlobalSecondaryIndexes: [{ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
  };
}

export function defineAdvancedSuite(label: string, open: () => Promise<Endpoint>): void {
  describe(`DynamoDB over the SDK, indexes, batches and transactions (${label})`, () => {
    let endpoint: Endpoint;
    let client: DynamoDBClient;
    const created: string[] = [];
    const newTable = async (input: CreateTableCommandInput) => {
      created.push(input.TableName!);
      return createTable(client, input);
    };

    beforeAll(async () => {
      endpoint = await open();
      client = createClients(endpoint.url).client;
    });
    afterAll(async () => {
      for (const name of created) await client.send(new DeleteTableCommand({ TableName: name })).catch(() => {});
      client?.destroy();
      await endpoint?.close();
    });

    describe('secondary indexes', () => {
      let table: string;
      beforeAll(async () => {
        table = await newTable(indexedTable(tableName('idx')));
        const rows: [string, string, string | undefined, number][] = [
          ['c1', 'o1', 'open', 30],
          ['c1', 'o2', 'shipped', 10],
          ['c1', 'o3', undefined, 20],
          ['c2', 'o1', 'open', 5],
        ];
        for (const [pk, sk, status, amount] of rows) {
          const item: Record<string, AttributeValue> = { pk: s(pk), sk: s(sk), amount: n(amount), note: s(`note ${sk}`), other: s('x') };
          if (status) item.status = s(status);
          await client.send(new PutItemCommand({ TableName: table, Item: item }));
        }
      });

      it('describes both indexes with their item counts; the sparse GSI leaves out items without its key', async () => {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
        expect(Table?.LocalSecondaryIndexes?.[0]).toMatchObject({ IndexName: 'byAmount', ItemCount: 4 });
        expect(Table?.GlobalSecondaryIndexes?.[0]).toMatchObject({ IndexName: 'byStatus', IndexStatus: 'ACTIVE', ItemCount: 3 });
      });

      it('queries a KEYS_ONLY GSI and returns only the keys', async () => {
        const { Items } = await client.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'byStatus',
            KeyConditionExpression: '#s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': s('open') },
          }),
        );
        const sorted = (Items ?? []).map((i) => `${i.pk!.S}/${i.sk!.S}`).sort();
        expect(sorted).toEqual(['c1/o1', 'c2/o1']);
        for (const item of Items ?? []) expect(Object.keys(item).sort()).toEqual(['pk', 'sk', 'status']);
      });

      it('queries an LSI in its sort key order, with the projected attributes', async () => {
        const { Items } = await client.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'byAmount',
            KeyConditionExpression: 'pk = :p AND amount >= :a',
            ExpressionAttributeValues: { ':p': s('c1'), ':a': n(15) },
          }),
        );
        expect((Items ?? []).map((i) => i.sk!.S)).toEqual(['o3', 'o1']);
        expect(Items?.[0]).toEqual({ pk: s('c1'), sk: s('o3'), amount: n(20), note: s('note o3') });
      });

      it('fetches every attribute through an LSI with Select ALL_ATTRIBUTES', async () => {
        const { Items } = await client.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'byAmount',
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': s('c2') },
            Select: 'ALL_ATTRIBUTES',
            ConsistentRead: true,
          }),
        );
        expect(Items?.[0]?.other).toEqual(s('x'));
      });

      it.each<[string, Record<string, unknown>, string]>([
        ['a consistent read on a GSI', { ConsistentRead: true }, 'Consistent reads are not supported on global secondary indexes'],
        [
          'ALL_ATTRIBUTES on a KEYS_ONLY GSI',
          { Select: 'ALL_ATTRIBUTES' },
          'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byStatus because its projection type is not ALL',
        ],
      ])('refuses %s', async (_case, extra, message) => {
        await expectError(
          client.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'byStatus',
              KeyConditionExpression: '#s = :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':s': s('open') },
              ...extra,
            }),
          ),
          'ValidationException',
          message,
        );
      });

      it('charges a GSI one write for a new entry and two when the index key changes', async () => {
        const put = await client.send(
          new PutItemCommand({ TableName: table, Item: { pk: s('c3'), sk: s('o1'), status: s('open'), amount: n(1) }, ReturnConsumedCapacity: 'INDEXES' }),
        );
        expect(put.ConsumedCapacity?.GlobalSecondaryIndexes?.byStatus?.CapacityUnits).toBe(1);
        expect(put.ConsumedCapacity?.LocalSecondaryIndexes?.byAmount?.CapacityUnits).toBe(1);
        expect(put.ConsumedCapacity?.Table?.CapacityUnits).toBe(1);
        const update = await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { pk: s('c3'), sk: s('o1') },
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': s('shipped') },
            ReturnConsumedCapacity: 'INDEXES',
          }),
        );
        expect(update.ConsumedCapacity?.GlobalSecondaryIndexes?.byStatus?.CapacityUnits).toBe(2);
        expect(update.ConsumedCapacity?.LocalSecondaryIndexes).toBeUndefined();
      });

      it('refuses an index key of the wrong type', async () => {
        await expectError(
          client.send(new PutItemCommand({ TableName: table, Item: { pk: s('c9'), sk: s('o1'), status: n(1) } })),
          'ValidationException',
          'One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: byStatus',
        );
      });
    });

    describe('UpdateTable', () => {
      it('adds a GSI over existing items, then removes it', async () => {
        const table = await newTable(simpleTable(tableName('upd')));
        for (const [id, city] of [
          ['a', 'Oslo'],
          ['b', 'Lima'],
          ['c', 'Oslo'],
        ]) {
          await client.send(new PutItemCommand({ TableName: table, Item: { pk: s(id!), city: s(city!) } }));
        }
        const added = await client.send(
          new UpdateTableCommand({
            TableName: table,
            AttributeDefinitions: [{ AttributeName: 'city', AttributeType: 'S' }],
            GlobalSecondaryIndexUpdates: [
              {
                Create: {
                  IndexName: 'byCity',
                  KeySchema: [{ AttributeName: 'city', KeyType: 'HASH' }],
                  Projection: { ProjectionType: 'ALL' },
                  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
                },
              },
            ],
          }),
        );
        expect(added.TableDescription?.GlobalSecondaryIndexes?.[0]?.IndexStatus).toBe('CREATING');
        for (let i = 0; i < 100; i++) {
          const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
          if (Table?.GlobalSecondaryIndexes?.[0]?.IndexStatus === 'ACTIVE') break;
          await new Promise((r) => setTimeout(r, 20));
        }
        const { Count } = await client.send(
          new QueryCommand({ TableName: table, IndexName: 'byCity', KeyConditionExpression: 'city = :c', ExpressionAttributeValues: { ':c': s('Oslo') } }),
        );
        expect(Count).toBe(2);
        await client.send(new UpdateTableCommand({ TableName: table, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byCity' } }] }));
        for (let i = 0; i < 100; i++) {
          const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
          if (!Table?.GlobalSecondaryIndexes?.length) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await expectError(
          client.send(
            new QueryCommand({ TableName: table, IndexName: 'byCity', KeyConditionExpression: 'city = :c', ExpressionAttributeValues: { ':c': s('Oslo') } }),
          ),
          'ValidationException',
          'The table does not have the specified index: byCity',
        );
      });

      it('switches billing mode and changes throughput', async () => {
        const table = await newTable(simpleTable(tableName('bill')));
        const raised = await client.send(new UpdateTableCommand({ TableName: table, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } }));
        expect(raised.TableDescription?.ProvisionedThroughput?.ReadCapacityUnits).toBe(10);
        await client.send(new UpdateTableCommand({ TableName: table, BillingMode: 'PAY_PER_REQUEST' }));
        const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
        expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      });

      it('refuses a throughput equal to the current one', async () => {
        const table = await newTable(simpleTable(tableName('same')));
        await expectError(
          client.send(new UpdateTableCommand({ TableName: table, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } })),
          'ValidationException',
          /^The provisioned throughput for the table will not change\./,
        );
      });
    });

    describe('batches', () => {
      let a: string;
      let b: string;
      beforeAll(async () => {
        a = await newTable(simpleTable(tableName('ba')));
        b = await newTable(compositeTable(tableName('bb')));
      });

      it('writes to two tables in one BatchWriteItem and reads them back with BatchGetItem', async () => {
        const written = await client.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [a]: [1, 2, 3].map((i) => ({ PutRequest: { Item: { pk: s(`k${i}`), v: n(i) } } })),
              [b]: [{ PutRequest: { Item: { pk: s('p'), sk: s('1') } } }],
            },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        expect(written.UnprocessedItems).toEqual({});
        expect(written.ConsumedCapacity?.find((c) => c.TableName === a)?.CapacityUnits).toBe(3);
        await client.send(new BatchWriteItemCommand({ RequestItems: { [a]: [{ DeleteRequest: { Key: { pk: s('k3') } } }] } }));
        const read = await client.send(
          new BatchGetItemCommand({
            RequestItems: {
              [a]: { Keys: [1, 2, 3].map((i) => ({ pk: s(`k${i}`) })), ProjectionExpression: 'v' },
              [b]: { Keys: [{ pk: s('p'), sk: s('1') }], ConsistentRead: true },
            },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        expect((read.Responses?.[a] ?? []).map((i) => Number(i.v!.N)).sort()).toEqual([1, 2]);
        expect(read.Responses?.[b]).toEqual([{ pk: s('p'), sk: s('1') }]);
        expect(read.UnprocessedKeys).toEqual({});
        expect(read.ConsumedCapacity?.find((c) => c.TableName === a)?.CapacityUnits).toBe(1.5);
      });

      it.each<[string, () => BatchGetItemCommand | BatchWriteItemCommand, string]>([
        [
          'duplicate keys in BatchGetItem',
          () => new BatchGetItemCommand({ RequestItems: { [a]: { Keys: [{ pk: s('x') }, { pk: s('x') }] } } }),
          'Provided list of item keys contains duplicates',
        ],
        [
          'duplicate keys in BatchWriteItem',
          () => new BatchWriteItemCommand({ RequestItems: { [a]: [{ PutRequest: { Item: { pk: s('x') } } }, { DeleteRequest: { Key: { pk: s('x') } } }] } }),
          'Provided list of item keys contains duplicates',
        ],
        [
          'over 100 keys in BatchGetItem',
          () =>
            new BatchGetItemCommand({
              RequestItems: {
                [a]: { Keys: Array.from({ length: 60 }, (_, i) => ({ pk: s(`a${i}`) })) },
                [b]: { Keys: Array.from({ length: 60 }, (_, i) => ({ pk: s('p'), sk: s(`${i}`) })) },
              },
            }),
          'Too many items requested for the BatchGetItem call',
        ],
      ])('refuses %s', async (_case, command, message) => {
        await expectError(client.send(command() as BatchGetItemCommand), 'ValidationException', message);
      });

      it('refuses more than 25 writes', async () => {
        await expectError(
          client.send(
            new BatchWriteItemCommand({ RequestItems: { [a]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { pk: s(`w${i}`) } } })) } }),
          ),
          'ValidationException',
        );
      });
    });

    describe('transactions', () => {
      let table: string;
      beforeAll(async () => {
        table = await newTable(simpleTable(tableName('tx')));
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('acct1'), balance: n(100) } }));
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('acct2'), balance: n(0) } }));
      });

      const transfer = (amount: number, token?: string) =>
        new TransactWriteItemsCommand({
          ClientRequestToken: token,
          ReturnConsumedCapacity: 'TOTAL',
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: { pk: s('acct1') },
                UpdateExpression: 'SET balance = balance - :a',
                ConditionExpression: 'balance >= :a',
                ExpressionAttributeValues: { ':a': n(amount) },
              },
            },
            {
              Update: {
                TableName: table,
                Key: { pk: s('acct2') },
                UpdateExpression: 'SET balance = balance + :a',
                ExpressionAttributeValues: { ':a': n(amount) },
              },
            },
          ],
        });

      const balances = async () => {
        const { Responses } = await client.send(
          new TransactGetItemsCommand({
            TransactItems: [{ Get: { TableName: table, Key: { pk: s('acct1') } } }, { Get: { TableName: table, Key: { pk: s('acct2') } } }],
          }),
        );
        return (Responses ?? []).map((r) => Number(r.Item?.balance?.N));
      };

      it('applies every action or none, charging two units per item', async () => {
        const done = await client.send(transfer(30));
        expect(done.ConsumedCapacity?.[0]?.CapacityUnits).toBe(4);
        expect(await balances()).toEqual([70, 30]);
        const error = await expectError(
          client.send(transfer(500)),
          'TransactionCanceledException',
          'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]',
        );
        expect((error.CancellationReasons as { Code: string }[]).map((r) => r.Code)).toEqual(['ConditionalCheckFailed', 'None']);
        expect(await balances()).toEqual([70, 30]);
      });

      it('answers a retry with the same ClientRequestToken without applying it twice', async () => {
        await client.send(transfer(10, 'token-1'));
        await client.send(transfer(10, 'token-1'));
        expect(await balances()).toEqual([60, 40]);
        await expectError(client.send(transfer(20, 'token-1')), 'IdempotentParameterMismatchException');
      });

      it('refuses two actions on one item', async () => {
        await expectError(
          client.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                { ConditionCheck: { TableName: table, Key: { pk: s('acct1') }, ConditionExpression: 'attribute_exists(pk)' } },
                { Delete: { TableName: table, Key: { pk: s('acct1') } } },
              ],
            }),
          ),
          'ValidationException',
          'Transaction request cannot include multiple operations on one item',
        );
      });
    });

    describe('the smaller operations (issue 14)', () => {
      it('answers DescribeEndpoints with an address cached for 1,440 minutes', async () => {
        const { Endpoints } = await client.send(new DescribeEndpointsCommand({}));
        expect(Endpoints?.[0]?.Address).toMatch(/^dynamodb\.[a-z0-9-]+\.amazonaws\.com$/);
        expect(Endpoints?.[0]?.CachePeriodInMinutes).toBe(1440);
      });

      it('answers DescribeLimits with positive quotas, a table at most the account', async () => {
        const limits = await client.send(new DescribeLimitsCommand({}));
        expect(limits.TableMaxReadCapacityUnits).toBeGreaterThan(0);
        expect(limits.AccountMaxReadCapacityUnits).toBeGreaterThanOrEqual(limits.TableMaxReadCapacityUnits!);
        expect(limits.AccountMaxWriteCapacityUnits).toBeGreaterThanOrEqual(limits.TableMaxWriteCapacityUnits!);
      });

      it('reports point-in-time recovery DISABLED, then ENABLED with a restorable window', async () => {
        const table = await newTable(simpleTable(tableName('pitr')));
        const before = await client.send(new DescribeContinuousBackupsCommand({ TableName: table }));
        expect(before.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus).toBe('DISABLED');
        const { ContinuousBackupsDescription } = await client.send(
          new UpdateContinuousBackupsCommand({
            TableName: table,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
          }),
        );
        expect(ContinuousBackupsDescription?.ContinuousBackupsStatus).toBe('ENABLED');
        const pitr = ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        expect(pitr?.PointInTimeRecoveryStatus).toBe('ENABLED');
        expect(pitr?.RecoveryPeriodInDays).toBe(7);
        expect(pitr?.EarliestRestorableDateTime).toBeInstanceOf(Date);
        expect(pitr!.LatestRestorableDateTime!.getTime()).toBeGreaterThanOrEqual(pitr!.EarliestRestorableDateTime!.getTime());
      });

      it('should return TableNotFoundException for continuous backups of a missing table', async () => {
        await expectError(client.send(new DescribeContinuousBackupsCommand({ TableName: tableName('nopitr') })), 'TableNotFoundException');
      });

      it('tags a table by ARN, replaces a value, untags', async () => {
        const table = await newTable(simpleTable(tableName('tags')));
        const arn = (await client.send(new DescribeTableCommand({ TableName: table }))).Table!.TableArn!;
        await client.send(
          new TagResourceCommand({
            ResourceArn: arn,
            Tags: [
              { Key: 'env', Value: 'test' },
              { Key: 'team', Value: 'a b+c' },
            ],
          }),
        );
        await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'env', Value: 'prod' }] }));
        await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team'] }));
        expect((await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
      });

      it('should return AccessDeniedException for a table ARN in another account', async () => {
        await expectError(
          client.send(new ListTagsOfResourceCommand({ ResourceArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/someone-else' })),
          'AccessDeniedException',
        );
      });

      it('should return ResourceNotFoundException for a table ARN of this account that names no table', async () => {
        const table = await newTable(simpleTable(tableName('tagx')));
        const arn = (await client.send(new DescribeTableCommand({ TableName: table }))).Table!.TableArn!;
        await expectError(
          client.send(new ListTagsOfResourceCommand({ ResourceArn: `${arn}x` })),
          'ResourceNotFoundException',
          `Requested resource not found: ResourcArn: ${arn}x not found`,
        );
      });

      it.each([
        ['a key with !', [{ Key: 'hi!', Value: 'v' }]],
        ['a value with %', [{ Key: 'k', Value: 'd%g' }]],
        ['a key under the aws: prefix', [{ Key: 'aws:owner', Value: 'v' }]],
        ['a key over 128 characters', [{ Key: 'k'.repeat(129), Value: 'v' }]],
      ])('should return ValidationException for %s', async (_name, tags) => {
        const table = await newTable(simpleTable(tableName('tagv')));
        const arn = (await client.send(new DescribeTableCommand({ TableName: table }))).Table!.TableArn!;
        await expectError(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: tags })), 'ValidationException');
      });
    });

    describe('validation as AWS words it (issue 14)', () => {
      it.each([
        ['Query', true, '1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES'],
        ['Scan', false, 'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES'],
      ])('%s should return ValidationException for Select SPECIFIC_ATTRIBUTES without a projection', async (_action, isQuery, message) => {
        const table = await newTable(simpleTable(tableName('sel')));
        const request = isQuery
          ? client.send(
              new QueryCommand({
                TableName: table,
                KeyConditionExpression: 'pk = :p',
                ExpressionAttributeValues: { ':p': s('x') },
                Select: 'SPECIFIC_ATTRIBUTES',
              }),
            )
          : client.send(new ScanCommand({ TableName: table, Select: 'SPECIFIC_ATTRIBUTES' }));
        await expectError(request, 'ValidationException', message);
      });

      it('accepts a number with a leading + and returns it without', async () => {
        const table = await newTable(simpleTable(tableName('plus')));
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('p'), n: n('+5') } }));
        expect((await client.send(new GetItemCommand({ TableName: table, Key: { pk: s('p') }, ConsistentRead: true }))).Item?.n).toEqual(n(5));
      });

      it('answers DeleteTable with DELETING and no indexes', async () => {
        const name = tableName('del');
        await createTable(client, indexedTable(name));
        const { TableDescription } = await client.send(new DeleteTableCommand({ TableName: name }));
        expect(TableDescription?.TableName).toBe(name);
        expect(TableDescription?.TableStatus).toBe('DELETING');
        expect(TableDescription?.GlobalSecondaryIndexes).toBeUndefined();
        expect(TableDescription?.LocalSecondaryIndexes).toBeUndefined();
      });

      it('charges a Scan for the summed item sizes, rounded up to 4 KB once per page, halved when eventual', async () => {
        const table = await newTable(simpleTable(tableName('scanrcu')));
        for (let i = 0; i < 5; i++) await client.send(new PutItemCommand({ TableName: table, Item: { pk: s(`i${i}`), pad: s('x'.repeat(1000)) } }));
        const eventual = await client.send(new ScanCommand({ TableName: table, ReturnConsumedCapacity: 'TOTAL' }));
        const strong = await client.send(new ScanCommand({ TableName: table, ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true }));
        // About 5,050 bytes: two 4 KB blocks, not one per item.
        expect(eventual.ConsumedCapacity?.CapacityUnits).toBe(1);
        expect(strong.ConsumedCapacity?.CapacityUnits).toBe(2);
      });

      it('cancels a transaction with a ValidationError reason for an update the stored item cannot take', async () => {
        const table = await newTable(simpleTable(tableName('txv')));
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('a'), label: s('text') } }));
        const error = await expectError(
          client.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                { Put: { TableName: table, Item: { pk: s('b') } } },
                { Update: { TableName: table, Key: { pk: s('a') }, UpdateExpression: 'ADD label :one', ExpressionAttributeValues: { ':one': n(1) } } },
              ],
            }),
          ),
          'TransactionCanceledException',
          'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]',
        );
        expect(error.CancellationReasons).toEqual([
          { Code: 'None' },
          { Code: 'ValidationError', Message: 'An operand in the update expression has an incorrect data type' },
        ]);
        expect((await client.send(new GetItemCommand({ TableName: table, Key: { pk: s('b') }, ConsistentRead: true }))).Item).toBeUndefined();
      });
    });

    describe('HTTP details (issue 14, our endpoint)', () => {
      const post = (body: BodyInit, headers: Record<string, string> = {}, target = 'ListTables') =>
        fetch(`${endpoint.url}/`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSUITE/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
            'x-amz-target': `DynamoDB_20120810.${target}`,
            ...headers,
          },
          body,
        });

      it.each([
        ['gzip', gzipSync],
        ['deflate', deflateSync],
      ])('reads a %s request body', async (encoding, compress) => {
        if (!endpoint.ours) return;
        const response = await post(compress(Buffer.from(JSON.stringify({ Limit: 1 }))), { 'content-encoding': encoding });
        expect(response.status).toBe(200);
        expect(await response.json()).toHaveProperty('TableNames');
      });

      it('refuses a compressed body that inflates past the size limit as too large, without inflating it whole', async () => {
        if (!endpoint.ours) return;
        // 64 MB of spaces compress to about 64 KB; the limit is 16 MB of request.
        const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
        expect(bomb.byteLength).toBeLessThan(1024 * 1024);
        const response = await post(bomb, { 'content-encoding': 'gzip' });
        expect(response.status).toBe(413);
        expect((await response.json()).__type).toBe('com.amazon.coral.service#RequestEntityTooLarge');
      });

      it('should return SerializationException for a body that does not inflate', async () => {
        if (!endpoint.ours) return;
        const response = await post('not gzip at all', { 'content-encoding': 'gzip' });
        expect(response.status).toBe(400);
        expect((await response.json()).__type).toBe('com.amazon.coral.service#SerializationException');
      });

      it('should return SerializationException for a null payload', async () => {
        if (!endpoint.ours) return;
        const response = await post('null');
        expect(response.status).toBe(400);
        expect((await response.json()).__type).toBe('com.amazon.coral.service#SerializationException');
      });

      it('answers a request whose headers are too large without a 500, and keeps serving', async () => {
        if (!endpoint.ours) return;
        // Node's default limit on header bytes is 16 KB; past it Node's HTTP parser answers
        // 431 Request Header Fields Too Large itself, before the app sees the request.
        const response = await post('{}', { 'x-padding': 'p'.repeat(20 * 1024) });
        expect(response.status).toBe(431);
        expect((await post('{}')).status).toBe(200);
      });

      it('answers the health check at GET /dynamodb, and at GET / for AWS tools only', async () => {
        if (!endpoint.ours) return;
        for (const path of ['/dynamodb', '/dynamodb/']) {
          const response = await fetch(`${endpoint.url}${path}`);
          expect(response.status).toBe(200);
          expect(await response.text()).toBe('healthy: dynamodb.us-east-1.amazonaws.com ');
        }
        const cli = await fetch(`${endpoint.url}/`, { headers: { 'user-agent': 'aws-cli/2.15.0 Python/3.11.6' } });
        expect(await cli.text()).toBe('healthy: dynamodb.us-east-1.amazonaws.com ');
        // A browser's GET / is the app's home page (not mounted here, so 404 from this router).
        const browser = await fetch(`${endpoint.url}/`, { headers: { accept: 'text/html' } });
        expect(browser.status).toBe(404);
      });
    });

    describe('time to live', () => {
      it('enables TTL and describes it', async () => {
        const table = await newTable(simpleTable(tableName('ttl')));
        const { TimeToLiveSpecification } = await client.send(
          new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }),
        );
        expect(TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'expires' });
        const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: table }));
        expect(TimeToLiveDescription?.AttributeName).toBe('expires');
        expect(['ENABLED', 'ENABLING']).toContain(TimeToLiveDescription?.TimeToLiveStatus);
      });

      it('removes an item whose expiry time has passed', async () => {
        const table = await newTable(simpleTable(tableName('ttlx')));
        await client.send(new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
        const past = Math.floor(Date.now() / 1000) - 60;
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('old'), expires: n(past) } }));
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('new'), expires: n(past + 3600) } }));
        let keys: string[] = [];
        for (let i = 0; i < 30; i++) {
          const { Items } = await client.send(new ScanCommand({ TableName: table }));
          keys = (Items ?? []).map((item) => item.pk!.S!);
          if (keys.length === 1) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(keys).toEqual(['new']);
        expect((await client.send(new GetItemCommand({ TableName: table, Key: { pk: s('old') } }))).Item).toBeUndefined();
      });
    });

    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html
    describe('GSIs keyed on several attributes', () => {
      let table: string;
      const queryIds = async (expression: string, values: Record<string, AttributeValue>, forward = true) => {
        // A GSI is eventually consistent on AWS: retry a few times (bounded by count) until the items show.
        let ids: string[] = [];
        for (let i = 0; i < 20; i++) {
          const { Items } = await client.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'byMatch',
              KeyConditionExpression: expression,
              // Only the names the expression uses, as DynamoDB refuses unused ones.
              ExpressionAttributeNames: expression.includes('#round') ? { '#r': 'region', '#round': 'round' } : { '#r': 'region' },
              ExpressionAttributeValues: values,
              ScanIndexForward: forward,
            }),
          );
          ids = (Items ?? []).map((item) => item.id!.S!);
          if (ids.length > 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        return ids;
      };
      beforeAll(async () => {
        table = await newTable({
          TableName: tableName('multi'),
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [
            { AttributeName: 'id', AttributeType: 'S' },
            { AttributeName: 'tournament', AttributeType: 'S' },
            { AttributeName: 'region', AttributeType: 'S' },
            { AttributeName: 'round', AttributeType: 'N' },
            { AttributeName: 'bracket', AttributeType: 'S' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          GlobalSecondaryIndexes: [
            {
              IndexName: 'byMatch',
              KeySchema: [
                { AttributeName: 'tournament', KeyType: 'HASH' },
                { AttributeName: 'region', KeyType: 'HASH' },
                { AttributeName: 'round', KeyType: 'RANGE' },
                { AttributeName: 'bracket', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
        });
        const rows: [string, string, number, string | undefined][] = [
          ['a', 'NA', 2, 'UPPER'],
          ['b', 'NA', 10, 'LOWER'],
          ['c', 'NA', 2, 'LOWER'],
          ['d', 'EU', 2, 'UPPER'],
          ['e', 'NA', 3, undefined],
        ];
        for (const [id, region, round, bracket] of rows) {
          const item: Record<string, AttributeValue> = { id: s(id), tournament: s('W24'), region: s(region), round: n(round) };
          if (bracket) item.bracket = s(bracket);
          await client.send(new PutItemCommand({ TableName: table, Item: item }));
        }
      });

      it('describes the KeySchema with every partition key attribute, then every sort key attribute', async () => {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
        expect(Table?.GlobalSecondaryIndexes?.[0]?.KeySchema).toEqual([
          { AttributeName: 'tournament', KeyType: 'HASH' },
          { AttributeName: 'region', KeyType: 'HASH' },
          { AttributeName: 'round', KeyType: 'RANGE' },
          { AttributeName: 'bracket', KeyType: 'RANGE' },
        ]);
      });

      it('queries with every partition key attribute, ordered by the sort key attributes left to right; an item missing one is not indexed', async () => {
        expect(await queryIds('tournament = :t AND #r = :r', { ':t': s('W24'), ':r': s('NA') })).toEqual(['c', 'a', 'b']);
        expect(await queryIds('tournament = :t AND #r = :r', { ':t': s('W24'), ':r': s('NA') }, false)).toEqual(['b', 'a', 'c']);
        expect(
          await queryIds('tournament = :t AND #r = :r AND #round = :round AND bracket > :b', {
            ':t': s('W24'),
            ':r': s('NA'),
            ':round': n(2),
            ':b': s('LOWER'),
          }),
        ).toEqual(['a']);
        expect(
          await queryIds('tournament = :t AND #r = :r AND #round BETWEEN :lo AND :hi', { ':t': s('W24'), ':r': s('NA'), ':lo': n(3), ':hi': n(10) }),
        ).toEqual(['b']);
      });

      it('should return ValidationException for a query missing a partition key attribute', async () => {
        await expectError(
          client.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'byMatch',
              KeyConditionExpression: 'tournament = :t',
              ExpressionAttributeValues: { ':t': s('W24') },
            }),
          ),
          'ValidationException',
        );
      });

      it('should return ValidationException for a GSI with five partition key attributes', async () => {
        const names = ['k1', 'k2', 'k3', 'k4', 'k5'];
        await expectError(
          client.send(
            new CreateTableCommand({
              TableName: tableName('multi5'),
              KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
              AttributeDefinitions: [
                { AttributeName: 'id', AttributeType: 'S' },
                ...names.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
              ],
              BillingMode: 'PAY_PER_REQUEST',
              GlobalSecondaryIndexes: [
                {
                  IndexName: 'tooMany',
                  KeySchema: names.map((name) => ({ AttributeName: name, KeyType: 'HASH' as const })),
                  Projection: { ProjectionType: 'ALL' },
                },
              ],
            }),
          ),
          'ValidationException',
        );
      });
    });
  });
}
