/**
 * Two app instances on one PostgreSQL database behind a round-robin proxy, as a deployment with
 * a load balancer and no session affinity runs them (README, "Deploying on PostgreSQL"): every
 * request may land on either instance, so whatever a learner depends on must live in the database.
 * A learner signed up on one stays logged in on the other; an exam begun on one is finished on
 * the other with the time left the shared clock gives; an account sandbox written through one is
 * read through the other. Runs when TEST_DATABASE_URL (or E2E=1) names a server, as
 * test/sdk/persisted-sandboxes.test.ts does; skips with a notice otherwise.
 */
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../app/bank/types.ts';
import { createApp, requestListenerOf } from '../../app/create-app.ts';
import { openPostgres } from '../../app/db/postgres.ts';
import type { Store } from '../../app/db/store.ts';
import { selectExam } from '../../app/progress/exams.ts';
import { queryRows } from '../helpers/database.ts';
import { createTestDatabase, noticeSkippedPostgresSuite, POSTGRES_TEST_URL } from '../helpers/postgres.ts';
import { answerFields, loadContentBank } from '../helpers/test-app.ts';
import { ManualClock, TEST_SCRYPT_COST } from './auth/account-app.ts';

type InstanceName = 'a' | 'b';

interface Instance {
  readonly name: InstanceName;
  readonly url: string;
  readonly store: Store;
  stop(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/**
 * The load balancer: each request goes to the next instance in turn, whatever connection or
 * cookie it came with, and `served` records which instance answered each request in order.
 */
async function roundRobinProxy(instances: readonly Instance[]): Promise<{ url: string; served: InstanceName[]; stop(): Promise<void> }> {
  const served: InstanceName[] = [];
  const server = createServer((incoming, outgoing) => {
    const target = instances[served.length % instances.length]!;
    served.push(target.name);
    const upstream = forward(`${target.url}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    upstream.on('error', (error) => {
      outgoing.writeHead(502).end(error.message);
    });
    incoming.pipe(upstream);
  });
  const url = await listen(server);
  return { url, served, stop: () => close(server) };
}

/** A browser: keeps every cookie it is given, follows no redirect. */
class Learner {
  readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, eq).trim());
      else this.cookies.set(pair.slice(0, eq).trim(), value);
    }
    return response;
  }

  postForm(path: string, fields: ReadonlyArray<readonly [string, string]>): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields as Array<[string, string]>),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }
}

const MINUTE = 60 * 1000;
const EXAM_MINUTES = 10;
/** How long the learner spends before moving to the other instance: the time left must drop by exactly this. */
const AWAY_MINUTES = 4;

const onPostgres = POSTGRES_TEST_URL ? describe : describe.skip;
noticeSkippedPostgresSuite('two app instances behind a proxy (test/app/two-instances.test.ts)');
onPostgres('two app instances on one PostgreSQL behind a round-robin proxy', () => {
  const bank = loadContentBank();
  // Shared by both instances, as synchronised hosts share time; near now, since the SDK signs
  // with its own clock (told the offset below) and the endpoint allows 15 minutes of skew.
  const clock = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
  const instances: Instance[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobinProxy>>;
  let drop: (() => Promise<void>) | undefined;
  let learner: Learner;

  /** Which instance the proxy sent the next request to. */
  const nextServer = (): InstanceName => instances[proxy.served.length % instances.length]!.name;

  beforeAll(async () => {
    const database = await createTestDatabase(POSTGRES_TEST_URL!);
    drop = database.drop;
    // One after the other: the first migrates the fresh database, the second finds it migrated.
    for (const name of ['a', 'b'] as const) {
      const store = await openPostgres(database.url);
      const app = createApp({
        db: store.db,
        changeVersion: store.changeVersion,
        bank,
        clock,
        logger: { info: () => {}, error: (message, error) => console.error(`instance ${name}: ${message}`, error) },
        passwordCost: TEST_SCRYPT_COST,
      });
      const server = createServer(requestListenerOf(app));
      const url = await listen(server);
      const stop = () => close(server);
      instances.push({ name, url, store, stop });
    }
    proxy = await roundRobinProxy(instances);
    learner = new Learner(proxy.url);
  });

  afterAll(async () => {
    await proxy?.stop();
    for (const instance of instances.splice(0)) {
      await instance.stop();
      await instance.store.close();
    }
    await drop?.();
  });

  it('keeps a learner logged in across instances: signed up on one, the account page of the other knows them', async () => {
    const signUpOn = nextServer();
    const signedUp = await learner.postForm('/signup', [
      ['username', 'Ada'],
      ['password', 'correct horse battery'],
    ]);
    expect(signedUp.status).toBe(303);
    expect(learner.cookies.has('session')).toBe(true);
    const accountOn = nextServer();
    expect(accountOn).not.toBe(signUpOn);
    const account = await learner.request('/account');
    expect(account.status).toBe(200);
    const html = await account.text();
    expect(html).toContain('<dd>Ada</dd>');
    expect(html).toContain('Log out');
  });

  it('finishes on one instance an exam begun on the other, with the time left the shared clock gives, and grades it', async () => {
    const form = await (await learner.request('/exams')).text();
    const issued = /name="formIssuedAt" value="(\d+)"/.exec(form)?.[1];
    expect(issued).toBeDefined();
    const startedOn = nextServer();
    const started = await learner.postForm('/exams', [
      ['formIssuedAt', issued!],
      ['kinds', 'choice'],
      ['questions', '5'],
      ['minutes', String(EXAM_MINUTES)],
    ]);
    expect(started.status).toBe(303);
    const id = Number(/^\/exams\/(\d+)$/.exec(started.headers.get('Location') ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);

    clock.advance(AWAY_MINUTES * MINUTE);
    expect(nextServer()).not.toBe(startedOn);
    const page = await learner.request(`/exams/${id}/1`);
    expect(page.status).toBe(200);
    const remaining = (EXAM_MINUTES - AWAY_MINUTES) * 60;
    const html = await page.text();
    expect(html).toContain(`data-exam-remaining="${remaining}"`);
    expect(html).toMatch(new RegExp(`<strong data-exam-clock[^>]*>${EXAM_MINUTES - AWAY_MINUTES}:00</strong>`));

    const profiles = await queryRows<{ id: number }>(instances[0]!.store, 'select id from profiles');
    expect(profiles).toHaveLength(1);
    const profileId = Number(profiles[0]!.id);
    const { exam, questions } = (await selectExam(instances[0]!.store.db, profileId, id))!;
    expect(exam.deadlineAt.getTime() - clock.now().getTime()).toBe(remaining * 1000);
    // Saves alternate between the instances; each needs the exam as the other left it.
    const servedSaves: InstanceName[] = [];
    for (const [index, question] of questions.entries()) {
      const answer: Answer = bank.referenceAnswer(question.scenarioId, question.seed);
      servedSaves.push(nextServer());
      const saved = await learner.postForm(`/exams/${id}/${index + 1}`, [['shownAt', String(clock.now().getTime())], ...answerFields(answer)]);
      expect(saved.status).toBe(303);
    }
    expect(new Set(servedSaves)).toEqual(new Set(['a', 'b']));
    const submitted = await learner.postForm(`/exams/${id}/submit`, []);
    expect(submitted.headers.get('Location')).toBe(`/exams/${id}`);

    const after = (await selectExam(instances[1]!.store.db, profileId, id))!;
    expect(after.exam.status).toBe('submitted');
    expect(after.exam.timedOut).toBe(false);
    expect(after.exam.score).toBe(1);
    expect(after.questions.every((q) => q.attemptId !== null)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const report = await learner.request(`/exams/${id}`);
      expect(await report.text()).toContain('<span class="badge badge-correct">Pass</span> Score 100%');
    }
  });

  it('serves the account sandbox from either instance: written with the AWS SDK through one, read through the other and the proxy', async () => {
    const html = await (await learner.request('/account')).text();
    const accessKeyId = /<code>(AKIA[A-Z2-7]{16})<\/code>/.exec(html)?.[1];
    const secretAccessKey = /<summary>Show the secret<\/summary><code>([^<]+)<\/code>/.exec(html)?.[1];
    expect(accessKeyId).toBeDefined();
    expect(secretAccessKey).toBeDefined();
    const client = (base: string) =>
      new DynamoDBClient({
        endpoint: `${base}/dynamodb`,
        region: 'us-east-1',
        credentials: { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! },
        // Signs at the instances' clock, not the machine's.
        systemClockOffset: clock.now().getTime() - Date.now(),
        maxAttempts: 3,
      });
    const [a, b, viaProxy] = [client(instances[0]!.url), client(instances[1]!.url), client(proxy.url)];
    try {
      await a.send(
        new CreateTableCommand({
          TableName: 'Notes',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await a.send(new PutItemCommand({ TableName: 'Notes', Item: { id: { S: 'n1' }, text: { S: 'written through a' } } }));
      const fromB = await b.send(new GetItemCommand({ TableName: 'Notes', Key: { id: { S: 'n1' } } }));
      expect(fromB.Item).toEqual({ id: { S: 'n1' }, text: { S: 'written through a' } });
      await b.send(new PutItemCommand({ TableName: 'Notes', Item: { id: { S: 'n2' }, text: { S: 'written through b' } } }));
      // Two reads through the proxy land on both instances; each sees both writes.
      for (let i = 0; i < 2; i++) {
        for (const [key, text] of [
          ['n1', 'written through a'],
          ['n2', 'written through b'],
        ]) {
          const got = await viaProxy.send(new GetItemCommand({ TableName: 'Notes', Key: { id: { S: key! } } }));
          expect(got.Item?.text).toEqual({ S: text });
        }
      }
    } finally {
      for (const c of [a, b, viaProxy]) c.destroy();
    }
    // The proxy shared the whole run between the two instances.
    expect(proxy.served.filter((name) => name === 'a').length).toBeGreaterThan(5);
    expect(proxy.served.filter((name) => name === 'b').length).toBeGreaterThan(5);
  });
});
