/**
 * The three copies of each partition and a GSI's asynchronous copy, as a log of pending writes.
 * A write is acknowledged by two copies at once and reaches the third after a replication lag;
 * copies apply writes in order. A strongly consistent read reads the leader (the engine's
 * table); an eventually consistent read goes to a random copy, which answers from the writes it
 * has applied. A GSI applies the base table's writes in order after its own propagation lag.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Writes
 *
 * Each pending write keeps the items it replaced (its undo images), so the leader is the only
 * full copy: a lagging copy's view is the leader with its unapplied writes undone, built only
 * when a read needs it. Writes stay cheap; a write is forgotten once every copy and GSI has it.
 */
import type { Entry } from '../storage/collection.ts';
import { Table } from '../storage/table.ts';
import type { Item } from '../values/attribute-value.ts';

/** Copies of every partition (HowItWorks.Partitions.html: three Availability Zones). */
export const REPLICAS = 3;

/** An item as it was before a write: its key, its storage id, and the entry (undefined when absent). */
export interface UndoImage {
  readonly key: Item;
  readonly id: string;
  readonly old: Entry | undefined;
}

export interface WriteRecord {
  readonly at: number;
  readonly table: string;
  readonly partitions: ReadonlySet<number>;
  /** The copy that did not acknowledge the write. */
  readonly lagging: number;
  /** When the lagging copy applies it. */
  readonly replicaVisibleAt: number;
  /** When the GSIs apply it. */
  readonly indexVisibleAt: number;
  readonly undo: readonly UndoImage[];
}

/** The storage id of an item or key in `table`. */
export function storageId(table: Table, key: Item): string {
  const at = table.storageKey(key);
  return `${at.partition}\u0000${at.sort}`;
}

/** The undo image of `key` in `table` now. */
export function undoImage(table: Table, key: Item): UndoImage {
  return { key, id: storageId(table, key), old: table.get(key) };
}

/** The undo image of `key`, or undefined for a key the engine will refuse (it then throws AWS's error itself). */
export function tryUndoImage(table: Table, key: Item): UndoImage | undefined {
  try {
    return undoImage(table, key);
  } catch {
    return undefined;
  }
}

/** Puts back what `images` recorded, newest write first, in `table` (a view, or the leader to undo a refused write). */
export function applyUndo(table: Table, records: readonly { readonly undo: readonly UndoImage[] }[]): void {
  for (let r = records.length - 1; r >= 0; r--) {
    const undo = records[r]!.undo;
    for (let i = undo.length - 1; i >= 0; i--) {
      const { key, old } = undo[i]!;
      if (old) table.put(old.item, old.size);
      else table.delete(key);
    }
  }
}

/**
 * Pending writes in order. Reads and writes ask it on every request, so nothing here walks the
 * whole log: a copy's visibility times only grow in log order (writes apply in order) and the
 * clock only moves forward, so each copy keeps a cursor at its first unapplied write, the GSIs
 * one at theirs, and the newest visibility times are kept as maxima; forgotten writes are cut
 * off by moving a head, and an item's writes are indexed by its storage id for GetItem.
 */
export class ReplicaLog {
  private records: WriteRecord[] = [];
  /** Sequence number of records[0]; records[i] has sequence base + i. */
  private base = 0;
  /** Index of the first write not yet forgotten. */
  private head = 0;
  /** Per copy: the index from which its first unapplied write is searched. */
  private readonly cursors: number[] = Array.from({ length: REPLICAS }, () => 0);
  private indexCursor = 0;
  private readonly replicaMax: number[] = Array.from({ length: REPLICAS }, () => Number.NEGATIVE_INFINITY);
  private indexMax = Number.NEGATIVE_INFINITY;
  /** Sequence numbers of the pending writes that touched each item (by storage id), oldest first. */
  private readonly byId = new Map<string, number[]>();

  get pending(): boolean {
    return this.records.length > this.head;
  }

  append(record: WriteRecord): void {
    const seq = this.base + this.records.length;
    this.records.push(record);
    this.replicaMax[record.lagging] = Math.max(this.replicaMax[record.lagging]!, record.replicaVisibleAt);
    this.indexMax = Math.max(this.indexMax, record.indexVisibleAt);
    for (const u of record.undo) {
      const seqs = this.byId.get(u.id);
      if (seqs) {
        if (seqs[seqs.length - 1] !== seq) seqs.push(seq);
      } else this.byId.set(u.id, [seq]);
    }
  }

  /**
   * The replica-visible time of the newest write `lagging` lags on, and the newest GSI-visible
   * time, for in-order apply. Forgotten writes count too: they were visible by the time they
   * were forgotten, so they never hold a new write back.
   */
  latest(lagging: number): { replicaVisibleAt: number; indexVisibleAt: number } {
    return { replicaVisibleAt: this.replicaMax[lagging]!, indexVisibleAt: this.indexMax };
  }

