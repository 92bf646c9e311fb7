/**
 * The simulation: the engine's Database behind replicas, partitions, throughput and a virtual
 * clock. The engine decides every result and every capacity unit; the simulation decides when
 * (the clock), which copy answers (replicas.ts) and whether the request is served at all
 * (throughput.ts). With no lag and throughput not enforced, every response is the plain
 * engine's (test/engine/sim/equivalence.test.ts).
 *
 * Pure: no I/O, no wall clock (the clock is virtual and moved by the caller), no randomness but
 * the seeded generator, so the same seed and the same requests give the same run.
 */
import { Database, type DatabaseLimits } from '../database.ts';
import { writeUnitsForSize } from '../capacity/units.ts';
import { DynamoDBError, ProvisionedThroughputExceededException, TransactionCanceledException } from '../errors.ts';
import { Table } from '../storage/table.ts';
import type { Item } from '../values/attribute-value.ts';
import { Metrics, type MetricName } from './metrics.ts';
import { partitionOf, partitionsNeeded } from './partitions.ts';
import { drawLag, SeededRandom, type LagDistribution } from './random.ts';
import { applyUndo, itemViewWithout, REPLICAS, ReplicaLog, storageId, tryUndoImage, viewWithout, type UndoImage, type WriteRecord } from './replicas.ts';
import { hashValue, multiWriteTargets, queryPartitionValue, writeTarget } from './request-keys.ts';
import { CapacityPool, type PoolMode, type Refusal, type UnitKind } from './throughput.ts';

/**
 * AWS's messages for a throttled request on a provisioned table and on one of its GSIs, as the
 * API reference lists them under ProvisionedThroughputExceeded.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
export const TABLE_THROUGHPUT_EXCEEDED_MESSAGE =
  'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.';
export const INDEX_THROUGHPUT_EXCEEDED_MESSAGE =
  'The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API.';

/** Default lags: under AWS's "usually within a second" and "a fraction of a second" (random.ts). */
export const DEFAULT_REPLICATION_LAG: LagDistribution = { kind: 'uniform', minMs: 10, maxMs: 1000 };
export const DEFAULT_INDEX_LAG: LagDistribution = { kind: 'uniform', minMs: 10, maxMs: 500 };

export interface SimulationOptions {
  readonly seed: number;
  /** Virtual time at the start, in milliseconds since the epoch. */
  readonly startMs?: number;
  /** A database to run on (copied, with the simulation's clock); a new empty one otherwise. */
  readonly database?: Database;
  readonly region?: string;
  readonly accountId?: string;
  readonly limits?: Partial<DatabaseLimits>;
  /** Lag before a write reaches the copy that did not acknowledge it. */
  readonly replicationLag?: LagDistribution;
  /** Lag before a write reaches the table's GSIs. */
  readonly indexLag?: LagDistribution;
  /** Throttle requests above the table's throughput (default true). */
  readonly enforceThroughput?: boolean;
  /**
   * Whether a table the simulation first meets has an empty burst bucket (default: AWS banks
   * only capacity left unused, and a new table has left none) or a full one (an idle table).
   */
  readonly burstAtStart?: 'empty' | 'full';
  /** At least this many partitions for the named tables (a table that was once larger keeps its partitions). */
  readonly minPartitions?: Readonly<Record<string, number>>;
  /** Keep a timeline of requests (default true). */
  readonly recordTimeline?: boolean;
  /** Keep at most about this many timeline events, the latest (default: all). */
  readonly maxTimelineEvents?: number;
  /**
   * Run on `database` itself instead of a copy (the sandbox on the wire): its clock is the
   * caller's, who moves the simulation's clock to it (advanceTo) before each request.
   */
  readonly attach?: boolean;
}

/** One request as the simulation served it. */
export interface RequestEvent {
  readonly at: number;
  readonly action: string;
  readonly table?: string | undefined;
  readonly index?: string | undefined;
  readonly partition?: number | undefined;
  /** The copy an eventually consistent read went to. */
  readonly replica?: number | undefined;
  readonly consistent?: boolean | undefined;
  /** An eventually consistent read that returned something other than the leader holds. */
  readonly stale?: boolean | undefined;
  readonly throttled?: boolean | undefined;
  readonly units?: number | undefined;
  readonly error?: string | undefined;
}

interface Pools {
  read: CapacityPool;
  write: CapacityPool;
}

interface SimTable {
  readonly tableId: string;
  readonly log: ReplicaLog;
  readonly pools: Pools;
  readonly indexPools: Map<string, Pools>;
}

