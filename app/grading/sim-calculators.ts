/**
 * Numeric keys read off simulated runs (issue 13): each calculator runs engine/sim with the
 * variant's figures and reads its answer off what the run served and refused, so the key is
 * what the model of DynamoDB did, not a formula typed beside it. The steps show the run's
 * figures beside AWS's rule. Runs are cached by their arguments, and each is scaled so a run is
 * at most a few thousand requests: a request of 100 (or 10) capacity units stands for that many
 * 1 KB writes, which the throughput model meters identically (units per partition per second).
 */
import { z } from 'zod';
import {
  calculateDaxSaving,
  DAX_NODE_TYPES,
  DaxCluster,
  NO_LAG,
  ON_DEMAND_INITIAL_UNITS,
  ON_DEMAND_PEAK_MULTIPLE,
  ON_DEMAND_TABLE_QUOTA,
  PARTITION_MAX_WCU,
  Simulation,
  type DaxNodeType,
  type Item,
} from '../../engine/index.ts';
import type { Calculator } from '../bank/calculator.ts';
import { stepLabel } from './step-label.ts';

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const THROTTLED = 'ProvisionedThroughputExceededException';
const TABLE = 'SimTable';

const padCache = new Map<number, string>();
/**
 * An item of exactly `units` write units (1 KB each): the key, and binary padding to just under
 * units × 1,024 bytes (binary because the engine sizes a base64 value from its length, where a
 * string is measured character by character: a run of large items is four times faster).
 */
function itemOf(units: number, id: string, extra: Record<string, { S: string }> = {}): Item {
  const used = 1 + id.length + 1 + Object.entries(extra).reduce((s, [k, v]) => s + k.length + v.S.length, 0);
  const bytes = Math.floor((units * 1024 - used - 8) / 3) * 3;
  let pad = padCache.get(bytes);
  if (pad === undefined) {
    pad = 'A'.repeat((bytes / 3) * 4);
    padCache.set(bytes, pad);
  }
  return { k: { S: id }, d: { B: pad }, ...extra } as Item;
}

/** A simulation with no replication lag (the runs here are about throughput only) and no timeline. */
function throughputSim(minPartitions?: number): Simulation {
  return new Simulation({
    seed: 1,
    recordTimeline: false,
    replicationLag: NO_LAG,
    indexLag: NO_LAG,
    ...(minPartitions ? { minPartitions: { [TABLE]: minPartitions } } : {}),
  });
}

/** Sends a PutItem and says whether it was served (false: throttled). */
function put(sim: Simulation, item: Item): boolean {
  try {
    sim.execute('PutItem', { TableName: TABLE, Item: item });
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === THROTTLED) return false;
    throw error;
  }
}

function cached<A, R>(run: (a: A) => R): (a: A) => R {
  const cache = new Map<string, R>();
  return (a) => {
    const key = JSON.stringify(a);
    let result = cache.get(key);
    if (result === undefined) {
      result = run(a);
      cache.set(key, result);
    }
    return result;
  };
}

/** NaN when a wrong method lands on the right figure (it is then no mistake to name). */
const unlessKey = (value: number, key: number, tolerance = 0): number => (Math.abs(value - key) <= tolerance ? Number.NaN : value);
const isMultiple = (n: number, of: number): boolean => Number.isInteger(n / of);

// ------------------------------------------------------------------ on-demand: double the previous peak

/** Write request units per simulated request in the on-demand run. */
const ON_DEMAND_CHUNK = 100;

interface OnDemandRun {
  readonly limit: number;
  readonly served: number;
  readonly throttled: number;
  readonly ramp: readonly number[];
}

/**
 * A new on-demand table, its traffic grown to `previousPeak` WRU a second (a second at a time,
 * never above what the table serves at once), then a spike of `spike` WRU in one second, spread
 * over many keys and partitions: the units the spike's second served and refused.
 */
