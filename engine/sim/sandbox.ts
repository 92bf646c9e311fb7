/**
 * The simulation on the wire: one sandbox's Database, with a Simulation for each table tagged
 * `sim:enabled=true` (tags.ts) and a DAX cluster per table for `POST /dax`. Requests naming a
 * simulated table run through its Simulation, which runs on the sandbox's own Database (attached,
 * not a copy) with its virtual clock moved to the engine's clock before each request; every
 * other request goes straight to the Database, so a sandbox with no simulated table pays one
 * Set lookup per request and a table that is not simulated one Map lookup more.
 *
 * Simplifications: a BatchWriteItem, BatchGetItem or TransactWriteItems runs through the
 * simulation of the first simulated table it names; PartiQL statements and TransactGetItems read
 * and write the tables directly (the leader copy), with no lag and no throttling.
 */
import type { Database } from '../database.ts';
import { ResourceNotFoundException } from '../errors.ts';
import { DaxCluster, type DaxStats } from './dax.ts';
import type { MetricPoint } from './metrics.ts';
import { NO_LAG } from './random.ts';
import { Simulation, type RequestEvent } from './simulation.ts';
import { simSettings, simTagsKey, type SimTableSettings } from './tags.ts';

/** Timeline events kept per simulated table (the latest). */
export const SIM_TIMELINE_EVENTS = 1000;
/** Seconds of metrics kept per simulated table (the latest hour). */
export const SIM_METRIC_SECONDS = 3600;

/** Actions after which a table's simulation may have to be made, remade or dropped. */
const TABLE_CHANGES = new Set(['CreateTable', 'TagResource', 'UntagResource', 'DeleteTable']);
const MULTI = new Set(['BatchWriteItem', 'BatchGetItem', 'TransactWriteItems']);

interface Simulated {
  readonly tableId: string;
  readonly tagsKey: string;
  readonly settings: SimTableSettings;
  /** Undefined for a table that only has a DAX cluster (not tagged sim:enabled=true). */
  readonly sim: Simulation | undefined;
  dax?: { readonly cluster: DaxCluster; readonly sim: Simulation } | undefined;
  lastPrunedSecond: number;
}

/** What the DAX endpoint did with a request: served from a cache, filled one, or passed it through. */
export interface DaxOutcome {
  readonly response: unknown;
  readonly cache: 'hit' | 'miss' | 'pass';
  readonly kind?: 'item' | 'query' | undefined;
}

/** A table's simulation as `DynamoDBSim.GetMetrics` returns it (JSON). */
export interface SimReport {
  readonly TableName: string;
  readonly Simulated: boolean;
  readonly Now: number;
  readonly Settings?: SimTableSettings | undefined;
  readonly Partitions?: number | undefined;
  readonly Capacity?: Record<'Read' | 'Write', { Limit: number; ConsumedThisSecond: number; Burst: number[] }> | undefined;
  readonly Metrics?: MetricPoint[] | undefined;
  readonly Timeline?: RequestEvent[] | undefined;
  readonly Dax?: DaxStats | undefined;
}

function tableNameOf(input: unknown): string | undefined {
  const name = (input as { TableName?: unknown } | null)?.TableName;
  return typeof name === 'string' ? name : undefined;
}

function arnTableName(input: unknown): string | undefined {
  const arn = (input as { ResourceArn?: unknown } | null)?.ResourceArn;
  return typeof arn === 'string' ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
}

/** Tables a BatchWriteItem, BatchGetItem or TransactWriteItems names, in request order. */
function multiTableNames(action: string, input: unknown): string[] {
  const request = input as Record<string, unknown> | null;
  if (!request || typeof request !== 'object') return [];
  if (action === 'BatchWriteItem' || action === 'BatchGetItem')
    return request.RequestItems && typeof request.RequestItems === 'object' ? Object.keys(request.RequestItems) : [];
  if (!Array.isArray(request.TransactItems)) return [];
  const names: string[] = [];
  for (const t of request.TransactItems as unknown[]) {
    for (const op of Object.values((t ?? {}) as Record<string, unknown>)) {
      const name = tableNameOf(op);
      if (name !== undefined) names.push(name);
    }
  }
  return names;
}

