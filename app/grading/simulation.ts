/**
 * Grading with the simulation (issue 13): a request scenario's `simulation:` block runs the
 * learner's calls inside a scripted run (the application's own calls, waits, a DAX cluster) on
 * engine/sim over a few seeded runs, so a check can say "never stale over 12 runs", "no request
 * throttled" or "cache hit ratio at least 0.6". Each run's seed is fixed by the spec, so a grade
 * is the same every time it is computed. One run, the first that failed or else the first, is
 * kept in the grade's details for the picture on the result page (app/views/sim-chart.tsx).
 */
import { z } from 'zod';
import {
  BURST_RULE,
  burstRunCalculation,
  burstSecondsUnder,
  DaxCluster,
  NO_LAG,
  Simulation,
  type Database,
  type Item,
  type LagDistribution,
} from '../../engine/index.ts';
import type { Calculator } from '../bank/calculator.ts';
import type { Check } from '../bank/types.ts';
import { readCalls, type ApiCall } from './request-input.ts';
import { simulatedRunCalculators, simulationDerivers } from './sim-calculators.ts';

const LagSchema = z.union([
  z.strictObject({ kind: z.literal('fixed'), ms: z.number().nonnegative() }),
  z.strictObject({ kind: z.literal('uniform'), minMs: z.number().nonnegative(), maxMs: z.number().nonnegative() }),
  z.strictObject({ kind: z.literal('exponential'), meanMs: z.number().positive(), maxMs: z.number().positive() }),
]);

