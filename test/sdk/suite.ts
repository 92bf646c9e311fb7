/**
 * The behaviour every DynamoDB must show, driven through the AWS SDK over HTTP. It takes an
 * endpoint factory, so the same suite runs against our endpoint and, with DYNAMODB_ENDPOINT set,
 * against another implementation (dynalite, DynamoDB Local, AWS).
 */
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand as DocQueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Clients, type Endpoint } from './endpoint.ts';

const RUN = Date.now().toString(36);
let serial = 0;
/** A table name unique to this run, so the suite can share an endpoint with others. */
export function tableName(label: string): string {
  serial++;
  return `sdk-${RUN}-${serial}-${label}`;
}

/** Awaits a rejection and checks the error's name and, when given, its exact message. */
export async function expectError(promise: Promise<unknown>, name: string, message?: string | RegExp): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & Record<string, unknown>;
    expect(e.name).toBe(name);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else if (message) expect(e.message).toMatch(message);
    return e;
  }
  throw new Error(`expected ${name}, but the request succeeded`);
}

export function compositeTable(name: string, sortType: 'S' | 'N' | 'B' = 'S'): CreateTableCommandInput {
  return {
    TableName: name,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: sortType },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}

export function simpleTable(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
  };
}

export async function createTable(client: DynamoDBClient, input: CreateTableCommandInput): Promise<string> {
  await client.send(new CreateTableCommand(input));
  // Implementations that create tables asynchronously (dynalite, AWS) need a moment.
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: input.TableName }));
    if (Table?.TableStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return input.TableName!;
}

const s = (v: string): AttributeValue => ({ S: v });
const n = (v: number | string): AttributeValue => ({ N: String(v) });

