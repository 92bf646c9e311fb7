/**
 * One-click sample datasets for the playground: the AWS documentation's example tables, with the
 * same key schemas, indexes and attribute shapes, filled by a seeded generator rather than
 * copied, so every load gives the same few hundred items and none of the text is AWS's.
 *
 * Sources: the getting-started guide's Music table (steps 1, 2 and 6), and the developer guide's
 * sample tables and data (AppendixSampleTables: ProductCatalog, Forum, Thread, Reply with its
 * PostedBy-Message-Index, created with 10 read and 5 write units).
 */
import type { AttributeValue, Item } from '../../engine/index.ts';
import { createRandom, type Random } from '../bank/random.ts';
import { type PlaygroundRequest, tableLoadRequests } from './requests.ts';

export interface SampleDataset {
  /** Stable, for URLs and form values. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The tables the requests create, in order. */
  readonly tables: readonly string[];
  /** The AWS page the tables follow. */
  readonly source: string;
  /** CreateTable, then BatchWriteItem calls of at most 25 puts; the same list on every call. */
  requests(): readonly PlaygroundRequest[];
}

const s = (value: string): AttributeValue => ({ S: value });
const n = (value: number): AttributeValue => ({ N: String(value) });
const list = (values: readonly AttributeValue[]): AttributeValue => ({ L: values });
const bool = (value: boolean): AttributeValue => ({ BOOL: value });

/** Some of the items in their order, each kept on an even chance; at least `min` of them. */
function subset<T>(random: Random, items: readonly T[], min: number): T[] {
  const chosen = items.filter(() => random.next() < 0.5);
  return chosen.length >= min ? chosen : random.shuffle(items).slice(0, min);
}

/** Minutes after an epoch as DynamoDB's examples write dates: ISO 8601 in UTC, milliseconds included. */
function isoAfter(epoch: number, minutes: number): string {
  return new Date(epoch + minutes * 60_000).toISOString();
}

const keyDefinition = (hash: [string, 'S' | 'N'], range?: [string, 'S' | 'N']) => ({
  AttributeDefinitions: [hash, ...(range ? [range] : [])].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
  KeySchema: [{ AttributeName: hash[0], KeyType: 'HASH' }, ...(range ? [{ AttributeName: range[0], KeyType: 'RANGE' }] : [])],
});

/** The developer guide creates its sample tables with 10 read and 5 write capacity units. */
const GUIDE_THROUGHPUT = { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } as const;

// ---------------------------------------------------------------- Music

const ARTIST_WORDS = [
  ['No One', 'Someone', 'Everyone', 'The Night', 'Paper', 'Velvet', 'Northern', 'Glass'],
  ['You Know', 'Else', 'Owls', 'Lanterns', 'Harbour', 'Static', 'Orchard', 'Engines'],
];
const SONG_WORDS = [
  ['Call Me', 'Howdy', 'My Dog', 'Slow', 'Late', 'Blue', 'Half', 'Quiet', 'Golden', 'Empty', 'Paper'],
  ['Today', 'Spot', 'Again', 'Morning', 'Rivers', 'Summer', 'Highway', 'Letters', 'Rooms', 'Static', 'Skies'],
];
const ALBUMS = ['Somewhat Famous', 'Songs About Life', 'Greatest Hits', 'Still Waters', 'Nearly Home', 'Lost Signals', 'Blue Rooms', 'Paper Skies'];
const GENRES = ['Country', 'Rock', 'Jazz', 'Folk', 'Pop'];

