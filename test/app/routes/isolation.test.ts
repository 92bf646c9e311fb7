/**
 * No learner reads or changes another's record: every route the app serves is walked, with
 * every id that belongs to one learner put into its parameters, as a second learner, as an
 * anonymous visitor and with the second learner's API token. The walk reads app.routes, so a
 * page or API route added later is walked too.
 */
import { getTableColumns, getTableName, is, sql, Table } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountTestApp, CookieBrowser, createAccountTestApp } from '../auth/account-app.ts';
import { tablesOf } from '../../../app/db/store.ts';
import { queryNumber, queryRows } from '../../helpers/database.ts';
import { answerFields, firstScenarioOfKind, loadContentBank, readSubmissionToken } from '../../helpers/test-app.ts';

/** Strings only Alice's record holds: her figure, her report, her token's name, her name. */
const ALICE_FIGURE = '987654.25';
const ALICE_REPORT = 'alice-private-report-q7x';
const ALICE_TOKEN_NAME = 'alice-private-token';
const MARKERS = [ALICE_FIGURE, '987,654.25', ALICE_REPORT, ALICE_TOKEN_NAME, 'alice'];

let t: AccountTestApp;
let alice: CookieBrowser;
let bob: CookieBrowser;
let visitor: CookieBrowser;
let bobToken: string;
let aliceIds: number[];
let aliceScenario: { id: string; seed: number };
const requests: string[] = [];

interface Walked {
  readonly method: string;
  readonly path: string;
}

/** Every table of the store with its column names, from the schema the migrations are made of. */
function storeTables(): Array<{ name: string; columns: string[] }> {
  return (Object.values(tablesOf(t.database.db)) as unknown[])
    .filter((value): value is Table => is(value, Table))
    .map((table) => ({ name: getTableName(table), columns: Object.values(getTableColumns(table)).map((c) => c.name) }));
}

/** A fingerprint of everything stored, to prove a refused request changed nothing. */
async function snapshotOfAlice(profileId: number): Promise<string> {
  const parts: string[] = [];
  for (const table of storeTables()) {
    if (table.columns.includes('profile_id'))
      parts.push(JSON.stringify(await queryRows(t.database, sql`select * from ${sql.identifier(table.name)} where profile_id = ${profileId} order by 1`)));
  }
  parts.push(JSON.stringify(await queryRows(t.database, "select * from users where username_key = 'alice'")));
  parts.push(JSON.stringify(await queryRows(t.database, "select t.* from api_tokens t join users u on u.id = t.user_id where u.username_key = 'alice'")));
  parts.push(JSON.stringify(await queryRows(t.database, "select s.* from sessions s join users u on u.id = s.user_id where u.username_key = 'alice'")));
  return parts.join('\n');
}

function aliceProfileId(): Promise<number> {
  return queryNumber(t.database, "select p.id from profiles p join users u on u.id = p.user_id where u.username_key = 'alice'");
}

/** Every concrete path to try for a route pattern: each parameter filled with Alice's ids. */
function fill(pattern: string): string[] {
  let paths = [pattern];
  for (const match of pattern.matchAll(/:(\w+)(\{[^}]*\})?/g)) {
    const [token, name] = match as unknown as [string, string];
    const values = name === 'scenarioId' ? [aliceScenario.id] : name === 'seed' ? [String(aliceScenario.seed)] : aliceIds.map(String);
    paths = paths.flatMap((p) => values.map((v) => p.replace(token, encodeURIComponent(v))));
  }
  return paths;
}

function walkable(): Walked[] {
  const seen = new Set<string>();
  const out: Walked[] = [];
  for (const route of t.app.routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: route.method, path: route.path });
  }
  return out;
}

