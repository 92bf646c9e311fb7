/**
 * Hands-on grading: grades per second, median and 99th-percentile latency, for a request
 * scenario (a Query with hidden items, order and capacity checks) and a design scenario
 * (CreateTable, data load, pattern search, cost). "grader" times the grader alone on a built
 * variant, as a page pays after the variant is generated; "bank.grade" adds generating the
 * variant from its seed (markdown rendering included). Goal for request grading: median under
 * 2 ms and p99 under 10 ms.
 */
import { join } from 'node:path';
import { loadBank } from '../../app/bank/index.ts';
import { gradeHandsOn, wrongAnswers, type HandsOnKey } from '../../app/grading/hands-on.ts';
import type { BenchRow } from './run.ts';

const SEEDS = 50;
const ROUNDS = 2_000;

interface Latency {
  readonly perSecond: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  /** The same percentile in CPU time of this process: without the time other processes took the core. */
  readonly cpuP99Ms: number;
}

/** Times each call; the first tenth of the rounds warms caches and the JIT and is not counted. */
export function measureLatency(op: (i: number) => unknown, rounds = ROUNDS): Latency {
  const warm = Math.ceil(rounds / 10);
  for (let i = 0; i < warm; i++) op(i);
  const times: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  for (let i = 0; i < rounds; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    op(i);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const p99 = Math.floor(rounds * 0.99);
  return { perSecond: (rounds * 1000) / total, medianMs: times[Math.floor(rounds / 2)]!, p99Ms: times[p99]!, cpuP99Ms: cpu[p99]! };
}

const label = (name: string, l: Latency): string =>
  `${name} (median ${l.medianMs.toFixed(2)} ms, p99 ${l.p99Ms.toFixed(2)} ms, p99 CPU ${l.cpuP99Ms.toFixed(2)} ms)`;

export async function benchmarks(): Promise<BenchRow[]> {
  const bank = loadBank(join(process.cwd(), 'content'));
  const rows: BenchRow[] = [];
  for (const [kind, id] of [
    ['request', 'keys.request-orders-date-range'],
    ['request', 'serverless.request-visitor-counter'],
    ['design', 'index.design-orders'],
  ] as const) {
    const variants = Array.from({ length: SEEDS }, (_, seed) => {
      const instance = bank.instance(id, seed);
      const key = instance.key as HandsOnKey;
      const reference = bank.referenceAnswer(id, seed) as { json: string };
      return { seed, key, answers: [reference.json, ...wrongAnswers(key).map((w) => w.json)], context: { explanationHtml: '', references: [] } };
    });
    const grader = measureLatency((i) => {
      const v = variants[i % SEEDS]!;
      return gradeHandsOn(v.key, v.answers[i % v.answers.length]!, v.context);
    });
    const whole = measureLatency((i) => {
      const v = variants[i % SEEDS]!;
      return bank.grade(id, v.seed, { kind, json: v.answers[i % v.answers.length]! });
    }, 500);
    rows.push({ group: 'grading', name: label(`${id} grader`, grader), ours: grader.perSecond });
    if (kind === 'design') {
      // A design never graded before: CreateTable, loading the data and the search, uncached.
      const cold = measureLatency((i) => {
        const v = variants[i % SEEDS]!;
        const design = { ...(JSON.parse(v.answers[0]!) as Record<string, unknown>), TableName: `Orders-${i}` };
        return gradeHandsOn(v.key, JSON.stringify(design), v.context);
      }, 500);
      rows.push({ group: 'grading', name: label(`${id} grader, new design each time`, cold), ours: cold.perSecond });
    }
    rows.push({ group: 'grading', name: label(`${id} bank.grade`, whole), ours: whole.perSecond });
  }
  return rows;
}
