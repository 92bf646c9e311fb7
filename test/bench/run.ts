/**
 * `npm run bench`: runs every benchmark module in this folder (each file other than this one
 * that exports `benchmarks`) and prints operations per second, ours beside the reference.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  readonly group: string;
  readonly name: string;
  /** Operations per second, ours. */
  readonly ours: number;
  /** Operations per second of the reference implementation (dynalite), when it has the operation. */
  readonly reference?: number | undefined;
  /** Ours over the reference: the median of the ratios of rounds run back to back. */
  readonly ratio?: number | undefined;
  /** Server CPU microseconds per operation, ours and the reference's (median of rounds), when the servers run apart. */
  readonly serverUs?: number | undefined;
  readonly referenceServerUs?: number | undefined;
  /** The reference's server CPU per operation over ours: the median of the rounds' ratios. */
  readonly serverRatio?: number | undefined;
}

export interface BenchModule {
  readonly benchmarks: () => Promise<BenchRow[]>;
}

/** Runs `op` repeatedly until `maxOps` operations or `maxMs` milliseconds; returns ops per second. */
export async function measure(op: () => unknown, options: { maxOps: number; maxMs: number; concurrency?: number }): Promise<number> {
  const concurrency = options.concurrency ?? 1;
  const start = performance.now();
  let done = 0;
  const deadline = start + options.maxMs;
  const worker = async () => {
    while (done < options.maxOps && performance.now() < deadline) {
      done++;
      await op();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (done * 1000) / (performance.now() - start);
}

/** The same, for synchronous operations, without awaiting each one. */
export function measureSync(op: () => unknown, options: { maxOps: number; maxMs: number }): number {
  const start = performance.now();
  const deadline = start + options.maxMs;
  let done = 0;
  while (done < options.maxOps) {
    for (let i = 0; i < 100 && done < options.maxOps; i++, done++) op();
    if (performance.now() > deadline) break;
  }
  return (done * 1000) / (performance.now() - start);
}

/** Wall time that `ops` operations took, and the CPU time the server spent on them when it is known. */
export interface Timing {
  readonly ops: number;
  readonly wallMs: number;
  readonly serverCpuMs?: number | undefined;
}

/**
 * Runs exactly `ops` operations, `concurrency` in flight at a time. `serverCpuMs` reads the
 * CPU time of the process that serves them, if they are served elsewhere.
 */
export async function timeOperations(op: () => unknown, ops: number, concurrency = 1, serverCpuMs?: () => Promise<number>): Promise<Timing> {
  const cpuBefore = await serverCpuMs?.();
  const start = performance.now();
  let started = 0;
  const worker = async () => {
    while (started < ops) {
      started++;
      await op();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ops) }, worker));
  const wallMs = performance.now() - start;
  const cpuAfter = await serverCpuMs?.();
  return { ops, wallMs, serverCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Comparison {
  /** Median operations per second, ours and the reference's. */
  readonly ours: number;
  readonly reference: number;
  /** Median of the per-round ratios of wall time. */
  readonly ratio: number;
  /** Median server CPU microseconds per operation, and the median of the rounds' ratios (reference over ours). */
  readonly serverUs?: number | undefined;
  readonly referenceServerUs?: number | undefined;
  readonly serverRatio?: number | undefined;
}

/**
 * Ours against a reference on a shared machine: both warmed up, then `rounds` rounds of the same
 * number of operations each, the two run back to back in alternating order (ours first in even
 * rounds, the reference first in odd ones), so that a burst of load from elsewhere, a garbage
 * collection or JIT warm-up falls on both sides alike. Medians, not bests, so one lucky round
 * does not decide.
 */
export async function compareInterleaved(
  ours: () => unknown,
  reference: () => unknown,
  options: {
    readonly ops: number;
    readonly concurrency: number;
    readonly rounds: number;
    readonly warmUpOps: number;
    readonly serverCpuMs?: () => Promise<number>;
    /** The reference server's, when it runs in another process than ours. */
    readonly referenceCpuMs?: () => Promise<number>;
  },
): Promise<Comparison> {
  const { ops, concurrency, serverCpuMs } = options;
  const referenceCpuMs = options.referenceCpuMs ?? serverCpuMs;
  await timeOperations(ours, options.warmUpOps, concurrency);
  await timeOperations(reference, options.warmUpOps, concurrency);
  const o: Timing[] = [];
  const r: Timing[] = [];
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      o.push(await timeOperations(ours, ops, concurrency, serverCpuMs));
      r.push(await timeOperations(reference, ops, concurrency, referenceCpuMs));
    } else {
      r.push(await timeOperations(reference, ops, concurrency, referenceCpuMs));
      o.push(await timeOperations(ours, ops, concurrency, serverCpuMs));
    }
  }
  const perSecond = (t: Timing) => (t.ops * 1000) / t.wallMs;
  const comparison = {
    ours: median(o.map(perSecond)),
    reference: median(r.map(perSecond)),
    ratio: median(o.map((t, i) => r[i]!.wallMs / t.wallMs)),
  };
  if (!serverCpuMs) return comparison;
  const perOp = (t: Timing) => ((t.serverCpuMs ?? 0) * 1000) / t.ops;
  return {
    ...comparison,
    serverUs: median(o.map(perOp)),
    referenceServerUs: median(r.map(perOp)),
    serverRatio: median(o.map((t, i) => perOp(r[i]!) / perOp(t))),
  };
}

/** Median operations per second of `rounds` rounds of `ops` synchronous operations, after a warm-up round. */
export function measureSyncRounds(op: () => unknown, ops: number, rounds = 5): number {
  for (let i = 0; i < Math.min(ops, 1000); i++) op();
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < ops; i++) op();
    rates.push((ops * 1000) / (performance.now() - start));
  }
  return median(rates);
}

function format(n: number | undefined): string {
  if (n === undefined) return '—';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function printTable(rows: readonly BenchRow[]): void {
  // The reference is dynalite for the HTTP rows, the floor (a fixed string, a Map.get, a bare server) for the others: each row's name says which.
  const lines = [['group', 'benchmark', 'ours ops/s', 'reference ops/s', 'ours / reference', 'server µs/op ours', 'reference', 'server ratio']];
  const times = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(2)}x`);
  for (const row of rows) {
    lines.push([
      row.group,
      row.name,
      format(row.ours),
      format(row.reference),
      times(row.ratio ?? (row.reference ? row.ours / row.reference : undefined)),
      format(row.serverUs),
      format(row.referenceServerUs),
      times(row.serverRatio),
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const [i, line] of lines.entries()) {
    console.log(line.map((cell, j) => (j >= 2 ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

async function main(): Promise<void> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    // BENCH_ONLY=engine runs engine.ts alone.
    .filter((f) => !process.env.BENCH_ONLY || f === `${process.env.BENCH_ONLY}.ts`)
    .sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(`${dir}${file}`).href)) as Partial<BenchModule>;
    if (typeof module.benchmarks !== 'function') continue;
    console.error(`running ${file} ...`);
    rows.push(...(await module.benchmarks()));
  }
  printTable(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
