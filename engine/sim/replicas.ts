/**
 * The three copies of each partition and a GSI's asynchronous copy, as a log of table versions.
 * A write is acknowledged by two copies at once and reaches the third after a replication lag;
 * copies apply writes in order. A strongly consistent read reads the leader (the engine's
 * table); an eventually consistent read goes to a random copy, which answers from the newest
 * version it has applied. A GSI applies the base table's writes in order after its own
 * propagation lag, so a GSI read sees the version before the first write it has not applied.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Writes
 *
 * Versions are Table clones, which share items until written (storage/collection.ts), so a
 * version costs a copy of the partition map, not of the items.
 */
import type { Table } from '../storage/table.ts';

/** Copies of every partition (HowItWorks.Partitions.html: three Availability Zones). */
export const REPLICAS = 3;

export interface WriteRecord {
  /** Virtual time of the write, in milliseconds. */
  readonly at: number;
  /** Partitions the write touched. */
  readonly partitions: ReadonlySet<number>;
  /** The copy that did not acknowledge the write. */
  readonly lagging: number;
  /** When the lagging copy applies it. */
  readonly replicaVisibleAt: number;
  /** When the GSIs apply it. */
  readonly indexVisibleAt: number;
  /** The table as the write left it. */
  readonly after: Table;
}

export class ReplicaLog {
  /** The table before the first record: every copy and index has applied it. */
  private base: Table | undefined;
  private readonly records: WriteRecord[] = [];

  /** Whether a write is still on its way to some copy or index. */
  get pending(): boolean {
    return this.records.length > 0;
  }

  /** Remembers a write; `before` is the table as it was, needed only when nothing was pending. */
  append(before: Table | undefined, record: WriteRecord): void {
    if (!this.base) {
      if (!before) throw new Error('the version before the first pending write is required');
      this.base = before;
    }
    this.records.push(record);
  }

  /** The replica-visible and index-visible times of the newest pending write, for in-order apply. */
  latest(lagging: number): { replicaVisibleAt: number; indexVisibleAt: number } {
    let replicaVisibleAt = Number.NEGATIVE_INFINITY;
    let indexVisibleAt = Number.NEGATIVE_INFINITY;
    for (const r of this.records) {
      if (r.lagging === lagging) replicaVisibleAt = Math.max(replicaVisibleAt, r.replicaVisibleAt);
      indexVisibleAt = Math.max(indexVisibleAt, r.indexVisibleAt);
    }
    return { replicaVisibleAt, indexVisibleAt };
  }

  /** Drops the writes every copy and index has applied by `now`. */
  prune(now: number): void {
    let i = 0;
    while (i < this.records.length && this.records[i]!.replicaVisibleAt <= now && this.records[i]!.indexVisibleAt <= now) i++;
    if (i === 0) return;
    this.base = this.records[i - 1]!.after;
    this.records.splice(0, i);
    if (this.records.length === 0) this.base = undefined;
  }

  /** Forgets everything: a table-level change (UpdateTable, DeleteTable) waits for all copies. */
  clear(): void {
    this.base = undefined;
    this.records.length = 0;
  }

  /**
   * What copy `replica` holds at `now` for `partition` (or, without one, for the whole table: the
   * version before its first unapplied write on any partition), or undefined when it is current.
   */
  replicaVersion(replica: number, now: number, partition?: number): Table | undefined {
    const i = this.records.findIndex((r) => r.lagging === replica && r.replicaVisibleAt > now && (partition === undefined || r.partitions.has(partition)));
    return this.versionBefore(i);
  }

  /** What the GSIs hold at `now`, or undefined when they are current. */
  indexVersion(now: number): Table | undefined {
    return this.versionBefore(this.records.findIndex((r) => r.indexVisibleAt > now));
  }

  private versionBefore(i: number): Table | undefined {
    if (i < 0) return undefined;
    return i === 0 ? this.base : this.records[i - 1]!.after;
  }
}
