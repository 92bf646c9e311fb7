/**
 * The server under load, as `npm start` runs it (compiled, on a temporary SQLite file), driven
 * by wrk with 100 connections: question pages, the home, result and progress pages, and
 * recording answers. Each round measures the floor first (a fixed string through the same
 * middleware, /static/theme-switch.js) and then every page, so each row is printed beside the
 * floor of its own rounds: requests per second (median), the floor's, the ratio, and p99 in ms
 * in the name. Skipped, with a notice, where wrk is not installed (`apt-get install wrk`).
 *
 * A paced row offers question pages at BENCH_PACED_RATE (3,000 a second) and prints their p50 and
 * p99 beside the floor paced the same way: the latency of a busy server that keeps up.
 *
 * BENCH_ONLY=load; BENCH_ROUNDS (3), BENCH_SECONDS per run (5), BENCH_CONNECTIONS (100), BENCH_SERVER=tsx, BENCH_WORKERS (1), BENCH_PACED_RATE (3000).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBank } from '../../app/bank/index.ts';
import { type BenchRow, median } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
/** The server's WORKERS (app/cluster.ts). With more than one, the server µs column counts the primary only, so it is left out. */
const WORKERS = process.env.BENCH_WORKERS ?? '1';
const ROOT = join(import.meta.dirname, '..', '..');
/** Seeds per scenario in the rotating page row: within the server's variant cache (INSTANCE_CACHE_SIZE), as a learner's page, answer and result are. */
const SEEDS_PER_SCENARIO = 5;
const PROGRESS_ANSWERS = 500;

export interface WrkResult {
  readonly perSecond: number;
  /** Requests completed in the run. */
  readonly requests: number;
  /** The server's CPU microseconds per completed request, when its process is known (Linux /proc). */
  readonly serverUs?: number | undefined;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Requests that took over wrk's 2 s timeout, and responses that were not 2xx or 3xx. */
  readonly timeouts: number;
  readonly errors: number;
}

export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version.
    return (error as { status?: number }).status === 1;
  }
}

const toMs = (value: string, unit: string): number => Number(value) * (unit === 's' ? 1000 : unit === 'us' ? 0.001 : unit === 'm' ? 60_000 : 1);

export function parseWrk(output: string): WrkResult {
  const latency = (p: string): number => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return match ? toMs(match[1]!, match[2]!) : Number.NaN;
  };
  return {
    perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN),
    requests: Number(/(\d+) requests in/.exec(output)?.[1] ?? 0),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    timeouts: Number(/timeout (\d+)/.exec(output)?.[1] ?? 0),
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
  };
}

/** CPU time (user + system) of a process so far, in microseconds, from /proc; undefined elsewhere. */
export function cpuMicros(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

let serverPid: number | undefined;

/**
 * wrk for SECONDS against a URL; `script` is a Lua file that picks each request. With the
 * server's CPU per request beside the rate: on a machine shared with other work the rate swings
 * with the load, the CPU a request costs much less.
 */
function runWrk(url: string, script?: string): WrkResult {
  const before = cpuMicros(serverPid);
  const result = runWrkOnly(url, script);
  const after = cpuMicros(serverPid);
  return { ...result, serverUs: before === undefined || after === undefined || result.requests === 0 ? undefined : (after - before) / result.requests };
}

export function runWrkOnly(url: string, script?: string, connections = CONNECTIONS): WrkResult {
  const args = ['-t2', `-c${connections}`, `-d${SECONDS}s`, '--latency', ...(script ? ['-s', script] : []), url];
  const output = execFileSync('wrk', args, { encoding: 'utf8' });
  const result = parseWrk(output);
  if (Number.isNaN(result.perSecond)) throw new Error(`wrk printed no rate:\n${output}`);
  return result;
}

export interface Server {
  readonly url: string;
  readonly process: ChildProcess;
}

/** `npm start`'s command on a fresh database, answers unlimited so the answer row measures storing them. */
export function startServer(databasePath: string, env: Record<string, string> = {}): Promise<Server> {
  // BENCH_SERVER=tsx runs the TypeScript through tsx instead, as `npm start` did before the bundle.
  const args = process.env.BENCH_SERVER === 'tsx' ? ['--import', 'tsx', join(ROOT, 'app', 'main.ts')] : [join(ROOT, 'scripts', 'start.mjs')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATABASE_PATH: databasePath, RATE_LIMIT_ANSWERS_PER_MINUTE: '1000000', WORKERS: WORKERS, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        child.removeAllListeners('exit');
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ url, process: child });
      }
    });
  });
}

