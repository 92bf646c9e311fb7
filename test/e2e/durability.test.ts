/**
 * An acknowledged answer survives the server being killed: the attempt is committed to SQLite
 * before the 200 leaves, and its submission token makes a resend record nothing new. The real
 * server on a temporary file takes a burst of answers over HTTP in a few concurrent streams, is
 * SIGKILLed while requests are in flight, and the file is then read directly. Bounded by counts,
 * never by time. Needs no browser.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../app/bank/types.ts';
import { startServer } from '../helpers/browser.ts';
import { loadContentBank } from '../helpers/test-app.ts';

const ANSWERS = 200;
const STREAMS = 4;
/** Killed once this many answers are acknowledged: the other streams each have one in flight. */
const KILL_AFTER = 60;
/** The burst is one learner answering far faster than a person: lift the per-learner limit. */
const SERVER_OPTIONS = { singleProcess: true, env: { RATE_LIMIT_ANSWERS_PER_MINUTE: '1000000' } };

interface Submission {
  readonly path: string;
  readonly token: string;
  readonly answer: Answer;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function send(url: string, cookie: string | undefined, submission: Submission): Promise<Response> {
  return fetch(`${url}${submission.path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ answer: submission.answer, submissionToken: submission.token }),
  });
}

describe('durability of answers', () => {
  let dataDir: string;
  let databasePath: string;
  let server: { process: ChildProcess; url: string } | undefined;
  let submissions: Submission[];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-study-durability-'));
    databasePath = join(dataDir, 'app.db');
    const bank = loadContentBank();
    const scenario = bank.scenarios.find((s) => s.kind === 'choice');
    if (!scenario) throw new Error('The bank has no choice scenario');
    submissions = Array.from({ length: ANSWERS }, (_, i) => ({
      path: `/api/questions/${encodeURIComponent(scenario.id)}/${i + 1}/answers`,
      token: `durability-${String(i).padStart(4, '0')}`,
      answer: bank.referenceAnswer(scenario.id, i + 1),
    }));
  });

  afterAll(async () => {
    if (server && server.process.exitCode === null && server.process.signalCode === null) {
      server.process.kill('SIGTERM');
      await exited(server.process);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged attempt to a kill -9 mid-burst, and a resend of all of them stores each exactly once', async () => {
    server = await startServer(databasePath, SERVER_OPTIONS);
    const first = server;

    // The first answer creates the learner; the rest go as that learner, as a browser's would.
    const opening = await send(first.url, undefined, submissions[0]!);
    expect(opening.status).toBe(200);
    const cookie = opening.headers.get('Set-Cookie')?.split(';')[0];
    expect(cookie).toMatch(/^learner=/);

    const acknowledged = new Set<string>([submissions[0]!.token]);
    let failed = 0;
    let killed = false;
    const queue = submissions.slice(1);
    const stream = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        let response: Response;
        try {
          response = await send(first.url, cookie, next);
          await response.text();
        } catch {
          // The connection died with the server: this answer was never acknowledged.
          failed++;
          return;
        }
        if (response.status === 200) acknowledged.add(next.token);
        if (!killed && acknowledged.size >= KILL_AFTER) {
          killed = true;
          first.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: STREAMS }, stream));
    await exited(first.process);
    expect(first.process.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.size).toBeLessThan(ANSWERS);
    expect(failed).toBeGreaterThan(0);

    const afterKill = new Database(databasePath);
    const countToken = afterKill.prepare('select count(*) from attempts where submission_token = ?').pluck();
    const lost = [...acknowledged].filter((token) => countToken.get(token) !== 1);
    expect(lost).toEqual([]);
    const stored = afterKill.prepare("select count(*) from attempts where submission_token like 'durability-%'").pluck().get() as number;
    // Answers in flight at the kill may or may not have been committed; nothing else may be there.
    expect(stored).toBeGreaterThanOrEqual(acknowledged.size);
    expect(stored).toBeLessThanOrEqual(ANSWERS);
    afterKill.close();

    server = await startServer(databasePath, SERVER_OPTIONS);
    const second = server;
    const statuses: number[] = [];
    const recordedAgain: string[] = [];
    const resend = submissions.slice();
    await Promise.all(
      Array.from({ length: STREAMS }, async () => {
        for (let next = resend.shift(); next; next = resend.shift()) {
          const response = await send(second.url, cookie, next);
          statuses.push(response.status);
          const body = (await response.json()) as { recorded?: boolean };
          if (acknowledged.has(next.token) && body.recorded !== false) recordedAgain.push(next.token);
        }
      }),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(ANSWERS);
    expect(recordedAgain).toEqual([]);
    second.process.kill('SIGTERM');
    await exited(second.process);

    const afterResend = new Database(databasePath, { readonly: true });
    expect(afterResend.prepare('select count(*) from attempts').pluck().get()).toBe(ANSWERS);
    expect(afterResend.prepare('select count(distinct submission_token) from attempts').pluck().get()).toBe(ANSWERS);
    expect(afterResend.prepare('select count(distinct profile_id) from attempts').pluck().get()).toBe(1);
    afterResend.close();
  }, 120_000);
});
