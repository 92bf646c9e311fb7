/**
 * Answers recorded per second by 100 concurrent learners (issue 18), side by side: the embedded
 * SQLite default, PostgreSQL with one app instance, and PostgreSQL with two instances on the same
 * database. Each instance is `npm start`'s compiled server; wrk drives each instance directly
 * (two instances: two wrk processes of 50 connections at once, their rates summed), so a load
 * balancer's own cost is not in the figures. Every row also checks that each answer the server
 * acknowledged is stored once: the attempts counted in the database equal the 2xx responses.
 * The floor: the static route of the same server (one instance), in the same round.
 *
 * PostgreSQL comes from BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server of
 * .ci/run; a database is created for each row and dropped after. Without wrk or PostgreSQL the
 * rows that need them are skipped with a notice.
 *
 * BENCH_ONLY=instances; BENCH_SECONDS per run (5, as load.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadBank } from '../../app/bank/index.ts';
import { hasWrk, runWrkOnly, type Server, startServer, type WrkResult } from './load.ts';
import type { BenchRow } from './run.ts';

const LEARNERS = 100;
const ROOT = join(import.meta.dirname, '..', '..');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://study:study@127.0.0.1:5432/postgres';

interface Answering {
  readonly scenarioId: string;
  readonly optionId: string;
}

/** One choice question and one of its options, asked of the server itself. */
async function choiceQuestion(url: string): Promise<Answering> {
  const scenarioId = loadBank(join(ROOT, 'content')).scenarios.find((s) => s.kind === 'choice')!.id;
  const response = await fetch(`${url}/api/questions/${encodeURIComponent(scenarioId)}/7`);
  const body = (await response.json()) as { variant: { options: { id: string }[] } };
  return { scenarioId, optionId: body.variant.options[0]!.id };
}

