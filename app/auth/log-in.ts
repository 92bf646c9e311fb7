/** What happens at every sign-up and log-in: a new session, and the anonymous record moved in. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { type Db, inTransaction, tablesOf } from '../db/store.ts';
import { mergeProfileInto, selectOptionalProfileByToken, selectOptionalProfileByUserId } from '../progress/profiles.ts';
import type { AppEnv } from '../routes/app-env.ts';
import { PROFILE_COOKIE, setSessionCookie } from './identity.ts';
import { deleteSessionByToken, insertSession, SESSION_COOKIE, type User } from './sessions.ts';

/**
 * Moves an anonymous profile's record into the account: the profile itself becomes the
 * account's when it has none yet, otherwise its attempts and reports are merged into the
 * account's (keeping their ids, so nothing is counted twice) and it is deleted.
 */
export function adoptAnonymousProfile(db: Db, profileToken: string, userId: number): Promise<void> {
  const { profiles } = tablesOf(db);
  // One transaction: no other request moves either profile between the reads and the writes.
  return inTransaction(db, async (tx) => {
    const anonymous = await selectOptionalProfileByToken(tx, profileToken);
    if (!anonymous || anonymous.userId !== null) return;
    const own = await selectOptionalProfileByUserId(tx, userId);
    if (own) await mergeProfileInto(tx, anonymous.id, own.id);
    else
      await tx
        .update(profiles)
        .set({ userId })
        .where(and(eq(profiles.id, anonymous.id), isNull(profiles.userId)));
  });
}

/**
 * Logs the user in on this browser: a fresh session token (never one the browser already had,
 * so a planted cookie cannot become a logged-in session), and the anonymous record moved in.
 */
export async function startSession(c: Context<AppEnv>, user: User): Promise<void> {
  const { db, clock } = c.var.deps;
  const profileToken = getCookie(c, PROFILE_COOKIE);
  if (profileToken) {
    await adoptAnonymousProfile(db, profileToken, user.id);
    deleteCookie(c, PROFILE_COOKIE, { path: '/' });
  }
  // A session this browser already had (another account's, or this one's) ends here.
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await deleteSessionByToken(db, previous);
  const { token } = await insertSession(db, user.id, clock.now());
  setSessionCookie(c, token);
}

/** True when this browser has an anonymous record that logging in would move. */
export function hasAnonymousRecord(c: Context<AppEnv>): boolean {
  return c.var.user === undefined && c.var.profile !== undefined;
}
