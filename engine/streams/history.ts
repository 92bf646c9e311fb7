/**
 * Point-in-time recovery's history: the item each write replaced, kept only for tables with PITR
 * enabled, so that RestoreTableToPointInTime can rebuild a table as it was by undoing, newest
 * first, every write made after the restore time (engine/operations/restore-table-to-point-in-time.ts).
 * Undo images instead of snapshots: a write costs one entry holding the item it replaced (shared
 * with the table, never copied), and a restore costs a copy-on-write clone plus the writes undone.
 *
 * Bounded twice: an entry goes once it is older than its table's recovery period, and when the
 * entries' bytes pass `maxBytes` (the sandbox's byte limit) the oldest go first and their table's
 * earliest restorable time moves up past them, as a table can no longer be rebuilt before a
 * write whose undo is gone.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html
 */
import type { Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';

export interface HistoryEntry {
  /** The table's id (a table dropped and created again under its name starts a new history). */
  readonly tableId: string;
  /** Engine time of the write, in milliseconds. */
  readonly at: number;
  /** Engine time after which the entry is past its table's recovery period. */
  readonly expiresAt: number;
  /** The item's key attributes, to delete an item the write created. */
  readonly key: Item;
  /** The item the write replaced or deleted; undefined when the write created it. */
  readonly before: { readonly item: Item; readonly size: number } | undefined;
  readonly bytes: number;
}

export class RestoreHistory {
  /** Every kept entry, oldest first, from index `head` on. */
  private entries: HistoryEntry[];
  private head: number;
  private bytes: number;
  /** Per table id: the engine time (ms) before which it can no longer be restored (entries dropped for bytes). */
  private readonly horizons: Map<string, number>;
  /** Bytes the entries may hold together; the oldest are dropped past it. */
  maxBytes = Number.POSITIVE_INFINITY;

  constructor(entries: HistoryEntry[] = [], bytes = 0, horizons = new Map<string, number>()) {
    this.entries = entries;
    this.head = 0;
    this.bytes = bytes;
    this.horizons = horizons;
  }

  clone(): RestoreHistory {
    const copy = new RestoreHistory(this.entries.slice(this.head), this.bytes, new Map(this.horizons));
    copy.maxBytes = this.maxBytes;
    return copy;
  }

  /** Notes one write to a PITR table at `at` (ms), kept `periodMs`. */
  record(tableId: string, at: number, periodMs: number, key: Item, before: { readonly item: Item; readonly size: number } | undefined): void {
    const bytes = itemSize(key) + (before?.size ?? 0);
    this.entries.push({ tableId, at, expiresAt: at + periodMs, key, before, bytes });
    this.bytes += bytes;
    this.trim(at);
  }

  /** Takes back the newest `count` entries (a write the simulation refused never happened). */
  retract(count: number): void {
    for (let i = 0; i < count && this.entries.length > this.head; i++) this.bytes -= this.entries.pop()!.bytes;
  }

  /** Drops expired entries, then the oldest while over the byte bound, moving their table's horizon. */
  trim(now: number): void {
    while (this.head < this.entries.length) {
      const oldest = this.entries[this.head]!;
      const expired = oldest.expiresAt <= now;
      if (!expired && this.bytes <= this.maxBytes) break;
      if (!expired) this.horizons.set(oldest.tableId, Math.max(this.horizons.get(oldest.tableId) ?? 0, oldest.at));
      this.bytes -= oldest.bytes;
      this.head++;
    }
    // Compact once half the array is dropped entries, so trimming stays amortised O(1).
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** The engine time (ms) before which `tableId` cannot be restored for lack of history; -Infinity when nothing was dropped. */
  horizon(tableId: string): number {
    return this.horizons.get(tableId) ?? Number.NEGATIVE_INFINITY;
  }

  /** Forgets a table's history (PITR turned off: turning it on again starts a new window). */
  forget(tableId: string): void {
    this.horizons.delete(tableId);
    const kept = this.entries.slice(this.head).filter((e) => e.tableId !== tableId);
    this.bytes = kept.reduce((sum, e) => sum + e.bytes, 0);
    this.entries = kept;
    this.head = 0;
  }

  /** The table's writes after `at` (ms), newest first: the ones to undo to see the table as it was at `at`. */
  writesAfter(tableId: string, at: number): HistoryEntry[] {
    const found: HistoryEntry[] = [];
    for (let i = this.entries.length - 1; i >= this.head; i--) {
      const entry = this.entries[i]!;
      if (entry.at <= at) break;
      if (entry.tableId === tableId) found.push(entry);
    }
    return found;
  }

  /** The entries kept, oldest first, and each table's horizon (for a snapshot: engine/storage/snapshot.ts). */
  kept(): { readonly entries: readonly HistoryEntry[]; readonly horizons: [string, number][] } {
    return { entries: this.entries.slice(this.head), horizons: [...this.horizons] };
  }

  /** Bytes held, for tests and the bound. */
  get heldBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.entries.length - this.head;
  }
}
