/** Accounts: one row per user in `users`; their learning record is the profile that points at them. */
import { asc, count, eq } from 'drizzle-orm';
import type { Role } from '../db/schema.ts';
import { type Db, firstRow, inTransaction, tablesOf } from '../db/store.ts';
import type { User } from './sessions.ts';

export class UsernameTakenError extends Error {
  override readonly name = 'UsernameTakenError';
}

export function usernameKey(username: string): string {
  return username.toLowerCase();
}

/**
 * The first account of a fresh database becomes its admin, so a new installation needs no
 * command to get one. Counting and inserting share a transaction (SQLite serialises writers),
 * so two sign-ups at once cannot both become admin.
 */
export function insertUser(db: Db, input: { username: string; passwordHash: string; now: Date }): Promise<User> {
  const { users } = tablesOf(db);
  return inTransaction(db, async (tx) => {
    const key = usernameKey(input.username);
    if (firstRow(await tx.select({ id: users.id }).from(users).where(eq(users.usernameKey, key)).limit(1)))
      throw new UsernameTakenError(`The username ${input.username} is taken.`);
    const existing = firstRow(await tx.select({ n: count() }).from(users))?.n ?? 0;
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        usernameKey: key,
        passwordHash: input.passwordHash,
        role: existing === 0 ? 'admin' : 'learner',
        createdAt: input.now,
      })
      .returning();
    if (!user) throw new Error('Inserting a user returned no row.');
    return user;
  });
}

export async function selectOptionalUserByUsername(db: Db, username: string): Promise<User | undefined> {
  const { users } = tablesOf(db);
  return firstRow(
    await db
      .select()
      .from(users)
      .where(eq(users.usernameKey, usernameKey(username)))
      .limit(1),
  );
}

export async function selectOptionalUserById(db: Db, id: number): Promise<User | undefined> {
  const { users } = tablesOf(db);
  return firstRow(await db.select().from(users).where(eq(users.id, id)).limit(1));
}

export function selectUsers(db: Db): Promise<User[]> {
  const { users } = tablesOf(db);
  return db.select().from(users).orderBy(asc(users.usernameKey));
}

export async function updatePassword(db: Db, userId: number, passwordHash: string): Promise<void> {
  const { users } = tablesOf(db);
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** True when the user exists. */
export async function updateRole(db: Db, userId: number, role: Role): Promise<boolean> {
  const { users } = tablesOf(db);
  return (await db.update(users).set({ role }).where(eq(users.id, userId)).returning({ id: users.id })).length > 0;
}

/**
 * Deletes the account and everything stored for it. Sessions and API tokens go by their foreign
 * keys' ON DELETE CASCADE, as do the profile's attempts and reports; the profile itself is
 * deleted here because profiles.user_id was added by ALTER TABLE, which in SQLite cannot carry
 * the cascade the schema declares (see migrations/0001_accounts.sql).
 */
export function deleteUser(db: Db, userId: number): Promise<boolean> {
  const { profiles, users } = tablesOf(db);
  return inTransaction(db, async (tx) => {
    await tx.delete(profiles).where(eq(profiles.userId, userId));
    return (await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id })).length > 0;
  });
}
