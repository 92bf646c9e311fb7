import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../app/auth/sessions.ts';
import { apiTokens, attempts, profiles, questionReports, sessions, users } from '../../../app/db/schema.ts';
import { firstRow } from '../../../app/db/store.ts';
import { storeTable } from '../../helpers/database.ts';
import { type AccountTestApp, CookieBrowser, createAccountTestApp } from '../auth/account-app.ts';
import { answerFields, firstScenarioOfKind, loadContentBank, readSubmissionToken, wrongAnswer } from '../../helpers/test-app.ts';

const PASSWORD = 'correct horse battery';
const MINUTE = 60 * 1000;

let t: AccountTestApp;
beforeEach(async () => {
  t = await createAccountTestApp();
});
afterEach(() => t.close());

async function rowCount(
  table: typeof users | typeof sessions | typeof apiTokens | typeof profiles | typeof attempts | typeof questionReports,
): Promise<number> {
  return firstRow(await t.database.db.select({ n: count() }).from(storeTable(t.database, table)))?.n ?? 0;
}

async function userNamed(username: string) {
  const own = storeTable(t.database, users);
  const user = firstRow(await t.database.db.select().from(own).where(eq(own.usernameKey, username.toLowerCase())).limit(1));
  if (!user) throw new Error(`no user ${username}`);
  return user;
}

/** Answers a choice question (right, or wrong) as this browser; returns the result page's status. */
async function answer(browser: CookieBrowser, seed: number, right: boolean): Promise<number> {
  const bank = loadContentBank();
  const scenario = firstScenarioOfKind(bank, 'choice')!;
  const html = await (await browser.request(`/q/${scenario.id}/${seed}`)).text();
  const chosen = right ? bank.referenceAnswer(scenario.id, seed) : wrongAnswer(bank, scenario.id, seed);
  const response = await browser.postForm(`/q/${scenario.id}/${seed}`, [['token', readSubmissionToken(html)], ...answerFields(chosen)]);
  return response.status;
}

async function apiProgress(browser: CookieBrowser, headers: Record<string, string> = {}) {
  const response = await browser.request('/api/progress', { headers });
  return { status: response.status, body: (await response.json()) as { totalAttempts: number } };
}

