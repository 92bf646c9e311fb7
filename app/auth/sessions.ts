/**
 * Server-side sessions: a row per logged-in browser, keyed by the hash of its cookie token,
 * ending after an idle period or at an absolute expiry, whichever comes first.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { sessions, users } from '../db/schema.ts';
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
export function insertSession(db: Db, userId: number, now: Date): { token: string; session: Session } {
  const token = newSecretToken();
  const session = db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) })
    .returning()
    .get();
  return { token, session };
}

/** The user of a live session, touching it; an expired session is deleted and gives undefined. */
export function selectUserBySessionToken(db: Db, token: string, now: Date): { user: User; session: Session } | undefined {
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .get();
  if (!row) return undefined;
  const t = now.getTime();
  if (t >= row.session.expiresAt.getTime() || t - row.session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
    db.delete(sessions).where(eq(sessions.id, row.session.id)).run();
    return undefined;
  }
  if (t - row.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id)).run();
  }
  return row;
}

export function deleteSessionByToken(db: Db, token: string): void {
  db.delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .run();
}

/** Every session of a user ends: after a password change (but the current one) or a deletion. */
export function deleteSessionsOfUser(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