/**
 * The same-cost peer: a bare node:http server that spends `us` microseconds of CPU on each
 * request and answers `bytes` bytes, both from the query string. At 100 connections on 2 cores
 * a saturated single-threaded server's p99 is set by how its requests queue, not by what they
 * do; this peer, measured beside a row with that row's own CPU per request and body size, shows
 * the p99 any server with that cost has here.
 */
const SAME_COST_PEER = `
const bodies = new Map();
require('node:http').createServer((q, s) => {
  const u = new URL(q.url, 'http://x');
  const us = BigInt(Math.round(Number(u.searchParams.get('us')) * 1000));
  const bytes = Number(u.searchParams.get('bytes'));
  const t = process.hrtime.bigint();
  while (process.hrtime.bigint() - t < us);
  let body = bodies.get(bytes);
  if (!body) bodies.set(bytes, (body = Buffer.alloc(bytes, 'x')));
  s.end(body);
}).listen(0, '127.0.0.1', function () { console.log('Listening on http://127.0.0.1:' + this.address().port); });`;

function startPeer(): Promise<Server> {
  const child = spawn(process.execPath, ['-e', SAME_COST_PEER], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the same-cost peer exited (${code})`)));
    child.stdout!.once('data', (chunk: Buffer) => {
      const url = /Listening on (http:\/\/\S+)/.exec(chunk.toString())?.[1];
      if (!url) return reject(new Error(`the same-cost peer printed ${chunk.toString()}`));
      child.removeAllListeners('exit');
      resolve({ url, process: child });
    });
  });
}

/**
 * The rotating row measures pages whose variants are in the server's cache, as a learner's
 * page, answer and result are; generating them is the uncached row's. So each is requested
 * before the rounds, on a new connection each (node:cluster hands connections to the workers in
 * turn, and every worker keeps its own cache), WORKERS times over.
 */
async function warmVariants(url: string, paths: readonly string[]): Promise<void> {
  const passes = WORKERS === 'auto' ? 4 : 2 * Number(WORKERS);
  const queue = Array.from({ length: passes }, () => paths).flat();
  const get = (path: string) =>
    new Promise<void>((resolve, reject) => {
      httpGet(`${url}${path}`, { agent: false }, (response) => {
        response.resume();
        response.on('end', resolve);
      }).on('error', reject);
    });
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) await get(path);
    }),
  );
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A learner (their cookie) with `count` answers, and the result page of the last one. */
async function learnerWithAnswers(url: string, scenarioIds: readonly string[], count: number): Promise<{ cookie: string; resultPath: string }> {
  let cookie = '';
  let attemptId = 0;
  for (let i = 0; i < count; i++) {
    const id = scenarioIds[i % scenarioIds.length]!;
    const question = await json<{ variant: { kind: string; options?: { id: string }[]; choose?: number } }>(
      await fetch(`${url}/api/questions/${encodeURIComponent(id)}/${i}`),
    );
    const { kind, options = [], choose = 2 } = question.variant;
    const answer =
      kind === 'choice'
        ? { kind, optionId: options[0]!.id }
        : kind === 'multi'
          ? { kind, optionIds: options.slice(0, choose).map((o) => o.id) }
          : { kind: 'numeric', value: i };
    const response = await fetch(`${url}/api/questions/${encodeURIComponent(id)}/${i}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ answer, submissionToken: `bench-progress-${i}` }),
    });
    cookie ||= (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    attemptId = (await json<{ attemptId: number }>(response)).attemptId;
  }
  return { cookie, resultPath: `/attempts/${attemptId}` };
}

function luaString(text: string): string {
  return JSON.stringify(text);
}

/**
 * A wrk script: GET each path in turn (from every connection), with an optional cookie; with
 * `pauseMs`, each connection waits that long after an answer before its next request.
 */
function rotatingGets(dir: string, name: string, paths: readonly string[], cookie?: string, pauseMs?: number): string {
  const file = join(dir, `${name}.lua`);
  writeFileSync(
    file,
    [
      `local paths = {${paths.map(luaString).join(',')}}`,
      cookie ? `wrk.headers["Cookie"] = ${luaString(cookie)}` : '',
      'local n = 0',
      'request = function()',
      '  n = n + 1',
      '  return wrk.format("GET", paths[(n % #paths) + 1])',
      'end',
      pauseMs === undefined ? '' : `delay = function() return ${pauseMs} end`,
    ].join('\n'),
  );
  return file;
}

/**
 * The rate the paced rows offer: the goal's 3,000 question pages a second. Saturated, any
 * node:http server's p99 at 100 connections is set by its queue (the same-cost peer shows it);
 * paced below its capacity, the p99 is what a learner waits when the server is busy but keeping up.
 */
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 3000);

