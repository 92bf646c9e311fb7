/**
 * A sandbox as plain JSON, and back: what the app saves so that an account's tables survive a
 * restart and can be loaded by another instance (app/routes/dynamodb/sandbox-store.ts).
 *
 * Kept: every table's definition as DescribeTable, DescribeTimeToLive, DescribeContinuousBackups
 * and ListTagsOfResource report it (keys, attribute definitions, indexes with their projections,
 * status and throughput, billing mode, TTL, stream specification, tags, deletion protection,
 * PITR), its items in DynamoDB JSON and in scan order, the serial table ids derive from, every
 * stream still readable with its records and next sequence number (shard iterators carry their
 * own state, so one issued before a restore still reads after it), point-in-time recovery's undo
 * history and horizons, transactions' idempotency records and the capacity each table consumed.
 * Not kept, because it is derived or transient: index contents (rebuilt from the items, as a
 * backfill builds them), the TTL sweep's schedule (the first action after a restore sweeps), and
 * the simulation's replicas, timelines and DAX caches (app/: they start afresh from the tags).
 *
 * A snapshot shares the database's items, which are never mutated: serialise it before the
 * database runs another action. Restore validates the whole shape first and throws
 * SnapshotError naming the first field that is wrong, so a damaged snapshot changes nothing.
 */
import { z } from 'zod';
import { Database, type DatabaseOptions, type IdempotencyRecord } from '../database.ts';
import { RestoreHistory, type HistoryEntry } from '../streams/history.ts';
import { StreamStore } from '../streams/store.ts';
import { Stream, type StreamRecord } from '../streams/stream.ts';
import { type AttributeValue, type Item, newAttributeMap } from '../values/attribute-value.ts';
import { Table, partitionAttributes, sortAttributes, type IndexDefinition, type TableDefinition } from './table.ts';

export const SNAPSHOT_FORMAT = 'dynamodb-study-sandbox';
/** Raised when the snapshot's layout changes; restore refuses a version it does not know. */
export const SNAPSHOT_VERSION = 1;

/** A snapshot that cannot be restored: `path` names the field (e.g. `tables[0].items[3].pk`). */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  readonly path: string;

  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super(`Sandbox snapshot: ${path ? `${path}: ` : ''}${problem}`, options);
    this.path = path;
  }
}

