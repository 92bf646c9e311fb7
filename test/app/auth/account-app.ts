/**
 * The app with accounts for tests: a clock the test moves, scrypt at a cheap cost (the
 * production cost takes ~100 ms a hash), and a browser that keeps every cookie it is given.
 */
import type { ScryptCost } from '../../../app/auth/passwords.ts';
import type { RateLimitSettings } from '../../../app/auth/rate-limit.ts';
import { type Clock, createApp } from '../../../app/create-app.ts';
import type { Store } from '../../../app/db/store.ts';
import { openTestStore } from '../../helpers/database.ts';
import { loadContentBank, type LoggedError } from '../../helpers/test-app.ts';

export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export class ManualClock implements Clock {
  constructor(private time = Date.UTC(2026, 0, 5, 9, 0, 0)) {}
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface AccountTestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly database: Store;
  readonly clock: ManualClock;
  readonly loggedErrors: LoggedError[];
  close(): Promise<void>;
}

export async function createAccountTestApp(options: { rateLimits?: RateLimitSettings; trustProxy?: boolean } = {}): Promise<AccountTestApp> {
  const database = await openTestStore();
  const clock = new ManualClock();
  const loggedErrors: LoggedError[] = [];
  let seed = 0.123;
  const app = createApp({
    db: database.db,
    changeVersion: database.changeVersion,
    bank: loadContentBank(),
    clock,
    // Deterministic question picks, so a test's answers do not depend on chance.
    random: () => (seed = (seed * 9301 + 0.49297) % 1),
    logger: { info: () => {}, error: (message, error) => loggedErrors.push({ message, error }) },
    passwordCost: TEST_SCRYPT_COST,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  return { app, database, clock, loggedErrors, close: () => database.close() };
}

/** A browser with a cookie jar: the session and the learner cookies live side by side. */
export class CookieBrowser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: AccountTestApp['app']) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  postForm(path: string, fields: Record<string, string> | ReadonlyArray<readonly [string, string]>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams(Array.isArray(fields) ? (fields as Array<[string, string]>) : Object.entries(fields));
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
  }

  signUp(username: string, password = 'correct horse battery', extra: Record<string, string> = {}): Promise<Response> {
    return this.postForm('/signup', { username, password, ...extra });
  }

  logIn(username: string, password = 'correct horse battery', extra: Record<string, string> = {}): Promise<Response> {
    return this.postForm('/login', { username, password, ...extra });
  }
}