describe('sign-up', () => {
  it('creates the account, logs it in, and makes the first account of a fresh database admin', async () => {
    const ada = new CookieBrowser(t.app);
    const response = await ada.signUp('Ada');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/');
    expect(ada.cookies.has('session')).toBe(true);
    expect((await userNamed('ada')).role).toBe('admin');
    const account = await ada.request('/account');
    expect(account.status).toBe(200);
    const html = await account.text();
    expect(html).toContain('<dd>Ada</dd>');
    expect(html).toContain('href="/progress/export.json"');
    expect(html).toContain('href="/progress/export.csv"');
    expect(html).toContain('Log out');

    await new CookieBrowser(t.app).signUp('bob');
    expect((await userNamed('bob')).role).toBe('learner');
  });

  it('stores an scrypt hash, never the password', async () => {
    await new CookieBrowser(t.app).signUp('ada');
    const stored = (await userNamed('ada')).passwordHash;
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(PASSWORD);
  });

  it.each([
    ['a short username', { username: 'ab' }, 'username', 'Use 3 to 32 characters.'],
    ['a username with a space', { username: 'ada lovelace' }, 'username', 'Use only letters, digits, dots, underscores and hyphens.'],
    ['a short password', { password: 'short' }, 'password', 'Use at least 10 characters (this one has 5).'],
    ['a common password', { password: 'Password123!' }, 'password', 'one of the most common ones'],
    ['the username as password', { username: 'longusername', password: 'LongUserName' }, 'password', 'must not be your username'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_name, fields, field, message) => {
    const browser = new CookieBrowser(t.app);
    const response = await browser.postForm('/signup', { username: 'ada', password: PASSWORD, ...fields });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain(`href="#${field}"`);
    expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    expect(html).toContain(message);
    expect(await rowCount(users)).toBe(0);
    expect(browser.cookies.has('session')).toBe(false);
  });

  it('refuses a username taken in another case, keeping the typed username but never the password', async () => {
    await new CookieBrowser(t.app).signUp('Ada');
    const response = await new CookieBrowser(t.app).signUp('ADA', 'another long passphrase');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('This username is taken');
    expect(html).toContain('value="ADA"');
    expect(html).not.toContain('another long passphrase');
    expect(await rowCount(users)).toBe(1);
  });
});

describe('log-in and log-out', () => {
  it('logs in with the right password, in any case of the username, with a new session token each time', async () => {
    await new CookieBrowser(t.app).signUp('ada');
    const browser = new CookieBrowser(t.app);
    expect((await browser.logIn('ADA')).status).toBe(303);
    const first = browser.cookies.get('session');
    expect((await browser.logIn('ada')).status).toBe(303);
    const second = browser.cookies.get('session');
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
    // The session the browser had before logging in again ends: one for the sign-up, one here.
    expect(await rowCount(sessions)).toBe(2);
    const replay = await t.app.request('/account', { headers: { Cookie: `session=${first}` }, redirect: 'manual' });
    expect(replay.status).toBe(303);
  });

  it('gives one message for a wrong password and an unknown username, and no session', async () => {
    await new CookieBrowser(t.app).signUp('ada');
    const wrongPassword = await new CookieBrowser(t.app).logIn('ada', 'not the password at all');
    const unknownUser = await new CookieBrowser(t.app).logIn('nobody', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(strip(await wrongPassword.text())).toBe(strip(await unknownUser.text()));
    expect(await rowCount(sessions)).toBe(1);
  });

  it('refuses an empty form with both fields named', async () => {
    const response = await new CookieBrowser(t.app).postForm('/login', {});
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter your username.');
    expect(html).toContain('Enter your password.');
  });

  it('answers a body that is not a form with a 400 naming the body, never a 500', async () => {
    const response = await new CookieBrowser(t.app).request('/login', {
      method: 'POST',
      body: '{"username":"ada"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<strong>body</strong>');
    expect(t.loggedErrors).toEqual([]);
  });

  it('log-out deletes the session row and the old cookie no longer works', async () => {
    const browser = new CookieBrowser(t.app);
    await browser.signUp('ada');
    const token = browser.cookies.get('session')!;
    const response = await browser.postForm('/logout', {});
    expect(response.status).toBe(303);
    expect(await rowCount(sessions)).toBe(0);
    expect(browser.cookies.has('session')).toBe(false);
    const replay = await t.app.request('/account', { headers: { Cookie: `session=${token}` }, redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('Location')).toBe('/login?returnTo=%2Faccount');
  });

  it('ends a session idle for 7 days, and keeps one used within them', async () => {
    const browser = new CookieBrowser(t.app);
    await browser.signUp('ada');
    t.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await browser.request('/account')).status).toBe(200);
    t.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await browser.request('/account')).status).toBe(200);
    t.clock.advance(SESSION_IDLE_MS);
    expect((await browser.request('/account')).status).toBe(303);
    expect(await rowCount(sessions)).toBe(0);
  });

  it('ends a session 30 days after log-in however active it is', async () => {
    const browser = new CookieBrowser(t.app);
    await browser.signUp('ada');
    for (let day = 1; day < 30; day++) {
      t.clock.advance(24 * 60 * MINUTE);
      expect((await browser.request('/account')).status).toBe(200);
    }
    t.clock.advance(SESSION_ABSOLUTE_MS - 29 * 24 * 60 * MINUTE);
    expect((await browser.request('/account')).status).toBe(303);
  });

  it('shows Log in and Sign up to a visitor, and the username with Log out to a user', async () => {
    const browser = new CookieBrowser(t.app);
    const before = await (await browser.request('/progress')).text();
    expect(before).toContain('href="/login"');
    expect(before).toContain('href="/signup"');
    await browser.signUp('ada');
    const after = await (await browser.request('/progress')).text();
    expect(after).toContain('(ada)');
    expect(after).toMatch(/<form method="post" action="\/logout"/);
    expect(after).not.toContain('href="/signup"');
  });
});