const keyAttribute = z.object({ name: z.string(), type: z.enum(['S', 'N', 'B']) });
const keySchema = z.object({
  hash: keyAttribute,
  range: keyAttribute.optional(),
  hashParts: z.array(keyAttribute).optional(),
  rangeParts: z.array(keyAttribute).optional(),
});
const throughput = z.object({
  readCapacityUnits: z.number(),
  writeCapacityUnits: z.number(),
  lastIncreaseDateTime: z.number().optional(),
  lastDecreaseDateTime: z.number().optional(),
  numberOfDecreasesToday: z.number(),
});
const status = z.enum(['CREATING', 'UPDATING', 'DELETING', 'ACTIVE']);
const viewType = z.enum(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']);
// Loose objects: a field a later engine adds to a definition travels even before this schema names it.
const indexDefinition = z.looseObject({
  name: z.string(),
  kind: z.enum(['local', 'global']),
  key: keySchema,
  projection: z.object({ type: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']), nonKeyAttributes: z.array(z.string()).optional() }),
  throughput: throughput.optional(),
  status,
  backfilling: z.boolean().optional(),
});
const tableDefinition = z.looseObject({
  name: z.string().min(1),
  key: keySchema,
  attributeDefinitions: z.array(z.object({ AttributeName: z.string(), AttributeType: z.enum(['S', 'N', 'B']) })),
  billingMode: z.enum(['PROVISIONED', 'PAY_PER_REQUEST']),
  billingModeChangedAt: z.number().optional(),
  throughput,
  createdAt: z.number(),
  tableId: z.string(),
  arn: z.string(),
  status,
  timeToLive: z.object({ status: z.enum(['ENABLED', 'DISABLED', 'ENABLING', 'DISABLING']), attributeName: z.string().optional() }),
  deletionProtection: z.boolean().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  pointInTimeRecovery: z.object({ enabledAt: z.number(), recoveryPeriodInDays: z.number() }).optional(),
  streamViewType: viewType.optional(),
  latestStream: z.object({ arn: z.string(), label: z.string() }).optional(),
});
// Items are checked by readItem below: a zod walk of 10 MB of attribute values costs more than the restore.
const itemJson = z.unknown();
const streamRecord = z.object({
  sequence: z.number().int(),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  at: z.number(),
  keys: itemJson,
  newImage: itemJson.optional(),
  oldImage: itemJson.optional(),
  sizeBytes: z.number(),
  byService: z.boolean(),
});
const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  region: z.string(),
  accountId: z.string(),
  tableSerial: z.number().int().nonnegative(),
  tables: z.array(z.object({ definition: tableDefinition, indexes: z.array(indexDefinition), items: z.array(itemJson) })),
  streams: z.array(
    z.object({
      arn: z.string(),
      label: z.string(),
      tableName: z.string(),
      key: keySchema,
      viewType,
      createdAt: z.number(),
      shardId: z.string(),
      disabledAt: z.number().optional(),
      records: z.array(streamRecord),
      nextSequence: z.number().int().positive(),
    }),
  ),
  history: z.object({
    entries: z.array(
      z.object({
        tableId: z.string(),
        at: z.number(),
        expiresAt: z.number(),
        key: itemJson,
        before: z.object({ item: itemJson, size: z.number() }).optional(),
        bytes: z.number(),
      }),
    ),
    horizons: z.array(z.tuple([z.string(), z.number()])),
  }),
  idempotency: z.array(z.tuple([z.string(), z.object({ fingerprint: z.string(), at: z.number(), response: z.unknown() })])),
  usage: z.array(z.tuple([z.string(), z.object({ readUnits: z.number(), writeUnits: z.number() })])),
});

/** A sandbox as JSON.stringify can write it (see the module comment for what it holds). */
export type DatabaseSnapshot = z.infer<typeof snapshotSchema>;

/**
 * The state of `database` as a JSON-serialisable value.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
 */
export function snapshotDatabase(database: Database): DatabaseSnapshot {
  const tables: DatabaseSnapshot['tables'] = [];
  for (const name of database.tableNames()) {
    const table = database.findTable(name)!;
    const items: Item[] = [];
    for (let p = 0; p < table.items.partitionCount; p++) for (const entry of table.items.partitionAt(p)!.entries) items.push(entry.item);
    tables.push({
      definition: structuredClone(table.definition) as DatabaseSnapshot['tables'][number]['definition'],
      indexes: [...table.indexes.values()].map((store) => structuredClone(store.definition) as DatabaseSnapshot['tables'][number]['indexes'][number]),
      items,
    });
  }
  const history = database.streams.history.kept();
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    region: database.region,
    accountId: database.accountId,
    tableSerial: database.tableSerialNumber,
    tables,
    streams: database.streams.all().map((s) => ({
      arn: s.arn,
      label: s.label,
      tableName: s.tableName,
      key: structuredClone(s.key) as DatabaseSnapshot['streams'][number]['key'],
      viewType: s.viewType,
      createdAt: s.createdAt,
      shardId: s.shardId,
      disabledAt: s.disabledAt,
      records: s.records.slice(),
      nextSequence: s.nextSequence,
    })),
    history: { entries: history.entries.slice(), horizons: history.horizons },
    idempotency: [...database.idempotency],
    usage: database.usageByTable(),
  };
}

/**
 * A database holding what `snapshot` (a parsed JSON value) holds, on the clock and limits of
 * `options`. Throws SnapshotError for anything malformed, or a version other than this
 * engine's: a snapshot from a newer engine is refused rather than half read.
 */
