/**
 * The engine's core actions: in-process through Database.execute, and over HTTP through the AWS
 * SDK against our endpoint (the app as `npm start` runs it) and against dynalite (in-memory), with
 * the same client settings. The servers run in processes of their own (engine-servers.ts), so
 * the figures also give the CPU each server spent per operation, apart from the client's. The wrk rows send the same requests
 * without the SDK (whose client work caps both servers at about the same rate), beside a floor:
 * bare node:http answering a fixed body.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Database } from '../../engine/index.ts';
import { type ServerProcess, startServerProcess } from './engine-servers.ts';
import { hasWrk, parseWrk } from './load.ts';
import { compareInterleaved, measureSyncRounds, median, timeOperations, type BenchRow } from './run.ts';

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
    TableName: 'bench-gsi',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: [{ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
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

const GSI_ITEMS = 2000;
const GSI_STATUSES = 20;

function gsiItem(i: number): Record<string, AttributeValue> {
  return { pk: { S: `ticket#${i}` }, status: { S: `status${i % GSI_STATUSES}` }, title: { S: `ticket ${i}` } };
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
  queryGsi: (i: number) => ({
    TableName: 'bench-gsi',
    IndexName: 'byStatus',
    KeyConditionExpression: '#s = :s',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': { S: `status${i % GSI_STATUSES}` } },
  }),
  batchWrite: (i: number) => ({
    RequestItems: { 'bench-simple': Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: simpleItem(10_000 + ((i * 25 + j) % 50_000)) } })) },
  }),
  transactWrite: (i: number) => ({
    TransactItems: Array.from({ length: 10 }, (_, j) => ({ Put: { TableName: 'bench-simple', Item: simpleItem(100_000 + ((i * 10 + j) % 50_000)) } })),
  }),
};

function loadEngine(db: Database): void {
  for (const table of TABLES) db.execute('CreateTable', table);
  for (let i = 0; i < 1000; i++) db.execute('PutItem', { TableName: 'bench-simple', Item: simpleItem(i) });
  for (let p = 0; p < QUERY_PARTITIONS; p++) {
    for (let s = 0; s < ITEMS_PER_PARTITION; s++) db.execute('PutItem', { TableName: 'bench-composite', Item: compositeItem(p, s) });
  }
  for (let i = 0; i < SCAN_ITEMS; i++) db.execute('PutItem', { TableName: 'bench-scan', Item: simpleItem(i) });
  for (let i = 0; i < GSI_ITEMS; i++) db.execute('PutItem', { TableName: 'bench-gsi', Item: gsiItem(i) });
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
  const loads: [string, Record<string, AttributeValue>[]][] = [
    ['bench-simple', Array.from({ length: 1000 }, (_, i) => simpleItem(i))],
    [
      'bench-composite',
      Array.from({ length: QUERY_PARTITIONS * ITEMS_PER_PARTITION }, (_, k) => compositeItem(Math.floor(k / ITEMS_PER_PARTITION), k % ITEMS_PER_PARTITION)),
    ],
    ['bench-scan', Array.from({ length: SCAN_ITEMS }, (_, i) => simpleItem(i))],
    ['bench-gsi', Array.from({ length: GSI_ITEMS }, (_, i) => gsiItem(i))],
  ];
  for (const [table, items] of loads) {
    const batches: Record<string, AttributeValue>[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: batch.map((Item) => ({ PutRequest: { Item } })) } }));
        if (Object.keys(result.UnprocessedItems ?? {}).length) throw new Error('unprocessed items while loading');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
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

/** Rounds per row; each side's figure is the median of its rounds. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARM_UP_OPS = 300;
const CONCURRENCY = 8;

type HttpRow = 'GetItem' | 'PutItem' | 'Query' | 'Scan' | 'QueryGsi' | 'BatchWrite' | 'TransactWrite';

function httpOperation(client: DynamoDBClient, row: HttpRow): () => Promise<unknown> {
  let i = 0;
  switch (row) {
    case 'GetItem':
      return () => client.send(new GetItemCommand(requests.get(i++)));
    case 'PutItem':
      return () => client.send(new PutItemCommand(requests.put(i++)));
    case 'Query':
      return () => client.send(new QueryCommand(requests.query(i++)));
    case 'Scan':
      return () => fullScanHttp(client);
    case 'QueryGsi':
      return () => client.send(new QueryCommand(requests.queryGsi(i++)));
    case 'BatchWrite':
      return () => client.send(new BatchWriteItemCommand(requests.batchWrite(i++)));
    case 'TransactWrite':
      return () => client.send(new TransactWriteItemsCommand(requests.transactWrite(i++)));
  }
}

/** Operations per round over HTTP: about a second per side at the rates this machine reaches. */
const HTTP_OPS: Record<HttpRow, number> = {
  GetItem: 1000,
  PutItem: 1000,
  Query: 500,
  Scan: 3,
  QueryGsi: 500,
  BatchWrite: 300,
  TransactWrite: 500,
};