/** A wrk script: every request a question never shown before (a new seed), so nothing is cached. */
function freshVariants(dir: string, scenarioIds: readonly string[]): string {
  const file = join(dir, 'fresh.lua');
  writeFileSync(
    file,
    [
      `local ids = {${scenarioIds.map((id) => luaString(encodeURIComponent(id))).join(',')}}`,
      'local n = 0',
      'setup = function(thread) thread:set("base", math.random(1, 400000000)) end',
      'request = function()',
      '  n = n + 1',
      '  return wrk.format("GET", "/q/" .. ids[(n % #ids) + 1] .. "/" .. (base + n))',
      'end',
    ].join('\n'),
  );
  return file;
}

/** A wrk script: POST an answer with a token of its own each time, as one learner. */
function answers(dir: string, scenarioId: string, optionId: string, cookie: string): string {
  const file = join(dir, 'answers.lua');
  writeFileSync(
    file,
    [
      'local n = 0',
      'setup = function(thread) thread:set("prefix", "bench-" .. math.random(1, 2000000000) .. "-") end',
      'wrk.method = "POST"',
      'wrk.headers["Content-Type"] = "application/json"',
      `wrk.headers["Cookie"] = ${luaString(cookie)}`,
      'request = function()',
      '  n = n + 1',
      `  local body = '{"answer":{"kind":"choice","optionId":"${optionId}"},"submissionToken":"' .. prefix .. n .. '"}'`,
      `  return wrk.format(nil, "/api/questions/${encodeURIComponent(scenarioId)}/7/answers", nil, body)`,
      'end',
    ].join('\n'),
  );
  return file;
}

