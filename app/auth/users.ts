/** Accounts: one row per user in `users`; their learning record is the profile that points at them. */
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { profiles, type Role, users } from '../db/schema.ts';
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
export function insertUser(db: Db, input: { username: string; passwordHash: string; now: Date }): User {
  return db.transaction(
    (tx) => {
      const key = usernameKey(input.username);
      if (tx.select({ id: users.id }).from(users).where(eq(users.usernameKey, key)).get())
        throw new UsernameTakenError(`The username ${input.username} is taken.`);
      const existing = tx.select({ n: count() }).from(users).get()?.n ?? 0;
      return tx
        .insert(users)
        .values({
          username: input.username,
          usernameKey: key,
          passwordHash: input.passwordHash,
          role: existing === 0 ? 'admin' : 'learner',
          createdAt: input.now,
        })
        .returning()
        .get();
    },
    { behavior: 'immediate' },
  );
}

export function selectOptionalUserByUsername(db: Db, username: string): User | undefined {
  return db
    .select()
    .from(users)
    .where(eq(users.usernameKey, usernameKey(username)))
    .get();
}

export function selectOptionalUserById(db: Db, id: number): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function selectUsers(db: Db): User[] {
  return db.select().from(users).orderBy(asc(users.usernameKey)).all();
}

export function updatePassword(db: Db, userId: number, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

/** True when the user exists. */
export function updateRole(db: Db, userId: number, role: Role): boolean {
  return db.update(users).set({ role }).where(eq(users.id, userId)).run().changes > 0;
}

/**
 * Deletes the account and everything stored for it. Sessions and API tokens go by their foreign
 * keys' ON DELETE CASCADE, as do the profile's attempts and reports; the profile itself is
 * deleted here because profiles.user_id was added by ALTER TABLE, which in SQLite cannot carry
 * the cascade the schema declares (see migrations/0001_accounts.sql).
 */
export function deleteUser(db: Db, userId: number): boolean {
  return db.transaction((tx) => {
    tx.delete(profiles).where(eq(profiles.userId, userId)).run();
    return tx.delete(users).where(eq(users.id, userId)).run().changes > 0;
  });
}
