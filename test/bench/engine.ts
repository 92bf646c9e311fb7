/**
 * The engine's core actions: in-process through Database.execute, and over HTTP through the AWS
 * SDK against our endpoint and against dynalite (in-memory), with the same client settings.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Agent } from 'node:http';
import { serve } from '@hono/node-server';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { dynamodbRoutes } from '../../app/routes/dynamodb/index.ts';
import { SandboxRegistry } from '../../app/routes/dynamodb/sandboxes.ts';
import { Database } from '../../engine/database.ts';
import { measure, measureSync, type BenchRow } from './run.ts';

const QUERY_PARTITIONS = 20;
const ITEMS_PER_PARTITION = 100;
const SCAN_ITEMS = 10_000;

const TABLES: CreateTableCommandInput[] = [
  {
    TableName: 'bench-simple',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  },
  {
    TableName: 'bench-composite',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'N' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  },
  {
    TableName: 'bench-scan',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  },
];

function simpleItem(i: number): Record<string, AttributeValue> {
  return { pk: { S: `user#${i}` }, name: { S: `name ${i}` }, score: { N: String(i * 7) }, active: { BOOL: i % 2 === 0 } };
}

function compositeItem(p: number, s: number): Record<string, AttributeValue> {
  return { pk: { S: `order#${p}` }, sk: { N: String(s) }, total: { N: `${s}.99` }, status: { S: s % 3 ? 'open' : 'shipped' } };
}

/** The same request bodies for every target. */
const requests = {
  get: (i: number) => ({ TableName: 'bench-simple', Key: { pk: { S: `user#${i % 1000}` } } }),
  put: (i: number) => ({ TableName: 'bench-simple', Item: simpleItem(1000 + (i % 5000)) }),
  query: (i: number) => ({
    TableName: 'bench-composite',
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': { S: `order#${i % QUERY_PARTITIONS}` } },
  }),
};

function loadEngine(db: Database): void {
  for (const table of TABLES) db.execute('CreateTable', table);
  for (let i = 0; i < 1000; i++) db.execute('PutItem', { TableName: 'bench-simple', Item: simpleItem(i) });
  for (let p = 0; p < QUERY_PARTITIONS; p++) {
    for (let s = 0; s < ITEMS_PER_PARTITION; s++) db.execute('PutItem', { TableName: 'bench-composite', Item: compositeItem(p, s) });
  }
  for (let i = 0; i < SCAN_ITEMS; i++) db.execute('PutItem', { TableName: 'bench-scan', Item: simpleItem(i) });
}

function fullScanEngine(db: Database): number {
  let start: unknown;
  let count = 0;
  do {
    const page = db.execute('Scan', { TableName: 'bench-scan', ExclusiveStartKey: start }) as { Count: number; LastEvaluatedKey?: unknown };
    count += page.Count;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

async function fullScanHttp(client: DynamoDBClient): Promise<number> {
  let start: Record<string, AttributeValue> | undefined;
  let count = 0;
  do {
    const page = await client.send(new ScanCommand({ TableName: 'bench-scan', ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

async function loadHttp(client: DynamoDBClient): Promise<void> {
  for (const table of TABLES) await client.send(new CreateTableCommand(table));
  const puts: Record<string, AttributeValue>[][] = [[], [], []];
  for (let i = 0; i < 1000; i++) puts[0]!.push(simpleItem(i));
  for (let p = 0; p < QUERY_PARTITIONS; p++) for (let s = 0; s < ITEMS_PER_PARTITION; s++) puts[1]!.push(compositeItem(p, s));
  for (let i = 0; i < SCAN_ITEMS; i++) puts[2]!.push(simpleItem(i));
  const names = ['bench-simple', 'bench-composite', 'bench-scan'];
  for (const [t, items] of puts.entries()) {
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await client.send(new PutItemCommand({ TableName: names[t], Item: item }));
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }
}

function clientFor(url: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'BENCH', secretAccessKey: 'bench' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 32 }) }),
  });
}

interface Server {
  url: string;
  close(): Promise<void>;
}

function startOurs(): Promise<Server> {
  const app = dynamodbRoutes(new SandboxRegistry({ now: () => Date.now(), requestsPerSecond: 1e9 }));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
}

function startDynalite(): Promise<Server> {
  const require = createRequire(import.meta.url);
  const dynalite = require('dynalite') as (options: Record<string, number>) => {
    listen(port: number, host: string, cb: () => void): void;
    address(): AddressInfo;
    close(cb: () => void): void;
  };
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise<void>((done) => server.close(() => done())) }),
    ),
  );
}

