/**
 * Rules for choosing and sizing a cache in front of DynamoDB: DAX or ElastiCache or none, what
 * DAX offloads at a hit ratio, how stale it can be, and whether a cluster layout is sound.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/evaluate-dax-suitability.html
 */
import type { Calculation, Step } from '../calculation.ts';
import { readUnitsForSize } from '../capacity/units.ts';

export type DataSource = 'dynamodb' | 'rds' | 'aurora' | 's3' | 'http-api';

export interface CacheWorkload {
  readonly sources: readonly DataSource[];
  /** Reads per write; AWS calls 10:1 or more read-heavy. */
  readonly readsPerWrite: number;
  /** Every read must reflect the latest write (ConsistentRead=true). */
  readonly strongReadsRequired: boolean;
  /** The app wants to cache results it computes (totals, rankings, rendered fragments). */
  readonly cachesComputedResults: boolean;
  /** The team wants to decide itself when entries are evicted or refreshed. */
  readonly ownsInvalidation: boolean;
  /** Whether reads need microseconds, or DynamoDB's single-digit milliseconds are enough (default: microseconds). */
  readonly latencyNeed?: 'microseconds' | 'milliseconds';
  /** Whether the same keys are read again and again, so cached entries get reused (default: true). */
  readonly repeatedReads?: boolean;
}

export type CacheChoice = 'dax' | 'elasticache' | 'no-cache';

export type CacheReason =
  | 'strong-reads-pass-through'
  | 'write-heavy'
  | 'several-sources'
  | 'computed-results'
  | 'own-invalidation'
  | 'reads-rarely-repeat'
  | 'dynamodb-only-read-heavy';

export interface CacheAdvice {
  readonly choice: CacheChoice;
  /** The rule that decided, first; later rules that also applied follow. */
  readonly reasons: readonly CacheReason[];
}

/** AWS's example of a read-heavy ratio in "Evaluate DAX suitability". */
export const READ_HEAVY_RATIO = 10;

/**
 * DAX when the data is in DynamoDB only and reads dominate; ElastiCache when the cache holds
 * other sources, computed results or needs app-owned invalidation; no cache when reads must be
 * strongly consistent (DAX passes them to DynamoDB uncached), the workload is write-heavy, or
 * the same keys are rarely read twice, so a cache would almost never hit (AWS lists all three as
 * poor fits for DAX). The latency need alone does not decide: a cache only speeds up hits.
 */
export function chooseCache(w: CacheWorkload): CacheAdvice {
  const reasons: CacheReason[] = [];
  if (w.strongReadsRequired) reasons.push('strong-reads-pass-through');
  if (w.readsPerWrite < 1) reasons.push('write-heavy');
  if (w.repeatedReads === false) reasons.push('reads-rarely-repeat');
  if (reasons.length > 0) return { choice: 'no-cache', reasons };
  if (w.sources.some((s) => s !== 'dynamodb')) reasons.push('several-sources');
  if (w.cachesComputedResults) reasons.push('computed-results');
  if (w.ownsInvalidation) reasons.push('own-invalidation');
  if (reasons.length > 0) return { choice: 'elasticache', reasons };
  return { choice: 'dax', reasons: ['dynamodb-only-read-heavy'] };
}