const READ_ACTIONS = new Set(['GetItem', 'Query', 'Scan']);
const WRITE_ACTIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
const MULTI_WRITE_ACTIONS = new Set(['BatchWriteItem', 'TransactWriteItems']);
/** Actions after which every copy is taken to be current (table-level changes wait for all copies). */
const TABLE_ACTIONS = new Set(['CreateTable', 'UpdateTable', 'DeleteTable', 'UpdateTimeToLive']);

function modeOf(billing: string, units: number | undefined): PoolMode {
  return billing === 'PAY_PER_REQUEST' || units === undefined ? { kind: 'on-demand' } : { kind: 'provisioned', units };
}

export class Simulation {
  readonly database: Database;
  readonly metrics = new Metrics();
  readonly timeline: RequestEvent[] = [];
  private clock: number;
  private readonly random: SeededRandom;
  private readonly replicationLag: LagDistribution;
  private readonly indexLag: LagDistribution;
  private readonly enforce: boolean;
  private readonly burstFull: boolean;
  private readonly minPartitions: Readonly<Record<string, number>>;
  private readonly recordTimeline: boolean;
  private readonly maxTimelineEvents: number;
  private readonly tables = new Map<string, SimTable>();

  constructor(options: SimulationOptions) {
    this.clock = options.startMs ?? 0;
    this.random = new SeededRandom(options.seed);
    this.replicationLag = options.replicationLag ?? DEFAULT_REPLICATION_LAG;
    this.indexLag = options.indexLag ?? DEFAULT_INDEX_LAG;
    this.enforce = options.enforceThroughput ?? true;
    this.burstFull = options.burstAtStart === 'full';
    this.minPartitions = options.minPartitions ?? {};
    this.recordTimeline = options.recordTimeline ?? true;
    this.maxTimelineEvents = options.maxTimelineEvents ?? Number.POSITIVE_INFINITY;
    const now = (): number => this.clock;
    this.database = options.database
      ? options.attach
        ? options.database
        : options.database.clone({ now })
      : new Database({ now, region: options.region, accountId: options.accountId, limits: options.limits });
  }

  /** Virtual time, in milliseconds. */
  get now(): number {
    return this.clock;
  }

  /** Moves the clock forward by `ms` (never back). */
  advance(ms: number): void {
    this.advanceTo(this.clock + ms);
  }

  advanceTo(ms: number): void {
    if (ms > this.clock) this.clock = ms;
  }

  /** Partitions the simulation holds for a table now. */
  partitions(tableName: string): number {
    const state = this.state(tableName);
    return state ? state.pools.read.partitions : 0;
  }

  /** The partition a partition key value lives in now. */
  partitionFor(tableName: string, value: Parameters<typeof partitionOf>[0]): number {
    return partitionOf(value, Math.max(1, this.partitions(tableName)));
  }

  /** A table's (or GSI's) capacity pool for reads or writes, moved to the current second, for inspection. */
  pool(tableName: string, kind: UnitKind, index?: string): CapacityPool | undefined {
    const state = this.state(tableName);
    const pools = index === undefined ? state?.pools : state?.indexPools.get(index);
    pools?.[kind].advance(this.second());
    return pools?.[kind];
  }

  /** Runs one API action at the current virtual time, as Database.execute does. */
  execute(action: string, input: unknown): unknown {
    const request = (input ?? {}) as Record<string, unknown>;
    if (READ_ACTIONS.has(action)) return this.read(action, request);
    if (WRITE_ACTIONS.has(action)) return this.write(action, request);
    if (this.enforce && action === 'BatchWriteItem') return this.batchWrite(request);
    if (this.enforce && action === 'BatchGetItem') return this.batchGet(request);
    if (MULTI_WRITE_ACTIONS.has(action)) return this.multiWrite(action, request);
    const response = this.database.execute(action, input);
    if (TABLE_ACTIONS.has(action) && typeof request.TableName === 'string') {
      this.tables.get(request.TableName)?.log.clear();
      // A new table's capacity starts counting from its creation, so idle seconds bank burst.
      this.state(request.TableName);
    }
    return response;
  }

  private second(): number {
    return Math.floor(this.clock / 1000);
  }