export const runOnDemandSpike = cached((a: { previousPeak: number; spike: number }): OnDemandRun => {
  const sim = throughputSim(400);
  sim.execute('CreateTable', {
    TableName: TABLE,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
  });
  let second = 0;
  const send = (units: number): { served: number; throttled: number } => {
    sim.advanceTo(second * 1000);
    let served = 0;
    let throttled = 0;
    for (let i = 0; i < units / ON_DEMAND_CHUNK; i++) {
      if (put(sim, itemOf(ON_DEMAND_CHUNK, `k${second}-${i}`))) served += ON_DEMAND_CHUNK;
      else throttled += ON_DEMAND_CHUNK;
    }
    second++;
    return { served, throttled };
  };
  const ramp: number[] = [];
  // Traffic grows to the previous peak without a throttle: each second at most what the table serves then.
  while (a.previousPeak > 0 && ramp.at(-1) !== a.previousPeak) {
    sim.advanceTo(second * 1000);
    const step = Math.min(a.previousPeak, sim.pool(TABLE, 'write')!.limit());
    const { throttled } = send(step);
    if (throttled > 0) throw new Error(`runOnDemandSpike: the ramp to ${a.previousPeak} was throttled`);
    ramp.push(step);
  }
  // An idle second, so the peak second is complete before the spike.
  second++;
  sim.advanceTo(second * 1000);
  const limit = sim.pool(TABLE, 'write')!.limit();
  const spike = send(a.spike);
  return { limit, ...spike, ramp };
});

const simulatedOnDemandSpike: Calculator<{ previousPeak: number; spike: number }> = {
  name: 'simulatedOnDemandSpike',
  stepLabels: { 'new-table': ['initial'], 'previous-peak': ['ramp'], 'served-at-once': ['initial', 'quota'], 'spike-served': [], throttled: [] },
  description:
    'Write request units an on-demand table throttles in the first second of a spike, read off a simulated run (a new table grown to previousPeak WRU/s, then spike WRU/s): args { previousPeak (0 = a new table), spike }, multiples of 100',
  args: z
    .strictObject({ previousPeak: z.number().int().nonnegative().max(ON_DEMAND_TABLE_QUOTA), spike: z.number().int().positive().max(ON_DEMAND_TABLE_QUOTA) })
    .refine((a) => isMultiple(a.previousPeak, ON_DEMAND_CHUNK) && isMultiple(a.spike, ON_DEMAND_CHUNK), 'previousPeak and spike must be multiples of 100'),
  calculate: (a) => {
    const run = runOnDemandSpike(a);
    return {
      value: run.throttled,
      unit: 'WRU',
      steps: [
        {
          label:
            a.previousPeak === 0
              ? stepLabel('new-table', { initial: fmt(ON_DEMAND_INITIAL_UNITS.write) })
              : stepLabel('previous-peak', { ramp: run.ramp.map(fmt).join(' → ') }),
          value: a.previousPeak === 0 ? `${fmt(ON_DEMAND_INITIAL_UNITS.write)} WRU/s` : `${fmt(a.previousPeak)} WRU/s`,
        },
        {
          label: stepLabel('served-at-once', { initial: fmt(ON_DEMAND_INITIAL_UNITS.write), quota: fmt(ON_DEMAND_TABLE_QUOTA) }),
          value: `${fmt(run.limit)} WRU/s`,
        },
        { label: stepLabel('spike-served'), value: `${fmt(run.served)} WRU` },
        { label: stepLabel('throttled'), formula: `${fmt(a.spike)} − ${fmt(run.served)}`, value: `${fmt(run.throttled)} WRU` },
      ],
    };
  },
  misconceptions: [
    {
      id: 'on-demand-never-throttles',
      topic: 'on-demand-spike',
      compute: (a) => unlessKey(0, runOnDemandSpike(a).throttled),
    },
    {
      id: 'previous-peak-not-doubled',
      topic: 'on-demand-spike',
      compute: (a) =>
        unlessKey(Math.max(0, a.spike - Math.max(ON_DEMAND_INITIAL_UNITS.write / ON_DEMAND_PEAK_MULTIPLE, a.previousPeak)), runOnDemandSpike(a).throttled),
    },
    {
      id: 'initial-only',
      topic: 'on-demand-spike',
      compute: (a) => unlessKey(Math.max(0, a.spike - ON_DEMAND_INITIAL_UNITS.write), runOnDemandSpike(a).throttled),
    },
  ],
};

// ------------------------------------------------------------------ adaptive capacity: up to the partition maximum

const HOT_CHUNK = 100;

