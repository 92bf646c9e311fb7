/**
 * Persisted sandboxes (BENCH_ONLY=sandbox): snapshot and restore of a full sandbox (10 MB of
 * items, the default per-sandbox limit), each beside its floor measured in the same run:
 * JSON.stringify of the bare items for a snapshot, JSON.parse of the same text for a restore,
 * since neither can be cheaper than reading or writing the JSON itself. The gzip row is what the
 * account sandbox store adds before it saves.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { Database } from '../../engine/database.ts';
import { restoreDatabase, snapshotDatabase } from '../../engine/storage/snapshot.ts';
import { median, type BenchRow } from './run.ts';

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
  ];
}