/** Ours beside dynalite (when it has the operation), in interleaved rounds of the same operations. */
async function measureHttpRow(row: HttpRow, ours: DynamoDBClient, dynalite: DynamoDBClient | undefined, servers: ServerProcess): Promise<BenchRow> {
  const concurrency = row === 'Scan' ? 1 : CONCURRENCY;
  const warmUpOps = row === 'Scan' ? 1 : WARM_UP_OPS;
  const oursOp = httpOperation(ours, row);
  if (!dynalite) {
    await timeOperations(oursOp, warmUpOps, concurrency);
    const rates: number[] = [];
    const serverUs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t = await timeOperations(oursOp, HTTP_OPS[row], concurrency, servers.oursCpuMs);
      rates.push((t.ops * 1000) / t.wallMs);
      serverUs.push(((t.serverCpuMs ?? 0) * 1000) / t.ops);
    }
    return { group: 'HTTP + SDK', name: row, ours: median(rates), serverUs: median(serverUs) };
  }
  const c = await compareInterleaved(oursOp, httpOperation(dynalite, row), {
    ops: HTTP_OPS[row],
    concurrency,
    rounds: ROUNDS,
    warmUpOps,
    serverCpuMs: servers.oursCpuMs,
    referenceCpuMs: servers.peersCpuMs,
  });
  return { group: 'HTTP + SDK', name: row, ...c };
}

/**
 * The same three requests driven by wrk instead of the SDK, whose client work caps the SDK rows
 * at about the same rate for both servers; wrk's own cost is small, so these rows show the
 * servers. Each request is signed-looking but not signed: an anonymous key is not verified, and
 * dynalite checks only that the headers are there.
 */
const WRK_SECONDS = Number(process.env.BENCH_WRK_SECONDS ?? 3);
const WRK_CONNECTIONS = 20;

function wrkScript(target: string, body: string): string {
  return [
    'wrk.method = "POST"',
    'wrk.headers["content-type"] = "application/x-amz-json-1.0"',
    'wrk.headers["x-amz-date"] = "20260101T000000Z"',
    'wrk.headers["authorization"] = "AWS4-HMAC-SHA256 Credential=BENCH/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"',
    `wrk.headers["x-amz-target"] = "DynamoDB_20120810.${target}"`,
    'local i = 0',
    // One body per request, built from a counter as the SDK rows build theirs.
    `request = function() i = i + 1; return wrk.format(nil, nil, nil, ${body}) end`,
  ].join('\n');
}

const WRK_GET_ITEM = wrkScript('GetItem', `'{"TableName":"bench-simple","Key":{"pk":{"S":"user#' .. (i % 1000) .. '"}}}'`);

const WRK_ROWS: readonly { readonly name: string; readonly script: string; readonly reference: 'dynalite' | 'floor' }[] = [
  { name: 'GetItem', script: WRK_GET_ITEM, reference: 'dynalite' },
  // The same requests against bare node:http answering a fixed body: what no server on node:http can go below.
  { name: 'GetItem (reference: node:http answering a fixed body)', script: WRK_GET_ITEM, reference: 'floor' },
  {
    name: 'PutItem',
    script: wrkScript(
      'PutItem',
      `'{"TableName":"bench-simple","Item":{"pk":{"S":"user#' .. (1000 + i % 5000) .. '"},"name":{"S":"name ' .. i .. '"},"score":{"N":"' .. (i * 7) .. '"},"active":{"BOOL":true}}}'`,
    ),
    reference: 'dynalite',
  },
  {
    name: `Query (${ITEMS_PER_PARTITION} items)`,
    script: wrkScript(
      'Query',
      `'{"TableName":"bench-composite","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"order#' .. (i % ${QUERY_PARTITIONS}) .. '"}}}'`,
    ),
    reference: 'dynalite',
  },
];