/**
 * A provisioned table of `partitions` partitions: one key written at `hot` WCU a second, the
 * rest of the traffic (`others` WCU) on keys in the other partitions, for three seconds from an
 * empty burst bucket: the hot key's units served in the last second.
 */
export const runHotKey = cached((a: { provisioned: number; partitions: number; hot: number; others: number }): { served: number; share: number } => {
  const sim = throughputSim(a.partitions);
  sim.execute('CreateTable', {
    TableName: TABLE,
    KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: a.provisioned },
  });
  const hotPartition = sim.partitionFor(TABLE, { S: 'hot' });
  const otherKeys: string[] = [];
  for (let i = 0; otherKeys.length < 64; i++) if (sim.partitionFor(TABLE, { S: `o${i}` }) !== hotPartition) otherKeys.push(`o${i}`);
  const hotRequests = a.hot / HOT_CHUNK;
  const otherRequests = a.others / HOT_CHUNK;
  let served = 0;
  for (let second = 0; second < 3; second++) {
    served = 0;
    // The second's requests interleaved evenly, hot and other, over the second.
    const queue: string[] = [];
    for (let i = 0; i < hotRequests; i++) queue.push('hot');
    for (let i = 0; i < otherRequests; i++) queue.splice(Math.floor(((i + 0.5) * queue.length) / otherRequests) + i, 0, otherKeys[i % otherKeys.length]!);
    queue.forEach((key, i) => {
      sim.advanceTo(second * 1000 + Math.floor((i * 1000) / queue.length));
      if (put(sim, itemOf(HOT_CHUNK, key)) && key === 'hot') served += HOT_CHUNK;
    });
  }
  return { served, share: a.provisioned / a.partitions };
});

const HotKeyArgs = z
  .strictObject({
    provisioned: z.number().int().positive(),
    partitions: z.number().int().positive().max(100),
    hot: z.number().int().positive(),
    others: z.number().int().nonnegative(),
  })
  .refine((a) => [a.provisioned, a.hot, a.others].every((n) => isMultiple(n, HOT_CHUNK)), 'provisioned, hot and others must be multiples of 100')
  .refine((a) => a.partitions >= Math.ceil(a.provisioned / PARTITION_MAX_WCU), 'a table has at least one partition per 1,000 WCU')
  // The table's own rate never binds, so the figure is the partition's limit alone.
  .refine((a) => a.others + Math.min(a.hot, PARTITION_MAX_WCU) <= a.provisioned, 'others + min(hot, 1,000) must fit the provisioned WCU');

const simulatedHotKeyWrites: Calculator<z.infer<typeof HotKeyArgs>> = {
  name: 'simulatedHotKeyWrites',
  stepLabels: { 'even-share': [], unused: [], 'partition-maximum': [], 'hot-key': [] },
  description:
    'WCU a second one hot partition key is served on a provisioned table with spare capacity, read off a simulated run (adaptive capacity up to the 1,000 WCU partition maximum): args { provisioned, partitions, hot, others }, multiples of 100',
  args: HotKeyArgs,
  calculate: (a) => {
    const run = runHotKey(a);
    return {
      value: run.served,
      unit: 'WCU',
      steps: [
        { label: stepLabel('even-share'), formula: `${fmt(a.provisioned)} / ${fmt(a.partitions)}`, value: `${fmt(run.share)} WCU` },
        {
          label: stepLabel('unused'),
          formula: `${fmt(a.provisioned)} − ${fmt(a.others)}`,
          value: `${fmt(a.provisioned - a.others)} WCU`,
        },
        { label: stepLabel('partition-maximum'), value: `${fmt(PARTITION_MAX_WCU)} WCU` },
        {
          label: stepLabel('hot-key'),
          value: `${fmt(run.served)} of ${fmt(a.hot)} WCU served`,
        },
      ],
    };
  },
  misconceptions: [
    {
      id: 'share-only',
      topic: 'hot-key',
      compute: (a) => unlessKey(Math.min(a.hot, a.provisioned / a.partitions), runHotKey(a).served),
    },
    {
      id: 'no-partition-maximum',
      topic: 'hot-key',
      compute: (a) => unlessKey(Math.min(a.hot, a.provisioned - a.others), runHotKey(a).served),
    },
    {
      id: 'all-served',
      topic: 'hot-key',
      compute: (a) => unlessKey(a.hot, runHotKey(a).served),
    },
  ],
};