describe('returnTo', () => {
  it('goes back to a same-site path after log-in', async () => {
    await new CookieBrowser(t.app).signUp('ada');
    const response = await new CookieBrowser(t.app).logIn('ada', PASSWORD, { returnTo: '/progress?area=core' });
    expect(response.headers.get('Location')).toBe('/progress?area=core');
  });

  it.each([
    ['/\t/evil.example'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['https://evil.example'],
    ['/progress\n/evil'],
    ['/\nLocation: https://evil.example'],
    [' /progress'],
  ])('goes home instead of to %j', async (returnTo) => {
    await new CookieBrowser(t.app).signUp('ada');
    const response = await new CookieBrowser(t.app).logIn('ada', PASSWORD, { returnTo });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/');
    const page = await (await new CookieBrowser(t.app).request(`/login?returnTo=${encodeURIComponent(returnTo)}`)).text();
    expect(page).not.toContain('evil');
  });
});

describe('password change', () => {
  it('needs the current password, and ends every other session but this one', async () => {
    const laptop = new CookieBrowser(t.app);
    await laptop.signUp('ada');
    const phone = new CookieBrowser(t.app);
    await phone.logIn('ada');
    expect((await phone.request('/account')).status).toBe(200);

    const wrong = await laptop.postForm('/account/password', { currentPassword: 'not my password', newPassword: 'a new long passphrase' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('This is not your current password.');

    const changed = await laptop.postForm('/account/password', { currentPassword: PASSWORD, newPassword: 'a new long passphrase' });
    expect(changed.status).toBe(303);
    expect((await laptop.request('/account')).status).toBe(200);
    expect((await phone.request('/account')).status).toBe(303);
    expect(await rowCount(sessions)).toBe(1);
    expect((await new CookieBrowser(t.app).logIn('ada', PASSWORD)).status).toBe(401);
    expect((await new CookieBrowser(t.app).logIn('ada', 'a new long passphrase')).status).toBe(303);
  });
});

describe('the anonymous record moves into the account', () => {
  it('at sign-up: two answers before are on the progress afterwards, counted once, and the learner cookie is cleared', async () => {
    const browser = new CookieBrowser(t.app);
    expect(await answer(browser, 1, true)).toBe(303);
    expect(await answer(browser, 2, false)).toBe(303);
    expect(browser.cookies.has('learner')).toBe(true);
    await browser.signUp('ada');
    expect(browser.cookies.has('learner')).toBe(false);
    expect((await apiProgress(browser)).body.totalAttempts).toBe(2);
    expect(await rowCount(profiles)).toBe(1);
    expect(await rowCount(attempts)).toBe(2);
    // Logging out leaves a fresh anonymous visitor, with nothing.
    await browser.postForm('/logout', {});
    expect((await apiProgress(browser)).body.totalAttempts).toBe(0);
  });

  it('at log-in: merges into an account that already has attempts, without double counting', async () => {
    const laptop = new CookieBrowser(t.app);
    await laptop.signUp('ada');
    await answer(laptop, 3, true);
    await laptop.postForm('/logout', {});

    const phone = new CookieBrowser(t.app);
    await answer(phone, 4, true);
    await answer(phone, 5, false);
    await phone.logIn('ada');
    expect((await apiProgress(phone)).body.totalAttempts).toBe(3);
    await laptop.logIn('ada');
    expect((await apiProgress(laptop)).body.totalAttempts).toBe(3);
    expect(await rowCount(profiles)).toBe(1);
    expect(await rowCount(attempts)).toBe(3);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, answers GET /api/progress with it, and refuses it once revoked', async () => {
    const browser = new CookieBrowser(t.app);
    await browser.signUp('ada');
    await answer(browser, 6, true);
    const created = await browser.postForm('/account/tokens', { name: 'laptop script' });
    expect(created.status).toBe(201);
    const token = /<code class="new-token">([^<]+)<\/code>/.exec(await created.text())?.[1];
    expect(token).toMatch(/^ddbs_/);

    const script = new CookieBrowser(t.app);
    const progress = await apiProgress(script, { Authorization: `Bearer ${token}` });
    expect(progress).toEqual({ status: 200, body: expect.objectContaining({ totalAttempts: 1 }) });

    const page = await (await browser.request('/account')).text();
    expect(page).toContain('laptop script');
    expect(page).toContain(`${token!.slice(0, 11)}…`);
    expect(page).not.toContain(token!);
    expect(page).not.toContain('>Never<');

    const id = firstRow(await t.database.db.select().from(storeTable(t.database, apiTokens)).limit(1))!.id;
    expect((await browser.postForm(`/account/tokens/${id}/revoke`, {})).status).toBe(303);
    const refused = await script.request('/api/progress', { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
  });

  it('refuses a token without a name, and another user cannot revoke it', async () => {
    const ada = new CookieBrowser(t.app);
    await ada.signUp('ada');
    const nameless = await ada.postForm('/account/tokens', { name: '  ' });
    expect(nameless.status).toBe(400);
    expect(await nameless.text()).toContain('Give the token a name');
    await ada.postForm('/account/tokens', { name: 'mine' });
    const bob = new CookieBrowser(t.app);
    await bob.signUp('bob');
    const id = firstRow(await t.database.db.select().from(storeTable(t.database, apiTokens)).limit(1))!.id;
    expect((await bob.postForm(`/account/tokens/${id}/revoke`, {})).status).toBe(404);
    expect(await rowCount(apiTokens)).toBe(1);
  });
});

describe('account deletion', () => {
  it('needs the password, then removes the account and every row stored for it', async () => {
    const first = new CookieBrowser(t.app);
    await first.signUp('admin1');
    const browser = new CookieBrowser(t.app);
    await browser.signUp('ada');
    await answer(browser, 7, true);
    const scenario = firstScenarioOfKind(loadContentBank(), 'choice')!;
    await browser.postForm(`/q/${scenario.id}/7/report`, { message: 'Typo in option B' });
    await browser.postForm('/account/tokens', { name: 'script' });
    await new CookieBrowser(t.app).logIn('ada');
    expect(await rowCount(attempts)).toBe(1);
    expect(await rowCount(questionReports)).toBe(1);

    const refused = await browser.postForm('/account/delete', { password: 'wrong password here' });
    expect(refused.status).toBe(400);
    expect(await rowCount(users)).toBe(2);

    const response = await browser.postForm('/account/delete', { password: PASSWORD });
    expect(t.loggedErrors).toEqual([]);
    expect(response.status).toBe(303);
    expect(await rowCount(users)).toBe(1);
    expect(await rowCount(sessions)).toBe(1);
    expect(await rowCount(apiTokens)).toBe(0);
    expect(await rowCount(profiles)).toBe(0);
    expect(await rowCount(attempts)).toBe(0);
    expect(await rowCount(questionReports)).toBe(0);
    expect((await browser.request('/account')).status).toBe(303);
  });

  it('keeps the only admin while other accounts exist', async () => {
    const admin = new CookieBrowser(t.app);
    await admin.signUp('root');
    await new CookieBrowser(t.app).signUp('ada');
    const response = await admin.postForm('/account/delete', { password: PASSWORD });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('You are the only admin');
    expect(await rowCount(users)).toBe(2);
  });
});

describe('roles', () => {
  /** Every GET route the app serves under /authoring/ and /admin/, so a new one is covered too. */
  function guardedGetPaths(): string[] {
    const paths = t.app.routes.filter((r) => r.method === 'GET' && /^\/(authoring|admin)\//.test(r.path)).map((r) => r.path);
    return [...new Set(paths)];
  }

  it('finds the guarded routes', () => {
    expect(guardedGetPaths()).toEqual(expect.arrayContaining(['/authoring/reports', '/admin/users']));
  });

  it('sends a logged-out visitor to log in and back', async () => {
    for (const path of guardedGetPaths()) {
      const response = await new CookieBrowser(t.app).request(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('Location'), path).toBe(`/login?returnTo=${encodeURIComponent(path)}`);
    }
  });

  it('lets each role through to exactly the pages of its rank', async () => {
    const admin = new CookieBrowser(t.app);
    await admin.signUp('root');
    const author = new CookieBrowser(t.app);
    await author.signUp('writer');
    const learner = new CookieBrowser(t.app);
    await learner.signUp('student');
    expect((await admin.postForm(`/admin/users/${(await userNamed('writer')).id}/role`, { role: 'author' })).status).toBe(303);
    expect((await userNamed('writer')).role).toBe('author');

    for (const path of guardedGetPaths()) {
      const needed = path.startsWith('/admin/') ? 'admin' : 'author';
      expect((await admin.request(path)).status, `admin ${path}`).toBe(200);
      expect((await author.request(path)).status, `author ${path}`).toBe(needed === 'author' ? 200 : 403);
      const refused = await learner.request(path);
      expect(refused.status, `learner ${path}`).toBe(403);
      const html = await refused.text();
      expect(html).toContain(`The ${needed} role is needed`);
      expect(html).toContain(`npm run user -- --role ${needed} student`);
    }
  });

  it('refuses role changes from a non-admin, and an unknown role, and demoting the last admin', async () => {
    const admin = new CookieBrowser(t.app);
    await admin.signUp('root');
    const learner = new CookieBrowser(t.app);
    await learner.signUp('student');
    expect((await learner.postForm(`/admin/users/${(await userNamed('student')).id}/role`, { role: 'admin' })).status).toBe(403);
    expect((await userNamed('student')).role).toBe('learner');
    const unknown = await admin.postForm(`/admin/users/${(await userNamed('student')).id}/role`, { role: 'owner' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Choose one of learner, author, admin.');
    expect((await admin.postForm(`/admin/users/${(await userNamed('root')).id}/role`, { role: 'learner' })).status).toBe(409);
    expect((await userNamed('root')).role).toBe('admin');
  });
});

describe('rate limits', () => {
  it('refuses log-in attempts for one username past the limit with a 429 and Retry-After, until the window ends', async () => {
    await t.close();
    t = await createAccountTestApp({
      rateLimits: {
        authPerAddress: { limit: 100, windowMs: 15 * MINUTE },
        authPerUsername: { limit: 3, windowMs: 15 * MINUTE },
        answersPerLearner: { limit: 60, windowMs: MINUTE },
      },
    });
    await new CookieBrowser(t.app).signUp('ada');
    for (let i = 0; i < 2; i++) expect((await new CookieBrowser(t.app).logIn('ada', 'wrong password!!')).status).toBe(401);
    t.clock.advance(5 * MINUTE);
    const limited = await new CookieBrowser(t.app).logIn('ADA', PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe(String(10 * 60));
    expect(await limited.text()).toContain('Try again in 10 minutes');
    // Another username is not affected.
    expect((await new CookieBrowser(t.app).logIn('bob', PASSWORD)).status).toBe(401);
    t.clock.advance(10 * MINUTE);
    expect((await new CookieBrowser(t.app).logIn('ada', PASSWORD)).status).toBe(303);
  });

  it('counts attempts per client address from X-Forwarded-For behind a trusted proxy', async () => {
    await t.close();
    t = await createAccountTestApp({
      trustProxy: true,
      rateLimits: {
        authPerAddress: { limit: 2, windowMs: 15 * MINUTE },
        authPerUsername: { limit: 100, windowMs: 15 * MINUTE },
        answersPerLearner: { limit: 60, windowMs: MINUTE },
      },
    });
    const from = (address: string) => ({ 'X-Forwarded-For': `203.0.113.9, ${address}` });
    const browser = new CookieBrowser(t.app);
    expect((await browser.postForm('/login', { username: 'a1x', password: 'whatever123' }, from('198.51.100.1'))).status).toBe(401);
    expect((await browser.postForm('/login', { username: 'a2x', password: 'whatever123' }, from('198.51.100.1'))).status).toBe(401);
    const limited = await browser.postForm('/login', { username: 'a3x', password: 'whatever123' }, from('198.51.100.1'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBe(15 * 60);
    expect((await browser.postForm('/login', { username: 'a4x', password: 'whatever123' }, from('198.51.100.2'))).status).toBe(401);
  });

  it('limits answers per learner on the page and the API, with JSON under /api/', async () => {
    await t.close();
    t = await createAccountTestApp({
      rateLimits: {
        authPerAddress: { limit: 100, windowMs: 15 * MINUTE },
        authPerUsername: { limit: 100, windowMs: 15 * MINUTE },
        answersPerLearner: { limit: 2, windowMs: MINUTE },
      },
    });
    const browser = new CookieBrowser(t.app);
    await browser.signUp('ada');
    expect(await answer(browser, 1, true)).toBe(303);
    t.clock.advance(20 * 1000);
    expect(await answer(browser, 2, true)).toBe(303);
    expect(await answer(browser, 3, true)).toBe(429);
    const scenario = firstScenarioOfKind(loadContentBank(), 'choice')!;
    const api = await browser.request(`/api/questions/${scenario.id}/4/answers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answer: loadContentBank().referenceAnswer(scenario.id, 4) }),
    });
    expect(api.status).toBe(429);
    expect(api.headers.get('Retry-After')).toBe('40');
    expect(await api.json()).toEqual({ error: expect.objectContaining({ code: 'TooManyRequests' }) });
    expect(await rowCount(attempts)).toBe(2);
    t.clock.advance(40 * 1000);
    expect(await answer(browser, 3, true)).toBe(303);
  });
});

describe('the DynamoDB sandbox key', () => {
  /** A ListTables request to /dynamodb signed with the key at the app's clock. */
  async function listTables(key: { accessKeyId: string; secretAccessKey: string }, target = 'ListTables', body = '{}') {
    const { canonicalRequest, formatAmzDate, sign, signingKey, stringToSign } = await import('../../../app/routes/dynamodb/sigv4.ts');
    const amzDate = formatAmzDate(t.clock.now().getTime());
    const headers: Record<string, string> = { host: 'localhost', 'x-amz-date': amzDate, 'x-amz-target': `DynamoDB_20120810.${target}` };
    const signed = ['host', 'x-amz-date', 'x-amz-target'];
    const canonical = canonicalRequest({ method: 'POST', path: '/dynamodb', query: '', header: (name) => headers[name], body }, signed, false);
    const scope = `${amzDate.slice(0, 8)}/us-east-1/dynamodb/aws4_request`;
    const signature = sign(signingKey(key.secretAccessKey, amzDate.slice(0, 8), 'us-east-1', 'dynamodb'), stringToSign(amzDate, scope, canonical));
    return t.app.request('http://localhost/dynamodb', {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/x-amz-json-1.0',
        authorization: `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
      },
      body,
    });
  }

  it('is made on the first view of the account page, with the secret behind a details element and the CLI snippet', async () => {
    const { sandboxKeys } = await import('../../../app/db/schema.ts');
    const ada = new CookieBrowser(t.app);
    await ada.signUp('Ada');
    expect(await t.database.db.select().from(storeTable(t.database, sandboxKeys))).toEqual([]);
    const html = await (await ada.request('/account')).text();
    const key = firstRow(await t.database.db.select().from(storeTable(t.database, sandboxKeys)).limit(1))!;
    expect(key.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.secretAccessKey).toHaveLength(40);
    expect(html).toContain(`<code>${key.accessKeyId}</code>`);
    expect(html).toMatch(new RegExp(`<details><summary>Show the secret</summary><code>${key.secretAccessKey.replace(/[+/]/g, '\\$&')}</code></details>`));
    expect(html).toContain('--endpoint-url http://localhost');
    expect((await ada.request('/account')).status).toBe(200);
    expect(await t.database.db.select().from(storeTable(t.database, sandboxKeys))).toHaveLength(1);
    expect((await listTables(key)).status).toBe(200);
    expect((await listTables({ ...key, secretAccessKey: 'wrong' })).status).toBe(400);
  });

  it('rotates: the old pair is refused, the new one reaches the same tables', async () => {
    const { sandboxKeys } = await import('../../../app/db/schema.ts');
    const ada = new CookieBrowser(t.app);
    await ada.signUp('Ada');
    await ada.request('/account');
    const before = firstRow(await t.database.db.select().from(storeTable(t.database, sandboxKeys)).limit(1))!;
    const table = {
      TableName: 'mine',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    };
    expect((await listTables(before, 'CreateTable', JSON.stringify(table))).status).toBe(200);
    const rotated = await ada.postForm('/account/sandbox-key/rotate', {});
    expect(rotated.status).toBe(303);
    expect(rotated.headers.get('Location')).toBe('/account?done=rotated');
    const after = firstRow(await t.database.db.select().from(storeTable(t.database, sandboxKeys)).limit(1))!;
    expect(after.accessKeyId).not.toBe(before.accessKeyId);
    expect(await (await listTables(after)).json()).toEqual({ TableNames: ['mine'] });
    // The old key id is now anonymous: unchecked, and an empty sandbox, not the account's.
    expect(await (await listTables(before)).json()).toEqual({ TableNames: [] });
  });
});
