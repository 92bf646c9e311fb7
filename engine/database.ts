/**
 * One sandbox: a set of tables and the actions that run on them. `execute` validates a request
 * in DynamoDB's two phases (shape -> SerializationException, meaning -> ValidationException),
 * runs the action and returns the response body, or throws a DynamoDBError.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html
 */
import { ResourceNotFoundException, UnknownOperationException } from './errors.ts';
import { checkConstraints } from './operations/constraints.ts';
import { ITEM_COLLECTION_LIMIT_BYTES } from './operations/item-collections.ts';
import { OPERATIONS } from './operations/registry.ts';
import { checkShape } from './operations/shape.ts';
import { hashPartitionKey } from './storage/key-encoding.ts';
import type { ChangeListener, Table } from './storage/table.ts';
import { expireItems } from './storage/time-to-live.ts';
import { STREAM_OPERATIONS } from './streams/operations.ts';
import { StreamStore } from './streams/store.ts';

export interface DatabaseLimits {
  /** Tables a sandbox may hold (AWS's default account quota is 2,500). */
  readonly maxTables: number;
  /** Bytes of item data a sandbox may hold, across its tables. */
  readonly maxBytes: number;
  /** Bytes one item collection may hold on a table with LSIs (AWS: 10 GB). */
  readonly itemCollectionBytes: number;
}

export interface DatabaseOptions {
  /** Engine time in milliseconds since the epoch; the engine has no clock of its own. */
  readonly now: () => number;
  readonly region?: string;
  readonly accountId?: string;
  readonly limits?: Partial<DatabaseLimits>;
}

const DEFAULT_LIMITS: DatabaseLimits = {
  maxTables: 2500,
  maxBytes: Number.POSITIVE_INFINITY,
  itemCollectionBytes: ITEM_COLLECTION_LIMIT_BYTES,
};

/** Capacity units a table has consumed since the database was made, failures included. */
export interface CapacityUsage {
  readUnits: number;
  writeUnits: number;
}

/** A transaction's ClientRequestToken, remembered for 10 minutes of engine time. */
export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly at: number;
  readonly response: unknown;
}

export class Database {
  readonly now: () => number;
  readonly region: string;
  readonly accountId: string;
  readonly limits: DatabaseLimits;
  private tables: Map<string, Table>;
  private tableSerial: number;
  readonly idempotency: Map<string, IdempotencyRecord>;
  /** Units consumed per table, whether or not the request asked for ReturnConsumedCapacity. */
  private readonly usage = new Map<string, CapacityUsage>();
  /** Engine time of the next TTL sweep. */
  private nextExpiry = Number.NEGATIVE_INFINITY;
  /** DynamoDB Streams: every table write is reported here and recorded when its action ends. */
  readonly streams: StreamStore;
  private readonly noteChange: ChangeListener;

  constructor(
    options: DatabaseOptions,
    tables = new Map<string, Table>(),
    tableSerial = 0,
    idempotency = new Map<string, IdempotencyRecord>(),
    streams = new StreamStore(),
  ) {
    this.now = options.now;
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.tables = tables;
    this.tableSerial = tableSerial;
    this.idempotency = idempotency;
    this.streams = streams;
    // Point-in-time history counts against the same bound as the items (engine/streams/history.ts).
    this.streams.history.maxBytes = this.limits.maxBytes;
    this.noteChange = (table, at, before, after) => this.streams.noteChange(table, at, before, after);
    for (const table of tables.values()) table.onChange = this.noteChange;
  }

  /**
   * A copy independent of this database in both directions. Cheap: the
   * tables share items and partitions until one side writes.
   */
  clone(options: Partial<DatabaseOptions> = {}): Database {
    const tables = new Map<string, Table>();
    for (const [name, table] of this.tables) tables.set(name, table.clone());
    return new Database(
      { now: this.now, region: this.region, accountId: this.accountId, limits: this.limits, ...options },
      tables,
      this.tableSerial,
      new Map(this.idempotency),
      this.streams.clone(),
    );
  }

  /** Runs one API action, e.g. `execute('PutItem', { TableName, Item })`, and returns its response body. */
  execute(action: string, input: unknown): unknown {
    const operation = Object.hasOwn(OPERATIONS, action) ? OPERATIONS[action] : undefined;
    if (!operation) throw new UnknownOperationException('');
    const request = checkShape(input ?? {}, operation.shape);
    checkConstraints(request, operation.shape);
    operation.validate?.(request);
    this.expireItems();
    try {
      return operation.run(this, request);
    } finally {
      // Whatever the action left changed, failed or not, is what the stream records.
      this.streams.flush(this.now(), 'user');
    }
  }