/** LEARNERS learners, each with the profile cookie their first answer set. */
async function learners(url: string, question: Answering): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const response = await fetch(`${url}/api/questions/${encodeURIComponent(question.scenarioId)}/7/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer: { kind: 'choice', optionId: question.optionId }, submissionToken: `bench-first-${i}-${randomBytes(6).toString('hex')}` }),
    });
    if (!response.ok) throw new Error(`the first answer of learner ${i} was answered ${response.status}: ${await response.text()}`);
    cookies.push((response.headers.get('set-cookie') ?? '').split(';')[0]!);
  }
  return cookies;
}

/** A wrk script: each request one answer of the next learner in turn, with a token of its own. */
function answerScript(dir: string, name: string, question: Answering, cookies: readonly string[]): string {
  const file = join(dir, `${name}.lua`);
  writeFileSync(
    file,
    [
      `local cookies = {${cookies.map((c) => JSON.stringify(c)).join(',')}}`,
      'local n = 0',
      // Lua's math.random starts from the same seed in every wrk: the script's name keeps two wrk processes' tokens apart.
      `setup = function(thread) thread:set("prefix", "bench-${name}-" .. math.random(1, 2000000000) .. "-") end`,
      `local path = ${JSON.stringify(`/api/questions/${encodeURIComponent(question.scenarioId)}/7/answers`)}`,
      'request = function()',
      '  n = n + 1',
      `  local body = '{"answer":{"kind":"choice","optionId":"${question.optionId}"},"submissionToken":"' .. prefix .. n .. '"}'`,
      '  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Cookie"] = cookies[(n % #cookies) + 1] }, body)',
      'end',
    ].join('\n'),
  );
  return file;
}

/** wrk in a child process, so two can run at once against two instances. */
function wrkAsync(url: string, script: string, connections: number): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      '-e',
      `import(${JSON.stringify(join(import.meta.dirname, 'load.ts'))}).then((m) => console.log(JSON.stringify(m.runWrkOnly(${JSON.stringify(url)}, ${JSON.stringify(script)}, ${connections}))))`,
    ]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.pipe(process.stderr);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as WrkResult) : reject(new Error(`wrk exited ${code}`))));
  });
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withPostgresDatabase<T>(body: (url: string, count: () => Promise<number>) => Promise<T>): Promise<T> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const reader = new pg.Client({ connectionString: url.href });
  // Dropping the database ends this connection: expected, not worth a stack trace.
  reader.on('error', () => undefined);
  let connected: Promise<unknown> | undefined;
  try {
    return await body(url.href, async () => {
      connected ??= reader.connect();
      await connected;
      // count(*) is a bigint, which node-postgres returns as text.
      const { rows } = await reader.query<{ n: string }>('select count(*) as n from attempts');
      return Number(rows[0]!.n);
    });
  } finally {
    await reader.end().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

interface Measured {
  readonly perSecond: number;
  readonly p99Ms: number;
  readonly acknowledged: number;
  readonly stored: number;
  readonly floor: number;
}

/** Learners, then wrk against every server at once (connections split between them), then the count. */
async function measureAnswers(servers: readonly Server[], dir: string, name: string, countAttempts: () => Promise<number>): Promise<Measured> {
  const question = await choiceQuestion(servers[0]!.url);
  const cookies = await learners(servers[0]!.url, question);
  const before = await countAttempts();
  const floor = runWrkOnly(`${servers[0]!.url}/static/theme-switch.js`);
  const runs = await Promise.all(
    servers.map((s, i) => wrkAsync(s.url, answerScript(dir, `${name}-${i}`, question, cookies), Math.round(LEARNERS / servers.length))),
  );
  // Let the last in-flight answers land before counting (wrk stops without waiting for them).
  for (const server of servers) await (await fetch(`${server.url}/static/theme-switch.js`)).text();
  const stored = (await countAttempts()) - before;
  const acknowledged = runs.reduce((sum, r) => sum + r.requests - r.errors, 0);
  return {
    perSecond: runs.reduce((sum, r) => sum + r.perSecond, 0),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    acknowledged,
    stored,
    floor: floor.perSecond,
  };
}

function row(name: string, m: Measured): BenchRow {
  const once =
    m.stored >= m.acknowledged
      ? `${m.acknowledged.toLocaleString('en-US')} acknowledged, ${m.stored.toLocaleString('en-US')} stored`
      : `LOST: ${m.acknowledged} acknowledged, ${m.stored} stored`;
  return {
    group: 'instances',
    name: `${name} (p99 ${m.p99Ms.toFixed(0)} ms; ${once}; load average ${loadavg()[0]!.toFixed(1)})`,
    ours: m.perSecond,
    reference: m.floor,
  };
}

export async function benchmarks(): Promise<BenchRow[]> {
  if (!hasWrk()) {
    console.error('instances: wrk is not installed (apt-get install wrk): skipped');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'dynamodb-study-instances-'));
  const rows: BenchRow[] = [];
  // Waits for the exits, so the database is dropped only after every pool has closed.
  const stop = (servers: readonly Server[]) =>
    Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.process.exitCode !== null) return resolve();
            server.process.once('exit', () => resolve());
            server.process.kill();
          }),
      ),
    );
  try {
    const sqlitePath = join(dir, 'app.db');
    const sqliteServer = await startServer(sqlitePath);
    try {
      const reader = new Database(sqlitePath, { readonly: true });
      try {
        const count = async () => (reader.prepare('select count(*) as n from attempts').get() as { n: number }).n;
        rows.push(
          row(
            `record an answer, ${LEARNERS} learners: SQLite, 1 instance (floor: its static route)`,
            await measureAnswers([sqliteServer], dir, 'sqlite', count),
          ),
        );
      } finally {
        reader.close();
      }
    } finally {
      await stop([sqliteServer]);
    }
    if (!(await postgresReachable())) {
      console.error(`instances: no PostgreSQL at ${POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')} (set BENCH_DATABASE_URL): the PostgreSQL rows are skipped`);
      return rows;
    }
    for (const instances of [1, 2]) {
      await withPostgresDatabase(async (url, count) => {
        const servers: Server[] = [];
        try {
          // One after the other: the first applies the migrations, the second finds them applied.
          for (let i = 0; i < instances; i++) servers.push(await startServer(join(dir, 'unused.db'), { DATABASE_URL: url }));
          const measured = await measureAnswers(servers, dir, `pg${instances}`, count);
          rows.push(
            row(
              `record an answer, ${LEARNERS} learners: PostgreSQL, ${instances} instance${instances > 1 ? 's' : ''} (floor: one instance's static route)`,
              measured,
            ),
          );
        } finally {
          await stop(servers);
        }
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