/** One step of a run: the application's calls, a pause of virtual time, or the learner's answer. */
const StepSchema = z.union([
  z.literal('answer'),
  z.strictObject({ app: z.unknown() }),
  // Milliseconds; a string is a placeholder ("{{ttl}}000") that fills to digits.
  z.strictObject({ wait: z.union([z.number().nonnegative().max(3_600_000), z.string().regex(/^(\d+|.*\{\{.*)$/, 'wait is milliseconds')]) }),
]);

export const SimulationSpecSchema = z
  .strictObject({
    /** Seeded runs; their seeds are seed, seed + 1, ... so a grade never changes. */
    runs: z.number().int().min(1).max(100).default(12),
    seed: z.number().int().nonnegative().default(1),
    replicationLag: LagSchema.optional(),
    indexLag: LagSchema.optional(),
    /** A table that has been idle for five minutes starts with a full burst bucket. */
    burstAtStart: z.enum(['empty', 'full']).optional(),
    /** The steps of one cycle, run `repeat` times, `everyMs` apart. */
    steps: z.array(StepSchema).min(1),
    repeat: z.number().int().min(1).max(50).default(1),
    everyMs: z.number().nonnegative().default(1000),
    /** Send the application's and the learner's calls through a DAX cluster. */
    dax: z.strictObject({ itemTtlMs: z.number().positive().optional(), queryTtlMs: z.number().positive().optional() }).optional(),
    checks: z
      .strictObject({
        /** No read of the learner's returned other than what the table holds (leader) at that moment, in any run. */
        fresh: z.literal(true).optional(),
        /** At most this many of the learner's calls throttled in any run. */
        throttled: z.number().int().nonnegative().optional(),
        /** DAX hits over DAX reads of the learner's calls, over all runs, at least this. */
        cacheHitRatio: z.number().min(0).max(1).optional(),
      })
      .refine((c) => Object.keys(c).length > 0, 'name at least one simulation check'),
  })
  .refine((s) => s.steps.filter((step) => step === 'answer').length === 1, { message: 'steps must hold "answer" exactly once', path: ['steps'] });
export type SimulationSpec = z.infer<typeof SimulationSpecSchema>;

/** The ids of the simulation checks a block turns on, as gradeRequest reports them. */
export const SIMULATION_CHECK_IDS = ['sim-fresh', 'sim-throttled', 'sim-cache'] as const;

export function simulationCheckLabels(spec: SimulationSpec): [string, string][] {
  const c = spec.checks;
  const labels: [string, string][] = [];
  if (c.fresh) labels.push(['sim-fresh', `Never returns stale data over ${spec.runs} simulated runs`]);
  if (c.throttled !== undefined)
    labels.push([
      'sim-throttled',
      c.throttled === 0 ? 'No request throttled in the simulated runs' : `At most ${c.throttled} requests throttled in a simulated run`,
    ]);
  if (c.cacheHitRatio !== undefined) labels.push(['sim-cache', `DAX cache hit ratio of at least ${c.cacheHitRatio}`]);
  return labels;
}

/** One request of the shown run, as the picture draws it. */
export interface SimEvent {
  readonly at: number;
  readonly who: 'app' | 'answer';
  readonly action: string;
  readonly partition?: number;
  readonly consistent?: boolean;
  readonly stale?: boolean;
  readonly throttled?: boolean;
  readonly cache?: 'hit' | 'miss';
  readonly units?: number;
}

/** What the result page needs to draw a run without running it again: stored with the grade. */
export interface SimRunPicture {
  readonly seed: number;
  readonly table: string;
  readonly partitions: number;
  readonly events: readonly SimEvent[];
  /** Per second and partition: units consumed and the partition's provisioned share (null on demand). */
  readonly capacity: readonly {
    readonly second: number;
    readonly partition: number;
    readonly kind: 'read' | 'write';
    readonly consumed: number;
    readonly share: number | null;
    readonly burst: number | null;
  }[];
}

export interface SimulationSummary {
  readonly runs: number;
  readonly staleRuns: number;
  readonly staleReads: number;
  readonly reads: number;
  readonly maxThrottled: number;
  readonly cacheHits: number;
  readonly cacheReads: number;
  readonly picture: SimRunPicture;
}

const READS = new Set(['GetItem', 'Query', 'Scan']);

function parseCalls(value: unknown, where: string): ApiCall[] {
  const parsed = readCalls(value);
  if (!parsed.ok) throw new Error(`simulation ${where} is malformed: ${parsed.message}`);
  return [...parsed.calls];
}

const itemsOf = (response: Record<string, unknown>): Item[] => (response.Item ? [response.Item as Item] : ((response.Items as Item[] | undefined) ?? []));

/** What the table (the leader, every write applied) returns for the same read now: the fresh answer. */
function freshItems(database: Database, call: ApiCall): string {
  const copy = database.clone();
  return JSON.stringify(itemsOf(copy.execute(call.action, call.params) as Record<string, unknown>));
}

interface RunResult {
  readonly stale: number;
  readonly reads: number;
  readonly throttled: number;
  readonly hits: number;
  readonly cacheReads: number;
  readonly picture: SimRunPicture;
}

/** One seeded run of the scripted steps with the learner's calls in place of "answer". */
function runOnce(spec: SimulationSpec, base: Database, tableName: string, answer: readonly ApiCall[], seed: number): RunResult {
  const sim = new Simulation({
    seed,
    database: base,
    ...(spec.replicationLag ? { replicationLag: spec.replicationLag as LagDistribution } : {}),
    ...(spec.indexLag ? { indexLag: spec.indexLag as LagDistribution } : {}),
    ...(spec.burstAtStart ? { burstAtStart: spec.burstAtStart } : {}),
  });
  const dax = spec.dax
    ? new DaxCluster(sim, {
        ...(spec.dax.itemTtlMs ? { itemTtlMs: spec.dax.itemTtlMs } : {}),
        ...(spec.dax.queryTtlMs ? { queryTtlMs: spec.dax.queryTtlMs } : {}),
      })
    : undefined;
  const events: SimEvent[] = [];
  let stale = 0;
  let reads = 0;
  let throttled = 0;
  let hits = 0;
  let cacheReads = 0;
  const send = (call: ApiCall, who: 'app' | 'answer'): void => {
    const timelineBefore = sim.timeline.length;
    const statsBefore = dax?.stats();
    const isRead = READS.has(call.action);
    // The fresh answer is taken before the read, at the same virtual instant.
    const fresh = who === 'answer' && isRead ? freshItems(sim.database, call) : undefined;
    let response: Record<string, unknown> | undefined;
    let wasThrottled = false;
    try {
      response = (dax ?? sim).execute(call.action, call.params) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof Error && error.name === 'ProvisionedThroughputExceededException') wasThrottled = true;
      else if (who === 'app')
        throw new Error(`The scenario's own ${call.action} fails in the simulation: ${error instanceof Error ? error.message : String(error)}`);
    }
    const simEvent = sim.timeline.length > timelineBefore ? sim.timeline[sim.timeline.length - 1] : undefined;
    let cache: 'hit' | 'miss' | undefined;
    if (dax && statsBefore && isRead && call.params.ConsistentRead !== true) {
      const after = dax.stats();
      const hit = after.itemHits + after.queryHits > statsBefore.itemHits + statsBefore.queryHits;
      cache = hit ? 'hit' : 'miss';
      if (who === 'answer') {
        cacheReads++;
        if (hit) hits++;
      }
    }
    const isStale = fresh !== undefined && response !== undefined && JSON.stringify(itemsOf(response)) !== fresh;
    if (who === 'answer') {
      if (isRead && response) reads++;
      if (isStale) stale++;
      if (wasThrottled) throttled++;
    }
    events.push({
      at: sim.now,
      who,
      action: call.action,
      ...(simEvent?.partition !== undefined ? { partition: simEvent.partition } : {}),
      ...(isRead ? { consistent: call.params.ConsistentRead === true } : {}),
      ...(isStale ? { stale: true } : {}),
      ...(wasThrottled ? { throttled: true } : {}),
      ...(cache ? { cache } : {}),
      ...(cache !== 'hit' && simEvent?.units !== undefined ? { units: simEvent.units } : {}),
    });
  };
  for (let cycle = 0; cycle < spec.repeat; cycle++) {
    sim.advanceTo(cycle * spec.everyMs);
    for (const step of spec.steps) {
      if (step === 'answer') for (const call of answer) send(call, 'answer');
      else if ('wait' in step) sim.advance(Number(step.wait));
      else for (const call of parseCalls(step.app, 'steps[].app')) send(call, 'app');
    }
  }
  return {
    stale,
    reads,
    throttled,
    hits,
    cacheReads,
    picture: { seed, table: tableName, partitions: Math.max(1, sim.partitions(tableName)), events, capacity: capacityOf(sim, tableName) },
  };
}

/** Units consumed per second and partition against each partition's share, for the picture. */
function capacityOf(sim: Simulation, table: string): SimRunPicture['capacity'] {
  const rows: { second: number; partition: number; kind: 'read' | 'write'; consumed: number; share: number | null; burst: number | null }[] = [];
  const partitions = Math.max(1, sim.partitions(table));
  for (const kind of ['read', 'write'] as const) {
    const pool = sim.pool(table, kind);
    // On demand there is no provisioned share to draw against (the pool's limit is a scaling ceiling).
    const onDemand = sim.database.findTable(table)?.definition.billingMode === 'PAY_PER_REQUEST';
    const share = pool && !onDemand && Number.isFinite(pool.share()) ? pool.share() : null;
    for (let partition = 0; partition < partitions; partition++) {
      const metric = kind === 'read' ? 'ConsumedReadCapacityUnits' : 'ConsumedWriteCapacityUnits';
      for (const point of sim.metrics.get(metric, { table, partition })) {
        rows.push({
          second: point.second,
          partition,
          kind,
          consumed: round(point.value),
          share: share === null ? null : round(share),
          burst: pool && share !== null ? round(pool.burst(partition)) : null,
        });
      }
    }
  }
  return rows;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Runs the learner's calls through every seeded run of the block and sums what the checks need. */
export function simulateAnswer(spec: SimulationSpec, base: Database, tableName: string, answer: readonly ApiCall[]): SimulationSummary {
  let staleRuns = 0;
  let staleReads = 0;
  let reads = 0;
  let maxThrottled = 0;
  let cacheHits = 0;
  let cacheReads = 0;
  let shown: SimRunPicture | undefined;
  for (let i = 0; i < spec.runs; i++) {
    const run = runOnce(spec, base, tableName, answer, spec.seed + i);
    const failed = run.stale > 0 || (spec.checks.throttled !== undefined && run.throttled > spec.checks.throttled);
    if (run.stale > 0) staleRuns++;
    staleReads += run.stale;
    reads += run.reads;
    maxThrottled = Math.max(maxThrottled, run.throttled);
    cacheHits += run.hits;
    cacheReads += run.cacheReads;
    // The first failing run is the one worth drawing; the first run when none fails.
    if (shown === undefined || (failed && shown.seed === spec.seed && !pictureFailed(shown))) shown = run.picture;
  }
  return { runs: spec.runs, staleRuns, staleReads, reads, maxThrottled, cacheHits, cacheReads, picture: shown! };
}

const pictureFailed = (p: SimRunPicture): boolean => p.events.some((e) => e.who === 'answer' && (e.stale || e.throttled));

/** The checks of a simulation block, scored from a summary. */
export function simulationChecks(spec: SimulationSpec, summary: SimulationSummary): Omit<Check, 'weight'>[] {
  const c = spec.checks;
  const checks: Omit<Check, 'weight'>[] = [];
  const labels = new Map(simulationCheckLabels(spec));
  if (c.fresh) {
    const passed = summary.staleRuns === 0;
    checks.push({
      id: 'sim-fresh',
      label: labels.get('sim-fresh')!,
      passed,
      detail: passed
        ? `${summary.reads} reads over ${summary.runs} seeded runs, none stale.`
        : `${summary.staleReads} of ${summary.reads} reads returned data older than the table held, in ${summary.staleRuns} of ${summary.runs} seeded runs (run ${summary.picture.seed} is drawn below).`,
    });
  }
  if (c.throttled !== undefined) {
    const passed = summary.maxThrottled <= c.throttled;
    checks.push({
      id: 'sim-throttled',
      label: labels.get('sim-throttled')!,
      passed,
      detail: `At most ${summary.maxThrottled} of your requests throttled in one run (allowed: ${c.throttled}).`,
    });
  }
  if (c.cacheHitRatio !== undefined) {
    const ratio = summary.cacheReads === 0 ? 0 : summary.cacheHits / summary.cacheReads;
    const passed = summary.cacheReads > 0 && ratio >= c.cacheHitRatio - 1e-9;
    checks.push({
      id: 'sim-cache',
      label: labels.get('sim-cache')!,
      passed,
      detail:
        summary.cacheReads === 0
          ? 'None of your reads went through the DAX cache (a strongly consistent read passes through it).'
          : `${summary.cacheHits} of ${summary.cacheReads} reads were cache hits (${round(ratio)}).`,
    });
  }
  return checks;
}

// ------------------------------------------------------------------ numbers read off a run

/** Units the scaled table is provisioned with: small enough that a run is a few hundred small writes. */
const BURST_SCALE_UNITS = 10;
const isWhole = (n: number): boolean => Math.abs(n - Math.round(n)) < 1e-6;
const burstCache = new Map<string, { seconds: number; bank: number }>();

/**
 * Seconds a write spike is served before the first throttle, read off a simulated run: a
 * provisioned table written at `consumedBefore` for 300 s, then at `spike` each second until a
 * write is refused. The run is at a scale where the table has 10 WCU (consumption and spike
 * scaled alike): the bank and the drain scale together, so the seconds are the same, and a run
 * stays a few hundred small writes. Runs are cached by their scaled figures.
 */
export function simulateBurst(args: { provisioned: number; consumedBefore: number; spike: number }): { seconds: number; bank: number; scale: number } {
  const scale = BURST_SCALE_UNITS / args.provisioned;
  // Rounded: 700 × 0.2 arrives as 140.00000000000003.
  const consumed = Math.round(args.consumedBefore * scale);
  const spike = Math.round(args.spike * scale);
  if (!isWhole(args.consumedBefore * scale) || !isWhole(args.spike * scale)) {
    throw new Error(`simulateBurst: consumedBefore and spike must be whole multiples of provisioned / ${BURST_SCALE_UNITS}`);
  }
  const key = `${consumed}/${spike}`;
  const cached = burstCache.get(key);
  if (cached) return { ...cached, scale };
  const sim = new Simulation({ seed: 1, recordTimeline: false });
  const table = 'BurstTable';
  sim.execute('CreateTable', {
    TableName: table,
    KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: BURST_SCALE_UNITS },
  });
  // An item of n write units: 1 KB each, less the key and attribute name bytes.
  const itemOf = (units: number, id: string) => ({ k: { S: id }, d: { S: 'x'.repeat(units * 1024 - 1 - id.length - 8) } });
  const put = (units: number, id: string) => sim.execute('PutItem', { TableName: table, Item: itemOf(units, id) });
  for (let s = 0; s < 300; s++) {
    sim.advanceTo(s * 1000);
    if (consumed > 0) put(consumed, 'steady');
  }
  sim.advanceTo(300_000);
  const bank = sim.pool(table, 'write')!.burst(0);
  // The spike in two writes a second (half each, the rest in the second), so a refusal lands within the second.
  const first = Math.ceil(spike / 2);
  let seconds = 0;
  for (; seconds < 100_000; seconds++) {
    sim.advanceTo(300_000 + seconds * 1000);
    try {
      put(first, 'a');
      if (spike - first > 0) put(spike - first, 'b');
    } catch (error) {
      if (error instanceof Error && error.name === 'ProvisionedThroughputExceededException') break;
      throw error;
    }
  }
  const result = { seconds, bank };
  burstCache.set(key, result);
  return { ...result, scale };
}

/** What simulateBurst's run shows, in the question's units: the bank it held and the seconds it served. */
function readBurstRun(a: { provisioned: number; consumedBefore: number; spike: number }): { bankUnits: number; seconds: number } {
  const run = simulateBurst(a);
  return { bankUnits: run.bank / run.scale, seconds: run.seconds };
}

/** The seconds of a burst, read off simulateBurst's run, with the working a learner can follow. */
const simulatedBurstSeconds: Calculator<{ provisioned: number; consumedBefore: number; spike: number }> = {
  name: 'simulatedBurstSeconds',
  description:
    'Seconds a write spike above provisioned WCU is served before the first throttle, read off a simulated run (300 s at consumedBefore, then the spike): args { provisioned, consumedBefore, spike }',
  args: z
    .strictObject({ provisioned: z.number().int().positive(), consumedBefore: z.number().nonnegative(), spike: z.number().positive() })
    .refine((a) => a.consumedBefore < a.provisioned && a.spike > a.provisioned, 'needs consumedBefore < provisioned < spike')
    .refine((a) => isWhole((a.consumedBefore * BURST_SCALE_UNITS) / a.provisioned) && isWhole((a.spike * BURST_SCALE_UNITS) / a.provisioned), {
      message: `consumedBefore and spike must be whole tenths of provisioned (the run is scaled to ${BURST_SCALE_UNITS} WCU)`,
    }),
  calculate: (a) => burstRunCalculation({ ...a, ...readBurstRun(a), unit: 'WCU' }),
  misconceptions: [
    {
      id: 'whole-spike-from-bank',
      topic: 'burst',
      compute: (a) => burstSecondsUnder(a, { ...BURST_RULE, drawn: 'whole-spike' }),
    },
    {
      id: 'always-300',
      topic: 'simulated-burst',
      compute: () => BURST_RULE.windowSeconds,
    },
    {
      id: 'banked-full-provisioned',
      topic: 'burst',
      compute: (a) => (a.consumedBefore === 0 ? Number.NaN : burstSecondsUnder(a, { ...BURST_RULE, banked: 'provisioned' })),
    },
  ],
};

/**
 * Calculators whose figure is read off a simulated run rather than a formula (issue 13), for
 * numeric families in content/sim/. Registered in app/bank/calculators.ts. (The cast is what
 * the bank's defineCalculator does; graders import nothing from the bank at run time.)
 */
export const simulationCalculators: readonly Calculator<unknown>[] = [simulatedBurstSeconds as unknown as Calculator<unknown>, ...simulatedRunCalculators];

/** Derivers whose keys are read off simulated runs (issue 13), registered in app/bank/derivers.ts. */
export const SIMULATION_DERIVERS = simulationDerivers(simulateBurst);

// ------------------------------------------------------------------ designs under load

export const DesignSimulationSpecSchema = z.strictObject({
  /** Simulated seconds of the workload. */
  seconds: z.number().int().min(1).max(10).default(3),
  seed: z.number().int().nonnegative().default(1),
  /** Writes per second in the run; the spec's writesPerSecond when absent. */
  writesPerSecond: z.number().positive().max(5_000).optional(),
  burstAtStart: z.enum(['empty', 'full']).optional(),
});
export type DesignSimulationSpec = z.infer<typeof DesignSimulationSpecSchema>;

/** What one design's workload met in the simulation: requests and throttles per access pattern, and for the writes. */
export interface DesignLoadOutcome {
  readonly seconds: number;
  readonly partitions: number;
  readonly writes: { readonly sent: number; readonly throttled: number };
  readonly patterns: readonly { readonly name: string; readonly sent: number; readonly throttled: number }[];
  /** The busiest partition's write units in its busiest second, against the table's rate. */
  readonly hottest: { readonly partition: number; readonly units: number; readonly tableUnits: number };
}

/**
 * The design's workload through the simulation: each second, the scenario's writes (the data's
 * items written again in turn, so writes land on the keys the learner's schema gives them) and
 * each answered pattern's request at its rate, interleaved. A design that puts the writes on one
 * partition key meets the 1,000 WCU partition maximum while the table still has capacity to spare.
 */
export function simulateDesignLoad(
  spec: DesignSimulationSpec,
  database: Database,
  tableName: string,
  items: readonly Item[],
  writesPerSecond: number,
  patterns: readonly { name: string; perSecond: number; request?: { action: string; params: Record<string, unknown> } }[],
): DesignLoadOutcome {
  // Throughput only: no replication lag, so no copies to keep behind (a third of the run's cost).
  const sim = new Simulation({
    seed: spec.seed,
    database,
    recordTimeline: false,
    replicationLag: NO_LAG,
    indexLag: NO_LAG,
    ...(spec.burstAtStart ? { burstAtStart: spec.burstAtStart } : {}),
  });
  const writes = { sent: 0, throttled: 0 };
  const counts = patterns.map((p) => ({ name: p.name, sent: 0, throttled: 0 }));
  const rate = spec.writesPerSecond ?? writesPerSecond;
  let next = 0;
  const send = (action: string, params: Record<string, unknown>, tally: { sent: number; throttled: number }) => {
    tally.sent++;
    try {
      sim.execute(action, params);
    } catch (error) {
      if (error instanceof Error && error.name === 'ProvisionedThroughputExceededException') tally.throttled++;
      else throw error;
    }
  };
  for (let second = 0; second < spec.seconds; second++) {
    // The second's requests as one queue, writes and reads evenly mixed, spread over the second.
    const queue: (() => void)[] = [];
    for (let i = 0; i < Math.round(rate) && items.length > 0; i++) {
      const item = items[next++ % items.length]!;
      queue.push(() => send('PutItem', { TableName: tableName, Item: item }, writes));
    }
    patterns.forEach((p, i) => {
      const request = p.request;
      if (!request) return;
      const every = Math.max(1, Math.floor(queue.length / Math.max(1, Math.round(p.perSecond))));
      for (let n = 0; n < Math.round(p.perSecond); n++)
        queue.splice(Math.min(queue.length, n * every + n), 0, () => send(request.action, request.params, counts[i]!));
    });
    queue.forEach((run, i) => {
      sim.advanceTo(second * 1000 + Math.floor((i * 1000) / Math.max(1, queue.length)));
      run();
    });
  }
  const partitions = Math.max(1, sim.partitions(tableName));
  let hottest = { partition: 0, units: 0 };
  for (let partition = 0; partition < partitions; partition++) {
    for (const point of sim.metrics.get('ConsumedWriteCapacityUnits', { table: tableName, partition })) {
      if (point.value > hottest.units) hottest = { partition, units: round(point.value) };
    }
  }
  const tableUnits = sim.pool(tableName, 'write')?.limit() ?? 0;
  return {
    seconds: spec.seconds,
    partitions,
    writes,
    patterns: counts,
    hottest: { ...hottest, tableUnits: Number.isFinite(tableUnits) ? round(tableUnits) : 0 },
  };
}