// ------------------------------------------------------------------ a GSI short of write capacity

const GSI_CHUNK = 10;

/**
 * A provisioned table with one GSI projecting every attribute: `writes` new items a second (1 KB
 * each, every one in the index) for three seconds: the table writes served in the last second.
 */
export const runGsiThrottle = cached((a: { tableWcu: number; gsiWcu: number; writes: number }): { served: number } => {
  const sim = throughputSim();
  sim.execute('CreateTable', {
    TableName: TABLE,
    KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'k', AttributeType: 'S' },
      { AttributeName: 'g', AttributeType: 'S' },
    ],
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: a.tableWcu },
    GlobalSecondaryIndexes: [
      {
        IndexName: 'ByG',
        KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: a.gsiWcu },
      },
    ],
  });
  let served = 0;
  const requests = a.writes / GSI_CHUNK;
  for (let second = 0; second < 3; second++) {
    served = 0;
    for (let i = 0; i < requests; i++) {
      sim.advanceTo(second * 1000 + Math.floor((i * 1000) / requests));
      // A new item each time: an overwrite that moves the item in the index would cost the index twice.
      if (put(sim, itemOf(GSI_CHUNK, `k${second}-${i}`, { g: { S: `g${second}-${i}` } }))) served += GSI_CHUNK;
    }
  }
  return { served };
});

const GsiArgs = z
  .strictObject({ tableWcu: z.number().int().positive().max(1000), gsiWcu: z.number().int().positive(), writes: z.number().int().positive().max(1000) })
  .refine((a) => [a.tableWcu, a.gsiWcu, a.writes].every((n) => isMultiple(n, GSI_CHUNK)), 'tableWcu, gsiWcu and writes must be multiples of 10');

const simulatedGsiThrottle: Calculator<z.infer<typeof GsiArgs>> = {
  name: 'simulatedGsiThrottle',
  stepLabels: { 'write-cost': [], table: [], gsi: [], served: [] },
  description:
    'Writes a second (1 KB items, all in one GSI) a provisioned table accepts when its GSI has gsiWcu, read off a simulated run: args { tableWcu, gsiWcu, writes } (multiples of 10, at most 1,000)',
  args: GsiArgs,
  calculate: (a) => {
    const run = runGsiThrottle(a);
    return {
      value: run.served,
      unit: 'writes per second',
      steps: [
        { label: stepLabel('write-cost'), value: `${fmt(a.writes)} WCU/s each` },
        { label: stepLabel('table'), value: `${fmt(a.tableWcu)} WCU` },
        { label: stepLabel('gsi'), value: `${fmt(a.gsiWcu)} WCU` },
        {
          label: stepLabel('served'),
          value: `${fmt(run.served)} of ${fmt(a.writes)}`,
        },
      ],
    };
  },
  misconceptions: [
    {
      id: 'gsi-async',
      topic: 'gsi-throttle',
      compute: (a) => unlessKey(Math.min(a.writes, a.tableWcu), runGsiThrottle(a).served),
    },
    {
      id: 'table-capacity',
      topic: 'gsi-throttle',
      compute: (a) => unlessKey(a.tableWcu, runGsiThrottle(a).served),
    },
  ],
};

// ------------------------------------------------------------------ DAX: the bill from a measured hit ratio

/** Items the scaled DAX run reads (each at the workload's per-item interval). */
const DAX_RUN_ITEMS = 4;

/**
 * A DAX cluster in front of a table whose items are each read every `everySeconds` seconds, with
 * the item cache's TTL: after one TTL of warm-up (the month's steady state, not a cold start),
 * the hits and reads over the next six TTLs.
 */