export function defineDynamoDBSuite(label: string, open: () => Promise<Endpoint>): void {
  describe(`DynamoDB over the SDK (${label})`, () => {
    let endpoint: Endpoint;
    let clients: Clients;
    let client: DynamoDBClient;
    const created: string[] = [];

    const newTable = async (input: CreateTableCommandInput) => {
      created.push(input.TableName!);
      return createTable(client, input);
    };

    beforeAll(async () => {
      endpoint = await open();
      clients = createClients(endpoint.url);
      client = clients.client;
    });

    afterAll(async () => {
      for (const name of created) await client.send(new DeleteTableCommand({ TableName: name })).catch(() => {});
      client?.destroy();
      await endpoint?.close();
    });

    describe('tables', () => {
      it('creates, describes, lists and deletes a table', async () => {
        const name = tableName('life');
        const created = await client.send(new CreateTableCommand(compositeTable(name, 'N')));
        expect(created.TableDescription?.TableStatus).toBe('CREATING');
        expect(created.TableDescription?.KeySchema).toEqual([
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ]);
        expect(created.TableDescription?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
        await createTableReady(client, name);
        const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
        expect(Table?.TableStatus).toBe('ACTIVE');
        expect(Table?.ItemCount).toBe(0);
        const { TableNames } = await client.send(new ListTablesCommand({}));
        expect(TableNames).toContain(name);
        const deleted = await client.send(new DeleteTableCommand({ TableName: name }));
        expect(deleted.TableDescription?.TableStatus).toBe('DELETING');
        await expectError(waitUntilGone(client, name), 'ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
      });

      it('refuses a second table of the same name with ResourceInUseException', async () => {
        const name = tableName('dup');
        await newTable(simpleTable(name));
        await expectError(client.send(new CreateTableCommand(simpleTable(name))), 'ResourceInUseException');
      });

      it.each<[string, (name: string) => CreateTableCommandInput, string]>([
        ['a name too short', () => ({ ...simpleTable('ab') }), 'TableName must be at least 3 characters long and at most 255 characters long'],
        [
          'a name with a bad character',
          (name) => ({ ...simpleTable(`${name}!`) }),
          "1 validation error detected: Value '%NAME%!' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        ],
        [
          'a key without a definition',
          (name) => ({ ...simpleTable(name), AttributeDefinitions: [{ AttributeName: 'other', AttributeType: 'S' }] }),
          'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]',
        ],
        [
          'throughput with PAY_PER_REQUEST',
          (name) => ({ ...simpleTable(name), BillingMode: 'PAY_PER_REQUEST' }),
          'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
        ],
        [
          'PROVISIONED without throughput',
          (name) => ({ ...simpleTable(name), ProvisionedThroughput: undefined }),
          'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
        ],
        [
          'a RANGE key first',
          (name) => ({ ...simpleTable(name), KeySchema: [{ AttributeName: 'pk', KeyType: 'RANGE' }] }),
          'Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
        ],
        [
          'an unused attribute definition',
          (name) => ({
            ...simpleTable(name),
            AttributeDefinitions: [
              { AttributeName: 'pk', AttributeType: 'S' },
              { AttributeName: 'extra', AttributeType: 'S' },
            ],
          }),
          'One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions',
        ],
        [
          'an unknown attribute type',
          (name) => ({ ...simpleTable(name), AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'X' as 'S' }] }),
          "1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
        ],
      ])('refuses %s with ValidationException', async (_case, input, message) => {
        const name = tableName('bad');
        await expectError(client.send(new CreateTableCommand(input(name))), 'ValidationException', message.replace('%NAME%', name));
      });

      it('pages ListTables with Limit and ExclusiveStartTableName', async () => {
        const names = [tableName('list-a'), tableName('list-b'), tableName('list-c')];
        for (const name of names) await newTable(simpleTable(name));
        const first = await client.send(new ListTablesCommand({ ExclusiveStartTableName: `sdk-${RUN}-`, Limit: 2 }));
        const seen = [...(first.TableNames ?? [])];
        expect(first.LastEvaluatedTableName).toBe(seen[1]);
        const rest = await client.send(new ListTablesCommand({ ExclusiveStartTableName: first.LastEvaluatedTableName }));
        seen.push(...(rest.TableNames ?? []));
        for (const name of names) expect(seen).toContain(name);
        expect([...seen].sort()).toEqual(seen);
      });

      it('answers DescribeTable on a missing table with ResourceNotFoundException', async () => {
        const name = tableName('missing');
        await expectError(
          client.send(new DescribeTableCommand({ TableName: name })),
          'ResourceNotFoundException',
          `Requested resource not found: Table: ${name} not found`,
        );
      });
    });

    describe('items', () => {
      let table: string;
      beforeAll(async () => {
        table = await newTable(compositeTable(tableName('items')));
      });

      it('stores and returns every attribute type, numbers normalised', async () => {
        const item: Record<string, AttributeValue> = {
          pk: s('types'),
          sk: s('1'),
          str: s('héllo'),
          num: n('00012.500'),
          bin: { B: new Uint8Array([1, 2, 3]) },
          bool: { BOOL: true },
          nul: { NULL: true },
          list: { L: [s('a'), n(1)] },
          map: { M: { inner: s('x') } },
          ss: { SS: ['a', 'b'] },
          ns: { NS: ['1', '2.50'] },
          bs: { BS: [new Uint8Array([9])] },
          empty: s(''),
        };
        await client.send(new PutItemCommand({ TableName: table, Item: item }));
        const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { pk: s('types'), sk: s('1') } }));
        expect(Item?.num).toEqual(n('12.5'));
        expect(Item?.bin).toEqual({ B: new Uint8Array([1, 2, 3]) });
        expect(Item?.map).toEqual({ M: { inner: s('x') } });
        expect(new Set(Item?.ns?.NS)).toEqual(new Set(['1', '2.5']));
        expect(Item?.empty).toEqual(s(''));
      });

      it('keeps attributes named like Object.prototype members (constructor, toString, a nested __proto__)', async () => {
        // A top-level "__proto__" is checked on the raw wire below: the SDK's own deserialiser
        // drops its value, whatever the server sends.
        const item = JSON.parse(
          '{"pk":{"S":"proto"},"sk":{"S":"1"},"constructor":{"M":{"__proto__":{"N":"1"},"toString":{"S":"t"}}},"toString":{"S":"s"}}',
        ) as Record<string, AttributeValue>;
        await client.send(new PutItemCommand({ TableName: table, Item: item }));
        const key = { pk: s('proto'), sk: s('1') };
        const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: key }));
        expect(JSON.parse(JSON.stringify(Item))).toEqual(item);
        const updated = await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: key,
            UpdateExpression: 'SET #c.#p = #c.#p + :one, #v = :one REMOVE #t',
            ExpressionAttributeNames: { '#c': 'constructor', '#p': '__proto__', '#v': 'valueOf', '#t': 'toString' },
            ExpressionAttributeValues: { ':one': n(1) },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const expected = JSON.parse(
          '{"pk":{"S":"proto"},"sk":{"S":"1"},"constructor":{"M":{"__proto__":{"N":"2"},"toString":{"S":"t"}}},"valueOf":{"N":"1"}}',
        ) as unknown;
        expect(JSON.parse(JSON.stringify(updated.Attributes))).toEqual(expected);
        const { Items } = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            FilterExpression: 'attribute_exists(#c.#p) AND attribute_not_exists(#h)',
            ProjectionExpression: '#c.#p, #v',
            ExpressionAttributeNames: { '#c': 'constructor', '#p': '__proto__', '#v': 'valueOf', '#h': 'hasOwnProperty' },
            ExpressionAttributeValues: { ':pk': s('proto') },
          }),
        );
        expect(JSON.parse(JSON.stringify(Items))).toEqual([JSON.parse('{"constructor":{"M":{"__proto__":{"N":"2"}}},"valueOf":{"N":"1"}}')]);
      });

      it('round-trips native values through the document client', async () => {
        await clients.doc.send(
          new PutCommand({ TableName: table, Item: { pk: 'doc', sk: 'a', count: 3, tags: new Set(['x']), nested: { list: [1, 'two'] } } }),
        );
        await clients.doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: 'doc', sk: 'a' },
            UpdateExpression: 'SET #c = #c + :one',
            ExpressionAttributeNames: { '#c': 'count' },
            ExpressionAttributeValues: { ':one': 1 },
          }),
        );
        const { Item } = await clients.doc.send(new GetCommand({ TableName: table, Key: { pk: 'doc', sk: 'a' } }));
        expect(Item).toEqual({ pk: 'doc', sk: 'a', count: 4, tags: new Set(['x']), nested: { list: [1, 'two'] } });
        const { Items } = await clients.doc.send(
          new DocQueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'doc' } }),
        );
        expect(Items).toHaveLength(1);
        await clients.doc.send(new DeleteCommand({ TableName: table, Key: { pk: 'doc', sk: 'a' } }));
        expect((await clients.doc.send(new GetCommand({ TableName: table, Key: { pk: 'doc', sk: 'a' } }))).Item).toBeUndefined();
      });

      it('returns no Item for a missing key and charges half a unit eventually, one strongly', async () => {
        const eventual = await client.send(new GetItemCommand({ TableName: table, Key: { pk: s('none'), sk: s('none') }, ReturnConsumedCapacity: 'TOTAL' }));
        expect(eventual.Item).toBeUndefined();
        expect(eventual.ConsumedCapacity?.CapacityUnits).toBe(0.5);
        const strong = await client.send(
          new GetItemCommand({ TableName: table, Key: { pk: s('none'), sk: s('none') }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
        );
        expect(strong.ConsumedCapacity?.CapacityUnits).toBe(1);
      });

      it('applies a ProjectionExpression to GetItem', async () => {
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('proj'), sk: s('1'), a: s('x'), b: { M: { c: n(1), d: n(2) } } } }));
        const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { pk: s('proj'), sk: s('1') }, ProjectionExpression: 'a, b.c' }));
        expect(Item).toEqual({ a: s('x'), b: { M: { c: n(1) } } });
      });

      it('returns the old item from PutItem with ReturnValues ALL_OLD', async () => {
        const key = { pk: s('old'), sk: s('1') };
        const first = await client.send(new PutItemCommand({ TableName: table, Item: { ...key, v: n(1) }, ReturnValues: 'ALL_OLD' }));
        expect(first.Attributes).toBeUndefined();
        const second = await client.send(new PutItemCommand({ TableName: table, Item: { ...key, v: n(2) }, ReturnValues: 'ALL_OLD' }));
        expect(second.Attributes).toEqual({ ...key, v: n(1) });
      });

      it('refuses ReturnValues other than ALL_OLD or NONE on PutItem', async () => {
        await expectError(
          client.send(new PutItemCommand({ TableName: table, Item: { pk: s('rv'), sk: s('1') }, ReturnValues: 'ALL_NEW' })),
          'ValidationException',
          'ReturnValues can only be ALL_OLD or NONE',
        );
      });

      it('fails a conditional put with ConditionalCheckFailedException and returns the item when asked', async () => {
        const key = { pk: s('cond'), sk: s('1') };
        await client.send(new PutItemCommand({ TableName: table, Item: { ...key, v: n(1) } }));
        const error = await expectError(
          client.send(
            new PutItemCommand({
              TableName: table,
              Item: key,
              ConditionExpression: 'attribute_not_exists(pk)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
          'ConditionalCheckFailedException',
          'The conditional request failed',
        );
        expect(error.Item).toEqual({ ...key, v: n(1) });
      });

      it.each<[string, string | undefined, Record<string, AttributeValue> | undefined]>([
        ['NONE', undefined, undefined],
        ['ALL_OLD', undefined, { pk: s('upd'), sk: s('%'), a: n(1), b: s('keep') }],
        ['UPDATED_OLD', undefined, { a: n(1) }],
        ['ALL_NEW', undefined, { pk: s('upd'), sk: s('%'), a: n(6), b: s('keep'), c: { SS: ['x'] } }],
        ['UPDATED_NEW', undefined, { a: n(6), c: { SS: ['x'] } }],
      ])('UpdateItem with ReturnValues %s returns what AWS documents', async (returnValues, _unused, expected) => {
        const key = { pk: s('upd'), sk: s(returnValues) };
        await client.send(new PutItemCommand({ TableName: table, Item: { ...key, a: n(1), b: s('keep') } }));
        const result = await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: key,
            UpdateExpression: 'SET a = a + :five ADD c :set',
            ExpressionAttributeValues: { ':five': n(5), ':set': { SS: ['x'] } },
            ReturnValues: returnValues as 'NONE',
          }),
        );
        const fixed = expected && JSON.parse(JSON.stringify(expected).replaceAll('%', returnValues));
        expect(result.Attributes).toEqual(fixed);
      });

      it('creates the item on UpdateItem of a missing key and applies REMOVE and DELETE', async () => {
        const key = { pk: s('create'), sk: s('1') };
        await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: key,
            UpdateExpression: 'SET tags = :t, gone = :g',
            ExpressionAttributeValues: { ':t': { SS: ['a', 'b', 'c'] }, ':g': s('x') },
          }),
        );
        const { Attributes } = await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: key,
            UpdateExpression: 'REMOVE gone DELETE tags :d',
            ExpressionAttributeValues: { ':d': { SS: ['b'] } },
            ReturnValues: 'ALL_NEW',
          }),
        );
        expect(Attributes?.gone).toBeUndefined();
        expect(new Set(Attributes?.tags?.SS)).toEqual(new Set(['a', 'c']));
      });

      it('refuses an update of a key attribute', async () => {
        await expectError(
          client.send(
            new UpdateItemCommand({
              TableName: table,
              Key: { pk: s('k'), sk: s('1') },
              UpdateExpression: 'SET sk = :v',
              ExpressionAttributeValues: { ':v': s('2') },
            }),
          ),
          'ValidationException',
          'One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key',
        );
      });

      it('deletes with a condition and returns the old item', async () => {
        const key = { pk: s('del'), sk: s('1') };
        await client.send(new PutItemCommand({ TableName: table, Item: { ...key, v: n(1) } }));
        await expectError(
          client.send(new DeleteItemCommand({ TableName: table, Key: key, ConditionExpression: 'v = :two', ExpressionAttributeValues: { ':two': n(2) } })),
          'ConditionalCheckFailedException',
          'The conditional request failed',
        );
        const { Attributes } = await client.send(new DeleteItemCommand({ TableName: table, Key: key, ReturnValues: 'ALL_OLD' }));
        expect(Attributes).toEqual({ ...key, v: n(1) });
        const missing = await client.send(new DeleteItemCommand({ TableName: table, Key: key, ReturnConsumedCapacity: 'TOTAL' }));
        expect(missing.ConsumedCapacity?.CapacityUnits).toBe(1);
      });

      it.each<[string, number, number]>([
        ['a small item', 100, 1],
        ['an item just over 1 KB', 1100, 2],
        ['a 3.5 KB item', 3500, 4],
      ])('charges write units by the KB for %s', async (_case, bytes, units) => {
        const { ConsumedCapacity } = await client.send(
          new PutItemCommand({ TableName: table, Item: { pk: s('wcu'), sk: s(String(bytes)), d: s('x'.repeat(bytes)) }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        expect(ConsumedCapacity?.CapacityUnits).toBe(units);
      });

      it.each<[string, Record<string, AttributeValue>, string]>([
        ['a missing sort key', { pk: s('x') }, 'The provided key element does not match the schema'],
        ['a wrongly typed key', { pk: n(1), sk: s('x') }, 'The provided key element does not match the schema'],
        ['an extra attribute', { pk: s('x'), sk: s('y'), z: s('z') }, 'The provided key element does not match the schema'],
      ])('refuses GetItem with %s', async (_case, key, message) => {
        await expectError(client.send(new GetItemCommand({ TableName: table, Key: key })), 'ValidationException', message);
      });

      it('refuses a put without the sort key', async () => {
        await expectError(
          client.send(new PutItemCommand({ TableName: table, Item: { pk: s('x') } })),
          'ValidationException',
          'One or more parameter values were invalid: Missing the key sk in the item',
        );
      });

      it('answers operations on a missing table with ResourceNotFoundException', async () => {
        await expectError(
          client.send(new GetItemCommand({ TableName: tableName('nope'), Key: { pk: s('x') } })),
          'ResourceNotFoundException',
          'Requested resource not found',
        );
      });

      it('refuses unused expression attribute values', async () => {
        await expectError(
          client.send(
            new PutItemCommand({
              TableName: table,
              Item: { pk: s('u'), sk: s('1') },
              ConditionExpression: 'attribute_exists(a)',
              ExpressionAttributeValues: { ':x': s('1') },
            }),
          ),
          'ValidationException',
          'Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}',
        );
      });
    });

    describe('Query', () => {
      let table: string;
      beforeAll(async () => {
        table = await newTable(compositeTable(tableName('query'), 'N'));
        for (const k of [10, 9, 1, -5, 2.5, 100, 0]) {
          await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('q'), sk: n(k), odd: { BOOL: Math.abs(k % 2) === 1 } } }));
        }
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('other'), sk: n(1) } }));
      });

      const keys = (items: Record<string, AttributeValue>[] | undefined) => (items ?? []).map((i) => Number(i.sk?.N));

      it('returns a partition in numeric sort-key order, and reversed', async () => {
        const forward = await client.send(
          new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': s('q') } }),
        );
        expect(keys(forward.Items)).toEqual([-5, 0, 1, 2.5, 9, 10, 100]);
        const backward = await client.send(
          new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': s('q') }, ScanIndexForward: false }),
        );
        expect(keys(backward.Items)).toEqual([100, 10, 9, 2.5, 1, 0, -5]);
      });

      it.each<[string, Record<string, AttributeValue>, number[]]>([
        ['sk = :a', { ':a': n(9) }, [9]],
        ['sk < :a', { ':a': n(1) }, [-5, 0]],
        ['sk <= :a', { ':a': n(1) }, [-5, 0, 1]],
        ['sk > :a', { ':a': n(9) }, [10, 100]],
        ['sk >= :a', { ':a': n(9) }, [9, 10, 100]],
        ['sk BETWEEN :a AND :b', { ':a': n(0), ':b': n(9) }, [0, 1, 2.5, 9]],
        [':a < sk', { ':a': n(10) }, [100]],
      ])('selects sort keys with %s', async (condition, values, expected) => {
        const { Items } = await client.send(
          new QueryCommand({ TableName: table, KeyConditionExpression: `pk = :p AND ${condition}`, ExpressionAttributeValues: { ':p': s('q'), ...values } }),
        );
        expect(keys(Items)).toEqual(expected);
      });

      it('counts items read for Limit, applies the filter after, and pages with LastEvaluatedKey', async () => {
        const seen: number[] = [];
        let start: Record<string, AttributeValue> | undefined;
        let pages = 0;
        let scanned = 0;
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: table,
              KeyConditionExpression: 'pk = :p',
              FilterExpression: 'odd = :t',
              ExpressionAttributeValues: { ':p': s('q'), ':t': { BOOL: true } },
              Limit: 3,
              ExclusiveStartKey: start,
            }),
          );
          pages++;
          scanned += page.ScannedCount ?? 0;
          expect(page.ScannedCount).toBeLessThanOrEqual(3);
          expect(page.Count).toBe(page.Items?.length);
          seen.push(...keys(page.Items));
          start = page.LastEvaluatedKey;
        } while (start && pages < 10);
        expect(seen).toEqual([-5, 1, 9]);
        expect(scanned).toBe(7);
      });

      it('returns only the count with Select COUNT', async () => {
        const result = await client.send(
          new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': s('q') }, Select: 'COUNT' }),
        );
        expect(result.Items).toBeUndefined();
        expect(result.Count).toBe(7);
        expect(result.ScannedCount).toBe(7);
      });

      it('projects attributes with a ProjectionExpression', async () => {
        const { Items } = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :p AND sk = :k',
            ExpressionAttributeValues: { ':p': s('q'), ':k': n(1) },
            ProjectionExpression: 'odd',
          }),
        );
        expect(Items).toEqual([{ odd: { BOOL: true } }]);
      });

      it('sums the sizes of the items read before rounding to 4 KB', async () => {
        const big = await newTable(compositeTable(tableName('qcap'), 'N'));
        for (let i = 0; i < 10; i++) {
          await client.send(new PutItemCommand({ TableName: big, Item: { pk: s('c'), sk: n(i), d: s('x'.repeat(1000 - 9)) } }));
        }
        const { ConsumedCapacity } = await client.send(
          new QueryCommand({ TableName: big, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': s('c') }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        // 10 items of 1,000 bytes: 10,000 bytes = 3 blocks of 4 KB, half a unit each.
        expect(ConsumedCapacity?.CapacityUnits).toBe(1.5);
      });

      it('stops a page after 1 MB read, before the filter', async () => {
        const big = await newTable(compositeTable(tableName('qmb'), 'N'));
        for (let i = 0; i < 5; i++) {
          await client.send(new PutItemCommand({ TableName: big, Item: { pk: s('m'), sk: n(i), d: s('x'.repeat(300_000)) } }));
        }
        const first = await client.send(
          new QueryCommand({
            TableName: big,
            KeyConditionExpression: 'pk = :p',
            FilterExpression: 'attribute_exists(nothing)',
            ExpressionAttributeValues: { ':p': s('m') },
          }),
        );
        expect(first.Count).toBe(0);
        expect(first.ScannedCount).toBe(4);
        expect(first.LastEvaluatedKey).toEqual({ pk: s('m'), sk: n(3) });
      });

      it.each<[string, Partial<ConstructorParameters<typeof QueryCommand>[0]>, string]>([
        [
          'no key condition',
          { KeyConditionExpression: undefined, ExpressionAttributeValues: undefined },
          'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.',
        ],
        [
          'OR in the key condition',
          { KeyConditionExpression: 'pk = :p OR sk = :k', ExpressionAttributeValues: { ':p': s('q'), ':k': n(1) } },
          'Invalid operator used in KeyConditionExpression: OR',
        ],
        [
          'a condition without the partition key',
          { KeyConditionExpression: 'sk = :k', ExpressionAttributeValues: { ':k': n(1) } },
          'Query condition missed key schema element: pk',
        ],
        [
          'a filter on a key attribute',
          { KeyConditionExpression: 'pk = :p', FilterExpression: 'sk > :k', ExpressionAttributeValues: { ':p': s('q'), ':k': n(1) } },
          'Filter Expression can only contain non-primary key attributes: Primary key attribute: sk',
        ],
        [
          'a wrongly typed sort key value',
          { KeyConditionExpression: 'pk = :p AND sk = :k', ExpressionAttributeValues: { ':p': s('q'), ':k': s('1') } },
          'One or more parameter values were invalid: Condition parameter type does not match schema type',
        ],
        [
          'Select COUNT with a projection',
          { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': s('q') }, Select: 'COUNT', ProjectionExpression: 'odd' },
          'Cannot specify the ProjectionExpression when choosing to get only the Count',
        ],
      ])('refuses %s', async (_case, input, message) => {
        await expectError(
          client.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': s('q') }, ...input })),
          'ValidationException',
          message,
        );
      });
    });

    describe('Scan', () => {
      let table: string;
      beforeAll(async () => {
        table = await newTable(simpleTable(tableName('scan')));
        for (let i = 0; i < 40; i++) await client.send(new PutItemCommand({ TableName: table, Item: { pk: s(`item${i}`), i: n(i) } }));
      });

      it('pages through every item exactly once', async () => {
        const seen: string[] = [];
        let start: Record<string, AttributeValue> | undefined;
        let pages = 0;
        do {
          const page = await client.send(new ScanCommand({ TableName: table, Limit: 7, ExclusiveStartKey: start }));
          seen.push(...(page.Items ?? []).map((i) => i.pk!.S!));
          start = page.LastEvaluatedKey;
          pages++;
        } while (start && pages < 20);
        expect(seen).toHaveLength(40);
        expect(new Set(seen).size).toBe(40);
      });

      it('covers every item exactly once across parallel segments', async () => {
        const seen: string[] = [];
        for (let segment = 0; segment < 4; segment++) {
          const page = await client.send(new ScanCommand({ TableName: table, Segment: segment, TotalSegments: 4 }));
          seen.push(...(page.Items ?? []).map((i) => i.pk!.S!));
        }
        expect(seen).toHaveLength(40);
        expect(new Set(seen).size).toBe(40);
      });

      it('filters after reading, so ScannedCount counts every item', async () => {
        const page = await client.send(
          new ScanCommand({ TableName: table, FilterExpression: 'i < :ten', ExpressionAttributeValues: { ':ten': n(10) }, Select: 'COUNT' }),
        );
        expect(page.Count).toBe(10);
        expect(page.ScannedCount).toBe(40);
      });

      it.each<[string, Partial<ConstructorParameters<typeof ScanCommand>[0]>, string]>([
        [
          'Segment without TotalSegments',
          { Segment: 1 },
          'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
        ],
        [
          'TotalSegments without Segment',
          { TotalSegments: 2 },
          'The Segment parameter is required but was not present in the request when parameter TotalSegments is present',
        ],
        [
          'a Segment past the last',
          { Segment: 2, TotalSegments: 2 },
          'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2',
        ],
      ])('refuses %s', async (_case, input, message) => {
        await expectError(client.send(new ScanCommand({ TableName: table, ...input })), 'ValidationException', message);
      });
    });

    describe('the legacy parameters', () => {
      // The pre-expression parameters, which older code and the CLI's shorthand still send.
      // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
      let table: string;
      const eq = (value: AttributeValue) => ({ ComparisonOperator: 'EQ' as const, AttributeValueList: [value] });
      beforeAll(async () => {
        table = await newTable(compositeTable(tableName('legacy'), 'N'));
        for (let i = 1; i <= 6; i++) {
          await client.send(new PutItemCommand({ TableName: table, Item: { pk: s('p'), sk: n(i), v: n(i * 10), tag: s(i % 2 ? 'odd' : 'even') } }));
        }
      });

      it('conditions PutItem and DeleteItem with Expected and ConditionalOperator', async () => {
        await expectError(
          client.send(new PutItemCommand({ TableName: table, Item: { pk: s('p'), sk: n(1) }, Expected: { v: { Exists: false } } })),
          'ConditionalCheckFailedException',
          'The conditional request failed',
        );
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: { pk: s('p'), sk: n(1), v: n(10), tag: s('odd') },
            Expected: { v: { ComparisonOperator: 'GT', AttributeValueList: [n(99)] }, tag: { Value: s('odd') } },
            ConditionalOperator: 'OR',
          }),
        );
        await expectError(
          client.send(
            new DeleteItemCommand({
              TableName: table,
              Key: { pk: s('p'), sk: n(1) },
              Expected: { v: { ComparisonOperator: 'BETWEEN', AttributeValueList: [n(11), n(20)] } },
            }),
          ),
          'ConditionalCheckFailedException',
          'The conditional request failed',
        );
      });

      it('updates with AttributeUpdates PUT, ADD and DELETE', async () => {
        const result = await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { pk: s('p'), sk: n(2) },
            AttributeUpdates: {
              v: { Action: 'ADD', Value: n(5) },
              tag: { Action: 'DELETE' },
              name: { Action: 'PUT', Value: s('two') },
              set: { Action: 'ADD', Value: { SS: ['a', 'b'] } },
            },
            Expected: { v: { Value: n(20) } },
            ReturnValues: 'ALL_NEW',
          }),
        );
        expect(result.Attributes).toEqual({ pk: s('p'), sk: n(2), v: n(25), name: s('two'), set: { SS: ['a', 'b'] } });
      });

      it('reads with AttributesToGet, KeyConditions, QueryFilter and ScanFilter', async () => {
        const got = await client.send(new GetItemCommand({ TableName: table, Key: { pk: s('p'), sk: n(3) }, AttributesToGet: ['v'], ConsistentRead: true }));
        expect(got.Item).toEqual({ v: n(30) });
        const queried = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditions: { pk: eq(s('p')), sk: { ComparisonOperator: 'GE', AttributeValueList: [n(3)] } },
            QueryFilter: { tag: eq(s('even')) },
            AttributesToGet: ['sk'],
            ConsistentRead: true,
          }),
        );
        expect(queried.Items).toEqual([{ sk: n(4) }, { sk: n(6) }]);
        expect(queried.ScannedCount).toBe(4);
        const scanned = await client.send(
          new ScanCommand({
            TableName: table,
            ScanFilter: { v: { ComparisonOperator: 'IN', AttributeValueList: [n(30), n(50)] }, tag: eq(s('nope')) },
            ConditionalOperator: 'OR',
            Select: 'COUNT',
            ConsistentRead: true,
          }),
        );
        expect(scanned.Count).toBe(2);
      });

      it.each<[string, () => Promise<unknown>, string]>([
        [
          'Expected with a ConditionExpression',
          () =>
            client.send(
              new PutItemCommand({
                TableName: table,
                Item: { pk: s('p'), sk: n(9) },
                Expected: { v: { Exists: false } },
                ConditionExpression: 'attribute_not_exists(v)',
              }),
            ),
          'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}',
        ],
        [
          'AttributeUpdates with an UpdateExpression',
          () =>
            client.send(
              new UpdateItemCommand({
                TableName: table,
                Key: { pk: s('p'), sk: n(9) },
                AttributeUpdates: { v: { Value: n(1) } },
                UpdateExpression: 'SET v = :v',
                ExpressionAttributeValues: { ':v': n(1) },
              }),
            ),
          'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}',
        ],
        [
          'Expected with two values for EQ',
          () =>
            client.send(
              new PutItemCommand({
                TableName: table,
                Item: { pk: s('p'), sk: n(9) },
                Expected: { v: { ComparisonOperator: 'EQ', AttributeValueList: [n(1), n(2)] } },
              }),
            ),
          'One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator',
        ],
        [
          'Expected with Exists false and a Value',
          () => client.send(new PutItemCommand({ TableName: table, Item: { pk: s('p'), sk: n(9) }, Expected: { v: { Exists: false, Value: n(1) } } })),
          'One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: v',
        ],
        [
          'AttributeUpdates ADD of a string',
          () =>
            client.send(new UpdateItemCommand({ TableName: table, Key: { pk: s('p'), sk: n(9) }, AttributeUpdates: { v: { Action: 'ADD', Value: s('x') } } })),
          'One or more parameter values were invalid: ADD action is not supported for the type S',
        ],
        [
          'KeyConditions with a non-indexable operator',
          () => client.send(new QueryCommand({ TableName: table, KeyConditions: { pk: { ComparisonOperator: 'NE', AttributeValueList: [s('p')] } } })),
          'Attempted conditional constraint is not an indexable operation',
        ],
        [
          'a QueryFilter on a key attribute',
          () => client.send(new QueryCommand({ TableName: table, KeyConditions: { pk: eq(s('p')) }, QueryFilter: { sk: eq(n(1)) } })),
          'QueryFilter can only contain non-primary key attributes: Primary key attribute: sk',
        ],
        [
          'ScanFilter BEGINS_WITH on a number',
          () => client.send(new ScanCommand({ TableName: table, ScanFilter: { v: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [n(1)] } } })),
          'One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type',
        ],
        [
          'duplicate AttributesToGet',
          () => client.send(new GetItemCommand({ TableName: table, Key: { pk: s('p'), sk: n(1) }, AttributesToGet: ['v', 'v'] })),
          'One or more parameter values were invalid: Duplicate value in attribute name: v',
        ],
      ])('should return ValidationException for %s', async (_case, send, message) => {
        await expectError(send(), 'ValidationException', message);
      });
    });

    describe('the wire protocol', () => {
      const post = (target: string, body: string) =>
        fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': target,
            'x-amz-date': '20250101T000000Z',
            authorization: 'AWS4-HMAC-SHA256 Credential=AKIDWIRE/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
          },
          body,
        });

      it('stores a top-level attribute named __proto__ like any other', async () => {
        // `post` signs as another access key than `client`, so the table is made on the wire too.
        const table = tableName('proto');
        expect((await post('DynamoDB_20120810.CreateTable', JSON.stringify(simpleTable(table)))).status).toBe(200);
        const item = '{"pk":{"S":"a"},"__proto__":{"S":"p"},"constructor":{"N":"1"}}';
        const put = await post('DynamoDB_20120810.PutItem', `{"TableName":"${table}","Item":${item}}`);
        expect(put.status).toBe(200);
        const update = await post(
          'DynamoDB_20120810.UpdateItem',
          `{"TableName":"${table}","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET #p = :v","ExpressionAttributeNames":{"#p":"__proto__"},"ExpressionAttributeValues":{":v":{"S":"q"}},"ReturnValues":"UPDATED_OLD"}`,
        );
        expect(await update.text()).toBe('{"Attributes":{"__proto__":{"S":"p"}}}');
        const get = await post('DynamoDB_20120810.GetItem', `{"TableName":"${table}","Key":{"pk":{"S":"a"}},"ConsistentRead":true}`);
        expect(JSON.parse(await get.text())).toEqual(JSON.parse('{"Item":{"pk":{"S":"a"},"__proto__":{"S":"q"},"constructor":{"N":"1"}}}'));
      });

      it.each<[string, string, string]>([
        ['TransactWriteItems', '{"TransactItems":[null]}', 'transactItems.1.member'],
        ['TransactGetItems', '{"TransactItems":[null]}', 'transactItems.1.member'],
        ['BatchGetItem', '{"RequestItems":{"t-null":{"Keys":[null]}}}', 'requestItems.t-null.member.keys.1.member'],
        ['BatchWriteItem', '{"RequestItems":{"t-null":[null]}}', 'requestItems.t-null.member.1.member'],
        [
          'CreateTable',
          '{"TableName":"t-null","AttributeDefinitions":[null],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}',
          'attributeDefinitions.1.member',
        ],
        ['TagResource', '{"ResourceArn":"arn:aws:dynamodb:us-east-1:000000000000:table/t-null","Tags":[null]}', 'tags.1.member'],
      ])('should return ValidationException for a null member in %s', async (action, body, path) => {
        const response = await post(`DynamoDB_20120810.${action}`, body);
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          __type: 'com.amazon.coral.validate#ValidationException',
          message: `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
        });
      });

      it('answers an unknown action with UnknownOperationException', async () => {
        const response = await post('DynamoDB_20120810.MakeCoffee', '{}');
        expect(response.status).toBe(400);
        expect(((await response.json()) as { __type: string }).__type).toMatch(/#UnknownOperationException$/);
      });

      it('answers malformed JSON with SerializationException', async () => {
        const response = await post('DynamoDB_20120810.ListTables', '{"Limit":');
        expect(response.status).toBe(400);
        expect(((await response.json()) as { __type: string }).__type).toMatch(/#SerializationException$/);
      });

      it('answers a wrongly typed member with SerializationException', async () => {
        const response = await post('DynamoDB_20120810.DescribeTable', '{"TableName": 5}');
        expect(response.status).toBe(400);
        const body = (await response.json()) as Record<string, string>;
        expect(body.__type).toBe('com.amazon.coral.service#SerializationException');
        expect(body.Message).toBe('NUMBER_VALUE cannot be converted to String');
      });
    });
  });
}

async function createTableReady(client: DynamoDBClient, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitUntilGone(client: DynamoDBClient, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await client.send(new DescribeTableCommand({ TableName: name }));
    await new Promise((r) => setTimeout(r, 20));
  }
}