  /**
   * Runs one DynamoDB Streams action (`X-Amz-Target: DynamoDBStreams_20120810.<Action>`).
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html
   */
  executeStreams(action: string, input: unknown): unknown {
    const operation = Object.hasOwn(STREAM_OPERATIONS, action) ? STREAM_OPERATIONS[action] : undefined;
    if (!operation) throw new UnknownOperationException('');
    const request = checkShape(input ?? {}, operation.shape);
    checkConstraints(request, operation.shape);
    operation.validate?.(request);
    this.expireItems();
    return operation.run(this, request);
  }

  /**
   * Deletes expired items (time to live) before an action sees the data; at most once per
   * second of engine time, as each sweep walks the tables that have TTL enabled.
   */
  private expireItems(): void {
    const now = this.now();
    if (now < this.nextExpiry) return;
    this.nextExpiry = now + 1000;
    this.streams.flush(now, 'user');
    for (const table of this.tables.values()) expireItems(table, now / 1000);
    // TTL deletions are the service's, and their records say so (userIdentity).
    this.streams.flush(now, 'ttl');
  }

  /**
   * Records units a request consumed on a table. AWS charges conditional-check failures and
   * deletes of missing items too, and this is where those charges show, since an error response
   * carries no ConsumedCapacity.
   */
  meter(tableName: string, kind: 'read' | 'write', units: number): void {
    let usage = this.usage.get(tableName);
    if (!usage) {
      usage = { readUnits: 0, writeUnits: 0 };
      this.usage.set(tableName, usage);
    }
    if (kind === 'read') usage.readUnits += units;
    else usage.writeUnits += units;
  }

  /** Units consumed on a table so far (zero for a table never used). */
  capacityUsage(tableName: string): CapacityUsage {
    const usage = this.usage.get(tableName);
    return { readUnits: usage?.readUnits ?? 0, writeUnits: usage?.writeUnits ?? 0 };
  }

  /** The serial the next table id derives from, for a snapshot (engine/storage/snapshot.ts). */
  get tableSerialNumber(): number {
    return this.tableSerial;
  }

  /** Units consumed per table so far, for a snapshot. */
  usageByTable(): [string, CapacityUsage][] {
    return [...this.usage].map(([name, usage]) => [name, { ...usage }]);
  }

  /** Engine time in seconds, the unit DynamoDB's date fields use. */
  nowSeconds(): number {
    return this.now() / 1000;
  }

  hasTable(name: string): boolean {
    return this.tables.has(name);
  }

  tableCount(): number {
    return this.tables.size;
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** The table for an item or query action, or ResourceNotFoundException. */
  table(name: string): Table {
    const table = this.tables.get(name);
    if (!table) throw new ResourceNotFoundException('Requested resource not found');
    return table;
  }

  /** The table for a table-level action (Describe, Delete, Update), whose message names it. */
  tableByName(name: string): Table {
    const table = this.tables.get(name);
    if (!table) throw new ResourceNotFoundException(`Requested resource not found: Table: ${name} not found`);
    return table;
  }

  findTable(name: string): Table | undefined {
    return this.tables.get(name);
  }

  addTable(table: Table): void {
    table.onChange = this.noteChange;
    this.tables.set(table.definition.name, table);
  }

  removeTable(name: string): void {
    const table = this.tables.get(name);
    if (table) table.onChange = undefined;
    this.tables.delete(name);
    // The table's stream stays readable, DISABLED, for 24 hours.
    this.streams.disable(name, this.now());
  }

  /** Bytes of item data across all tables, for the sandbox size limit. */
  totalBytes(): number {
    let bytes = 0;
    for (const table of this.tables.values()) bytes += table.items.bytes;
    return bytes;
  }

  tableArn(name: string): string {
    return `arn:aws:dynamodb:${this.region}:${this.accountId}:table/${name}`;
  }

  /** A UUID-shaped table id, derived rather than random so that the same run gives the same ids. */
  nextTableId(name: string): string {
    this.tableSerial++;
    const parts = [0, 1, 2, 3].map((i) => hashPartitionKey(`${name}\u0000${this.tableSerial}\u0000${this.now()}\u0000${i}`).toString(16).padStart(8, '0'));
    const hex = parts.join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