export class SandboxSimulations {
  readonly database: Database;
  private readonly tables = new Map<string, Simulated>();

  /** `sim:` tags every table is taken to carry under its own (the SDK suite runs through the simulation with them). */
  private readonly defaultTags: Readonly<Record<string, string>> | undefined;

  constructor(database: Database, options: { readonly defaultTags?: Readonly<Record<string, string>> } = {}) {
    this.database = database;
    this.defaultTags = options.defaultTags;
    if (this.defaultTags) simSettings(this.defaultTags);
  }

  /**
   * Takes up the tables the database already holds (one restored from a snapshot): each table
   * tagged `sim:enabled=true` starts a fresh simulation, as after a change of its tags.
   */
  adoptTables(): void {
    for (const name of this.database.tableNames()) this.entry(name, false);
  }

  /** Whether any table of the sandbox is simulated or has a DAX cluster. */
  get active(): boolean {
    return this.tables.size > 0;
  }

  /** Runs one DynamoDB action, through the table's simulation when it has one. */
  execute(action: string, input: unknown): unknown {
    if (TABLE_CHANGES.has(action)) return this.changeTable(action, input);
    if (this.tables.size === 0) return this.database.execute(action, input);
    const sim = this.simulationFor(action, input);
    if (!sim) return this.database.execute(action, input);
    return this.run(sim, action, input);
  }

  /** Runs one action through the DAX cluster in front of its table (`POST /dax`). */
  executeDax(action: string, input: unknown): DaxOutcome {
    if (TABLE_CHANGES.has(action)) return { response: this.changeTable(action, input), cache: 'pass' };
    const name = tableNameOf(input) ?? (MULTI.has(action) ? multiTableNames(action, input)[0] : undefined);
    const table = name === undefined ? undefined : this.database.findTable(name);
    if (name === undefined || !table) return { response: this.execute(action, input), cache: 'pass' };
    const entry = this.entry(name, true)!;
    if (!entry.dax) {
      const sim = entry.sim ?? this.simulation(name, { ...entry.settings, replicationLag: NO_LAG, indexLag: NO_LAG, enforceThroughput: false }, false);
      const cluster = new DaxCluster(sim, {
        nodes: entry.settings.daxNodes,
        itemTtlMs: entry.settings.daxItemTtlMs,
        queryTtlMs: entry.settings.daxQueryTtlMs,
        clusterName: 'dax',
      });
      entry.dax = { cluster, sim };
    }
    const { cluster, sim } = entry.dax;
    const before = cluster.stats();
    const response = this.run(sim, action, input, cluster);
    const after = cluster.stats();
    if (after.itemHits > before.itemHits) return { response, cache: 'hit', kind: 'item' };
    if (after.itemMisses > before.itemMisses) return { response, cache: 'miss', kind: 'item' };
    if (after.queryHits > before.queryHits) return { response, cache: 'hit', kind: 'query' };
    if (after.queryMisses > before.queryMisses) return { response, cache: 'miss', kind: 'query' };
    return { response, cache: 'pass' };
  }

  /** A table's simulation settings, metrics, timeline and DAX counters (`DynamoDBSim.GetMetrics`). */
  report(tableName: string): SimReport {
    const table = this.database.findTable(tableName);
    if (!table) throw new ResourceNotFoundException(`Requested resource not found: Table: ${tableName} not found`);
    const now = this.database.now();
    const entry = this.entry(tableName, false);
    const sim = entry?.sim;
    if (!entry || !sim) return { TableName: tableName, Simulated: false, Now: now, Dax: entry?.dax?.cluster.stats() };
    sim.advanceTo(now);
    const capacity = (kind: 'read' | 'write') => {
      const pool = sim.pool(tableName, kind)!;
      return {
        Limit: pool.limit(),
        ConsumedThisSecond: pool.consumed(),
        Burst: Array.from({ length: pool.partitions }, (_, i) => pool.burst(i)),
      };
    };
    return {
      TableName: tableName,
      Simulated: true,
      Now: now,
      Settings: entry.settings,
      Partitions: sim.partitions(tableName),
      Capacity: { Read: capacity('read'), Write: capacity('write') },
      Metrics: sim.metrics.points().filter((p) => p.table === tableName || p.table.endsWith(`/${tableName}`)),
      Timeline: sim.timeline.slice(-100),
      Dax: entry.dax?.cluster.stats(),
    };
  }