  /** The simulation's state for a table, created or refreshed from the table's definition. */
  private state(name: string): SimTable | undefined {
    const table = this.database.findTable(name);
    if (!table) return undefined;
    const second = this.second();
    let state = this.tables.get(name);
    const def = table.definition;
    if (!state || state.tableId !== def.tableId) {
      const parts = this.partitionsFor(
        table,
        modeOf(def.billingMode, def.throughput.readCapacityUnits),
        modeOf(def.billingMode, def.throughput.writeCapacityUnits),
      );
      state = {
        tableId: def.tableId,
        log: new ReplicaLog(),
        pools: {
          read: new CapacityPool('read', modeOf(def.billingMode, def.throughput.readCapacityUnits), parts, second, this.burstFull),
          write: new CapacityPool('write', modeOf(def.billingMode, def.throughput.writeCapacityUnits), parts, second, this.burstFull),
        },
        indexPools: new Map(),
      };
      this.tables.set(name, state);
    }
    state.pools.read.setMode(modeOf(def.billingMode, def.throughput.readCapacityUnits));
    state.pools.write.setMode(modeOf(def.billingMode, def.throughput.writeCapacityUnits));
    state.pools.read.advance(second);
    state.pools.write.advance(second);
    const parts = Math.max(
      state.pools.read.partitions,
      partitionsNeeded({ bytes: table.items.bytes, readUnits: state.pools.read.limit(), writeUnits: state.pools.write.limit() }),
      this.minPartitions[name] ?? 1,
    );
    state.pools.read.resize(parts);
    state.pools.write.resize(parts);
    for (const store of table.indexes.values()) {
      const index = store.definition;
      if (index.kind !== 'global') continue;
      const read = modeOf(def.billingMode, index.throughput?.readCapacityUnits);
      const write = modeOf(def.billingMode, index.throughput?.writeCapacityUnits);
      let pools = state.indexPools.get(index.name);
      if (!pools) {
        const n = partitionsNeeded({
          bytes: store.items.bytes,
          readUnits: read.kind === 'provisioned' ? read.units : 0,
          writeUnits: write.kind === 'provisioned' ? write.units : 0,
        });
        pools = { read: new CapacityPool('read', read, n, second, this.burstFull), write: new CapacityPool('write', write, n, second, this.burstFull) };
        state.indexPools.set(index.name, pools);
      }
      pools.read.setMode(read);
      pools.write.setMode(write);
      pools.read.advance(second);
      pools.write.advance(second);
      const n = partitionsNeeded({ bytes: store.items.bytes, readUnits: pools.read.limit(), writeUnits: pools.write.limit() });
      pools.read.resize(n);
      pools.write.resize(n);
    }
    state.log.prune(this.clock);
    return state;
  }

  private partitionsFor(table: Table, read: PoolMode, write: PoolMode): number {
    const probeRead = new CapacityPool('read', read, 1, 0, false).limit();
    const probeWrite = new CapacityPool('write', write, 1, 0, false).limit();
    return Math.max(
      partitionsNeeded({ bytes: table.items.bytes, readUnits: probeRead, writeUnits: probeWrite }),
      this.minPartitions[table.definition.name] ?? 1,
    );
  }

  /** The provisioned levels last recorded per table, so a busy second records them once. */
  private readonly provisionedRecorded = new Map<string, { second: number; read: number; write: number }>();

  private recordProvisioned(name: string, state: SimTable): void {
    const second = this.second();
    const read = state.pools.read.limit();
    const write = state.pools.write.limit();
    const last = this.provisionedRecorded.get(name);
    if (last && last.second === second && last.read === read && last.write === write) return;
    this.provisionedRecorded.set(name, { second, read, write });
    this.metrics.record('ProvisionedReadCapacityUnits', { table: name }, second, read);
    this.metrics.record('ProvisionedWriteCapacityUnits', { table: name }, second, write);
  }

  private recordConsumed(kind: UnitKind, table: string, index: string | undefined, partition: number | undefined, units: number): void {
    const metric: MetricName = kind === 'read' ? 'ConsumedReadCapacityUnits' : 'ConsumedWriteCapacityUnits';
    const second = this.second();
    this.metrics.record(metric, { table, index }, second, units);
    if (partition !== undefined) this.metrics.record(metric, { table, index, partition }, second, units);
  }

  private recordThrottle(kind: UnitKind, table: string, index: string | undefined, partition: number | undefined): void {
    const second = this.second();
    const events: MetricName = kind === 'read' ? 'ReadThrottleEvents' : 'WriteThrottleEvents';
    this.metrics.record(events, { table, index }, second, 1);
    if (partition !== undefined) this.metrics.record(events, { table, index, partition }, second, 1);
    this.metrics.record('ThrottledRequests', { table }, second, 1);
  }

  private event(e: Omit<RequestEvent, 'at'>): void {
    if (!this.recordTimeline) return;
    this.timeline.push({ at: this.clock, ...e });
    // Trimmed in halves, so the cost per event stays constant.
    if (this.timeline.length >= 2 * this.maxTimelineEvents) this.timeline.splice(0, this.timeline.length - this.maxTimelineEvents);
  }

