/**
 * A DAX cluster in front of a simulation: an item cache for GetItem and a query cache for Query
 * and Scan, each with its TTL (default 5 minutes, DAX's record-ttl-millis and query-ttl-millis),
 * sharing the node's memory under least-recently-used eviction. A write through DAX goes to the
 * table and then updates the item cache, never the query cache, so a cached Query can go on
 * returning the old item until its TTL runs out. Strongly consistent reads pass through
 * uncached. A miss reads the table eventually consistently, as DAX does, so it can itself fill
 * the cache from a lagging copy.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/dax-config-considerations.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html
 *
 * Every node holds the whole cache (DAX replicates the item cache to all nodes), so the
 * node count spreads requests, not memory; reads go to the nodes in turn.
 */
import { DAX_DEFAULT_TTL_SECONDS } from '../rules/dax.ts';
import type { Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import type { Metrics } from './metrics.ts';
import { hashValue, multiWriteTargets, writeTarget } from './request-keys.ts';
import type { Simulation } from './simulation.ts';

/** DAX's default record-ttl-millis and query-ttl-millis (aws dax describe-default-parameters). */
export const DAX_DEFAULT_TTL_MS = DAX_DEFAULT_TTL_SECONDS * 1000;
/**
 * Node memory when none is given: a dax.r5.large's 16 GiB (the node-type table on the DAX
 * pricing page; not checked against a fetched copy).
 */
export const DAX_DEFAULT_NODE_MEMORY_BYTES = 16 * 1024 ** 3;

export interface DaxOptions {
  readonly nodes?: number;
  readonly nodeMemoryBytes?: number;
  readonly itemTtlMs?: number;
  readonly queryTtlMs?: number;
  /** Name the cache metrics are recorded under. */
  readonly clusterName?: string;
}

export interface DaxStats {
  itemHits: number;
  itemMisses: number;
  queryHits: number;
  queryMisses: number;
  evictions: number;
  /** Requests each node served, in node order. */
  readonly nodeRequests: number[];
}

interface CacheEntry {
  readonly value: Record<string, unknown>;
  readonly bytes: number;
  readonly expiresAt: number;
  /** For item entries: the table and key they hold, so a write can find them. */
  readonly itemKey?: string | undefined;
  /** An item entry read without projection, which a write can refresh in place. */
  readonly plain?: boolean | undefined;
  readonly request?: Record<string, unknown> | undefined;
}

/** Request members that do not change what a read returns, left out of cache keys. */
const NOT_IN_KEY = new Set(['ReturnConsumedCapacity', 'ConsistentRead']);

function cacheKey(kind: string, request: Record<string, unknown>): string {
  const parts = Object.keys(request)
    .filter((k) => !NOT_IN_KEY.has(k))
    .sort()
    .map((k) => [k, request[k]]);
  return `${kind}\u0000${JSON.stringify(parts)}`;
}

function withoutConsumed(response: Record<string, unknown>): Record<string, unknown> {
  const { ConsumedCapacity: _, ...rest } = response;
  return rest;
}

export class DaxCluster {
  readonly nodes: number;
  readonly memoryBytes: number;
  readonly itemTtlMs: number;
  readonly queryTtlMs: number;
  readonly name: string;
  private readonly sim: Simulation;
  /** Both caches in one LRU order (Map iteration order is insertion order; a hit re-inserts). */
  private readonly cache = new Map<string, CacheEntry>();
  /** Item-cache keys by table and item key. */
  private readonly byItem = new Map<string, Set<string>>();
  private bytes = 0;
  private next = 0;
  private readonly counters: DaxStats;

  constructor(sim: Simulation, options: DaxOptions = {}) {
    this.sim = sim;
    this.nodes = Math.max(1, options.nodes ?? 1);
    this.memoryBytes = options.nodeMemoryBytes ?? DAX_DEFAULT_NODE_MEMORY_BYTES;
    this.itemTtlMs = options.itemTtlMs ?? DAX_DEFAULT_TTL_MS;
    this.queryTtlMs = options.queryTtlMs ?? DAX_DEFAULT_TTL_MS;
    this.name = options.clusterName ?? 'dax';
    this.counters = { itemHits: 0, itemMisses: 0, queryHits: 0, queryMisses: 0, evictions: 0, nodeRequests: Array.from({ length: this.nodes }, () => 0) };
  }

  stats(): DaxStats {
    return { ...this.counters, nodeRequests: [...this.counters.nodeRequests] };
  }

  /** Bytes the cached entries take (item sizes by DynamoDB's rules, plus their keys). */
  usedBytes(): number {
    return this.bytes;
  }

  private get metrics(): Metrics {
    return this.sim.metrics;
  }

  /** Runs one action through the cluster at the simulation's current time. */
  execute(action: string, input: unknown): unknown {
    const request = (input ?? {}) as Record<string, unknown>;
    this.counters.nodeRequests[this.next]!++;
    this.next = (this.next + 1) % this.nodes;
    switch (action) {
      case 'GetItem':
        return this.read('item', action, request);
      case 'Query':
      case 'Scan':
        return this.read('query', action, request);
      case 'PutItem':
      case 'UpdateItem':
      case 'DeleteItem':
      case 'BatchWriteItem':
      case 'TransactWriteItems':
        return this.write(action, request);
      default:
        return this.sim.execute(action, request);
    }
  }

  private count(kind: 'item' | 'query', hit: boolean, table: unknown): void {
    if (kind === 'item') hit ? this.counters.itemHits++ : this.counters.itemMisses++;
    else hit ? this.counters.queryHits++ : this.counters.queryMisses++;
    const metric = kind === 'item' ? (hit ? 'ItemCacheHits' : 'ItemCacheMisses') : hit ? 'QueryCacheHits' : 'QueryCacheMisses';
    this.metrics.record(metric, { table: typeof table === 'string' ? `${this.name}/${table}` : this.name }, Math.floor(this.sim.now / 1000), 1);
  }

  private read(kind: 'item' | 'query', action: string, request: Record<string, unknown>): unknown {
    if (request.ConsistentRead === true) return this.sim.execute(action, request);
    const key = cacheKey(action, request);
    const now = this.sim.now;
    const entry = this.cache.get(key);
    if (entry && entry.expiresAt > now) {
      this.cache.delete(key);
      this.cache.set(key, entry);
      this.count(kind, true, request.TableName);
      return structuredClone(entry.value);
    }
    if (entry) this.remove(key);
    this.count(kind, false, request.TableName);
    const response = this.sim.execute(action, request) as Record<string, unknown>;
    const value = withoutConsumed(response);
    const itemKey = kind === 'item' ? this.itemKeyOf(request.TableName, request.Key) : undefined;
    const plain = kind === 'item' && request.ProjectionExpression === undefined && request.AttributesToGet === undefined;
    this.store(key, value, kind === 'item' ? this.itemTtlMs : this.queryTtlMs, itemKey, plain, request);
    return response;
  }

  private write(action: string, request: Record<string, unknown>): unknown {
    const response = this.sim.execute(action, request);
    const targets =
      action === 'BatchWriteItem' || action === 'TransactWriteItems'
        ? multiWriteTargets(action, request)
        : [{ table: request.TableName as string, target: writeTarget(action, request) }];
    for (const { table, target } of targets) this.refresh(table, target);
    return response;
  }

  /** The cache's name for an item: table and the key attributes' values. */
  private itemKeyOf(tableName: unknown, itemOrKey: unknown): string | undefined {
    if (typeof tableName !== 'string') return undefined;
    const table = this.sim.database.findTable(tableName);
    if (!table || !hashValue(table, itemOrKey)) return undefined;
    const source = itemOrKey as Item;
    const { hash, range } = table.keySchema;
    return JSON.stringify([tableName, source[hash.name], range ? source[range.name] : null]);
  }

  /** After a write through DAX: plain item entries take the item as the table now holds it; projected ones are dropped. */
  private refresh(tableName: string, target: unknown): void {
    const itemKey = this.itemKeyOf(tableName, target);
    const keys = itemKey ? this.byItem.get(itemKey) : undefined;
    if (!itemKey || !keys) return;
    const table = this.sim.database.findTable(tableName);
    const current = table?.get(target as Item)?.item;
    for (const key of [...keys]) {
      const entry = this.cache.get(key);
      this.remove(key);
      if (entry?.plain) this.store(key, current ? { Item: current } : {}, this.itemTtlMs, itemKey, true, entry.request);
    }
  }

  private store(
    key: string,
    value: Record<string, unknown>,
    ttl: number,
    itemKey: string | undefined,
    plain: boolean,
    request: Record<string, unknown> | undefined,
  ): void {
    const items = (value.Items as Item[] | undefined) ?? (value.Item ? [value.Item as Item] : []);
    const bytes = key.length + items.reduce((s, item) => s + itemSize(item), 0);
    if (bytes > this.memoryBytes) return;
    this.remove(key);
    this.cache.set(key, { value: structuredClone(value), bytes, expiresAt: this.sim.now + ttl, itemKey, plain, request });
    this.bytes += bytes;
    if (itemKey) {
      const set = this.byItem.get(itemKey) ?? new Set<string>();
      this.byItem.set(itemKey, set);
      set.add(key);
    }
    for (const [oldest] of this.cache) {
      if (this.bytes <= this.memoryBytes) break;
      this.remove(oldest);
      this.counters.evictions++;
    }
  }

  private remove(key: string): void {
    const entry = this.cache.get(key);
    if (!entry) return;
    this.cache.delete(key);
    this.bytes -= entry.bytes;
    if (entry.itemKey) {
      const set = this.byItem.get(entry.itemKey);
      set?.delete(key);
      if (set?.size === 0) this.byItem.delete(entry.itemKey);
    }
  }
}