/** Ours and dynalite under the same wrk load, in alternating rounds; medians of the rounds and of their ratios. */
async function measureWrkRows(servers: ServerProcess): Promise<BenchRow[]> {
  if (!hasWrk()) {
    console.log('wrk is not installed: the wrk rows of the engine bench are skipped (apt-get install wrk)');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-wrk-'));
  try {
    const rows: BenchRow[] = [];
    for (const row of WRK_ROWS) {
      const script = join(dir, 'request.lua');
      writeFileSync(script, row.script);
      const run = async (url: string, serverCpuMs: () => Promise<number>, seconds = WRK_SECONDS) => {
        const before = await serverCpuMs();
        const output = execFileSync('wrk', ['-t1', `-c${WRK_CONNECTIONS}`, `-d${seconds}s`, '-s', script, url], { encoding: 'utf8' });
        const cpuMs = (await serverCpuMs()) - before;
        const result = parseWrk(output);
        if (result.errors > 0 || result.requests === 0)
          throw new Error(`${row.name} under wrk: ${result.errors} errors in ${result.requests} requests (${url})`);
        return { perSecond: result.perSecond, serverUs: (cpuMs * 1000) / result.requests };
      };
      const oursUrl = `${servers.ours}/dynamodb`;
      const referenceUrl = row.reference === 'floor' ? servers.floor : servers.dynalite;
      const runOurs = (seconds?: number) => run(oursUrl, servers.oursCpuMs, seconds);
      const runReference = (seconds?: number) => run(referenceUrl, servers.peersCpuMs, seconds);
      await runOurs(1);
      await runReference(1);
      const ours: { perSecond: number; serverUs: number }[] = [];
      const reference: { perSecond: number; serverUs: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        if (round % 2 === 0) {
          ours.push(await runOurs());
          reference.push(await runReference());
        } else {
          reference.push(await runReference());
          ours.push(await runOurs());
        }
      }
      rows.push({
        group: `HTTP + wrk (${WRK_CONNECTIONS} connections)`,
        name: row.name,
        ours: median(ours.map((r) => r.perSecond)),
        reference: median(reference.map((r) => r.perSecond)),
        ratio: median(ours.map((r, i) => r.perSecond / reference[i]!.perSecond)),
        serverUs: median(ours.map((r) => r.serverUs)),
        referenceServerUs: median(reference.map((r) => r.serverUs)),
        serverRatio: median(ours.map((r, i) => reference[i]!.serverUs / r.serverUs)),
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchmarks(): Promise<BenchRow[]> {
  const db = new Database({ now: () => 0 });
  loadEngine(db);
  if (fullScanEngine(db) !== SCAN_ITEMS) throw new Error('engine scan lost items');
  let i = 0;
  // A fixed number of operations per round, the median of the rounds.
  const inProcess: Record<string, number> = {
    GetItem: measureSyncRounds(() => db.execute('GetItem', requests.get(i++)), 100_000, ROUNDS),
    PutItem: measureSyncRounds(() => db.execute('PutItem', requests.put(i++)), 50_000, ROUNDS),
    Query: measureSyncRounds(() => db.execute('Query', requests.query(i++)), 20_000, ROUNDS),
    Scan: measureSyncRounds(() => fullScanEngine(db), 100, ROUNDS),
    QueryGsi: measureSyncRounds(() => db.execute('Query', requests.queryGsi(i++)), 20_000, ROUNDS),
    BatchWrite: measureSyncRounds(() => db.execute('BatchWriteItem', requests.batchWrite(i++)), 2_000, ROUNDS),
    TransactWrite: measureSyncRounds(() => db.execute('TransactWriteItems', requests.transactWrite(i++)), 4_000, ROUNDS),
  };
  // GetItem's floor: a Map lookup of the same keys, measured the same way in the same run.
  // The request is built the same way as GetItem's, so only the lookup differs.
  const keys = new Map(Array.from({ length: 1000 }, (_, k) => [requests.get(k).Key.pk.S, k]));
  const mapGetFloor = measureSyncRounds(() => keys.get(requests.get(i++).Key.pk.S), 100_000, ROUNDS);

  const servers = await startServerProcess();
  const oursClient = clientFor(`${servers.ours}/dynamodb`);
  const dynaliteClient = clientFor(servers.dynalite);
  try {
    await loadHttp(oursClient);
    await loadHttp(dynaliteClient);
    if ((await fullScanHttp(oursClient)) !== SCAN_ITEMS) throw new Error('our endpoint lost items');
    if ((await fullScanHttp(dynaliteClient)) !== SCAN_ITEMS) throw new Error('dynalite lost items');
    const names: Record<HttpRow, string> = {
      GetItem: 'GetItem',
      PutItem: 'PutItem',
      Query: `Query (${ITEMS_PER_PARTITION} items)`,
      Scan: `Scan (${SCAN_ITEMS.toLocaleString('en-US')} items)`,
      QueryGsi: `Query on a GSI (${GSI_ITEMS / GSI_STATUSES} items)`,
      BatchWrite: 'BatchWriteItem (25 puts)',
      TransactWrite: 'TransactWriteItems (10 puts)',
    };
    const rows = Object.keys(names) as HttpRow[];
    const http: BenchRow[] = [];
    for (const row of rows) {
      // dynalite has no transactions, so that row has no reference figure.
      const measured = await measureHttpRow(row, oursClient, row === 'TransactWrite' ? undefined : dynaliteClient, servers);
      http.push({ ...measured, name: names[row] });
    }
    http.push(...(await measureWrkRows(servers)));
    return [
      ...rows.map((row) =>
        row === 'GetItem'
          ? { group: 'in-process', name: 'GetItem (reference: Map.get of the same keys)', ours: inProcess[row]!, reference: mapGetFloor }
          : { group: 'in-process', name: names[row], ours: inProcess[row]! },
      ),
      ...http,
    ];
  } finally {
    oursClient.destroy();
    dynaliteClient.destroy();
    await servers.close();
  }
}
