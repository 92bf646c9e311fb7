/**
 * Whose sandbox the playground works on. A signed-in learner gets the sandbox of their account's
 * access key (the one their CLI or SDK reaches on /dynamodb with that key); a visitor gets an
 * anonymous sandbox under a key id kept in a cookie, which the CLI reaches too with that key id
 * and any secret. Both live in the one SandboxRegistry the wire endpoint uses.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
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

/** The request's sandbox; for a visitor without the cookie, a fresh key id is set. */
export function playgroundSandbox(c: Context<AppEnv>): PlaygroundSandbox {
  const { db, clock, cookieSecure } = c.var.deps;
  const user = c.var.user;
  if (user) return { accessKeyId: ensureSandboxKey(db, user.id, clock.now()).accessKeyId, pool: 'account' };
  const cookie = getCookie(c, PLAYGROUND_COOKIE);
  if (cookie && KEY_ID.test(cookie)) return { accessKeyId: cookie, pool: 'anonymous' };
  const accessKeyId = newAccessKeyId();
  setCookie(c, PLAYGROUND_COOKIE, accessKeyId, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: COOKIE_MAX_AGE_SECONDS, secure: cookieSecure });
  return { accessKeyId, pool: 'anonymous' };
}