export interface DaxReadLoad {
  readonly readsPerSecond: number;
  /** Share of eventually consistent reads that DAX answers from its cache, 0..1. */
  readonly hitRatio: number;
  readonly itemBytes: number;
  /** Share of reads sent with ConsistentRead=true, 0..1; DAX forwards these uncached. */
  readonly strongShare: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * Read units per second the table still serves behind DAX: eventual misses (DAX reads DynamoDB
 * with eventual consistency to fill its cache) plus every strong read, which passes through.
 */
export function tableReadUnitsBehindDax(load: DaxReadLoad): Calculation {
  const eventualReads = load.readsPerSecond * (1 - load.strongShare);
  const strongReads = load.readsPerSecond * load.strongShare;
  const misses = eventualReads * (1 - load.hitRatio);
  const eventualUnits = readUnitsForSize(load.itemBytes, 'eventual');
  const strongUnits = readUnitsForSize(load.itemBytes, 'strong');
  const value = misses * eventualUnits + strongReads * strongUnits;
  const steps: Step[] = [
    {
      label: 'Split reads by consistency',
      formula: `${fmt(load.readsPerSecond)} × ${fmt(1 - load.strongShare)} eventual, × ${fmt(load.strongShare)} strong`,
      value: `${fmt(eventualReads)} eventual/s, ${fmt(strongReads)} strong/s`,
    },
    { label: 'Eventual reads that miss the cache', formula: `${fmt(eventualReads)} × (1 − ${fmt(load.hitRatio)})`, value: `${fmt(misses)} reads/s` },
    {
      label: 'Units per read',
      formula: `ceil(${fmt(load.itemBytes)} / 4,096) = ${fmt(strongUnits)} block${strongUnits === 1 ? '' : 's'} × 0.5 eventual, × 1 strong`,
      value: `${fmt(eventualUnits)} eventual, ${fmt(strongUnits)} strong`,
    },
    {
      label: 'Read units the table serves',
      formula: `${fmt(misses)} × ${fmt(eventualUnits)} + ${fmt(strongReads)} × ${fmt(strongUnits)}`,
      value: `${fmt(value)} RCU`,
    },
  ];
  return { value, unit: 'RCU', steps };
}

export type DaxWritePath = 'through-dax' | 'direct-to-dynamodb';
export type DaxReadKind = 'get-item' | 'query';

export interface DaxStalenessInput {
  readonly writePath: DaxWritePath;
  readonly readKind: DaxReadKind;
  readonly itemTtlSeconds: number;
  readonly queryTtlSeconds: number;
}

export type DaxStalenessCause = 'write-through-updates-item-cache' | 'item-cache-ttl' | 'query-cache-ttl';

/**
 * How long a read through DAX can keep returning the old value after a write. A write through
 * DAX updates the item cache (write-through) but never the query cache; a write that bypasses
 * DAX is invisible to both caches until their TTL expires.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html
 */
export function daxStaleness(input: DaxStalenessInput): { readonly cause: DaxStalenessCause; readonly upToSeconds: number } {
  if (input.readKind === 'query') return { cause: 'query-cache-ttl', upToSeconds: input.queryTtlSeconds };
  if (input.writePath === 'through-dax') return { cause: 'write-through-updates-item-cache', upToSeconds: 0 };
  return { cause: 'item-cache-ttl', upToSeconds: input.itemTtlSeconds };
}

export const DAX_MIN_NODES = 1;
export const DAX_MAX_NODES = 11;
export const DAX_PRODUCTION_MIN_NODES = 3;
export const DAX_DEFAULT_TTL_SECONDS = 300;
export const DAX_PORT = 8111;

export interface DaxClusterLayout {
  readonly nodes: number;
  readonly availabilityZones: number;
  readonly production: boolean;
}

export type DaxClusterIssue = 'too-many-nodes' | 'too-few-nodes' | 'production-under-three-nodes' | 'production-single-az';

/**
 * Problems with a cluster layout: 1 to 11 nodes (one primary, up to ten replicas); production
 * clusters want three or more nodes spread over Availability Zones.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html
 */
export function checkDaxCluster(layout: DaxClusterLayout): readonly DaxClusterIssue[] {
  const issues: DaxClusterIssue[] = [];
  if (layout.nodes > DAX_MAX_NODES) issues.push('too-many-nodes');
  if (layout.nodes < DAX_MIN_NODES) issues.push('too-few-nodes');
  if (layout.production && layout.nodes < DAX_PRODUCTION_MIN_NODES) issues.push('production-under-three-nodes');
  if (layout.production && layout.nodes > 1 && layout.availabilityZones < 2) issues.push('production-single-az');
  return issues;
}

/** The cluster layouts a sizing question offers, smallest first. */
export const DAX_LAYOUTS = [
  { id: 'one', nodes: 1, availabilityZones: 1 },
  { id: 'two-one-az', nodes: 2, availabilityZones: 1 },
  { id: 'three-azs', nodes: 3, availabilityZones: 3 },
  { id: 'eleven', nodes: 11, availabilityZones: 3 },
  { id: 'fifteen', nodes: 15, availabilityZones: 3 },
] as const;
export type DaxLayoutId = (typeof DAX_LAYOUTS)[number]['id'];

/** What is wrong with a layout for a need: a rule it breaks, too few nodes for the load, more than needed, or nothing (the one to take). */
export type DaxLayoutVerdict = DaxClusterIssue | 'too-few-for-load' | 'larger-than-needed' | 'none';

/**
 * The smallest of DAX_LAYOUTS that keeps the cluster rules (checkDaxCluster) and carries the
 * load a test measured in nodes; every other layout with the first thing wrong with it. DAX
 * bills every node-hour, so a larger layout that also works is only a cost.
 */
export function sizeDaxCluster(
  production: boolean,
  nodesNeeded: number,
): { readonly best: DaxLayoutId; readonly bestNodes: number; readonly verdicts: Readonly<Record<DaxLayoutId, DaxLayoutVerdict>> } {
  const problems = DAX_LAYOUTS.map((layout) => {
    const issue = checkDaxCluster({ nodes: layout.nodes, availabilityZones: layout.availabilityZones, production })[0];
    return { layout, problem: issue ?? (layout.nodes < nodesNeeded ? ('too-few-for-load' as const) : undefined) };
  });
  const best = problems.find((p) => p.problem === undefined)?.layout;
  if (!best) throw new RangeError(`No layout carries ${nodesNeeded} nodes`);
  const verdicts = Object.fromEntries(
    problems.map(({ layout, problem }) => [layout.id, layout === best ? 'none' : (problem ?? 'larger-than-needed')]),
  ) as Record<DaxLayoutId, DaxLayoutVerdict>;
  return { best: best.id, bestNodes: best.nodes, verdicts };
}

/**
 * Read units the table serves behind DAX (tableReadUnitsBehindDax), in whole units as a capacity
 * plan is written, and four wrong figures, each the same sum with one step changed: no offload,
 * the hits sent to the table instead of the misses, strong reads taken as cached, strong reads at
 * the eventual price. A wrong figure equal to one before it is raised by one unit, so that every
 * figure names one method.
 */
export function daxTableLoadFigures(load: DaxReadLoad): {
  readonly right: number;
  readonly noDax: number;
  readonly hitsSent: number;
  readonly strongCached: number;
  readonly strongAtEventual: number;
  readonly calculation: Calculation;
} {
  const calculation = tableReadUnitsBehindDax(load);
  const ue = readUnitsForSize(load.itemBytes, 'eventual');
  const us = readUnitsForSize(load.itemBytes, 'strong');
  const eventualReads = load.readsPerSecond * (1 - load.strongShare);
  const strongReads = load.readsPerSecond * load.strongShare;
  const right = Math.max(1, Math.round(calculation.value));
  const seen = new Set([right]);
  const [noDax, hitsSent, strongCached, strongAtEventual] = [
    eventualReads * ue + strongReads * us,
    eventualReads * load.hitRatio * ue + strongReads * us,
    load.readsPerSecond * (1 - load.hitRatio) * ue,
    eventualReads * (1 - load.hitRatio) * ue + strongReads * ue,
  ].map((x) => {
    let v = Math.round(x);
    while (seen.has(v)) v += 1;
    seen.add(v);
    return v;
  }) as [number, number, number, number];
  return { right, noDax, hitsSent, strongCached, strongAtEventual, calculation };
}
