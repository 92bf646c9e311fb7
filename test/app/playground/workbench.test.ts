import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaygroundRequest, TableDescription } from '../../../app/playground/requests.ts';
import { SAMPLE_DATASETS } from '../../../app/playground/samples.ts';
import { exportWorkbenchModel, formatPath, parseWorkbenchModel, workbenchDate } from '../../../app/playground/workbench.ts';
import { BATCH_WRITE_MAX_REQUESTS, Database, type Item } from '../../../engine/index.ts';

const LIBRARY = JSON.parse(readFileSync(new URL('./fixtures/workbench-library.json', import.meta.url), 'utf8'));

function newDatabase(): Database {
  return new Database({ now: () => Date.UTC(2026, 0, 1) });
}

function run(db: Database, requests: readonly PlaygroundRequest[]): void {
  for (const { action, input } of requests) {
    const response = db.execute(action, input) as { UnprocessedItems?: object };
    if (action === 'BatchWriteItem') expect(response.UnprocessedItems).toEqual({});
  }
}

function scanAll(db: Database, table: string): Item[] {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = db.execute('Scan', { TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }) as { Items: Item[]; LastEvaluatedKey?: Item };
    items.push(...page.Items);
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

const describeTable = (db: Database, table: string) => (db.execute('DescribeTable', { TableName: table }) as { Table: TableDescription }).Table;

/** What a model keeps of a table: keys, attribute types, indexes, billing and throughput. */
function shape(description: TableDescription) {
  const index = (i: NonNullable<TableDescription['GlobalSecondaryIndexes']>[number]) => ({ name: i.IndexName, keys: i.KeySchema, projection: i.Projection });
  return {
    name: description.TableName,
    attributes: [...description.AttributeDefinitions].sort((a, b) => (a.AttributeName < b.AttributeName ? -1 : 1)),
    keys: description.KeySchema,
    globals: (description.GlobalSecondaryIndexes ?? []).map(index),
    locals: (description.LocalSecondaryIndexes ?? []).map(index),
    billing: description.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    read: description.ProvisionedThroughput?.ReadCapacityUnits,
    write: description.ProvisionedThroughput?.WriteCapacityUnits,
  };
}

describe('parseWorkbenchModel', () => {
  it('imports a file in the shape Workbench 3.x exports: tables, GSIs, throughput and items', () => {
    const result = parseWorkbenchModel(LIBRARY);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.tables).toEqual(['Library', 'Sessions']);
    const db = newDatabase();
    run(db, result.requests);
    const library = shape(describeTable(db, 'Library'));
    expect(library.keys).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(library.globals.map((g) => [g.name, g.projection])).toEqual([
      ['GSI1', { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title', 'onLoan'] }],
      ['entity-index', { ProjectionType: 'KEYS_ONLY' }],
    ]);
    expect([library.billing, library.read, library.write]).toEqual(['PROVISIONED', 5, 5]);
    expect(shape(describeTable(db, 'Sessions')).billing).toBe('PAY_PER_REQUEST');
    expect(scanAll(db, 'Library')).toHaveLength(3);
    expect(scanAll(db, 'Sessions')).toHaveLength(2);
    const loans = db.execute('Query', {
      TableName: 'Library',
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :m',
      ExpressionAttributeValues: { ':m': { S: 'MEMBER#42' } },
    }) as { Items: Item[] };
    expect(loans.Items).toEqual([
      { PK: { S: 'BOOK#1' }, SK: { S: 'COPY#1' }, GSI1PK: { S: 'MEMBER#42' }, GSI1SK: { S: '2025-03-01' }, onLoan: { BOOL: true } },
    ]);
  });

  it('takes the file text as well as parsed JSON', () => {
    expect(parseWorkbenchModel(JSON.stringify(LIBRARY)).ok).toBe(true);
    expect(parseWorkbenchModel('{"ModelName": ')).toEqual({ ok: false, errors: [{ path: '', message: expect.stringMatching(/^not valid JSON: /) }] });
  });

  it('writes the items in batches of at most 25', () => {
    const many = structuredClone(LIBRARY);
    many.DataModel[1].TableData = Array.from({ length: 60 }, (_, i) => ({ sessionId: { S: `s${i}` } }));
    const result = parseWorkbenchModel(many);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const batches = result.requests
      .filter((r) => r.action === 'BatchWriteItem')
      .map((r) => Object.values((r.input as { RequestItems: Record<string, unknown[]> }).RequestItems)[0]!.length);
    expect(batches).toEqual([3, BATCH_WRITE_MAX_REQUESTS, BATCH_WRITE_MAX_REQUESTS, 10]);
  });

  const broken = (edit: (model: typeof LIBRARY) => void) => {
    const model = structuredClone(LIBRARY);
    edit(model);
    return parseWorkbenchModel(model);
  };

  it.each([
    ['no DataModel', (m: typeof LIBRARY) => delete m.DataModel, 'DataModel', 'expected array'],
    [
      'a missing partition key',
      (m: typeof LIBRARY) => delete m.DataModel[0].KeyAttributes.PartitionKey,
      'DataModel[0].KeyAttributes.PartitionKey',
      'expected object',
    ],
    [
      'a key of type BOOL',
      (m: typeof LIBRARY) => (m.DataModel[1].KeyAttributes.PartitionKey.AttributeType = 'BOOL'),
      'DataModel[1].KeyAttributes.PartitionKey.AttributeType',
      'a key attribute is of type S, N or B',
    ],
    [
      'an unknown projection',
      (m: typeof LIBRARY) => (m.DataModel[0].GlobalSecondaryIndexes[1].Projection.ProjectionType = 'SOME'),
      'DataModel[0].GlobalSecondaryIndexes[1].Projection.ProjectionType',
      'Invalid option',
    ],
    [
      'an item that is not an object',
      (m: typeof LIBRARY) => (m.DataModel[1].TableData[1] = 'a1'),
      'DataModel[1].TableData[1]',
      'an item is an object of attribute values',
    ],
  ])('refuses %s, naming the path', (_, edit, path, message) => {
    const result = broken(edit);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it("refuses items DynamoDB would refuse, with DynamoDB's reason and the item's path", () => {
    const result = broken((m) => {
      delete m.DataModel[0].TableData[2].SK;
      m.DataModel[1].TableData[0].expiresAt = { N: 'soon' };
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'DataModel[0].TableData[2]',
          message: expect.stringMatching(/^ValidationException: One or more parameter values were invalid: Missing the key SK in the item/),
        },
        { path: 'DataModel[1].TableData[0]', message: expect.stringMatching(/^ValidationException: /) },
      ],
    });
  });

  it('refuses a repeated table, a repeated item key, a key attribute of two types and provisioned mode without throughput', () => {
    const result = broken((m) => {
      m.DataModel.push(structuredClone(m.DataModel[1]));
      m.DataModel[1].TableData.push({ sessionId: { S: 'a1' } });
      m.DataModel[0].GlobalSecondaryIndexes[1].KeyAttributes.PartitionKey = { AttributeName: 'SK', AttributeType: 'N' };
      m.DataModel[1].BillingMode = 'PROVISIONED';
    });
    expect(result.ok || result.errors).toEqual([
      {
        path: 'DataModel[0].GlobalSecondaryIndexes[1].KeyAttributes.PartitionKey.AttributeType',
        message: expect.stringContaining('SK is of type S elsewhere'),
      },
      { path: 'DataModel[1].ProvisionedCapacitySettings.ProvisionedThroughput', message: 'a PROVISIONED table needs its read and write capacity units' },
      { path: 'DataModel[2].TableName', message: 'the table Sessions is already defined at DataModel[1]' },
    ]);
    const duplicate = broken((m) => m.DataModel[1].TableData.push({ sessionId: { S: 'a1' } }));
    expect(duplicate.ok || duplicate.errors).toEqual([{ path: 'DataModel[1].TableData[2]', message: 'the same key as TableData[0]' }]);
  });

  it("refuses what CreateTable refuses, with DynamoDB's reason", () => {
    const result = broken((m) => (m.DataModel[1].TableName = 'no spaces allowed'));
    expect(result.ok || result.errors).toEqual([{ path: 'DataModel[1]', message: expect.stringMatching(/^CreateTable refused it: ValidationException: /) }]);
  });
});

describe('exportWorkbenchModel', () => {
  it('writes the fields Workbench writes, dated in its format', () => {
    const db = newDatabase();
    run(db, SAMPLE_DATASETS.find((d) => d.id === 'product-catalog')!.requests());
    const model = exportWorkbenchModel([{ description: describeTable(db, 'ProductCatalog'), items: scanAll(db, 'ProductCatalog') }], 'Catalog', {
      modifiedAt: Date.UTC(2026, 1, 3, 14, 5),
    }) as { ModelMetadata: Record<string, string>; DataModel: Record<string, unknown>[] };
    expect(model.ModelMetadata).toEqual({
      Author: '',
      DateCreated: 'Jan 01, 2026, 12:00 AM',
      DateLastModified: 'Feb 03, 2026, 02:05 PM',
      Description: '',
      AWSService: 'Amazon DynamoDB',
      Version: '3.0',
    });
    const table = model.DataModel[0]!;
    expect(Object.keys(table)).toEqual([
      'TableName',
      'KeyAttributes',
      'NonKeyAttributes',
      'TableData',
      'DataAccess',
      'BillingMode',
      'ProvisionedCapacitySettings',
    ]);
    expect(table.KeyAttributes).toEqual({ PartitionKey: { AttributeName: 'Id', AttributeType: 'N' } });
    expect(table.NonKeyAttributes).toContainEqual({ AttributeName: 'Authors', AttributeType: 'L' });
    expect(table.ProvisionedCapacitySettings).toEqual({ ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } });
  });

  it('round trip: every sample table, exported and imported, comes back with the same keys, indexes, capacity and items', () => {
    const source = newDatabase();
    for (const dataset of SAMPLE_DATASETS) run(source, dataset.requests());
    const names = SAMPLE_DATASETS.flatMap((d) => d.tables);
    const exported = exportWorkbenchModel(
      names.map((name) => ({ description: describeTable(source, name), items: scanAll(source, name) })),
      'Samples',
    );
    const result = parseWorkbenchModel(JSON.parse(JSON.stringify(exported)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.tables).toEqual(names);
    const copy = newDatabase();
    run(copy, result.requests);
    for (const name of names) {
      expect(shape(describeTable(copy, name))).toEqual(shape(describeTable(source, name)));
      expect(scanAll(copy, name)).toEqual(scanAll(source, name));
    }
  });

  it('round trip keeps a local secondary index and binary keys', () => {
    const source = newDatabase();
    run(source, [
      {
        action: 'CreateTable',
        input: {
          TableName: 'Events',
          AttributeDefinitions: [
            { AttributeName: 'device', AttributeType: 'B' },
            { AttributeName: 'at', AttributeType: 'N' },
            { AttributeName: 'level', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'device', KeyType: 'HASH' },
            { AttributeName: 'at', KeyType: 'RANGE' },
          ],
          LocalSecondaryIndexes: [
            {
              IndexName: 'by-level',
              KeySchema: [
                { AttributeName: 'device', KeyType: 'HASH' },
                { AttributeName: 'level', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        },
      },
      { action: 'PutItem', input: { TableName: 'Events', Item: { device: { B: 'AQID' }, at: { N: '1' }, level: { S: 'warn' }, data: { BS: ['AA=='] } } } },
    ]);
    const exported = exportWorkbenchModel([{ description: describeTable(source, 'Events'), items: scanAll(source, 'Events') }], 'Events');
    const result = parseWorkbenchModel(JSON.stringify(exported));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const copy = newDatabase();
    run(copy, result.requests);
    expect(shape(describeTable(copy, 'Events'))).toEqual(shape(describeTable(source, 'Events')));
    expect(scanAll(copy, 'Events')).toEqual(scanAll(source, 'Events'));
  });
});

describe('attribute names that are also JavaScript property names', () => {
  it('keeps __proto__ and constructor through export and import', () => {
    const source = newDatabase();
    const item = JSON.parse('{"pk":{"S":"a"},"__proto__":{"S":"x"},"constructor":{"N":"1"}}');
    run(source, [
      {
        action: 'CreateTable',
        input: {
          TableName: 'Odd',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
      },
      { action: 'PutItem', input: { TableName: 'Odd', Item: item } },
    ]);
    const text = JSON.stringify(exportWorkbenchModel([{ description: describeTable(source, 'Odd'), items: scanAll(source, 'Odd') }], 'Odd'));
    expect(text).toContain('"__proto__":{"S":"x"}');
    const result = parseWorkbenchModel(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const copy = newDatabase();
    run(copy, result.requests);
    expect(JSON.stringify(scanAll(copy, 'Odd'))).toBe(JSON.stringify(scanAll(source, 'Odd')));
    expect(JSON.stringify(scanAll(copy, 'Odd'))).toContain('__proto__');
  });
});

describe('helpers', () => {
  it.each([
    [Date.UTC(2025, 3, 19, 6, 28), 'Apr 19, 2025, 06:28 AM'],
    [Date.UTC(2025, 11, 5, 0, 7), 'Dec 05, 2025, 12:07 AM'],
    [Date.UTC(2025, 11, 5, 12, 0), 'Dec 05, 2025, 12:00 PM'],
  ])('workbenchDate(%d) is %s', (ms, text) => {
    expect(workbenchDate(ms)).toBe(text);
  });

  it('formats zod paths as JavaScript would', () => {
    expect(formatPath(['DataModel', 0, 'TableData', 2, 'odd name'])).toBe('DataModel[0].TableData[2]["odd name"]');
  });
});
