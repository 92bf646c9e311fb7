/**
 * Throughput per second of virtual time for one table or one GSI and one kind (reads or
 * writes): each partition's share of the provisioned rate, its burst bucket, adaptive capacity,
 * the per-partition maxima, and on-demand's double-the-previous-peak.
 *
 * - Burst: each partition keeps its unused share for up to BURST_WINDOW_SECONDS and spends it
 *   when the table runs above its provisioned rate (burst-adaptive-capacity.html).
 * - Adaptive capacity: a partition above its share borrows the table's unused throughput, up to
 *   the per-partition maximum (3,000 RCU, 1,000 WCU), which nothing lifts (bp-partition-key-design.html).
 * - On-demand: a new table serves 4,000 writes and 12,000 reads per second, and up to double the
 *   previous peak at once; more than double within 30 minutes may throttle, which this model
 *   reads as "the limit is double the highest second seen so far"; the default table quota is
 *   40,000 units of each (on-demand-capacity-mode.html, pre-warming-on-demand-capacity-mode.html,
 *   ServiceQuotas.html).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html
 */
import { BURST_WINDOW_SECONDS } from '../capacity/burst.ts';
import { PARTITION_MAX_RCU, PARTITION_MAX_WCU } from './partitions.ts';

export type UnitKind = 'read' | 'write';

/** What a new on-demand table serves per second before it has a peak of its own. */
export const ON_DEMAND_INITIAL_UNITS: Readonly<Record<UnitKind, number>> = { read: 12_000, write: 4_000 };
/** The default per-table quota for on-demand tables (ServiceQuotas.html, raisable). */
export const ON_DEMAND_TABLE_QUOTA = 40_000;
/** An on-demand table serves up to this multiple of its previous peak at once. */
export const ON_DEMAND_PEAK_MULTIPLE = 2;

export const PARTITION_MAX_UNITS: Readonly<Record<UnitKind, number>> = { read: PARTITION_MAX_RCU, write: PARTITION_MAX_WCU };

/** How a pool is provisioned: units per second, or on-demand. */
export type PoolMode = { readonly kind: 'provisioned'; readonly units: number } | { readonly kind: 'on-demand' };

interface PartitionBucket {
  used: number;
  burst: number;
}

/** Why a request was refused, or undefined when it fits. */
export type Refusal = 'partition-maximum' | 'table-limit';

export class CapacityPool {
  readonly kind: UnitKind;
  private mode: PoolMode;
  private buckets: PartitionBucket[];
  private second: number;
  private used = 0;
  /** On-demand: the most units consumed in one completed second. */
  private peak: number;

  /** `burstFull` starts every partition with a full burst bucket (a table that had been idle for 300 s). */
  constructor(kind: UnitKind, mode: PoolMode, partitions: number, second: number, burstFull: boolean) {
    this.kind = kind;
    this.mode = mode;
    this.second = second;
    this.peak = ON_DEMAND_INITIAL_UNITS[kind] / ON_DEMAND_PEAK_MULTIPLE;
    this.buckets = Array.from({ length: partitions }, () => ({ used: 0, burst: 0 }));
    if (burstFull) for (const b of this.buckets) b.burst = this.share() * BURST_WINDOW_SECONDS;
  }

  get partitions(): number {
    return this.buckets.length;
  }

  /** Units per second the table (or index) may consume now, all partitions together. */
  limit(): number {
    if (this.mode.kind === 'provisioned') return this.mode.units;
    return Math.min(ON_DEMAND_TABLE_QUOTA, Math.max(ON_DEMAND_INITIAL_UNITS[this.kind], ON_DEMAND_PEAK_MULTIPLE * this.peak));
  }

  /** Each partition's even share of the provisioned rate. */
  share(): number {
    return this.limit() / this.buckets.length;
  }

  /** Units banked for bursts in `partition`. */
  burst(partition: number): number {
    return this.buckets[partition]?.burst ?? 0;
  }

  /** Units consumed in the current second, in one partition or all. */
  consumed(partition?: number): number {
    return partition === undefined ? this.used : (this.buckets[partition]?.used ?? 0);
  }

  /** The highest second so far (on-demand's previous peak). */
  previousPeak(): number {
    return this.peak;
  }

  setMode(mode: PoolMode): void {
    this.mode = mode;
  }

  /**
   * More partitions after a split: the banked burst and this second's use are spread evenly
   * over the new partitions (the model does not track which half of a split got which items).
   */
  resize(partitions: number): void {
    if (partitions <= this.buckets.length) return;
    const burst = this.buckets.reduce((s, b) => s + b.burst, 0) / partitions;
    const used = this.used / partitions;
    this.buckets = Array.from({ length: partitions }, () => ({ used, burst }));
  }

  /** Moves the pool to `second`, banking each partition's unused share of the seconds passed. */
  advance(second: number): void {
    if (second <= this.second) return;
    const limit = this.limit();
    const share = this.share();
    if (this.mode.kind === 'provisioned') {
      // The last active second: unused shares, scaled so the bank never gains more than the table left unused
      // (a partition that borrowed through adaptive capacity used some of the others' shares).
      const unused = this.buckets.map((b) => Math.max(0, share - b.used));
      const unusedSum = unused.reduce((s, u) => s + u, 0);
      const scale = unusedSum > 0 ? Math.min(1, Math.max(0, limit - this.used) / unusedSum) : 0;
      const idle = second - this.second - 1;
      const cap = share * BURST_WINDOW_SECONDS;
      this.buckets.forEach((b, i) => {
        b.burst = Math.min(cap, b.burst + unused[i]! * scale + share * idle);
      });
    } else {
      this.peak = Math.max(this.peak, this.used);
    }
    for (const b of this.buckets) b.used = 0;
    this.used = 0;
    this.second = second;
  }

  /** Whether `units` more fit in `partition` this second, and if not why. */
  check(partition: number, units: number): Refusal | undefined {
    const bucket = this.buckets[partition]!;
    if (bucket.used + units > PARTITION_MAX_UNITS[this.kind]) return 'partition-maximum';
    const limit = this.limit();
    if (this.used + units <= limit) return undefined;
    if (this.mode.kind === 'on-demand') return 'table-limit';
    const excess = Math.min(units, this.used + units - limit);
    return bucket.burst >= excess ? undefined : 'table-limit';
  }

  /** Records units `check` accepted; any part above the table's rate comes out of the partition's burst bucket. */
  commit(partition: number, units: number): void {
    const bucket = this.buckets[partition]!;
    const limit = this.limit();
    if (this.mode.kind === 'provisioned' && this.used + units > limit) {
      bucket.burst = Math.max(0, bucket.burst - Math.min(units, this.used + units - limit));
    }
    bucket.used += units;
    this.used += units;
  }
}
