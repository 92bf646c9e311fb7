/**
 * Start-up: milliseconds from spawning the server to its first question page, as `npm start`
 * runs it (the compiled bundle, the bank cache warm), as tsx runs it (`npm run dev`'s way), and
 * with 1,000+ scenarios (copies of content/ under ids of their own in a temporary directory).
 * Each round starts every variant once, in turn, beside the floor: a bare node:http server
 * spawned the same way. Rows give starts per second and the floor's; the name has the median ms.
 *
 * BENCH_ONLY=startup; BENCH_ROUNDS (3); BENCH_COPIES of content/ for the large bank (7).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listScenarioFiles } from '../../app/bank/index.ts';
import { type BenchRow, median } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COPIES = Number(process.env.BENCH_COPIES ?? 7);
const ROOT = join(import.meta.dirname, '..', '..');

/** content/ with COPIES - 1 more copies of every scenario, each under `<id>-copyN`. */
function largeContent(dir: string): { contentDir: string; scenarios: number } {
  const source = join(ROOT, 'content');
  const contentDir = join(dir, 'content');
  cpSync(source, contentDir, { recursive: true });
  const files = listScenarioFiles(source);
  for (let copy = 2; copy <= COPIES; copy++) {
    for (const file of files) {
      const target = join(contentDir, relative(source, file)).replace(/\.md$/, `-copy${copy}.md`);
      writeFileSync(target, readFileSync(file, 'utf8').replace(/^id: (.*)$/m, `id: $1-copy${copy}`));
    }
  }
  return { contentDir, scenarios: files.length * COPIES };
}

/** Spawns `args` and resolves with the ms until GET `path` answers 200. */
async function timeToFirstPage(args: readonly string[], env: Record<string, string>, path: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${output}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const listening = /Listening on (http:\/\/\S+)/.exec(output)?.[1];
        if (listening) resolve(listening);
      });
    });
    const response = await fetch(`${url}${path}`);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.text();
    return performance.now() - started;
  } finally {
    child.removeAllListeners('exit');
    child.kill();
  }
}

const FLOOR = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log('Listening on http://127.0.0.1:' + this.address().port); });`;

export async function benchmarks(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dynamodb-study-startup-'));
  try {
    const large = largeContent(dir);
    mkdirSync(join(dir, 'db'));
    const path = '/q/math.query-read-units/5';
    let n = 0;
    const db = () => ({ DATABASE_PATH: join(dir, 'db', `app-${n++}.db`) });
    const variants: Array<{ name: string; args: string[]; env: () => Record<string, string> }> = [
      { name: 'npm start (compiled, bank cache warm), content/', args: ['scripts/start.mjs'], env: db },
      { name: 'tsx app/main.ts (bank cache warm), content/', args: ['--import', 'tsx', 'app/main.ts'], env: db },
      {
        name: `npm start, ${large.scenarios} scenarios (bank cache warm)`,
        args: ['scripts/start.mjs'],
        env: () => ({ ...db(), CONTENT_DIR: large.contentDir }),
      },
    ];
    // The first start builds the bundle and fills the caches: timed once, as a cold start.
    const cold = await timeToFirstPage(['scripts/start.mjs'], { ...db(), CONTENT_DIR: large.contentDir }, path);
    for (const v of variants) await timeToFirstPage(v.args, v.env(), path);
    const floors: number[] = [];
    const times = variants.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      floors.push(await timeToFirstPage(['-e', FLOOR], {}, '/'));
      for (const [i, v] of variants.entries()) times[i]!.push(await timeToFirstPage(v.args, v.env(), path));
    }
    const floor = median(floors);
    const rows: BenchRow[] = [
      { group: 'startup', name: `floor: bare node:http server, ${floor.toFixed(0)} ms (load average ${loadavg()[0]!.toFixed(1)})`, ours: 1000 / floor },
    ];
    for (const [i, v] of variants.entries()) {
      const ms = median(times[i]!);
      rows.push({
        group: 'startup',
        name: `${v.name}: ${ms.toFixed(0)} ms to the first page`,
        ours: 1000 / ms,
        reference: 1000 / floor,
        ratio: median(times[i]!.map((t, round) => floors[round]! / t)),
      });
    }
    rows.push({
      group: 'startup',
      name: `npm start, ${large.scenarios} scenarios, first start (every file parsed; the bundle built if a source changed): ${cold.toFixed(0)} ms`,
      ours: 1000 / cold,
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