beforeAll(async () => {
  t = await createAccountTestApp();
  const bank = loadContentBank();
  // The first account is the admin; Alice and Bob are ordinary learners.
  expect((await new CookieBrowser(t.app).signUp('root')).status).toBe(303);
  alice = new CookieBrowser(t.app);
  bob = new CookieBrowser(t.app);
  visitor = new CookieBrowser(t.app);
  expect((await alice.signUp('alice')).status).toBe(303);
  expect((await bob.signUp('bob')).status).toBe(303);

  const numeric = firstScenarioOfKind(bank, 'numeric')!;
  const choice = firstScenarioOfKind(bank, 'choice')!;
  aliceScenario = { id: numeric.id, seed: 11 };
  const page = await (await alice.request(`/q/${numeric.id}/11`)).text();
  expect(
    (
      await alice.postForm(`/q/${numeric.id}/11`, [
        ['token', readSubmissionToken(page)],
        ['value', ALICE_FIGURE],
      ])
    ).status,
  ).toBe(303);
  const api = await alice.request(`/api/questions/${choice.id}/12/answers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answer: bank.referenceAnswer(choice.id, 12) }),
  });
  expect(api.status).toBe(200);
  const reportPage = await (await alice.request(`/q/${numeric.id}/11`)).text();
  expect(reportPage).toContain('report');
  expect((await alice.postForm(`/q/${numeric.id}/11/report`, [['message', ALICE_REPORT]])).status).toBe(303);
  expect((await alice.postForm('/account/tokens', { name: ALICE_TOKEN_NAME })).status).toBeLessThan(400);
  const wrongChoice = answerFields(bank.referenceAnswer(choice.id, 13));
  const page13 = await (await alice.request(`/q/${choice.id}/13`)).text();
  expect((await alice.postForm(`/q/${choice.id}/13`, [['token', readSubmissionToken(page13)], ...wrongChoice])).status).toBe(303);

  // Bob and the visitor have records of their own, so a route that forgot whose record it
  // reads has a profile to confuse with Alice's.
  for (const browser of [bob, visitor]) {
    const html = await (await browser.request(`/q/${choice.id}/14`)).text();
    expect(
      (await browser.postForm(`/q/${choice.id}/14`, [['token', readSubmissionToken(html)], ...answerFields(bank.referenceAnswer(choice.id, 14))])).status,
    ).toBe(303);
  }

  const created = await bob.postForm('/account/tokens', { name: 'bob-token' });
  bobToken = /(ddbs_[\w-]+)/.exec(await created.text())?.[1] ?? '';
  expect(bobToken).not.toBe('');

  // Every id of every row that is Alice's, in any table that hangs on a profile.
  const profileId = await aliceProfileId();
  const ids = new Set<number>([profileId]);
  for (const table of storeTables()) {
    if (table.columns.includes('profile_id') && table.columns.includes('id')) {
      for (const row of await queryRows<{ id: number }>(t.database, sql`select id from ${sql.identifier(table.name)} where profile_id = ${profileId}`))
        ids.add(Number(row.id));
    }
  }
  for (const row of await queryRows<{ id: number }>(
    t.database,
    "select t.id from api_tokens t join users u on u.id = t.user_id where u.username_key = 'alice'",
  ))
    ids.add(Number(row.id));
  aliceIds = [...ids];
  expect(aliceIds.length).toBeGreaterThanOrEqual(3);
});

afterAll(() => t?.close());

describe('two learners', () => {
  it("never shows Alice's record to Bob, to a visitor or to Bob's API token, on any GET route", async () => {
    const routes = walkable().filter((r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      for (const path of fill(route.path)) {
        for (const [who, browser, headers] of [
          ['bob', bob, {}],
          ['visitor', visitor, {}],
          ['bob-token', visitor, { Authorization: `Bearer ${bobToken}` }],
        ] as const) {
          const response = await browser.request(path, { headers });
          requests.push(`${who} GET ${path}`);
          expect(response.status, `${who} GET ${path}`).toBeLessThan(500);
          const body = await response.text();
          for (const marker of MARKERS) expect(body.includes(marker), `${who} GET ${path} shows "${marker}"`).toBe(false);
        }
      }
    }
    // Alice herself does see her record, so the markers are ones that would show.
    const own = await alice.request('/progress/export.json');
    expect(await own.text()).toContain(ALICE_FIGURE);
  });

  it("changes nothing of Alice's through any state-changing route that takes her ids", async () => {
    const profileId = await aliceProfileId();
    const before = await snapshotOfAlice(profileId);
    const routes = walkable().filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && /:(?!scenarioId|seed)\w+/.test(r.path));
    for (const route of routes) {
      for (const path of fill(route.path)) {
        const response = await bob.request(path, {
          method: route.method,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'flag=1&value=1',
        });
        requests.push(`bob ${route.method} ${path}`);
        expect(response.status, `bob ${route.method} ${path}`).toBeLessThan(500);
      }
    }
    expect(await snapshotOfAlice(profileId)).toBe(before);
  });

  it("keeps DynamoDB sandboxes apart by access key: one key's tables are not another's", async () => {
    const call = (key: string, target: string, body: unknown) =>
      t.app.request('/dynamodb', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'X-Amz-Target': `DynamoDB_20120810.${target}`,
          Authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
        },
        body: JSON.stringify(body),
      });
    const created = await call('ALICEKEY', 'CreateTable', {
      TableName: 'AlicePrivate',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    });
    expect(created.status).toBe(200);
    const listed = (await (await call('BOBKEY', 'ListTables', {})).json()) as { TableNames: string[] };
    expect(listed.TableNames).not.toContain('AlicePrivate');
    const scanned = await call('BOBKEY', 'Scan', { TableName: 'AlicePrivate' });
    expect(scanned.status).toBe(400);
    expect(((await scanned.json()) as { __type: string }).__type).toContain('ResourceNotFoundException');
  });

  it('walked a meaningful number of requests', () => {
    // Printed for the note: how many requests and routes the walk covered.
    console.log(`isolation walk: ${requests.length} requests over ${walkable().length} routes`);
    expect(requests.length).toBeGreaterThan(100);
  });
});