  /**
   * Reads: a strongly consistent read runs on the leader; an eventually consistent one on the
   * copy drawn, which may hold an older version; a GSI read on the version the GSI has applied.
   * Then the units the engine charged are admitted, or the read is throttled.
   */
  private read(action: string, request: Record<string, unknown>): unknown {
    const name = request.TableName;
    const table = typeof name === 'string' ? this.database.findTable(name) : undefined;
    const state = typeof name === 'string' ? this.state(name) : undefined;
    if (!table || !state || typeof name !== 'string') return this.database.execute(action, request);
    const indexName = typeof request.IndexName === 'string' ? request.IndexName : undefined;
    const gsi = indexName !== undefined && table.index(indexName)?.definition.kind === 'global' ? indexName : undefined;
    const consistent = request.ConsistentRead === true;
    const partitions = state.pools.read.partitions;
    let partition: number | undefined;
    if (action === 'GetItem') {
      const value = hashValue(table, request.Key);
      if (value) partition = partitionOf(value, partitions);
    } else if (action === 'Query' && !gsi) {
      const value = queryPartitionValue(table, request);
      if (value) partition = partitionOf(value, partitions);
    }
    let replica: number | undefined;
    let unapplied: WriteRecord[] = [];
    // An eventually consistent GetItem asks the log for its one item (ReplicaLog.itemImage), not for every pending write.
    const itemRead = action === 'GetItem' && !gsi && !consistent && partition !== undefined;
    if (gsi) unapplied = state.log.unappliedByIndexes(this.clock);
    else if (!consistent) {
      replica = this.random.int(REPLICAS);
      // A GetItem whose key has no partition is one the engine refuses: it reads the leader and throws.
      if (!itemRead && !(action === 'GetItem' && partition === undefined)) unapplied = state.log.unappliedByReplica(replica, this.clock, partition);
    }
    let response: unknown;
    let units: number;
    let stale = false;
    const before = this.database.capacityUsage(name).readUnits;
    try {
      let view: Table | undefined;
      if (itemRead) {
        const image = state.log.pending ? state.log.itemImage(replica!, this.clock, partition!, this.storageIdOf(table, request.Key)) : undefined;
        if (image) {
          view = new Table(table.definition);
          if (image.old) view.put(image.old.item, image.old.size);
        }
      } else if (unapplied.length > 0) {
        const key = action === 'GetItem' ? (request.Key as Item) : undefined;
        view = key ? itemViewWithout(table, unapplied, key) : viewWithout(table, unapplied);
      }
      if (view) {
        const copy = this.isolated(name, view);
        response = copy.execute(action, request);
        units = copy.capacityUsage(name).readUnits;
        this.database.meter(name, 'read', units);
        stale = this.differs(action, request, name, table, response);
      } else {
        response = this.database.execute(action, request);
        units = this.database.capacityUsage(name).readUnits - before;
      }
    } catch (e) {
      this.event({ action, table: name, index: indexName, partition, replica, consistent, error: e instanceof DynamoDBError ? e.name : 'Error' });
      throw e;
    }
    this.recordProvisioned(name, state);
    if (this.enforce) {
      const refusal = this.admitRead(state, gsi, partition, units);
      if (refusal) {
        this.database.meter(name, 'read', -units);
        this.recordThrottle('read', name, gsi, refusal.partition);
        this.event({ action, table: name, index: indexName, partition, replica, consistent, throttled: true, units });
        throw new ProvisionedThroughputExceededException(gsi ? INDEX_THROUGHPUT_EXCEEDED_MESSAGE : TABLE_THROUGHPUT_EXCEEDED_MESSAGE);
      }
    }
    this.chargeRead(state, name, gsi, partition, units);
    if (stale) this.metrics.record('StaleReads', { table: name, index: gsi }, this.second(), 1);
    this.event({ action, table: name, index: indexName, partition, replica, consistent, stale, units });
    return response;
  }

  /** An item key's storage id, or '' for a key the engine will refuse (it then throws AWS's error itself). */
  private storageIdOf(table: Table, key: unknown): string {
    try {
      return storageId(table, key as Item);
    } catch {
      return '';
    }
  }

  /** A database holding only `table`, for a read against one copy. */
  private isolated(name: string, table: Table): Database {
    return new Database(
      { now: this.database.now, region: this.database.region, accountId: this.database.accountId, limits: this.database.limits },
      new Map([[name, table]]),
    );
  }

  /** Whether a copy's answer differs from the leader's (the read was stale). */
  private differs(action: string, request: Record<string, unknown>, name: string, table: Table, response: unknown): boolean {
    try {
      const leader = this.isolated(name, table).execute(action, request) as Record<string, unknown>;
      const got = response as Record<string, unknown>;
      return JSON.stringify([got.Item, got.Items, got.Count]) !== JSON.stringify([leader.Item, leader.Items, leader.Count]);
    } catch {
      return true;
    }
  }

  /** Scan units spread evenly over the partitions it reads; a Query's or GetItem's on its partition. */
  private spread(pool: CapacityPool, partition: number | undefined, units: number): [number, number][] {
    if (partition !== undefined) return [[partition, units]];
    const n = pool.partitions;
    return Array.from({ length: n }, (_, i) => [i, units / n] as [number, number]);
  }

