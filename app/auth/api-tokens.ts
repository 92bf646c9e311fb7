/** Personal API tokens: `Authorization: Bearer <token>` for scripts using the JSON API. */
import { and, desc, eq } from 'drizzle-orm';
import type { apiTokens } from '../db/schema.ts';
import { type Db, firstRow, tablesOf } from '../db/store.ts';
import type { User } from './sessions.ts';
import { hashToken, newSecretToken } from './tokens.ts';

export type ApiToken = typeof apiTokens.$inferSelect;

/** Tokens start with this, so a leaked one is recognisable in logs and by secret scanners. */
const TOKEN_PREFIX = 'ddbs_';

/** Returns the token itself once: it is shown to the user and never again. */
export async function insertApiToken(db: Db, userId: number, name: string, now: Date): Promise<{ token: string; apiToken: ApiToken }> {
  const { apiTokens } = tablesOf(db);
  const token = `${TOKEN_PREFIX}${newSecretToken()}`;
  const [apiToken] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), createdAt: now })
    .returning();
  if (!apiToken) throw new Error('Inserting an API token returned no row.');
  return { token, apiToken };
}

export function selectApiTokensOfUser(db: Db, userId: number): Promise<ApiToken[]> {
  const { apiTokens } = tablesOf(db);
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** True when the user had such a token. */
export async function deleteApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const { apiTokens } = tablesOf(db);
  const deleted = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  return deleted.length > 0;
}

export async function selectUserByApiToken(db: Db, token: string, now: Date): Promise<User | undefined> {
  const { apiTokens, users } = tablesOf(db);
  const row = firstRow(
    await db
      .select({ user: users, id: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, hashToken(token)))
      .limit(1),
  );
  if (!row) return undefined;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return row.user;
}