  /** The simulation a table runs under on /dynamodb, if it is simulated. */
  simulationOf(tableName: string): Simulation | undefined {
    return this.entry(tableName, false)?.sim;
  }

  private run(sim: Simulation, action: string, input: unknown, dax?: DaxCluster): unknown {
    sim.advanceTo(this.database.now());
    const response = dax ? dax.execute(action, input) : sim.execute(action, input);
    this.prune(sim);
    return response;
  }

  /** Keeps a long-lived simulation's metrics to a window (checked once a minute of engine time). */
  private prune(sim: Simulation): void {
    const second = Math.floor(sim.now / 1000);
    for (const entry of this.tables.values()) {
      if (entry.sim !== sim || second - entry.lastPrunedSecond < 60) continue;
      entry.lastPrunedSecond = second;
      sim.metrics.prune(second - SIM_METRIC_SECONDS);
    }
  }

  private simulationFor(action: string, input: unknown): Simulation | undefined {
    const name = tableNameOf(input);
    if (name !== undefined) return this.tables.get(name)?.sim;
    if (!MULTI.has(action)) return undefined;
    for (const table of multiTableNames(action, input)) {
      const sim = this.tables.get(table)?.sim;
      if (sim) return sim;
    }
    return undefined;
  }

  /**
   * CreateTable, TagResource, UntagResource, DeleteTable: `sim:` tags are checked before the
   * action runs (tags.ts throws ValidationException), and the table's simulation follows its
   * tags afterwards. Changed settings start a new simulation: every copy is current again.
   */
  private changeTable(action: string, input: unknown): unknown {
    if (action === 'CreateTable') {
      const tags = (input as { Tags?: unknown } | null)?.Tags;
      if (Array.isArray(tags)) {
        const record: Record<string, string> = {};
        for (const t of tags as { Key?: unknown; Value?: unknown }[]) {
          if (typeof t?.Key === 'string' && typeof t.Value === 'string') record[t.Key] = t.Value;
        }
        simSettings(record);
      }
    }
    const name = action === 'TagResource' || action === 'UntagResource' ? arnTableName(input) : tableNameOf(input);
    const response = this.database.execute(action, input);
    if (name !== undefined) {
      if (action === 'DeleteTable') this.tables.delete(name);
      else this.entry(name, false);
    }
    return response;
  }

  /**
   * The table's entry, made or remade when its tags or its identity changed; undefined for a
   * table neither simulated nor (with `forDax`) fronted by DAX.
   */
  private entry(name: string, forDax: boolean): Simulated | undefined {
    const table = this.database.findTable(name);
    if (!table) {
      this.tables.delete(name);
      return undefined;
    }
    const def = table.definition;
    const tags = this.defaultTags ? { ...this.defaultTags, ...def.tags } : def.tags;
    const tagsKey = simTagsKey(tags);
    let entry = this.tables.get(name);
    if (entry && entry.tableId === def.tableId && entry.tagsKey === tagsKey) return entry;
    const settings = simSettings(tags);
    if (!settings.enabled && !forDax && !entry?.dax) {
      this.tables.delete(name);
      return undefined;
    }
    entry = {
      tableId: def.tableId,
      tagsKey,
      settings,
      sim: settings.enabled ? this.simulation(name, settings, true) : undefined,
      lastPrunedSecond: Math.floor(this.database.now() / 1000),
    };
    this.tables.set(name, entry);
    return entry;
  }

  private simulation(name: string, settings: SimTableSettings, timeline: boolean): Simulation {
    const sim = new Simulation({
      seed: settings.seed,
      startMs: this.database.now(),
      database: this.database,
      attach: true,
      replicationLag: settings.replicationLag,
      indexLag: settings.indexLag,
      enforceThroughput: settings.enforceThroughput,
      burstAtStart: settings.burstAtStart,
      minPartitions: { [name]: settings.partitions },
      recordTimeline: timeline,
      maxTimelineEvents: SIM_TIMELINE_EVENTS,
    });
    // The table's capacity counts from now: idle seconds from here on bank burst.
    sim.pool(name, 'write');
    return sim;
  }
}