  private admitRead(state: SimTable, gsi: string | undefined, partition: number | undefined, units: number): { partition?: number | undefined } | undefined {
    const pool = gsi ? state.indexPools.get(gsi)?.read : state.pools.read;
    if (!pool) return undefined;
    for (const [p, u] of this.spread(pool, gsi ? undefined : partition, units)) {
      if (pool.check(p, u)) return { partition: p };
    }
    return undefined;
  }

  private chargeRead(state: SimTable, name: string, gsi: string | undefined, partition: number | undefined, units: number): void {
    const pool = gsi ? state.indexPools.get(gsi)?.read : state.pools.read;
    if (!pool) return;
    for (const [p, u] of this.spread(pool, gsi ? undefined : partition, units)) {
      pool.commit(p, u);
      this.recordConsumed('read', name, gsi, p, u);
    }
  }

  /**
   * PutItem, UpdateItem, DeleteItem: run on the leader, then admitted on the table's partition
   * and on every GSI the write reached; a refused write is undone and throttled. An admitted one
   * is logged for the lagging copy and the GSIs.
   */
  private write(action: string, request: Record<string, unknown>): unknown {
    const name = request.TableName;
    const table = typeof name === 'string' ? this.database.findTable(name) : undefined;
    const state = typeof name === 'string' ? this.state(name) : undefined;
    const target = writeTarget(action, request);
    const value = table ? hashValue(table, target) : undefined;
    if (!table || !state || typeof name !== 'string' || !value) return this.database.execute(action, request);
    const partition = partitionOf(value, state.pools.write.partitions);
    const lagging = this.random.int(REPLICAS);
    const replicaLag = drawLag(this.replicationLag, this.random);
    const indexLag = drawLag(this.indexLag, this.random);
    const lags = replicaLag > 0 || indexLag > 0;
    const hasGsi = state.indexPools.size > 0;
    // The item as it was: the lagging copy's view and the undo of a refused write.
    const image = lags || this.enforce ? tryUndoImage(table, target!) : null;
    // A key the engine will refuse: let it refuse it, with AWS's message.
    if (image === undefined) return this.database.execute(action, request);
    const undo = image ? [image] : [];
    const mode = request.ReturnConsumedCapacity;
    const forceIndexes = this.enforce && hasGsi && (mode === undefined || mode === 'NONE' || mode === 'TOTAL' || mode === 'INDEXES');
    const run = forceIndexes ? { ...request, ReturnConsumedCapacity: 'INDEXES' } : request;
    const usageBefore = this.database.capacityUsage(name).writeUnits;
    let response: Record<string, unknown> | undefined;
    let failure: unknown;
    try {
      response = this.database.execute(action, run) as Record<string, unknown>;
    } catch (e) {
      failure = e;
    }
    const total = this.database.capacityUsage(name).writeUnits - usageBefore;
    const indexUnits = new Map<string, number>();
    const consumed = response?.ConsumedCapacity as Record<string, unknown> | undefined;
    for (const [index, c] of Object.entries((consumed?.GlobalSecondaryIndexes ?? {}) as Record<string, { CapacityUnits: number }>))
      indexUnits.set(index, c.CapacityUnits);
    const tableUnits = total - [...indexUnits.values()].reduce((s, u) => s + u, 0);
    if (response && forceIndexes) restoreConsumedCapacity(response, mode);
    this.recordProvisioned(name, state);
    const leader = this.database.findTable(name)!;
    const indexPartition = (index: string, pools: Pools): number => {
      const key = leader.index(index)?.definition.key.hash.name;
      const after = target && key ? (leader.get(target)?.item[key] ?? undo[0]?.old?.item[key]) : undefined;
      return after ? partitionOf(after, pools.write.partitions) : 0;
    };
    if (this.enforce) {
      let refusal: { index?: string; partition: number; reason: Refusal } | undefined;
      const r = state.pools.write.check(partition, tableUnits);
      if (r) refusal = { partition, reason: r };
      for (const [index, units] of indexUnits) {
        const pools = state.indexPools.get(index);
        if (refusal || !pools) continue;
        const p = indexPartition(index, pools);
        const ir = pools.write.check(p, units);
        if (ir) refusal = { index, partition: p, reason: ir };
      }
      if (refusal) {
        if (!failure) applyUndo(leader, [{ undo }]);
        // A throttled write never happened: its stream records go, and the undo's are never written.
        this.database.streams.retractLastFlush();
        this.database.meter(name, 'write', -total);
        this.recordThrottle('write', name, refusal.index, refusal.partition);
        this.event({ action, table: name, index: refusal.index, partition: refusal.partition, throttled: true, units: total });
        throw new ProvisionedThroughputExceededException(refusal.index ? INDEX_THROUGHPUT_EXCEEDED_MESSAGE : TABLE_THROUGHPUT_EXCEEDED_MESSAGE);
      }
    }
    state.pools.write.commit(partition, tableUnits);
    this.recordConsumed('write', name, undefined, partition, tableUnits);
    for (const [index, units] of indexUnits) {
      const pools = state.indexPools.get(index);
      if (!pools) continue;
      const p = indexPartition(index, pools);
      pools.write.commit(p, units);
      this.recordConsumed('write', name, index, p, units);
    }
    if (failure) {
      this.event({ action, table: name, partition, units: total, error: failure instanceof DynamoDBError ? failure.name : 'Error' });
      throw failure;
    }
    if (lags) this.log(state, name, new Set([partition]), lagging, replicaLag, indexLag, undo);
    this.event({ action, table: name, partition, units: total });
    return response;
  }

