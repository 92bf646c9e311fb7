/**
 * Metrics as CloudWatch shows them, one value per second of virtual time: the AWS/DynamoDB
 * metric names per table, per GSI and (which CloudWatch does not offer, but a learner needs to
 * see a hot partition) per partition; and the AWS/DAX cache counters.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/dax-metrics-dimensions-dax.html
 */

export type MetricName =
  | 'ConsumedReadCapacityUnits'
  | 'ConsumedWriteCapacityUnits'
  | 'ProvisionedReadCapacityUnits'
  | 'ProvisionedWriteCapacityUnits'
  | 'ReadThrottleEvents'
  | 'WriteThrottleEvents'
  | 'ThrottledRequests'
  | 'StaleReads'
  | 'ItemCacheHits'
  | 'ItemCacheMisses'
  | 'QueryCacheHits'
  | 'QueryCacheMisses';

/** Where a value was measured: a table, optionally one of its GSIs, optionally one partition. */
export interface MetricDimensions {
  readonly table: string;
  readonly index?: string | undefined;
  readonly partition?: number | undefined;
}

export interface MetricPoint extends MetricDimensions {
  readonly metric: MetricName;
  readonly second: number;
  readonly value: number;
}

/** Provisioned units are a level, not a sum: the last value seen in a second wins. */
const LEVELS: ReadonlySet<MetricName> = new Set(['ProvisionedReadCapacityUnits', 'ProvisionedWriteCapacityUnits']);

function keyOf(metric: MetricName, d: MetricDimensions): string {
  return `${metric}\u0000${d.table}\u0000${d.index ?? ''}\u0000${d.partition ?? ''}`;
}

export class Metrics {
  private readonly series = new Map<string, { dimensions: MetricDimensions; metric: MetricName; values: Map<number, number> }>();

  /** Adds `value` to a metric for the second `second` (a level metric is set instead). */
  record(metric: MetricName, dimensions: MetricDimensions, second: number, value: number): void {
    const key = keyOf(metric, dimensions);
    let s = this.series.get(key);
    if (!s) {
      s = { dimensions: { table: dimensions.table, index: dimensions.index, partition: dimensions.partition }, metric, values: new Map() };
      this.series.set(key, s);
    }
    s.values.set(second, LEVELS.has(metric) ? value : (s.values.get(second) ?? 0) + value);
  }

  /** One metric's values by second, in time order (seconds with nothing recorded are absent). */
  get(metric: MetricName, dimensions: MetricDimensions): { second: number; value: number }[] {
    const s = this.series.get(keyOf(metric, dimensions));
    if (!s) return [];
    return [...s.values].map(([second, value]) => ({ second, value })).sort((a, b) => a.second - b.second);
  }

  /** A metric's sum over all seconds. */
  sum(metric: MetricName, dimensions: MetricDimensions): number {
    return this.get(metric, dimensions).reduce((s, p) => s + p.value, 0);
  }

  /** Forgets every value before `second` (a long-lived simulation keeps a window). */
  prune(second: number): void {
    for (const [key, s] of this.series) {
      for (const at of s.values.keys()) if (at < second) s.values.delete(at);
      if (s.values.size === 0) this.series.delete(key);
    }
  }

  /** Every point recorded, for a chart or a table. */
  points(): MetricPoint[] {
    const out: MetricPoint[] = [];
    for (const s of this.series.values()) {
      for (const [second, value] of s.values) out.push({ ...s.dimensions, metric: s.metric, second, value });
    }
    return out.sort((a, b) => a.second - b.second);
  }
}