const HTTP_LIMITS = { maxOps: 20_000, maxMs: 1000, concurrency: 8 };
const WARM_UP = { maxOps: 300, maxMs: 400, concurrency: 8 };

async function measureHttp(client: DynamoDBClient, limits: typeof HTTP_LIMITS): Promise<Record<string, number>> {
  let i = 0;
  return {
    GetItem: await measure(() => client.send(new GetItemCommand(requests.get(i++))), limits),
    PutItem: await measure(() => client.send(new PutItemCommand(requests.put(i++))), limits),
    Query: await measure(() => client.send(new QueryCommand(requests.query(i++))), limits),
    Scan: await measure(() => fullScanHttp(client), { maxOps: limits === WARM_UP ? 2 : 200, maxMs: 2000, concurrency: 1 }),
  };
}

export async function benchmarks(): Promise<BenchRow[]> {
  const db = new Database({ now: () => 0 });
  loadEngine(db);
  if (fullScanEngine(db) !== SCAN_ITEMS) throw new Error('engine scan lost items');
  let i = 0;
  const inProcess = {
    GetItem: measureSync(() => db.execute('GetItem', requests.get(i++)), { maxOps: 1_000_000, maxMs: 1000 }),
    PutItem: measureSync(() => db.execute('PutItem', requests.put(i++)), { maxOps: 1_000_000, maxMs: 1000 }),
    Query: measureSync(() => db.execute('Query', requests.query(i++)), { maxOps: 100_000, maxMs: 1000 }),
    Scan: measureSync(() => fullScanEngine(db), { maxOps: 1000, maxMs: 1500 }),
  };

  const ours = await startOurs();
  const dynalite = await startDynalite();
  const oursClient = clientFor(`${ours.url}/dynamodb`);
  const dynaliteClient = clientFor(dynalite.url);
  try {
    await loadHttp(oursClient);
    await loadHttp(dynaliteClient);
    if ((await fullScanHttp(oursClient)) !== SCAN_ITEMS) throw new Error('our endpoint lost items');
    if ((await fullScanHttp(dynaliteClient)) !== SCAN_ITEMS) throw new Error('dynalite lost items');
    // A short untimed round first, so neither side is measured while the JIT warms up.
    await measureHttp(oursClient, WARM_UP);
    await measureHttp(dynaliteClient, WARM_UP);
    const oursHttp = await measureHttp(oursClient, HTTP_LIMITS);
    const dynaliteHttp = await measureHttp(dynaliteClient, HTTP_LIMITS);
    const names = ['GetItem', 'PutItem', `Query (${ITEMS_PER_PARTITION} items)`, `Scan (${SCAN_ITEMS.toLocaleString('en-US')} items)`];
    const keys = ['GetItem', 'PutItem', 'Query', 'Scan'] as const;
    return [
      ...keys.map((k, j) => ({ group: 'in-process', name: names[j]!, ours: inProcess[k] })),
      ...keys.map((k, j) => ({ group: 'HTTP + SDK', name: names[j]!, ours: oursHttp[k]!, reference: dynaliteHttp[k]! })),
    ];
  } finally {
    oursClient.destroy();
    dynaliteClient.destroy();
    await ours.close();
    await dynalite.close();
  }
}