  private log(state: SimTable, name: string, partitions: Set<number>, lagging: number, replicaLag: number, indexLag: number, undo: UndoImage[]): void {
    const latest = state.log.latest(lagging);
    state.log.append({
      at: this.clock,
      table: name,
      partitions,
      lagging,
      replicaVisibleAt: Math.max(this.clock + replicaLag, latest.replicaVisibleAt),
      indexVisibleAt: Math.max(this.clock + indexLag, latest.indexVisibleAt),
      undo,
    });
  }

  /**
   * BatchWriteItem and TransactWriteItems run on the leader and are logged for the copies and
   * GSIs of every table they touch; their units are recorded but not throttled (the model does
   * not yet split a batch into UnprocessedItems).
   */
  private multiWrite(action: string, request: Record<string, unknown>): unknown {
    const targets = multiWriteTargets(action, request);
    const names = [...new Set(targets.map((t) => t.table))];
    const befores = new Map<string, { state: SimTable; undo: UndoImage[]; usage: number }>();
    const lagging = this.random.int(REPLICAS);
    const replicaLag = drawLag(this.replicationLag, this.random);
    const indexLag = drawLag(this.indexLag, this.random);
    const lags = replicaLag > 0 || indexLag > 0;
    for (const name of names) {
      const state = this.state(name);
      const table = this.database.findTable(name);
      if (!state || !table) continue;
      const undo: UndoImage[] = [];
      if (lags || (this.enforce && action === 'TransactWriteItems')) {
        for (const t of targets) {
          if (t.table !== name || !hashValue(table, t.target)) continue;
          const image = tryUndoImage(table, t.target as Item);
          // A key the engine will refuse: let it refuse the request, with AWS's message.
          if (!image) return this.database.execute(action, request);
          undo.push(image);
        }
      }
      befores.set(name, { state, undo, usage: this.database.capacityUsage(name).writeUnits });
    }
    const response = this.database.execute(action, request);
    if (this.enforce && action === 'TransactWriteItems') this.admitTransaction(request, targets, befores);
    for (const [name, { state, undo, usage }] of befores) {
      const leader = this.database.findTable(name)!;
      const partitions = new Set<number>();
      for (const t of targets) {
        const value = t.table === name ? hashValue(leader, t.target) : undefined;
        if (value) partitions.add(partitionOf(value, state.pools.write.partitions));
      }
      this.recordProvisioned(name, state);
      const units = this.database.capacityUsage(name).writeUnits - usage;
      this.recordConsumed('write', name, undefined, undefined, units);
      if (lags) this.log(state, name, partitions, lagging, replicaLag, indexLag, undo);
      this.event({ action, table: name, units });
    }
    return response;
  }

  /** Copies of the named tables, to run a request on without touching the leader (validation). */
  private probe(names: readonly string[]): Database {
    const tables = new Map<string, Table>();
    for (const name of names) {
      const table = this.database.findTable(name);
      if (table) tables.set(name, table.clone());
    }
    return new Database({ now: this.database.now, region: this.database.region, accountId: this.database.accountId, limits: this.database.limits }, tables);
  }

