/** What happens at every sign-up and log-in: a new session, and the anonymous record moved in. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Db } from '../db/connection.ts';
import { profiles } from '../db/schema.ts';
import { mergeProfileInto, selectOptionalProfileByToken, selectOptionalProfileByUserId } from '../progress/profiles.ts';
import type { AppEnv } from '../routes/app-env.ts';
import { PROFILE_COOKIE, setSessionCookie } from './identity.ts';
import { deleteSessionByToken, insertSession, SESSION_COOKIE, type User } from './sessions.ts';

/**
 * Moves an anonymous profile's record into the account: the profile itself becomes the
 * account's when it has none yet, otherwise its attempts and reports are merged into the
 * account's (keeping their ids, so nothing is counted twice) and it is deleted.
 */
export function adoptAnonymousProfile(db: Db, profileToken: string, userId: number): void {
  // better-sqlite3 is synchronous: nothing else runs between these statements.
  const anonymous = selectOptionalProfileByToken(db, profileToken);
  if (!anonymous || anonymous.userId !== null) return;
  const own = selectOptionalProfileByUserId(db, userId);
  if (own) mergeProfileInto(db, anonymous.id, own.id);
  else
    db.update(profiles)
      .set({ userId })
      .where(and(eq(profiles.id, anonymous.id), isNull(profiles.userId)))
      .run();
}

/**
 * Logs the user in on this browser: a fresh session token (never one the browser already had,
 * so a planted cookie cannot become a logged-in session), and the anonymous record moved in.
 */
export function startSession(c: Context<AppEnv>, user: User): void {
  const { db, clock } = c.var.deps;
  const profileToken = getCookie(c, PROFILE_COOKIE);
  if (profileToken) {
    adoptAnonymousProfile(db, profileToken, user.id);
    deleteCookie(c, PROFILE_COOKIE, { path: '/' });
  }
  // A session this browser already had (another account's, or this one's) ends here.
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) deleteSessionByToken(db, previous);
  const { token } = insertSession(db, user.id, clock.now());
  setSessionCookie(c, token);
}

/** True when this browser has an anonymous record that logging in would move. */
export function hasAnonymousRecord(c: Context<AppEnv>): boolean {
  return c.var.user === undefined && c.var.profile !== undefined;
}