export async function benchmarks(): Promise<BenchRow[]> {
  if (!hasWrk()) {
    console.error('load: wrk is not installed (apt-get install wrk): skipped');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'dynamodb-study-load-'));
  const server = await startServer(join(dir, 'app.db'));
  try {
    const { url } = server;
    // A cluster's primary does not serve: its CPU time says nothing about a request's cost.
    serverPid = WORKERS === '1' ? server.process.pid : undefined;
    const scenarios = loadBank(join(ROOT, 'content')).scenarios;
    const choiceOnes = scenarios.filter((s) => s.kind === 'choice' || s.kind === 'multi' || s.kind === 'numeric').map((s) => s.id);
    const learner = await learnerWithAnswers(url, choiceOnes, PROGRESS_ANSWERS);
    const choice = scenarios.find((s) => s.kind === 'choice')!.id;
    const choiceQuestion = await json<{ variant: { options: { id: string }[] } }>(await fetch(`${url}/api/questions/${encodeURIComponent(choice)}/7`));
    const pages = scenarios.flatMap((s) => Array.from({ length: SEEDS_PER_SCENARIO }, (_, seed) => `/q/${encodeURIComponent(s.id)}/${seed}`));
    const rows: Array<{ name: string; run: () => WrkResult; sample?: { path: string; cookie?: string } }> = [
      {
        name: `question pages, ${scenarios.length} scenarios x ${SEEDS_PER_SCENARIO} seeds in turn`,
        run: () => runWrk(url, rotatingGets(dir, 'pages', pages)),
        sample: { path: pages[0]! },
      },
      {
        name: 'question pages, every request a new seed (uncached)',
        run: () =>
          runWrk(
            url,
            freshVariants(
              dir,
              scenarios.map((s) => s.id),
            ),
          ),
      },
      { name: 'home page, first visit', run: () => runWrk(`${url}/`), sample: { path: '/' } },
      {
        name: 'result page',
        run: () => runWrk(url, rotatingGets(dir, 'result', [learner.resultPath], learner.cookie)),
        sample: { path: learner.resultPath, cookie: learner.cookie },
      },
      {
        name: `progress page, ${PROGRESS_ANSWERS} answers`,
        run: () => runWrk(url, rotatingGets(dir, 'progress', ['/progress'], learner.cookie)),
        sample: { path: '/progress', cookie: learner.cookie },
      },
      { name: 'record an answer (API, WAL)', run: () => runWrk(url, answers(dir, choice, choiceQuestion.variant.options[0]!.id, learner.cookie)) },
    ];
    const floors: WrkResult[] = [];
    const results = rows.map(() => [] as WrkResult[]);
    // A slow page keeps being served after wrk stops: 100 queued progress pages are seconds of
    // work. One request through the same queue waits them out, so no run starts behind another's backlog.
    const settle = async () => {
      // A kept-alive socket idle through a run may be closed by the server just as it is reused: try again on a new one.
      for (let attempt = 1; ; attempt++) {
        try {
          return void (await (await fetch(`${url}/static/theme-switch.js`)).text());
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };
    await warmVariants(url, pages);
    for (let round = 0; round < ROUNDS; round++) {
      await settle();
      floors.push(runWrk(`${url}/static/theme-switch.js`));
      for (const [i, row] of rows.entries()) {
        await settle();
        results[i]!.push(row.run());
      }
    }
    const floor = median(floors.map((f) => f.perSecond));
    // The paced rows: each connection pauses so that together they offer PACED_RATE requests a
    // second; a tenth less than the arithmetic, as each answer's own time adds to the pause.
    const pauseMs = Math.floor((0.9 * CONNECTIONS * 1000) / PACED_RATE);
    const pacedPages = rotatingGets(dir, 'pages-paced', pages, undefined, pauseMs);
    const pacedFloor = rotatingGets(dir, 'floor-paced', ['/static/theme-switch.js'], undefined, pauseMs);
    const paced: WrkResult[] = [];
    const pacedFloors: WrkResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await settle();
      pacedFloors.push(runWrk(url, pacedFloor));
      await settle();
      paced.push(runWrk(url, pacedPages));
    }
    // Each page row's same-cost peer, once, after the rounds (see SAME_COST_PEER).
    const peer = await startPeer();
    const peerP99 = new Map<number, WrkResult>();
    try {
      for (const [i, row] of rows.entries()) {
        if (!row.sample) continue;
        await settle();
        const response = await fetch(`${url}${row.sample.path}`, { headers: row.sample.cookie ? { cookie: row.sample.cookie } : {} });
        const bytes = (await response.arrayBuffer()).byteLength;
        const us = median(results[i]!.map((r) => r.serverUs ?? Number.NaN));
        if (Number.isFinite(us)) peerP99.set(i, runWrkOnly(`${peer.url}/?us=${us.toFixed(0)}&bytes=${bytes}`));
      }
    } finally {
      peer.process.kill();
    }
    const load = loadavg()[0]!.toFixed(1);
    const out: BenchRow[] = [
      {
        group: 'load',
        name: `floor: GET /static/theme-switch.js, ${CONNECTIONS} connections, WORKERS=${WORKERS} (p99 ${median(floors.map((f) => f.p99Ms)).toFixed(0)} ms; load average ${load})`,
        ours: floor,
        serverUs: median(floors.map((f) => f.serverUs ?? Number.NaN)),
      },
    ];
    const p = (runs: readonly WrkResult[], key: 'p50Ms' | 'p99Ms') => median(runs.map((r) => r[key])).toFixed(0);
    out.push({
      group: 'load',
      name: `question pages paced to about ${PACED_RATE.toLocaleString('en-US')}/s, ${CONNECTIONS} connections each pausing ${pauseMs} ms (p50 ${p(paced, 'p50Ms')} ms, p99 ${p(paced, 'p99Ms')} ms; the floor paced the same: p99 ${p(pacedFloors, 'p99Ms')} ms)`,
      ours: median(paced.map((r) => r.perSecond)),
      reference: median(pacedFloors.map((r) => r.perSecond)),
      ratio: median(paced.map((r, round) => r.perSecond / pacedFloors[round]!.perSecond)),
      serverUs: median(paced.map((r) => r.serverUs ?? Number.NaN)),
      referenceServerUs: median(pacedFloors.map((f) => f.serverUs ?? Number.NaN)),
    });
    for (const [i, row] of rows.entries()) {
      const runs = results[i]!;
      const p99 = median(runs.map((r) => r.p99Ms));
      const slow = runs.reduce((sum, r) => sum + r.timeouts, 0);
      const errors = runs.reduce((sum, r) => sum + r.errors, 0);
      const same = peerP99.get(i);
      const sameCost = same ? `; same-cost bare node:http p99 ${same.p99Ms.toFixed(0)} ms${same.timeouts ? `, ${same.timeouts} over 2 s` : ''}` : '';
      out.push({
        group: 'load',
        name: `${row.name} (p99 ${p99.toFixed(0)} ms${slow ? `, ${slow} over 2 s` : ''}${errors ? `, ${errors} errors` : ''}${sameCost})`,
        ours: median(runs.map((r) => r.perSecond)),
        reference: floor,
        ratio: median(runs.map((r, round) => r.perSecond / floors[round]!.perSecond)),
        serverUs: median(runs.map((r) => r.serverUs ?? Number.NaN)),
        referenceServerUs: median(floors.map((f) => f.serverUs ?? Number.NaN)),
        // Here the floor's CPU per request over ours: how many floor requests one of ours costs, inverted.
        serverRatio: median(runs.map((r, round) => (floors[round]!.serverUs ?? Number.NaN) / (r.serverUs ?? Number.NaN))),
      });
    }
    return out;
  } finally {
    server.process.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