  /**
   * BatchWriteItem under enforced throughput, as AWS does it: the batch is validated whole (on
   * copies, so a refused batch changes nothing), then each put or delete is admitted on its own
   * partition like a PutItem or DeleteItem; the ones refused come back in UnprocessedItems, and
   * only when none was made is the batch throttled with ProvisionedThroughputExceededException.
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
   */
  private batchWrite(request: Record<string, unknown>): unknown {
    const requestItems = (request.RequestItems ?? {}) as Record<string, unknown>;
    const checked = this.probe(Object.keys(requestItems)).execute('BatchWriteItem', request) as Record<string, unknown>;
    const mode = request.ReturnConsumedCapacity;
    const counted = mode === 'TOTAL' || mode === 'INDEXES';
    const unprocessed: Record<string, unknown[]> = {};
    const consumed = new Map<string, Record<string, unknown>>();
    let made = 0;
    for (const [table, requests] of Object.entries(requestItems)) {
      for (const entry of requests as Record<string, { Item?: unknown; Key?: unknown }>[]) {
        const put = entry.PutRequest;
        const single = put
          ? { action: 'PutItem', params: { TableName: table, Item: put.Item } }
          : { action: 'DeleteItem', params: { TableName: table, Key: entry.DeleteRequest?.Key } };
        try {
          const response = this.write(single.action, counted ? { ...single.params, ReturnConsumedCapacity: mode } : single.params) as Record<string, unknown>;
          made++;
          if (counted) addConsumed(consumed, table, response.ConsumedCapacity);
        } catch (error) {
          if (!(error instanceof ProvisionedThroughputExceededException)) throw error;
          unprocessed[table] ??= [];
          unprocessed[table].push(entry);
        }
      }
    }
    if (made === 0) throw new ProvisionedThroughputExceededException(TABLE_THROUGHPUT_EXCEEDED_MESSAGE);
    const response: Record<string, unknown> = { UnprocessedItems: unprocessed };
    if (counted) response.ConsumedCapacity = [...consumed.values()];
    if (checked.ItemCollectionMetrics !== undefined) response.ItemCollectionMetrics = checked.ItemCollectionMetrics;
    return response;
  }

  /**
   * BatchGetItem under enforced throughput: validated whole (a read changes nothing; the units it
   * metered are given back), then each key read like a GetItem with the table's options, on a
   * drawn copy unless ConsistentRead; the keys refused come back in UnprocessedKeys, and only when
   * none was read is the batch throttled.
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
   */
  private batchGet(request: Record<string, unknown>): unknown {
    const requestItems = (request.RequestItems ?? {}) as Record<string, Record<string, unknown>>;
    const names = Object.keys(requestItems);
    const before = names.map((name) => this.database.capacityUsage(name).readUnits);
    this.database.execute('BatchGetItem', request);
    names.forEach((name, i) => {
      this.database.meter(name, 'read', before[i]! - this.database.capacityUsage(name).readUnits);
    });
    const mode = request.ReturnConsumedCapacity;
    const counted = mode === 'TOTAL' || mode === 'INDEXES';
    const responses: Record<string, unknown[]> = {};
    const unprocessed: Record<string, Record<string, unknown>> = {};
    const consumed = new Map<string, Record<string, unknown>>();
    let read = 0;
    for (const [table, { Keys, ...options }] of Object.entries(requestItems)) {
      responses[table] = [];
      for (const key of Keys as unknown[]) {
        try {
          const response = this.read('GetItem', { TableName: table, Key: key, ...options, ...(counted ? { ReturnConsumedCapacity: mode } : {}) }) as Record<
            string,
            unknown
          >;
          read++;
          if (response.Item) responses[table].push(response.Item);
          if (counted) addConsumed(consumed, table, response.ConsumedCapacity);
        } catch (error) {
          if (!(error instanceof ProvisionedThroughputExceededException)) throw error;
          unprocessed[table] ??= { ...options, Keys: [] };
          (unprocessed[table].Keys as unknown[]).push(key);
        }
      }
    }
    if (read === 0) throw new ProvisionedThroughputExceededException(TABLE_THROUGHPUT_EXCEEDED_MESSAGE);
    const response: Record<string, unknown> = { Responses: responses, UnprocessedKeys: unprocessed };
    if (counted) response.ConsumedCapacity = [...consumed.values()];
    return response;
  }