export function restoreDatabase(snapshot: unknown, options: Pick<DatabaseOptions, 'now' | 'limits'>): Database {
  checkVersion(snapshot);
  const parsed = snapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotError(pathText(issue.path), issue.message);
  }
  const data = parsed.data;
  const tables = new Map<string, Table>();
  data.tables.forEach((entry, t) => {
    const at = `tables[${t}]`;
    const definition = entry.definition as TableDefinition;
    if (tables.has(definition.name)) throw new SnapshotError(`${at}.definition.name`, `table ${definition.name} appears twice`);
    const table = new Table(definition);
    entry.items.forEach((raw, i) => {
      const item = readItem(raw, `${at}.items[${i}]`);
      for (const key of [...partitionAttributes(definition.key), ...sortAttributes(definition.key)]) {
        if (!(key.type in (item[key.name] ?? {}))) throw new SnapshotError(`${at}.items[${i}]`, `the key attribute ${key.name} of type ${key.type} is missing`);
      }
      table.put(item);
    });
    for (const index of entry.indexes) table.addIndex(index as IndexDefinition);
    tables.set(definition.name, table);
  });
  const streams = data.streams.map((raw, s) => {
    const stream = Object.create(Stream.prototype) as Stream;
    const records: StreamRecord[] = raw.records.map((r, i) => {
      const at = `streams[${s}].records[${i}]`;
      return {
        sequence: r.sequence,
        eventName: r.eventName,
        at: r.at,
        keys: readItem(r.keys, `${at}.keys`),
        newImage: r.newImage === undefined ? undefined : readItem(r.newImage, `${at}.newImage`),
        oldImage: r.oldImage === undefined ? undefined : readItem(r.oldImage, `${at}.oldImage`),
        sizeBytes: r.sizeBytes,
        byService: r.byService,
      };
    });
    Object.assign(stream, { ...raw, records });
    return stream;
  });
  let historyBytes = 0;
  const entries: HistoryEntry[] = data.history.entries.map((e, i) => {
    const at = `history.entries[${i}]`;
    historyBytes += e.bytes;
    return {
      tableId: e.tableId,
      at: e.at,
      expiresAt: e.expiresAt,
      key: readItem(e.key, `${at}.key`),
      before: e.before && { item: readItem(e.before.item, `${at}.before.item`), size: e.before.size },
      bytes: e.bytes,
    };
  });
  const idempotency = new Map<string, IdempotencyRecord>(data.idempotency);
  const database = new Database(
    { ...options, region: data.region, accountId: data.accountId },
    tables,
    data.tableSerial,
    idempotency,
    new StreamStore(streams, new RestoreHistory(entries, historyBytes, new Map(data.history.horizons))),
  );
  for (const [name, usage] of data.usage) {
    database.meter(name, 'read', usage.readUnits);
    database.meter(name, 'write', usage.writeUnits);
  }
  return database;
}

function checkVersion(snapshot: unknown): void {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) throw new SnapshotError('', 'expected an object');
  const { format, version } = snapshot as { format?: unknown; version?: unknown };
  if (format !== SNAPSHOT_FORMAT) throw new SnapshotError('format', `expected "${SNAPSHOT_FORMAT}", got ${JSON.stringify(format) ?? 'nothing'}`);
  if (typeof version === 'number' && Number.isInteger(version) && version > SNAPSHOT_VERSION) {
    throw new SnapshotError('version', `version ${version} was written by a newer engine; this one reads version ${SNAPSHOT_VERSION}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${String(part)}` : String(part);
  return text;
}

const SCALAR_TYPES = new Set(['S', 'N', 'B']);
const SET_TYPES = new Set(['SS', 'NS', 'BS']);

/** An item (or key, or image) from JSON, its maps rebuilt prototype-free as the engine keeps them. */
function readItem(raw: unknown, path: string): Item {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SnapshotError(path, 'expected an item (an object of attribute values)');
  const item = newAttributeMap();
  for (const name of Object.keys(raw)) item[name] = readValue((raw as Record<string, unknown>)[name], `${path}.${name}`);
  return item;
}

function readValue(raw: unknown, path: string): AttributeValue {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SnapshotError(path, 'expected an attribute value');
  const keys = Object.keys(raw);
  const type = keys[0];
  if (keys.length !== 1 || type === undefined) throw new SnapshotError(path, 'an attribute value has exactly one type');
  const value = (raw as Record<string, unknown>)[type];
  if (SCALAR_TYPES.has(type)) {
    if (typeof value !== 'string') throw new SnapshotError(`${path}.${type}`, 'expected a string');
    return raw as AttributeValue;
  }
  if (SET_TYPES.has(type)) {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new SnapshotError(`${path}.${type}`, 'expected a list of strings');
    return raw as AttributeValue;
  }
  switch (type) {
    case 'BOOL':
      if (typeof value !== 'boolean') throw new SnapshotError(`${path}.BOOL`, 'expected true or false');
      return raw as AttributeValue;
    case 'NULL':
      if (value !== true) throw new SnapshotError(`${path}.NULL`, 'expected true');
      return raw as AttributeValue;
    case 'L':
      if (!Array.isArray(value)) throw new SnapshotError(`${path}.L`, 'expected a list');
      return { L: value.map((v, i) => readValue(v, `${path}.L[${i}]`)) };
    case 'M':
      return { M: readItem(value, `${path}.M`) };
    default:
      throw new SnapshotError(path, `unknown attribute type ${type}`);
  }
}