  /** Forgets the leading writes every copy and GSI has applied by `now`. */
  prune(now: number): void {
    const records = this.records;
    let i = this.head;
    while (i < records.length && records[i]!.replicaVisibleAt <= now && records[i]!.indexVisibleAt <= now) {
      for (const u of records[i]!.undo) {
        const seqs = this.byId.get(u.id);
        if (!seqs) continue;
        // The oldest pending writes of an item come first.
        while (seqs.length > 0 && seqs[0]! <= this.base + i) seqs.shift();
        if (seqs.length === 0) this.byId.delete(u.id);
      }
      i++;
    }
    this.head = i;
    // Cut the forgotten prefix off once it is most of the array, so each write is moved at most once or twice.
    if (this.head >= 1024 && this.head * 2 >= records.length) {
      this.records = records.slice(this.head);
      this.base += this.head;
      for (let r = 0; r < REPLICAS; r++) this.cursors[r] = Math.max(0, this.cursors[r]! - this.head);
      this.indexCursor = Math.max(0, this.indexCursor - this.head);
      this.head = 0;
    }
  }

  /** Forgets everything: a table-level change (UpdateTable, DeleteTable) waits for all copies. */
  clear(): void {
    this.base += this.records.length;
    this.records = [];
    this.head = 0;
    this.cursors.fill(0);
    this.indexCursor = 0;
    this.replicaMax.fill(Number.NEGATIVE_INFINITY);
    this.indexMax = Number.NEGATIVE_INFINITY;
    this.byId.clear();
  }

  /** Index of copy `replica`'s first unapplied write at `now`, moving its cursor. */
  private firstUnapplied(replica: number, now: number): number {
    const records = this.records;
    let c = Math.max(this.cursors[replica]!, this.head);
    while (c < records.length && (records[c]!.lagging !== replica || records[c]!.replicaVisibleAt <= now)) c++;
    this.cursors[replica] = c;
    return c;
  }

  /** Index of the first write touching `partition` (any without one) that copy `replica` has not applied at `now`; -1 when none. */
  private firstUnappliedOn(replica: number, now: number, partition: number | undefined): number {
    const records = this.records;
    // From the cursor on, every write `replica` lags on is still unapplied (in-order apply).
    for (let i = this.firstUnapplied(replica, now); i < records.length; i++) {
      const r = records[i]!;
      if (r.lagging === replica && (partition === undefined || r.partitions.has(partition))) return i;
    }
    return -1;
  }

  /**
   * The writes copy `replica` has not applied at `now` that touch `partition` (all partitions
   * without one): everything from its first unapplied write on, since copies apply in order.
   */
  unappliedByReplica(replica: number, now: number, partition?: number): WriteRecord[] {
    if (this.replicaMax[replica]! <= now) return [];
    const i = this.firstUnappliedOn(replica, now, partition);
    if (i < 0) return [];
    const out: WriteRecord[] = [];
    for (let k = i; k < this.records.length; k++) {
      const r = this.records[k]!;
      if (partition === undefined || r.partitions.has(partition)) out.push(r);
    }
    return out;
  }

  /**
   * The item `id` (in `partition`) as copy `replica` holds it at `now`: the undo image of the
   * oldest write it has not applied that touched the item, or undefined when it has them all
   * (it then holds what the leader holds). The same answer as itemViewWithout over
   * unappliedByReplica, without building that list.
   */
  itemImage(replica: number, now: number, partition: number, id: string): { readonly old: Entry | undefined } | undefined {
    const seqs = this.byId.get(id);
    if (!seqs || this.replicaMax[replica]! <= now) return undefined;
    const i = this.firstUnappliedOn(replica, now, partition);
    if (i < 0) return undefined;
    for (const seq of seqs) {
      const k = seq - this.base;
      if (k < i) continue;
      const r = this.records[k]!;
      if (!r.partitions.has(partition)) continue;
      const image = r.undo.find((u) => u.id === id);
      if (image) return { old: image.old };
    }
    return undefined;
  }

  /** The writes the GSIs have not applied at `now`. */
  unappliedByIndexes(now: number): WriteRecord[] {
    if (this.indexMax <= now) return [];
    const records = this.records;
    let c = Math.max(this.indexCursor, this.head);
    while (c < records.length && records[c]!.indexVisibleAt <= now) c++;
    this.indexCursor = c;
    return records.slice(c);
  }
}

/** The table as a copy that has not applied `unapplied` holds it. */
export function viewWithout(leader: Table, unapplied: readonly WriteRecord[]): Table {
  const view = leader.clone();
  applyUndo(view, unapplied);
  return view;
}

/**
 * One item as a copy that has not applied `unapplied` holds it: the image from the oldest of
 * those writes that touched it, or the leader's when none did. A table holding just that item
 * answers a GetItem without copying the whole table.
 */
export function itemViewWithout(leader: Table, unapplied: readonly WriteRecord[], key: Item): Table {
  const id = storageId(leader, key);
  let entry = leader.get(key);
  for (const r of unapplied) {
    const image = r.undo.find((u) => u.id === id);
    if (image) {
      entry = image.old;
      break;
    }
  }
  const view = new Table(leader.definition);
  if (entry) view.put(entry.item, entry.size);
  return view;
}