  /**
   * TransactWriteItems under enforced throughput, after the engine ran it on the leader: each
   * write's units (two per 1 KB, the larger of the item before and after) are admitted on its
   * table's partition, and on each GSI partition its index entries land on, summed per partition;
   * if any refuses, the whole transaction is undone and cancelled with TransactionCanceledException,
   * reason ThrottlingError for each write refused (the table's or the GSIs' throughput message)
   * and None for the others (API_TransactWriteItems.html, cancellation reasons).
   */
  private admitTransaction(
    request: Record<string, unknown>,
    targets: readonly { table: string; target: unknown }[],
    befores: ReadonlyMap<string, { state: SimTable; undo: UndoImage[]; usage: number }>,
  ): void {
    // Units wanted per slot: a table's partition, or a GSI's partition, each with the pool that admits them.
    const wanted = new Map<string, { pool: CapacityPool; partition: number; units: number; index?: string }>();
    const want = (slot: string, pool: CapacityPool, partition: number, units: number, index?: string): void => {
      const w = wanted.get(slot) ?? { pool, partition, units: 0, ...(index ? { index } : {}) };
      w.units += units;
      wanted.set(slot, w);
    };
    const placed = targets.map((t) => {
      const before = befores.get(t.table);
      const leader = this.database.findTable(t.table);
      const value = leader ? hashValue(leader, t.target) : undefined;
      if (!before || !leader || !value) return undefined;
      const partition = partitionOf(value, before.state.pools.write.partitions);
      const image = before.undo.find((u) => leader && u.id === this.storageIdOf(leader, t.target));
      const after = leader.get(t.target as Item);
      const slots = [`${t.table}\u0000${partition}`];
      want(slots[0]!, before.state.pools.write, partition, writeUnitsForSize(Math.max(image?.old?.size ?? 0, after?.size ?? 0, 1), true));
      // Each GSI the write reaches: the entry it removes and the one it adds (one write when the index key stays).
      for (const [index, pools] of before.state.indexPools) {
        const definition = leader.index(index)?.definition;
        if (!definition) continue;
        const entries = [image?.old?.item, after?.item].map((item) => (item ? leader.indexEntry(definition, item) : undefined));
        const [old, next] = entries;
        const moved = old && next && old.partition !== next.partition;
        for (const e of moved ? [old, next] : [next ?? old]) {
          if (!e) continue;
          const keyValue = (next && e === next ? after?.item : image?.old?.item)?.[definition.key.hash.name];
          const p = keyValue ? partitionOf(keyValue, pools.write.partitions) : 0;
          const size = moved ? e.entry.size : Math.max(old?.entry.size ?? 0, next?.entry.size ?? 0);
          const slot = `${t.table}\u0000${index}\u0000${p}`;
          want(slot, pools.write, p, writeUnitsForSize(Math.max(size, 1), true), index);
          slots.push(slot);
        }
      }
      return { table: t.table, partition, slots };
    });
    const refused = new Set<string>();
    for (const [slot, w] of wanted) if (w.pool.check(w.partition, w.units)) refused.add(slot);
    if (refused.size === 0) {
      for (const w of wanted.values()) w.pool.commit(w.partition, w.units);
      return;
    }
    for (const [name, { undo, usage }] of befores) {
      applyUndo(this.database.findTable(name)!, [{ undo }]);
      this.database.meter(name, 'write', usage - this.database.capacityUsage(name).writeUnits);
    }
    this.database.streams.retractLastFlush();
    const items = (request.TransactItems ?? []) as Record<string, unknown>[];
    // targets skip ConditionChecks; walk the items in step to give each its reason.
    let t = 0;
    const reasons = items.map((item) => {
      if ('ConditionCheck' in item) return { Code: 'None' };
      const p = placed[t++];
      const slot = p?.slots.find((x) => refused.has(x));
      if (!slot) return { Code: 'None' };
      return { Code: 'ThrottlingError', Message: wanted.get(slot)!.index ? INDEX_THROUGHPUT_EXCEEDED_MESSAGE : TABLE_THROUGHPUT_EXCEEDED_MESSAGE };
    });
    for (const slot of refused) {
      const w = wanted.get(slot)!;
      this.recordThrottle('write', slot.slice(0, slot.indexOf('\u0000')), w.index, w.partition);
    }
    this.event({ action: 'TransactWriteItems', table: targets[0]?.table, throttled: true });
    throw new TransactionCanceledException(
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
      { CancellationReasons: reasons },
    );
  }
}

/** Turns a ConsumedCapacity the simulation asked for as INDEXES back into what the caller asked for. */
function restoreConsumedCapacity(response: Record<string, unknown>, mode: unknown): void {
  if (mode === 'INDEXES') return;
  const consumed = response.ConsumedCapacity as Record<string, unknown> | undefined;
  if (!consumed) return;
  if (mode !== 'TOTAL') {
    delete response.ConsumedCapacity;
    return;
  }
  delete consumed.Table;
  delete consumed.LocalSecondaryIndexes;
  delete consumed.GlobalSecondaryIndexes;
}

/** Adds one request's ConsumedCapacity to a table's running total (every number summed, index maps merged). */
function addConsumed(totals: Map<string, Record<string, unknown>>, table: string, consumed: unknown): void {
  if (!consumed || typeof consumed !== 'object') return;
  const total = totals.get(table) ?? { TableName: table };
  totals.set(table, total);
  const merge = (into: Record<string, unknown>, from: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(from)) {
      if (typeof value === 'number') into[key] = ((into[key] as number | undefined) ?? 0) + value;
      else if (value && typeof value === 'object') {
        into[key] ??= {};
        merge(into[key] as Record<string, unknown>, value as Record<string, unknown>);
      }
    }
  };
  merge(total, consumed as Record<string, unknown>);
}
