import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { COMPOSITE, expectFailure, newDatabase, SIMPLE } from './helpers.ts';

let db: Database;
beforeEach(() => {
  db = newDatabase();
  db.execute('CreateTable', COMPOSITE);
  db.execute('CreateTable', {
    ...COMPOSITE,
    TableName: 'strings',
    AttributeDefinitions: [COMPOSITE.AttributeDefinitions[0], { AttributeName: 'sk', AttributeType: 'S' }],
  });
  db.execute('CreateTable', SIMPLE);
});

type Page = {
  Items?: Record<string, { N?: string; S?: string }>[];
  Count: number;
  ScannedCount: number;
  LastEvaluatedKey?: Record<string, unknown>;
  ConsumedCapacity?: { CapacityUnits: number };
};

function query(extra: Record<string, unknown>): Page {
  return db.execute('Query', {
    TableName: 'orders',
    KeyConditionExpression: 'pk = :p',
    ...extra,
    ExpressionAttributeValues: { ':p': { S: 'a' }, ...(extra.ExpressionAttributeValues as object) },
  }) as Page;
}

describe('Query', () => {
  beforeEach(() => {
    for (let i = 1; i <= 10; i++) db.execute('PutItem', { TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: String(i) }, d: { S: 'x'.repeat(1000) } } });
    db.execute('PutItem', { TableName: 'orders', Item: { pk: { S: 'b' }, sk: { N: '1' } } });
  });

  it('orders strings by UTF-8 bytes, not UTF-16 code units', () => {
    for (const sk of ['\uffff', '\u{1F600}', 'a', 'B']) db.execute('PutItem', { TableName: 'strings', Item: { pk: { S: 'a' }, sk: { S: sk } } });
    const page = db.execute('Query', { TableName: 'strings', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'a' } } }) as Page;
    expect(page.Items!.map((i) => i.sk!.S)).toEqual(['B', 'a', '\uffff', '\u{1F600}']);
  });

  it('selects with begins_with on a string sort key', () => {
    for (const sk of ['2024-01-05', '2024-02-01', '2023-12-31', '2024-01-31'])
      db.execute('PutItem', { TableName: 'strings', Item: { pk: { S: 'a' }, sk: { S: sk } } });
    const page = db.execute('Query', {
      TableName: 'strings',
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :m)',
      ExpressionAttributeValues: { ':p': { S: 'a' }, ':m': { S: '2024-01' } },
    }) as Page;
    expect(page.Items!.map((i) => i.sk!.S)).toEqual(['2024-01-05', '2024-01-31']);
  });

  it.each<[string, Record<string, unknown>, number[], number, number]>([
    [
      'Limit counts items read, not returned',
      { Limit: 4, FilterExpression: 'size(d) > :n', ExpressionAttributeValues: { ':n': { N: '0' } } },
      [1, 2, 3, 4],
      4,
      4,
    ],
    ['the filter runs after Limit', { Limit: 4, FilterExpression: 'attribute_not_exists(d)' }, [], 0, 4],
    [
      'backwards with a bound',
      { ScanIndexForward: false, KeyConditionExpression: 'pk = :p AND sk <= :n', ExpressionAttributeValues: { ':n': { N: '3' } } },
      [3, 2, 1],
      3,
      3,
    ],
  ])('%s', (_case, extra, keys, count, scanned) => {
    const page = query(extra);
    expect(page.Items!.map((i) => Number(i.sk!.N))).toEqual(keys);
    expect(page.Count).toBe(count);
    expect(page.ScannedCount).toBe(scanned);
  });

  it('resumes after LastEvaluatedKey in either direction', () => {
    const forward = query({ Limit: 3 });
    expect(forward.LastEvaluatedKey).toEqual({ pk: { S: 'a' }, sk: { N: '3' } });
    expect(query({ Limit: 3, ExclusiveStartKey: forward.LastEvaluatedKey }).Items!.map((i) => Number(i.sk!.N))).toEqual([4, 5, 6]);
    const backward = query({ Limit: 3, ScanIndexForward: false, ExclusiveStartKey: { pk: { S: 'a' }, sk: { N: '5' } } });
    expect(backward.Items!.map((i) => Number(i.sk!.N))).toEqual([4, 3, 2]);
  });

  it('charges the sum of the sizes read, rounded up once, filtered or not', () => {
    // Each item is 3 + 4 + 1001 = 1,008 bytes; 10 of them = 10,080 bytes = 3 blocks of 4 KB.
    expect(query({ ReturnConsumedCapacity: 'TOTAL' }).ConsumedCapacity!.CapacityUnits).toBe(1.5);
    expect(query({ ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true, Select: 'COUNT' }).ConsumedCapacity!.CapacityUnits).toBe(3);
    expect(query({ ReturnConsumedCapacity: 'TOTAL', FilterExpression: 'attribute_not_exists(d)' }).ConsumedCapacity!.CapacityUnits).toBe(1.5);
  });

  it('charges half a unit for an empty result', () => {
    const page = query({ ExpressionAttributeValues: { ':p': { S: 'nobody' } }, ReturnConsumedCapacity: 'TOTAL' });
    expect(page.Count).toBe(0);
    expect(page.ConsumedCapacity!.CapacityUnits).toBe(0.5);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a start key from another partition',
      { ExclusiveStartKey: { pk: { S: 'b' }, sk: { N: '1' } } },
      'The provided starting key is outside query boundaries based on provided conditions',
    ],
    [
      'a start key missing its sort key',
      { ExclusiveStartKey: { pk: { S: 'a' } } },
      'The provided starting key is invalid: The provided key element does not match the schema',
    ],
    ['an unknown index', { IndexName: 'nope' }, 'The table does not have the specified index: nope'],
    [
      'ALL_PROJECTED_ATTRIBUTES on the table',
      { Select: 'ALL_PROJECTED_ATTRIBUTES' },
      'ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName',
    ],
    [
      'ALL_ATTRIBUTES with a projection',
      { Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'd' },
      'Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES',
    ],
    [
      'two conditions on the partition key',
      { KeyConditionExpression: 'pk = :p AND pk = :p' },
      'KeyConditionExpressions must only contain one condition per key',
    ],
    ['a range condition on the partition key', { KeyConditionExpression: 'pk > :p' }, 'Query key condition not supported'],
  ])('refuses %s', (_case, extra, message) => {
    expectFailure(() => query(extra), 'ValidationException', message);
  });
});

