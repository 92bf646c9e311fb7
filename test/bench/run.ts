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

function format(n: number | undefined): string {
  if (n === undefined) return '—';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function printTable(rows: readonly BenchRow[]): void {
  const lines = [['group', 'benchmark', 'ours ops/s', 'dynalite ops/s', 'ours / dynalite']];
  for (const row of rows) {
    lines.push([
      row.group,
      row.name,
      format(row.ours),
      format(row.reference),
      row.reference ? `${(row.ours / row.reference).toFixed(1)}x` : '—',
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
