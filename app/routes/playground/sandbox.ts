/**
 * Whose sandbox the playground works on. A signed-in learner gets the sandbox of their account's
 * access key (the one their CLI or SDK reaches on /dynamodb with that key); a visitor gets an
 * anonymous sandbox under a key id kept in a cookie, which the CLI reaches too with that key id
 * and any secret. Both live in the one SandboxRegistry the wire endpoint uses.
 *
 * An account's sandbox is saved in the database (app/routes/dynamodb/sandbox-store.ts), so
 * `preparePlaygroundSandbox` runs before the playground's routes: it finds the account's key,
 * loads the sandbox (or, with DYNAMODB_SANDBOX_SYNC=always, the newer copy another instance
 * saved), serves the request, then saves what the request changed before the page goes out.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { ensureSandboxKey, newAccessKeyId } from '../../auth/sandbox-keys.ts';
import type { SandboxPool } from '../dynamodb/sandboxes.ts';
import type { AppEnv } from '../app-env.ts';

export const PLAYGROUND_COOKIE = 'playground_key';
/** The anonymous pool frees a sandbox after a day idle; the cookie need not outlive it by much. */
const COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const KEY_ID = /^AKIA[A-Z2-7]{16}$/;

export interface PlaygroundSandbox {
  readonly accessKeyId: string;
  readonly pool: SandboxPool;
}

/** The account sandbox preparePlaygroundSandbox found for a request. */
const accountSandboxes = new WeakMap<Request, PlaygroundSandbox>();

/**
 * For a signed-in learner (loadLearner runs first): the account's key, created on first use,
 * and its saved sandbox loaded and, after the request, saved. A save refused because another
 * instance saved the sandbox meanwhile answers 409: the page's request ran on a stale copy and
 * was not kept, so the learner is asked to send it again (the copy is reloaded first).
 */
export const preparePlaygroundSandbox = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user;
  // Registered for both `/playground` and `/playground/*`, which Hono both matches for `/playground`.
  if (!user || accountSandboxes.has(c.req.raw)) return next();
  const { db, clock, sandboxStore: store } = c.var.deps;
  const { accessKeyId } = await ensureSandboxKey(db, user.id, clock.now());
  accountSandboxes.set(c.req.raw, { accessKeyId, pool: 'account' });
  if (!store) return next();
  await store.serialized(accessKeyId, async () => {
    await store.prepare(accessKeyId, user.id);
    await next();
    if (store.sync === 'always' && (await store.saveNow(accessKeyId)) === 'conflict') {
      await store.prepare(accessKeyId, user.id);
      throw new HTTPException(409, {
        message: 'Your sandbox was changed from another server while this request ran, so the request was not kept. Send it again.',
      });
    }
  });
});

/** The request's sandbox; for a visitor without the cookie, a fresh key id is set. */
export function playgroundSandbox(c: Context<AppEnv>): PlaygroundSandbox {
  const { cookieSecure } = c.var.deps;
  if (c.var.user) {
    const account = accountSandboxes.get(c.req.raw);
    if (!account) throw new Error('preparePlaygroundSandbox must run before the playground routes of a signed-in learner');
    return account;
  }
  const cookie = getCookie(c, PLAYGROUND_COOKIE);
  if (cookie && KEY_ID.test(cookie)) return { accessKeyId: cookie, pool: 'anonymous' };
  const accessKeyId = newAccessKeyId();
  setCookie(c, PLAYGROUND_COOKIE, accessKeyId, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: COOKIE_MAX_AGE_SECONDS, secure: cookieSecure });
  return { accessKeyId, pool: 'anonymous' };
}
