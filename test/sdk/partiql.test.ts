/**
 * PartiQL over the wire with @aws-sdk/client-dynamodb: each statement beside its expression
 * equivalent, giving the same items and the same consumed capacity, and AWS's errors. Runs
 * against our endpoint, or DYNAMODB_ENDPOINT when set.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html
 */
import {
  BatchExecuteStatementCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DuplicateItemException,
  ExecuteStatementCommand,
  ExecuteTransactionCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Endpoint, openEndpoint } from './endpoint.ts';

const TABLE = `partiql_${process.pid}`;

function sortByKey(items: Record<string, AttributeValue>[] | undefined): Record<string, AttributeValue>[] {
  return [...(items ?? [])].sort((a, b) => `${a.pk?.S}${a.sk?.N}`.localeCompare(`${b.pk?.S}${b.sk?.N}`));
}

async function failure(run: () => Promise<unknown>): Promise<Error & { CancellationReasons?: unknown }> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the request to fail');
}

describe(`PartiQL over the wire (${process.env.DYNAMODB_ENDPOINT ?? 'our endpoint'})`, () => {
  let endpoint: Endpoint;
  let client: DynamoDBClient;

  beforeAll(async () => {
    endpoint = await openEndpoint();
    ({ client } = createClients(endpoint.url, 'AKIDPARTIQL'));
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
          { AttributeName: 'g', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (let i = 1; i <= 6; i++) {
      await client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { pk: { S: i <= 4 ? 'a' : 'b' }, sk: { N: String(i) }, g: { S: i % 2 ? 'odd' : 'even' }, body: { S: 'x'.repeat(i * 300) } },
        }),
      );
    }
  });

  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: TABLE })).catch(() => {});
    await endpoint.close();
  });

  it.each([
    [
      `SELECT * FROM "${TABLE}" WHERE pk = 'a' AND sk > 1`,
      { KeyConditionExpression: 'pk = :a AND sk > :one', ExpressionAttributeValues: { ':a': { S: 'a' }, ':one': { N: '1' } } },
      'Query',
    ],
    [
      `SELECT * FROM "${TABLE}" WHERE pk = 'a' AND body <> 'none'`,
      { KeyConditionExpression: 'pk = :a', FilterExpression: 'body <> :n', ExpressionAttributeValues: { ':a': { S: 'a' }, ':n': { S: 'none' } } },
      'Query',
    ],
    [
      `SELECT * FROM "${TABLE}"."byG" WHERE g = 'odd'`,
      { IndexName: 'byG', KeyConditionExpression: 'g = :o', ExpressionAttributeValues: { ':o': { S: 'odd' } } },
      'Query',
    ],
    [`SELECT * FROM "${TABLE}" WHERE sk >= 3`, { FilterExpression: 'sk >= :three', ExpressionAttributeValues: { ':three': { N: '3' } } }, 'Scan'],
  ] as const)('%s gives the items and capacity of its %j', async (Statement, expression, action) => {
    const ours = await client.send(new ExecuteStatementCommand({ Statement, ReturnConsumedCapacity: 'TOTAL' }));
    const input = { TableName: TABLE, ...expression, ReturnConsumedCapacity: 'TOTAL' as const };
    const theirs = action === 'Query' ? await client.send(new QueryCommand(input)) : await client.send(new ScanCommand(input));
    expect(sortByKey(ours.Items)).toEqual(sortByKey(theirs.Items));
    expect(ours.Items?.length).toBeGreaterThan(0);
    expect(ours.ConsumedCapacity).toEqual(theirs.ConsumedCapacity);
  });

  it('binds Parameters, and pages with Limit and NextToken', async () => {
    const seen: string[] = [];
    let NextToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await client.send(
        new ExecuteStatementCommand({ Statement: `SELECT sk FROM "${TABLE}" WHERE pk = ?`, Parameters: [{ S: 'a' }], Limit: 3, NextToken }),
      );
      seen.push(...(result.Items ?? []).map((i) => i.sk!.N!));
      NextToken = result.NextToken;
      if (!NextToken) break;
    }
    expect(seen).toEqual(['1', '2', '3', '4']);
  });

  it('INSERT, UPDATE and DELETE write what PutItem, UpdateItem and DeleteItem write, for the same units', async () => {
    const insert = await client.send(
      new ExecuteStatementCommand({ Statement: `INSERT INTO "${TABLE}" VALUE {'pk': 'w', 'sk': 1, 'g': 'odd', 'n': 1}`, ReturnConsumedCapacity: 'TOTAL' }),
    );
    const put = await client.send(
      new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'w' }, sk: { N: '2' }, g: { S: 'odd' }, n: { N: '1' } }, ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(insert.ConsumedCapacity).toEqual(put.ConsumedCapacity);

    const update = await client.send(
      new ExecuteStatementCommand({
        Statement: `UPDATE "${TABLE}" SET n = n + 1 WHERE pk = 'w' AND sk = 1 RETURNING ALL NEW *`,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const updateItem = await client.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: { pk: { S: 'w' }, sk: { N: '2' } },
        UpdateExpression: 'SET n = n + :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
        ReturnValues: 'ALL_NEW',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(update.Items).toEqual([{ ...updateItem.Attributes, sk: { N: '1' } }]);
    expect(update.ConsumedCapacity).toEqual(updateItem.ConsumedCapacity);

    const remove = await client.send(
      new ExecuteStatementCommand({ Statement: `DELETE FROM "${TABLE}" WHERE pk = 'w' AND sk = 1`, ReturnConsumedCapacity: 'TOTAL' }),
    );
    const deleteItem = await client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: { S: 'w' }, sk: { N: '2' } }, ReturnConsumedCapacity: 'TOTAL' }));
    expect(remove.Items).toEqual([]);
    expect(remove.ConsumedCapacity).toEqual(deleteItem.ConsumedCapacity);
    expect((await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'w' }, sk: { N: '1' } } }))).Item).toBeUndefined();
  });

  it('should return DuplicateItemException for an INSERT of an existing key', async () => {
    const error = await failure(() => client.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "${TABLE}" VALUE {'pk': 'a', 'sk': 1}` })));
    expect(error).toBeInstanceOf(DuplicateItemException);
    expect(error.message).toBe('Duplicate primary key exists in table');
  });

  it.each([
    [`UPDATE "${TABLE}" SET n = 1 WHERE pk = 'nobody' AND sk = 1`, 'ConditionalCheckFailedException', 'The conditional request failed'],
    [`UPDATE "${TABLE}" SET n = 1 WHERE pk = 'a'`, 'ValidationException', 'Where clause does not contain a mandatory equality on all key attributes'],
    [
      `SELECT * FROM "${TABLE}" WHERE pk = 'a' AND`,
      'ValidationException',
      "Statement wasn't well formed, can't be processed: Missing right-hand side expression of infix operator",
    ],
    [`SELECT * FROM "${TABLE}" t WHERE pk = 'a'`, 'ValidationException', 'Aliasing is not supported'],
  ])('should return %s for %s', async (Statement, name, message) => {
    const error = await failure(() => client.send(new ExecuteStatementCommand({ Statement })));
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });

  it('BatchExecuteStatement reads by key and answers each failed statement with an Error', async () => {
    const reads = await client.send(
      new BatchExecuteStatementCommand({
        Statements: [
          { Statement: `SELECT sk FROM "${TABLE}" WHERE pk = ? AND sk = ?`, Parameters: [{ S: 'b' }, { N: '5' }] },
          { Statement: `SELECT * FROM "${TABLE}" WHERE pk = 'a' AND` },
        ],
      }),
    );
    expect(reads.Responses?.[0]?.Item).toEqual({ sk: { N: '5' } });
    expect(reads.Responses?.[1]?.Error).toEqual({
      Code: 'ValidationError',
      Message: "Statement wasn't well formed, can't be processed: Missing right-hand side expression of infix operator",
    });
    const writes = await client.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: `INSERT INTO "${TABLE}" VALUE {'pk': 'a', 'sk': 2}` }] }));
    expect(writes.Responses?.[0]?.Error).toMatchObject({ Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' });
  });

  it('ExecuteTransaction charges what TransactWriteItems charges, and cancels all or nothing', async () => {
    const ours = await client.send(
      new ExecuteTransactionCommand({
        TransactStatements: [
          { Statement: `INSERT INTO "${TABLE}" VALUE {'pk': 't', 'sk': 1}` },
          { Statement: `UPDATE "${TABLE}" SET n = 1 WHERE pk = 'a' AND sk = 1` },
        ],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const theirs = await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: TABLE, Item: { pk: { S: 't' }, sk: { N: '2' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: TABLE,
              Key: { pk: { S: 'a' }, sk: { N: '2' } },
              UpdateExpression: 'SET n = :one',
              ExpressionAttributeValues: { ':one': { N: '1' } },
            },
          },
        ],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(ours.ConsumedCapacity).toEqual(theirs.ConsumedCapacity);

    const error = await failure(() =>
      client.send(
        new ExecuteTransactionCommand({
          TransactStatements: [
            { Statement: `INSERT INTO "${TABLE}" VALUE {'pk': 't', 'sk': 3}` },
            { Statement: `INSERT INTO "${TABLE}" VALUE {'pk': 't', 'sk': 1}` },
          ],
        }),
      ),
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect(error.CancellationReasons).toEqual([{ Code: 'None' }, { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' }]);
    expect((await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 't' }, sk: { N: '3' } } }))).Item).toBeUndefined();
  });
});
