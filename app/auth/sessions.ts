/**
 * Server-side sessions: a row per logged-in browser, keyed by the hash of its cookie token,
 * ending after an idle period or at an absolute expiry, whichever comes first.
 */
import { eq } from 'drizzle-orm';
import type { sessions, users } from '../db/schema.ts';
import { type Db, firstRow, tablesOf } from '../db/store.ts';
import { hashToken, newSecretToken } from './tokens.ts';

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export const SESSION_COOKIE = 'session';
/** A session unused for this long ends. */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** However active, a session ends this long after log-in. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Starts a session for the user; returns the token for the cookie (never stored as is). */
export async function insertSession(db: Db, userId: number, now: Date): Promise<{ token: string; session: Session }> {
  const { sessions } = tablesOf(db);
  const token = newSecretToken();
  const [session] = await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) })
    .returning();
  if (!session) throw new Error('Inserting a session returned no row.');
  return { token, session };
}

/** The user of a live session, touching it; an expired session is deleted and gives undefined. */
export async function selectUserBySessionToken(db: Db, token: string, now: Date): Promise<{ user: User; session: Session } | undefined> {
  const { sessions, users } = tablesOf(db);
  const row = firstRow(
    await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, hashToken(token)))
      .limit(1),
  );
  if (!row) return undefined;
  const t = now.getTime();
  if (t >= row.session.expiresAt.getTime() || t - row.session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.id, row.session.id));
    return undefined;
  }
  if (t - row.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return row;
}

export async function deleteSessionByToken(db: Db, token: string): Promise<void> {
  const { sessions } = tablesOf(db);
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Every session of a user ends: after a password change (but the current one) or a deletion. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  const { sessions } = tablesOf(db);
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
