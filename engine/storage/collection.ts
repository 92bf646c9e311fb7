/**
 * An ordered store of items: a map from partition key to partition, each partition an array
 * kept sorted by sort key, and the partitions themselves kept in hash order for Scan. The base
 * table and every secondary index are one Collection each.
 *
 * Cloning is copy-on-write: a clone copies the map and the scan order (references only) and
 * shares every partition; a partition is copied the first time a collection that does not own
 * it writes to it. Items are never mutated, so sharing them is safe.
 */
import type { Item } from '../values/attribute-value.ts';
import { hashPartitionKey } from './key-encoding.ts';

export interface Entry {
  /** Encoded sort position within the partition; unique in the partition. */
  readonly sort: string;
  /** Encoded value of the (index) sort key attribute alone, '' without one: range searches use it. */
  readonly range: string;
  readonly item: Item;
  /** Item size in bytes by AWS's rules (item-size.ts). */
  readonly size: number;
}

export class Partition {
  constructor(
    readonly key: string,
    readonly hash: number,
    public entries: Entry[],
    public owner: object,
    public bytes: number,
  ) {}

  /** Index of the entry with this sort position, or -(insertion point) - 1. */
  find(sort: string): number {
    const entries = this.entries;
    let lo = 0;
    let hi = entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = entries[mid]!.sort;
      if (s < sort) lo = mid + 1;
      else if (s > sort) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** First index whose range component is >= `range` (or > when `exclusive`). */
  lowerBound(range: string, exclusive: boolean): number {
    const entries = this.entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = entries[mid]!.range;
      if (r < range || (exclusive && r === range)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose sort position is greater than `sort`. */
  after(sort: string): number {
    const i = this.find(sort);
    return i >= 0 ? i + 1 : -i - 1;
  }
}

function comparePartitions(aHash: number, aKey: string, b: Partition): number {
  if (aHash !== b.hash) return aHash < b.hash ? -1 : 1;
  return aKey < b.key ? -1 : aKey > b.key ? 1 : 0;
}

export class Collection {
  private partitions: Map<string, Partition>;
  /**
   * Partitions by (hash, key): the order Scan walks, and segments are ranges of it. Kept lazily:
   * new partitions wait in `pending` and removed ones in `removed` until a scan needs the order,
   * so a write never pays for shifting a long array.
   */
  private order: Partition[];
  private pending: Partition[];
  private removed: Set<Partition>;
  private token: object = {};
  itemCount: number;
  bytes: number;

  constructor(
    partitions = new Map<string, Partition>(),
    order: Partition[] = [],
    itemCount = 0,
    bytes = 0,
    pending: Partition[] = [],
    removed = new Set<Partition>(),
  ) {
    this.partitions = partitions;
    this.order = order;
    this.itemCount = itemCount;
    this.bytes = bytes;
    this.pending = pending;
    this.removed = removed;
  }

  clone(): Collection {
    const copy = new Collection(new Map(this.partitions), this.order.slice(), this.itemCount, this.bytes, this.pending.slice(), new Set(this.removed));
    // The partitions are shared from now on: the original must copy them before writing too,
    // or its next write would show through in the clone.
    this.token = {};
    return copy;
  }

  partition(key: string): Partition | undefined {
    return this.partitions.get(key);
  }

  get(key: string, sort: string): Entry | undefined {
    const p = this.partitions.get(key);
    if (!p) return undefined;
    const i = p.find(sort);
    return i >= 0 ? p.entries[i] : undefined;
  }

  /** Inserts or replaces; returns the entry replaced. */
  put(key: string, entry: Entry): Entry | undefined {
    let p = this.partitions.get(key);
    if (!p) {
      p = new Partition(key, hashPartitionKey(key), [entry], this.token, entry.size);
      this.partitions.set(key, p);
      this.pending.push(p);
      this.itemCount++;
      this.bytes += entry.size;
      return undefined;
    }
    p = this.writable(p);
    const i = p.find(entry.sort);
    if (i >= 0) {
      const old = p.entries[i]!;
      p.entries[i] = entry;
      p.bytes += entry.size - old.size;
      this.bytes += entry.size - old.size;
      return old;
    }
    p.entries.splice(-i - 1, 0, entry);
    p.bytes += entry.size;
    this.itemCount++;
    this.bytes += entry.size;
    return undefined;
  }

  /** Removes and returns the entry, if there was one. */
  delete(key: string, sort: string): Entry | undefined {
    let p = this.partitions.get(key);
    if (!p) return undefined;
    const i = p.find(sort);
    if (i < 0) return undefined;
    const old = p.entries[i]!;
    this.itemCount--;
    this.bytes -= old.size;
    if (p.entries.length === 1) {
      this.partitions.delete(key);
      this.removed.add(p);
      return old;
    }
    p = this.writable(p);
    p.entries.splice(i, 1);
    p.bytes -= old.size;
    return old;
  }

  /** The partition at `position` in scan order. */
  partitionAt(position: number): Partition | undefined {
    return this.sorted()[position];
  }

  get partitionCount(): number {
    return this.partitions.size;
  }

  /** Position in the scan order of the first partition at or after (hash, key). */
  orderIndex(hash: number, key: string): number {
    const order = this.sorted();
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (comparePartitions(hash, key, order[mid]!) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position whose partition hash is >= `hash`. */
  firstAtHash(hash: number): number {
    const order = this.sorted();
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order[mid]!.hash < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The scan order, bringing in pending partitions and dropping removed ones first. */
  private sorted(): Partition[] {
    if (this.pending.length === 0 && this.removed.size === 0) return this.order;
    const fresh = this.pending.filter((p) => !this.removed.has(p));
    fresh.sort((a, b) => comparePartitions(a.hash, a.key, b));
    const merged: Partition[] = [];
    let i = 0;
    let j = 0;
    const old = this.order;
    while (i < old.length || j < fresh.length) {
      const a = old[i];
      if (a !== undefined && this.removed.has(a)) {
        i++;
        continue;
      }
      const b = fresh[j];
      if (b === undefined || (a !== undefined && comparePartitions(a.hash, a.key, b) <= 0)) {
        merged.push(a!);
        i++;
      } else {
        merged.push(b);
        j++;
      }
    }
    this.order = merged;
    this.pending = [];
    this.removed = new Set();
    return merged;
  }

  private writable(p: Partition): Partition {
    if (p.owner === this.token) return p;
    // A partition shared with a clone is copied before its first write; the copy takes its place.
    const copy = new Partition(p.key, p.hash, p.entries.slice(), this.token, p.bytes);
    this.partitions.set(p.key, copy);
    this.removed.add(p);
    this.pending.push(copy);
    return copy;
  }
}