function musicItems(random: Random): Item[] {
  const artists = new Set<string>();
  while (artists.size < 8) artists.add(`${random.pick(ARTIST_WORDS[0]!)} ${random.pick(ARTIST_WORDS[1]!)}`);
  const items: Item[] = [];
  for (const artist of artists) {
    const albums = random.shuffle(ALBUMS).slice(0, random.int(1, 3));
    const genre = random.pick(GENRES);
    const songs = new Set<string>();
    const count = random.int(3, 9);
    while (songs.size < count) songs.add(`${random.pick(SONG_WORDS[0]!)} ${random.pick(SONG_WORDS[1]!)}`);
    for (const song of songs) {
      items.push({
        Artist: s(artist),
        SongTitle: s(song),
        AlbumTitle: s(random.pick(albums)),
        Genre: s(genre),
        Year: n(random.int(1985, 2024)),
        // Not every song has won something: Awards is absent rather than zero on some items.
        ...(random.next() < 0.7 ? { Awards: n(random.int(0, 10)) } : {}),
      });
    }
  }
  return items;
}

const MUSIC: SampleDataset = {
  id: 'music',
  title: 'Music (getting started)',
  description:
    'The getting-started guide’s Music table: partition key Artist, sort key SongTitle, on demand, with the AlbumTitle-index global secondary index the guide adds in its step 6. About fifty songs by eight artists.',
  tables: ['Music'],
  source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/getting-started-step-1.html',
  requests: () =>
    tableLoadRequests(
      {
        TableName: 'Music',
        ...keyDefinition(['Artist', 'S'], ['SongTitle', 'S']),
        AttributeDefinitions: [
          { AttributeName: 'Artist', AttributeType: 'S' },
          { AttributeName: 'SongTitle', AttributeType: 'S' },
          { AttributeName: 'AlbumTitle', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: [
          { IndexName: 'AlbumTitle-index', KeySchema: [{ AttributeName: 'AlbumTitle', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
        ],
      },
      musicItems(createRandom(1)),
    ),
};

// ---------------------------------------------------------------- ProductCatalog

function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => random.int(0, 9)).join('');
}

function productItems(random: Random): Item[] {
  const items: Item[] = [];
  const books = 30;
  // The guide's scan example looks for a book whose price was entered below zero: one is.
  const misprice = random.int(0, books - 1);
  for (let i = 0; i < books; i++) {
    const id = 101 + i;
    items.push({
      Id: n(id),
      Title: s(`Book ${id} Title`),
      ISBN: s(`${digits(random, 3)}-${digits(random, 10)}`),
      Authors: list(Array.from({ length: random.int(1, 3) }, (_, k) => s(`Author${k + 1}`))),
      Price: n(i === misprice ? -2 : random.int(2, 200)),
      Dimensions: s(`8.5 x 11.0 x ${random.pick(['0.5', '0.8', '1.0', '1.5', '2.0'])}`),
      PageCount: n(random.int(10, 90) * 10),
      InPublication: bool(random.next() < 0.8),
      ProductCategory: s('Book'),
    });
  }
  for (let i = 0; i < 20; i++) {
    const id = 201 + i;
    items.push({
      Id: n(id),
      Title: s(`${random.pick(['18', '19', '21'])}-Bike-${id}`),
      Description: s(`${id} Description`),
      BicycleType: s(random.pick(['Road', 'Mountain', 'Hybrid'])),
      Brand: s(random.pick(['Mountain A', 'Brand-Company A', 'Brand-Company B', 'Brand-Company C'])),
      Price: n(random.int(1, 10) * 50),
      Color: list(subset(random, ['Red', 'Black', 'Green', 'Blue'], 1).map(s)),
      ProductCategory: s('Bicycle'),
    });
  }
  return items;
}

const PRODUCT_CATALOG: SampleDataset = {
  id: 'product-catalog',
  title: 'ProductCatalog (developer guide)',
  description:
    'The developer guide’s ProductCatalog table: partition key Id (a number), no sort key, 10 read and 5 write units. Thirty books (Ids from 101) and twenty bicycles (Ids from 201) with the guide’s attributes; one book’s price was entered below zero, for the guide’s Scan example.',
  tables: ['ProductCatalog'],
  source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AppendixSampleTables.html',
  requests: () =>
    tableLoadRequests({ TableName: 'ProductCatalog', ...keyDefinition(['Id', 'N']), ProvisionedThroughput: GUIDE_THROUGHPUT }, productItems(createRandom(2))),
};

// ---------------------------------------------------------------- Forum, Thread, Reply

const FORUMS = [
  { name: 'Amazon DynamoDB', short: 'DynamoDB', tags: ['index', 'primarykey', 'table', 'items', 'attributes', 'throughput'] },
  { name: 'Amazon S3', short: 'S3', tags: ['largeobjects', 'multipart upload', 'buckets', 'versioning'] },
  { name: 'Amazon EC2', short: 'EC2', tags: ['instances', 'volumes', 'security groups'] },
  { name: 'AWS Lambda', short: 'Lambda', tags: ['functions', 'triggers', 'layers', 'concurrency'] },
];
const USERS = ['User A', 'User B', 'User C', 'User D', 'User E'];
/** 2015-09-01T00:00:00Z: the guide's sample posts are dated September 2015. */
const FORUM_EPOCH = Date.UTC(2015, 8, 1);

function forumItems(random: Random): { forums: Item[]; threads: Item[]; replies: Item[] } {
  const forums: Item[] = [];
  const threads: Item[] = [];
  const replies: Item[] = [];
  for (const forum of FORUMS) {
    const threadCount = random.int(2, 5);
    let messages = 0;
    let views = 0;
    for (let t = 1; t <= threadCount; t++) {
      const subject = `${forum.short} Thread ${t}`;
      const poster = random.pick(USERS);
      let minute = random.int(0, 40 * 24 * 60);
      let last = { by: poster, at: isoAfter(FORUM_EPOCH, minute) };
      const replyCount = random.int(0, 6);
      for (let r = 1; r <= replyCount; r++) {
        minute += random.int(5, 3 * 24 * 60);
        const by = random.pick(USERS);
        const at = isoAfter(FORUM_EPOCH, minute);
        replies.push({ Id: s(`${forum.name}#${subject}`), ReplyDateTime: s(at), Message: s(`${forum.short} Thread ${t} Reply ${r} text`), PostedBy: s(by) });
        last = { by, at };
      }
      const threadViews = replyCount + random.int(0, 60);
      threads.push({
        ForumName: s(forum.name),
        Subject: s(subject),
        Message: s(`${forum.short} thread ${t} message`),
        LastPostedBy: s(last.by),
        LastPostedDateTime: s(last.at),
        Views: n(threadViews),
        Replies: n(replyCount),
        Answered: n(replyCount > 0 && random.next() < 0.5 ? 1 : 0),
        Tags: list(subset(random, forum.tags, 1).slice(0, 3).map(s)),
      });
      messages += replyCount;
      views += threadViews;
    }
    forums.push({ Name: s(forum.name), Category: s('Amazon Web Services'), Threads: n(threadCount), Messages: n(messages), Views: n(views) });
  }
  // A forum nobody has posted in yet: like the guide's second forum, it has no counts at all.
  forums.push({ Name: s('Amazon SQS'), Category: s('Amazon Web Services') });
  return { forums, threads, replies };
}

const FORUM: SampleDataset = {
  id: 'forum',
  title: 'Forum, Thread and Reply (developer guide)',
  description:
    'The developer guide’s forum application: Forum (partition key Name), Thread (ForumName and Subject) and Reply (Id, made of the forum name and subject joined by #, and ReplyDateTime), with Reply’s PostedBy-Message-Index global secondary index; 10 read and 5 write units each. Five forums, their threads and replies, with counts that agree.',
  tables: ['Forum', 'Thread', 'Reply'],
  source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AppendixSampleTables.html',
  requests: () => {
    const { forums, threads, replies } = forumItems(createRandom(3));
    return [
      ...tableLoadRequests({ TableName: 'Forum', ...keyDefinition(['Name', 'S']), ProvisionedThroughput: GUIDE_THROUGHPUT }, forums),
      ...tableLoadRequests({ TableName: 'Thread', ...keyDefinition(['ForumName', 'S'], ['Subject', 'S']), ProvisionedThroughput: GUIDE_THROUGHPUT }, threads),
      ...tableLoadRequests(
        {
          TableName: 'Reply',
          ...keyDefinition(['Id', 'S'], ['ReplyDateTime', 'S']),
          AttributeDefinitions: ['Id', 'ReplyDateTime', 'PostedBy', 'Message'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
          ProvisionedThroughput: GUIDE_THROUGHPUT,
          GlobalSecondaryIndexes: [
            {
              IndexName: 'PostedBy-Message-Index',
              KeySchema: [
                { AttributeName: 'PostedBy', KeyType: 'HASH' },
                { AttributeName: 'Message', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
              ProvisionedThroughput: GUIDE_THROUGHPUT,
            },
          ],
        },
        replies,
      ),
    ];
  },
};

// ---------------------------------------------------------------- Orders

const SKUS = [
  { sku: 'BOOK-101', price: 1299 },
  { sku: 'BIKE-201', price: 34900 },
  { sku: 'MUG-007', price: 850 },
  { sku: 'CABLE-USB', price: 599 },
  { sku: 'LAMP-042', price: 2450 },
  { sku: 'PEN-SET', price: 1175 },
];
const STATUSES = ['PENDING', 'SHIPPED', 'DELIVERED', 'DELIVERED', 'DELIVERED', 'CANCELLED'];
/** Orders are dated in the first half of 2025. */
const ORDER_EPOCH = Date.UTC(2025, 0, 1);

function orderItems(random: Random): Item[] {
  const items: Item[] = [];
  let orderNumber = 1000;
  for (let c = 1; c <= 25; c++) {
    const customer = `CUST#${String(c).padStart(4, '0')}`;
    const orders = random.int(1, 8);
    for (let o = 0; o < orders; o++) {
      const lines = subset(random, SKUS, 1)
        .slice(0, 3)
        .map((line) => ({ ...line, quantity: random.int(1, 4) }));
      const cents = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
      const status = random.pick(STATUSES);
      const placed = random.int(0, 180 * 24 * 60);
      items.push({
        CustomerId: s(customer),
        OrderId: s(`ORD#${++orderNumber}`),
        OrderDate: s(isoAfter(ORDER_EPOCH, placed)),
        Status: s(status),
        Total: n(cents / 100),
        Lines: list(lines.map((line) => ({ M: { Sku: s(line.sku), Quantity: n(line.quantity), UnitPrice: n(line.price / 100) } }))),
        // Only orders that left the warehouse carry a ShippedDate.
        ...(status === 'SHIPPED' || status === 'DELIVERED' ? { ShippedDate: s(isoAfter(ORDER_EPOCH, placed + random.int(60, 3 * 24 * 60))) } : {}),
      });
    }
  }
  return items;
}

const ORDERS: SampleDataset = {
  id: 'orders',
  title: 'Orders with a status index',
  description:
    'An Orders table keyed by CustomerId and OrderId, on demand, with a Status-OrderDate-index global secondary index that projects Total: one customer’s orders are a Query on the table, the pending orders of a month a Query on the index. About a hundred orders from twenty-five customers.',
  tables: ['Orders'],
  source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html',
  requests: () =>
    tableLoadRequests(
      {
        TableName: 'Orders',
        AttributeDefinitions: ['CustomerId', 'OrderId', 'Status', 'OrderDate'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'CustomerId', KeyType: 'HASH' },
          { AttributeName: 'OrderId', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: [
          {
            IndexName: 'Status-OrderDate-index',
            KeySchema: [
              { AttributeName: 'Status', KeyType: 'HASH' },
              { AttributeName: 'OrderDate', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['Total'] },
          },
        ],
      },
      orderItems(createRandom(4)),
    ),
};

export const SAMPLE_DATASETS: readonly SampleDataset[] = [MUSIC, PRODUCT_CATALOG, FORUM, ORDERS];

export function findSampleDataset(id: string): SampleDataset | undefined {
  return SAMPLE_DATASETS.find((dataset) => dataset.id === id);
}
