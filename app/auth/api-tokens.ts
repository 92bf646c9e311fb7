/** Personal API tokens: `Authorization: Bearer <token>` for scripts using the JSON API. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { apiTokens, users } from '../db/schema.ts';
import type { User } from './sessions.ts';
import { hashToken, newSecretToken } from './tokens.ts';

export type ApiToken = typeof apiTokens.$inferSelect;

/** Tokens start with this, so a leaked one is recognisable in logs and by secret scanners. */
const TOKEN_PREFIX = 'ddbs_';

/** Returns the token itself once: it is shown to the user and never again. */
export function insertApiToken(db: Db, userId: number, name: string, now: Date): { token: string; apiToken: ApiToken } {
  const token = `${TOKEN_PREFIX}${newSecretToken()}`;
  const apiToken = db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), createdAt: now })
    .returning()
    .get();
  return { token, apiToken };
}

export function selectApiTokensOfUser(db: Db, userId: number): ApiToken[] {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)).all();
}

/** True when the user had such a token. */
export function deleteApiToken(db: Db, userId: number, tokenId: number): boolean {
  return (
    db
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
      .run().changes > 0
  );
}

export function selectUserByApiToken(db: Db, token: string, now: Date): User | undefined {
  const row = db
    .select({ user: users, id: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .get();
  if (!row) return undefined;
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  return row.user;
}