export const runDaxHitRatio = cached((a: { everySeconds: number; ttlSeconds: number }): { hits: number; reads: number } => {
  const sim = throughputSim();
  sim.execute('CreateTable', {
    TableName: TABLE,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
  });
  for (let i = 0; i < DAX_RUN_ITEMS; i++) sim.execute('PutItem', { TableName: TABLE, Item: itemOf(1, `i${i}`) });
  const dax = new DaxCluster(sim, { itemTtlMs: a.ttlSeconds * 1000 });
  const reads: { at: number; key: string }[] = [];
  const end = 7 * a.ttlSeconds * 1000;
  const every = a.everySeconds * 1000;
  for (let i = 0; i < DAX_RUN_ITEMS; i++) {
    // Staggered so the items' reads do not all fall on the same instants.
    for (let at = Math.floor((i * every) / DAX_RUN_ITEMS) + 1; at < end; at += every) reads.push({ at, key: `i${i}` });
  }
  reads.sort((x, y) => x.at - y.at);
  let hits = 0;
  let counted = 0;
  for (const read of reads) {
    sim.advanceTo(read.at);
    const before = dax.stats().itemHits;
    dax.execute('GetItem', { TableName: TABLE, Key: { k: { S: read.key } } });
    if (read.at < a.ttlSeconds * 1000) continue;
    counted++;
    if (dax.stats().itemHits > before) hits++;
  }
  return { hits, reads: counted };
});

const DaxArgs = z.strictObject({
  readsPerSecond: z.number().positive(),
  everySeconds: z.number().int().positive().max(3600),
  ttlSeconds: z.number().int().positive().max(3600),
  nodeType: z.enum(DAX_NODE_TYPES),
  nodes: z.number().int().min(1).max(11),
});

/** The read saving and the cluster's cost a month, in USD, at a hit ratio (cost model: engine/cost/dax.ts). */
function daxBill(a: z.infer<typeof DaxArgs>, hitRatio: number): { saving: number; cluster: number; net: number } {
  const bill = calculateDaxSaving({
    nodeType: a.nodeType as DaxNodeType,
    nodes: a.nodes,
    readsPerSecond: a.readsPerSecond,
    readItemBytes: 4096,
    hitRatio,
    tableMode: 'on-demand',
    targetUtilisation: 1,
    tableClass: 'standard',
  });
  return { saving: Number(bill.saving), cluster: Number(bill.clusterCost), net: bill.calculation.value };
}

const measuredRatio = (a: { everySeconds: number; ttlSeconds: number }): number => {
  const run = runDaxHitRatio({ everySeconds: a.everySeconds, ttlSeconds: a.ttlSeconds });
  return run.hits / run.reads;
};

const cents = (n: number): number => Math.round(n * 100) / 100;

const DAX_TOLERANCE = 1;

const simulatedDaxSaving: Calculator<z.infer<typeof DaxArgs>> = {
  name: 'simulatedDaxSaving',
  stepLabels: { 'hit-ratio': ['every', 'ttl'] },
  description:
    'Net monthly saving (USD; negative when DAX costs more) of a DAX cluster in front of an on-demand table, at the hit ratio a simulated run measured (items under 4 KB, each read every everySeconds, item TTL ttlSeconds): args { readsPerSecond, everySeconds, ttlSeconds, nodeType, nodes }',
  args: DaxArgs,
  calculate: (a) => {
    const run = runDaxHitRatio({ everySeconds: a.everySeconds, ttlSeconds: a.ttlSeconds });
    const hitRatio = run.hits / run.reads;
    const saving = calculateDaxSaving({
      nodeType: a.nodeType as DaxNodeType,
      nodes: a.nodes,
      readsPerSecond: a.readsPerSecond,
      readItemBytes: 4096,
      hitRatio,
      tableMode: 'on-demand',
      targetUtilisation: 1,
      tableClass: 'standard',
    });
    return {
      value: saving.calculation.value,
      unit: saving.calculation.unit,
      steps: [
        {
          label: stepLabel('hit-ratio', { every: fmt(a.everySeconds), ttl: fmt(a.ttlSeconds) }),
          formula: `${fmt(run.hits)} hits / ${fmt(run.reads)} reads`,
          value: `${fmt(Math.round(hitRatio * 10_000) / 100)}%`,
        },
        ...saving.calculation.steps,
      ],
    };
  },
  misconceptions: [
    {
      id: 'every-read-after-the-first-hits',
      topic: 'dax-bill',
      compute: (a) => unlessKey(daxBill(a, 1).net, daxBill(a, measuredRatio(a)).net, DAX_TOLERANCE),
    },
    {
      id: 'strong-read-units',
      topic: 'dax-bill',
      compute: (a) => {
        const bill = daxBill(a, measuredRatio(a));
        return unlessKey(cents(2 * bill.saving - bill.cluster), bill.net, DAX_TOLERANCE);
      },
    },
    {
      id: 'forgot-the-nodes',
      topic: 'dax-bill',
      compute: (a) => {
        const bill = daxBill(a, measuredRatio(a));
        return unlessKey(cents(bill.saving), bill.net, DAX_TOLERANCE);
      },
    },
  ],
};

