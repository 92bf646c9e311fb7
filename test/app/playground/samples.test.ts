import { describe, expect, it } from 'vitest';
import { SAMPLE_DATASETS, findSampleDataset } from '../../../app/playground/samples.ts';
import { BATCH_WRITE_MAX_REQUESTS, Database, type Item } from '../../../engine/index.ts';

type Page = { Items: Item[]; Count: number; LastEvaluatedKey?: Item };

/** A sandbox with the dataset loaded through Database.execute, the path /dynamodb takes. */
function load(id: string): Database {
  const db = new Database({ now: () => Date.UTC(2026, 0, 1) });
  for (const { action, input } of findSampleDataset(id)!.requests()) {
    const response = db.execute(action, input) as { UnprocessedItems?: Record<string, unknown> };
    if (action === 'BatchWriteItem') expect(response.UnprocessedItems).toEqual({});
  }
  return db;
}

function scan(db: Database, input: Record<string, unknown>): Item[] {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = db.execute('Scan', { ...input, ...(start ? { ExclusiveStartKey: start } : {}) }) as Page;
    items.push(...page.Items);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const query = (db: Database, input: Record<string, unknown>) => (db.execute('Query', input) as Page).Items;
const describeTable = (db: Database, name: string) =>
  (db.execute('DescribeTable', { TableName: name }) as { Table: { ItemCount: number; GlobalSecondaryIndexes?: { IndexName: string; ItemCount: number }[] } })
    .Table;

describe('SAMPLE_DATASETS', () => {
  it('offers the getting-started Music table, the developer guide tables and an orders table', () => {
    expect(SAMPLE_DATASETS.map((d) => [d.id, d.tables])).toEqual([
      ['music', ['Music']],
      ['product-catalog', ['ProductCatalog']],
      ['forum', ['Forum', 'Thread', 'Reply']],
      ['orders', ['Orders']],
    ]);
  });

  it.each(SAMPLE_DATASETS.map((d) => [d.id, d] as const))(
    '%s: creates its tables, then writes in batches of at most 25, the same on every call',
    (_, dataset) => {
      const requests = dataset.requests();
      expect(JSON.stringify(dataset.requests())).toBe(JSON.stringify(requests));
      expect(requests.filter((r) => r.action === 'CreateTable').map((r) => (r.input as { TableName: string }).TableName)).toEqual(dataset.tables);
      for (const request of requests) {
        expect(['CreateTable', 'BatchWriteItem']).toContain(request.action);
        if (request.action === 'BatchWriteItem') {
          const puts = Object.values((request.input as { RequestItems: Record<string, unknown[]> }).RequestItems).flat();
          expect(puts.length).toBeGreaterThan(0);
          expect(puts.length).toBeLessThanOrEqual(BATCH_WRITE_MAX_REQUESTS);
        }
      }
    },
  );

  it.each(SAMPLE_DATASETS.map((d) => [d.id, d] as const))('%s: the engine loads every item it sends, a modest number', (id, dataset) => {
    const db = load(id);
    const sent = dataset
      .requests()
      .filter((r) => r.action === 'BatchWriteItem')
      .flatMap((r) => Object.values((r.input as { RequestItems: Record<string, unknown[]> }).RequestItems).flat()).length;
    const stored = dataset.tables.reduce((sum, table) => sum + describeTable(db, table).ItemCount, 0);
    expect(stored).toBe(sent);
    expect(stored).toBeGreaterThanOrEqual(30);
    expect(stored).toBeLessThanOrEqual(300);
  });
});

describe('the datasets follow the documentation', () => {
  it('Music: Artist and SongTitle keys, and AlbumTitle-index answers a Query by album', () => {
    const db = load('music');
    const [first] = scan(db, { TableName: 'Music', Limit: 1 });
    expect(Object.keys(first!)).toEqual(expect.arrayContaining(['Artist', 'SongTitle', 'AlbumTitle']));
    const album = query(db, {
      TableName: 'Music',
      IndexName: 'AlbumTitle-index',
      KeyConditionExpression: 'AlbumTitle = :a',
      ExpressionAttributeValues: { ':a': first!.AlbumTitle },
    });
    expect(album.length).toBeGreaterThan(0);
    expect(album.every((item) => (item.AlbumTitle as { S: string }).S === (first!.AlbumTitle as { S: string }).S)).toBe(true);
  });

  it('ProductCatalog: books from Id 101 and bicycles from 201, one book priced below zero for the Scan example', () => {
    const db = load('product-catalog');
    const books = scan(db, { TableName: 'ProductCatalog', FilterExpression: 'ProductCategory = :c', ExpressionAttributeValues: { ':c': { S: 'Book' } } });
    const bikes = scan(db, { TableName: 'ProductCatalog', FilterExpression: 'ProductCategory = :c', ExpressionAttributeValues: { ':c': { S: 'Bicycle' } } });
    expect(books.map((b) => Number((b.Id as { N: string }).N)).sort((a, b) => a - b)[0]).toBe(101);
    expect(bikes.map((b) => Number((b.Id as { N: string }).N)).sort((a, b) => a - b)[0]).toBe(201);
    expect(Object.keys(books[0]!).sort()).toEqual(['Authors', 'Dimensions', 'ISBN', 'Id', 'InPublication', 'PageCount', 'Price', 'ProductCategory', 'Title']);
    expect(Object.keys(bikes[0]!).sort()).toEqual(['BicycleType', 'Brand', 'Color', 'Description', 'Id', 'Price', 'ProductCategory', 'Title']);
    expect(scan(db, { TableName: 'ProductCatalog', FilterExpression: 'Price < :zero', ExpressionAttributeValues: { ':zero': { N: '0' } } })).toHaveLength(1);
  });

  it('Forum, Thread and Reply: the counts on forums and threads agree with the replies stored', () => {
    const db = load('forum');
    const threads = scan(db, { TableName: 'Thread' });
    for (const thread of threads) {
      const id = `${(thread.ForumName as { S: string }).S}#${(thread.Subject as { S: string }).S}`;
      const replies = query(db, { TableName: 'Reply', KeyConditionExpression: 'Id = :id', ExpressionAttributeValues: { ':id': { S: id } } });
      expect(String(replies.length)).toBe((thread.Replies as { N: string }).N);
      if (replies.length > 0) expect(thread.LastPostedDateTime).toEqual(replies.at(-1)!.ReplyDateTime);
    }
    for (const forum of scan(db, { TableName: 'Forum' })) {
      const own = threads.filter((t) => (t.ForumName as { S: string }).S === (forum.Name as { S: string }).S);
      expect(forum.Threads === undefined ? 0 : Number((forum.Threads as { N: string }).N)).toBe(own.length);
      const messages = own.reduce((sum, t) => sum + Number((t.Replies as { N: string }).N), 0);
      expect(forum.Messages === undefined ? 0 : Number((forum.Messages as { N: string }).N)).toBe(messages);
    }
    const byUser = query(db, {
      TableName: 'Reply',
      IndexName: 'PostedBy-Message-Index',
      KeyConditionExpression: 'PostedBy = :u',
      ExpressionAttributeValues: { ':u': { S: 'User A' } },
    });
    expect(byUser.length).toBeGreaterThan(0);
  });

  it('Orders: the status index finds a month of pending orders with their totals', () => {
    const db = load('orders');
    const pending = query(db, {
      TableName: 'Orders',
      IndexName: 'Status-OrderDate-index',
      KeyConditionExpression: '#s = :s AND OrderDate BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#s': 'Status' },
      ExpressionAttributeValues: { ':s': { S: 'PENDING' }, ':from': { S: '2025-01' }, ':to': { S: '2025-07' } },
    });
    expect(pending.length).toBeGreaterThan(0);
    expect(Object.keys(pending[0]!).sort()).toEqual(['CustomerId', 'OrderDate', 'OrderId', 'Status', 'Total']);
    expect(describeTable(db, 'Orders').GlobalSecondaryIndexes![0]!.ItemCount).toBe(describeTable(db, 'Orders').ItemCount);
  });
});
