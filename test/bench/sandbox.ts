/**
 * Persisted sandboxes (BENCH_ONLY=sandbox): snapshot and restore of a full sandbox (10 MB of
 * items, the default per-sandbox limit), each beside its floor measured in the same run:
 * JSON.stringify of the bare items for a snapshot, JSON.parse of the same text for a restore,
 * since neither can be cheaper than reading or writing the JSON itself. The gzip row is what the
 * account sandbox store adds before it saves.
 *
 * Then what saving costs a request on /dynamodb (app.request, no sockets, on a SQLite file): a
 * signed GetItem on the account's saved sandbox with DYNAMODB_SANDBOX_SYNC off and always, and an
 * UpdateItem with always (which saves the small sandbox before answering), each beside the same
 * signed request on an app that keeps account sandboxes in memory only (the key lookup and the
 * signature check cost both sides the same).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { selectSandboxKeyById } from '../../app/auth/sandbox-keys.ts';
import { openSqlite } from '../../app/db/connection.ts';
import { sandboxKeys, users } from '../../app/db/schema.ts';
import { dynamodbRoutes, SandboxRegistry, SandboxStore, type SandboxSync } from '../../app/routes/dynamodb/index.ts';
import { canonicalRequest, formatAmzDate, sign, signingKey, stringToSign } from '../../app/routes/dynamodb/sigv4.ts';
import { Database } from '../../engine/database.ts';
import { restoreDatabase, snapshotDatabase } from '../../engine/storage/snapshot.ts';
import { compareInterleaved, median, type BenchRow } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SANDBOX_BYTES = 10 * 1024 * 1024;
/** Text that compresses about as well as real attribute values do (a run of one letter would not). */
function padding(i: number): string {
  let x = i * 2654435761;
  let out = '';
  while (out.length < 900) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += x.toString(36);
  }
  return out.slice(0, 900);
}