describe('Scan', () => {
  beforeEach(() => {
    for (let i = 0; i < 200; i++) db.execute('PutItem', { TableName: 'users', Item: { id: { S: `u${i}` }, n: { N: String(i) } } });
  });

  it.each([[1], [2], [3], [7], [16]])('covers every item exactly once with %i segments, page by page', (total) => {
    const seen: string[] = [];
    for (let segment = 0; segment < total; segment++) {
      let start: unknown;
      do {
        const page = db.execute('Scan', { TableName: 'users', Segment: segment, TotalSegments: total, Limit: 13, ExclusiveStartKey: start }) as Page;
        seen.push(...page.Items!.map((i) => i.id!.S!));
        start = page.LastEvaluatedKey;
      } while (start);
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });

  it('stops a page once 1 MB has been read', () => {
    for (let i = 0; i < 6; i++) db.execute('PutItem', { TableName: 'users', Item: { id: { S: `big${i}` }, d: { S: 'x'.repeat(300_000) } } });
    let pages = 0;
    let start: unknown;
    let items = 0;
    do {
      const page = db.execute('Scan', { TableName: 'users', ExclusiveStartKey: start, Select: 'COUNT' }) as Page;
      pages++;
      items += page.Count;
      start = page.LastEvaluatedKey;
    } while (start);
    expect(items).toBe(206);
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('refuses a Scan of an index the table does not have', () => {
    expectFailure(
      () => db.execute('Scan', { TableName: 'users', IndexName: 'gsi' }),
      'ValidationException',
      'The table does not have the specified index: gsi',
    );
  });
});