/** The calculators above, for simulationCalculators (app/grading/simulation.ts). */
export const simulatedRunCalculators: readonly Calculator<unknown>[] = [
  simulatedOnDemandSpike,
  simulatedHotKeyWrites,
  simulatedGsiThrottle,
  simulatedDaxSaving,
] as unknown as readonly Calculator<unknown>[];

// ------------------------------------------------------------------ keys of choice families

/**
 * A provisioned table switched to on-demand, then sent `spike` WCU a second for three seconds
 * (spread over many keys): the units refused. A table switched to on-demand serves at once what a
 * new on-demand table does (AWS: its previous peak is the larger of half its highest provisioned
 * WCU and a new table's), so a spike up to 4,000 WRU a second is served.
 */
export const runSwitchToOnDemand = cached((a: { provisioned: number; spike: number }): { throttled: number } => {
  const sim = throughputSim(400);
  sim.execute('CreateTable', {
    TableName: TABLE,
    KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: a.provisioned },
  });
  sim.execute('UpdateTable', { TableName: TABLE, BillingMode: 'PAY_PER_REQUEST' });
  let throttled = 0;
  const requests = Math.ceil(a.spike / ON_DEMAND_CHUNK);
  for (let second = 1; second <= 3; second++) {
    for (let i = 0; i < requests; i++) {
      sim.advanceTo(second * 1000 + Math.floor((i * 1000) / requests));
      const units = Math.min(ON_DEMAND_CHUNK, a.spike - i * ON_DEMAND_CHUNK);
      if (!put(sim, itemOf(units, `k${second}-${i}`))) throttled += units;
    }
  }
  return { throttled };
});

/** What a deriver needs of the bank's types, without importing the bank at run time. */
interface SimDeriver {
  readonly name: string;
  readonly description: string;
  readonly outputs: readonly string[];
  derive(params: Readonly<Record<string, string | number | boolean>>): Record<string, string | number | boolean>;
}

function numberParam(params: Readonly<Record<string, string | number | boolean>>, name: string): number {
  const value = params[name];
  if (typeof value !== 'number') throw new RangeError(`Parameter ${name} must be a number, not ${String(value)}`);
  return value;
}

/**
 * Keys of choice families read off simulated runs, registered in app/bank/derivers.ts.
 * `simulatedBurstPlan`: a provisioned table at `provisioned` WCU, steady at `consumed` for five
 * minutes, then `spike` WCU for `duration` seconds. Keeping the table serves the spike when the
 * burst bank lasts the whole spike in the run (simulateBurst); auto scaling reacts in minutes,
 * so during a spike of a few minutes it is the same table; switching to on-demand serves it when
 * the on-demand run refuses nothing. `best` is keep, or else on-demand.
 */
export function simulationDerivers(simulateBurst: (a: { provisioned: number; consumedBefore: number; spike: number }) => { seconds: number }): SimDeriver[] {
  return [
    {
      name: 'simulatedBurstPlan',
      description:
        'Whether keeping a provisioned table (burst capacity), auto scaling or on-demand serves a write spike, read off simulated runs: reads provisioned, consumed, spike (WCU), duration (s); outputs best (keep or on-demand) and burst_seconds',
      outputs: ['best', 'burst_seconds'],
      derive(params) {
        const provisioned = numberParam(params, 'provisioned');
        const consumed = numberParam(params, 'consumed');
        const spike = numberParam(params, 'spike');
        const duration = numberParam(params, 'duration');
        const burst = simulateBurst({ provisioned, consumedBefore: consumed, spike });
        const onDemand = runSwitchToOnDemand({ provisioned, spike });
        // A spike on-demand cannot take at once has no answer among keep, auto scaling and on-demand.
        if (onDemand.throttled > 0) throw new RangeError(`simulatedBurstPlan: on-demand throttles a spike of ${spike} WCU; keep spikes within 4,000`);
        return { best: burst.seconds >= duration ? 'keep' : 'on-demand', burst_seconds: burst.seconds };
      },
    },
  ];
}