function fullSandbox(): Database {
  const db = new Database({ now: () => 1_700_000_000_000 });
  db.execute('CreateTable', {
    TableName: 'orders',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'N' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: [
      { IndexName: 'by-status', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  });
  for (let i = 0; db.totalBytes() < SANDBOX_BYTES; i++) {
    db.execute('PutItem', {
      TableName: 'orders',
      Item: {
        pk: { S: `customer-${i % 1000}` },
        sk: { N: String(i) },
        status: { S: i % 3 ? 'open' : 'shipped' },
        total: { N: String(i * 1.25) },
        pad: { S: padding(i) },
      },
    });
  }
  return db;
}

/** Median milliseconds of `rounds` runs of `op`, after one warm-up. */
function timeMs(op: () => unknown, rounds = ROUNDS): number {
  op();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    op();
    times.push(performance.now() - start);
  }
  return median(times);
}

const perSecond = (ms: number) => 1000 / ms;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const ACCOUNT = { accessKeyId: 'AKIABENCHBENCHBENCH0', secretAccessKey: 'bench-secret-bench-secret-bench-secret00' };
const SIGNED_AT = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A request to /dynamodb signed with SigV4 as the SDKs sign it (the server's clock stays at SIGNED_AT, so it can be sent again). */
function signedRequest(action: string, input: unknown, accessKeyId: string, secret: string): RequestInit {
  const body = JSON.stringify(input);
  const amzDate = formatAmzDate(SIGNED_AT);
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    host: 'localhost',
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-date': amzDate,
    'x-amz-target': `DynamoDB_20120810.${action}`,
  };
  const names = Object.keys(headers).sort();
  const canonical = canonicalRequest({ method: 'POST', path: '/dynamodb', query: '', header: (name) => headers[name], body }, names, false);
  const scope = `${date}/us-east-1/dynamodb/aws4_request`;
  const signature = sign(signingKey(secret, date, 'us-east-1', 'dynamodb'), stringToSign(amzDate, scope, canonical));
  return {
    method: 'POST',
    body,
    headers: { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` },
  };
}

async function wireRows(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
  const database = openSqlite(join(dir, 'bench.db'));
  try {
    const [user] = await database.db
      .insert(users)
      .values({ username: 'bench', usernameKey: 'bench', passwordHash: 'x', createdAt: new Date(SIGNED_AT) })
      .returning();
    await database.db.insert(sandboxKeys).values({ userId: user!.id, ...ACCOUNT, createdAt: new Date(SIGNED_AT) });
    const table = {
      TableName: 'bench',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    };
    const item = { TableName: 'bench', Item: { pk: { S: 'a' }, n: { N: '0' } } };
    const key = { TableName: 'bench', Key: { pk: { S: 'a' } } };
    const rows: BenchRow[] = [];
    for (const sync of ['off', 'always'] as SandboxSync[]) {
      const registry = new SandboxRegistry({ now: () => SIGNED_AT, requestsPerSecond: Number.POSITIVE_INFINITY });
      const store = new SandboxStore(registry, {
        db: database.db,
        sync,
        maxSnapshotBytes: 20 * 1024 * 1024,
        logger: { info: () => {}, error: (message, error) => console.error(message, error) },
        // Coalesced saves (sync off) would run between measurements; the rows time the request path.
        schedule: () => ({ cancel: () => {} }),
      });
      const app = dynamodbRoutes(registry, {
        accounts: (id) => selectSandboxKeyById(database.db, id),
        sandboxStore: store,
        limits: { requestsPerAddress: Number.POSITIVE_INFINITY },
      });
      const inMemory = dynamodbRoutes(new SandboxRegistry({ now: () => SIGNED_AT, requestsPerSecond: Number.POSITIVE_INFINITY }), {
        accounts: async (id) => (await selectSandboxKeyById(database.db, id))?.secretAccessKey,
        limits: { requestsPerAddress: Number.POSITIVE_INFINITY },
      });
      const sender = (target: typeof app) => async (init: RequestInit) => {
        const response = await target.request('/dynamodb', init);
        if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
      };
      const [saved, kept] = [sender(app), sender(inMemory)];
      const account = (action: string, input: unknown) => signedRequest(action, input, ACCOUNT.accessKeyId, ACCOUNT.secretAccessKey);
      for (const send of [saved, kept]) {
        // The table exists already when the saved sandbox was loaded from the file.
        await send(account('DeleteTable', { TableName: 'bench' })).catch(() => {});
        await send(account('CreateTable', table));
        await send(account('PutItem', item));
      }
      const get = account('GetItem', key);
      const got = await compareInterleaved(
        () => saved(get),
        () => kept(get),
        { ops: 2000, concurrency: 1, rounds: 5, warmUpOps: 500 },
      );
      rows.push({
        group: 'sandbox',
        name: `GetItem on a saved account sandbox, sync ${sync}, vs peer: kept in memory only (app.request)`,
        ours: got.ours,
        reference: got.reference,
        ratio: got.ratio,
      });
      if (sync === 'always') {
        const update = account('UpdateItem', { ...key, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } });
        const updated = await compareInterleaved(
          () => saved(update),
          () => kept(update),
          { ops: 500, concurrency: 1, rounds: 5, warmUpOps: 100 },
        );
        rows.push({
          group: 'sandbox',
          name: 'UpdateItem on a saved account sandbox (one small table), sync always: saved before the answer, vs peer: in memory only',
          ours: updated.ours,
          reference: updated.reference,
          ratio: updated.ratio,
        });
      }
    }
    return rows;
  } finally {
    database.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchmarks(): Promise<BenchRow[]> {
  const db = fullSandbox();
  const items: unknown[] = [];
  const table = db.findTable('orders')!;
  for (let p = 0; p < table.items.partitionCount; p++) for (const entry of table.items.partitionAt(p)!.entries) items.push(entry.item);
  const text = JSON.stringify(snapshotDatabase(db));
  const itemsText = JSON.stringify(items);
  const gzipped = gzipSync(text);
  const label = `${items.length.toLocaleString('en-US')} items, ${megabytes(db.totalBytes())} by AWS's size, JSON ${megabytes(text.length)}, gzip ${megabytes(gzipped.length)}`;

  const snapshot = timeMs(() => JSON.stringify(snapshotDatabase(db)));
  const stringifyFloor = timeMs(() => JSON.stringify(items));
  const restore = timeMs(() => restoreDatabase(JSON.parse(text), { now: db.now }));
  const parseFloor = timeMs(() => JSON.parse(itemsText));
  const gzip = timeMs(() => gzipSync(text));
  const gunzip = timeMs(() => gunzipSync(gzipped));
  return [
    {
      group: 'sandbox',
      name: `snapshot to JSON text (${label}) vs floor: JSON.stringify of the items`,
      ours: perSecond(snapshot),
      reference: perSecond(stringifyFloor),
    },
    {
      group: 'sandbox',
      name: 'restore from JSON text (parse, validate, rebuild table and GSI) vs floor: JSON.parse of the items',
      ours: perSecond(restore),
      reference: perSecond(parseFloor),
    },
    { group: 'sandbox', name: 'gzip the snapshot text (saved per change) vs gunzip it (on load)', ours: perSecond(gzip), reference: perSecond(gunzip) },
    ...(await wireRows()),
  ];
}
