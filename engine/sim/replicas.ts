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

export class ReplicaLog {
  private readonly records: WriteRecord[] = [];

  get pending(): boolean {
    return this.records.length > 0;
  }

  append(record: WriteRecord): void {
    this.records.push(record);
  }

  /** The replica-visible time of the newest write `lagging` lags on, and the newest GSI-visible time, for in-order apply. */
  latest(lagging: number): { replicaVisibleAt: number; indexVisibleAt: number } {
    let replicaVisibleAt = Number.NEGATIVE_INFINITY;
    let indexVisibleAt = Number.NEGATIVE_INFINITY;
    for (const r of this.records) {
      if (r.lagging === lagging) replicaVisibleAt = Math.max(replicaVisibleAt, r.replicaVisibleAt);
      indexVisibleAt = Math.max(indexVisibleAt, r.indexVisibleAt);
    }
    return { replicaVisibleAt, indexVisibleAt };
  }

  /** Forgets the leading writes every copy and GSI has applied by `now`. */
  prune(now: number): void {
    let i = 0;
    while (i < this.records.length && this.records[i]!.replicaVisibleAt <= now && this.records[i]!.indexVisibleAt <= now) i++;
    if (i > 0) this.records.splice(0, i);
  }

  /** Forgets everything: a table-level change (UpdateTable, DeleteTable) waits for all copies. */
  clear(): void {
    this.records.length = 0;
  }

  /**
   * The writes copy `replica` has not applied at `now` that touch `partition` (all partitions
   * without one): everything from its first unapplied write on, since copies apply in order.
   */
  unappliedByReplica(replica: number, now: number, partition?: number): WriteRecord[] {
    const touches = (r: WriteRecord): boolean => partition === undefined || r.partitions.has(partition);
    const i = this.records.findIndex((r) => r.lagging === replica && r.replicaVisibleAt > now && touches(r));
    return i < 0 ? [] : this.records.slice(i).filter(touches);
  }

  /** The writes the GSIs have not applied at `now`. */
  unappliedByIndexes(now: number): WriteRecord[] {
    const i = this.records.findIndex((r) => r.indexVisibleAt > now);
    return i < 0 ? [] : this.records.slice(i);
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
