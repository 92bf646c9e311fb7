/**
 * Learner profiles: the record attempts hang on. An anonymous visitor's is bound to a cookie
 * and created with the first answer (reading pages creates nothing); an account has one.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { profiles } from '../db/schema.ts';
import { type Db, firstRow, inTransaction, prepared, type Tables, tablesOf } from '../db/store.ts';

export type Profile = typeof profiles.$inferSelect;

const profileByToken = (db: Db, { profiles }: Tables) =>
  db
    .select()
    .from(profiles)
    .where(eq(profiles.token, sql.placeholder('token')))
    .limit(1)
    .prepare();

/** On every request that carries a learner cookie. */
export async function selectOptionalProfileByToken(db: Db, token: string): Promise<Profile | undefined> {
  return firstRow(await prepared(db, profileByToken).execute({ token }));
}

export async function selectOptionalProfileByUserId(db: Db, userId: number): Promise<Profile | undefined> {
  const { profiles } = tablesOf(db);
  return firstRow(await db.select().from(profiles).where(eq(profiles.userId, userId)).limit(1));
}

export async function insertProfile(db: Db, token: string, now: Date, userId: number | null = null): Promise<Profile> {
  const { profiles } = tablesOf(db);
  const [profile] = await db.insert(profiles).values({ token, createdAt: now, userId }).returning();
  if (!profile) throw new Error('Inserting a profile returned no row.');
  return profile;
}

/**
 * The row being moved has no twin among `profileId`'s rows of `table`: none with the same values
 * in `columns` (SQLite's `update or ignore` did this; PostgreSQL has no such clause).
 */
function noTwinIn(table: SQLiteTable, profileId: number, columns: readonly SQLiteColumn[]): SQL {
  const same = columns.map((column) => sql` and twin.${sql.identifier(column.name)} = ${column}`);
  return sql`not exists (select 1 from ${table} as twin where twin.profile_id = ${profileId}${sql.join(same)})`;
}

/**
 * Moves everything an anonymous profile holds into an account's profile and deletes the
 * anonymous one, in one transaction. Attempts keep their ids and submission tokens, so
 * nothing is counted twice; identical reports are kept once.
 */
export async function mergeProfileInto(db: Db, fromProfileId: number, intoProfileId: number): Promise<void> {
  if (fromProfileId === intoProfileId) return;
  const { attempts, exams, profiles, questionReports, reviewCards, studySettings } = tablesOf(db);
  await inTransaction(db, async (tx) => {
    await tx.update(attempts).set({ profileId: intoProfileId }).where(eq(attempts.profileId, fromProfileId));
    // A report the account already sent stays where it is; the duplicate goes with the profile.
    await tx
      .update(questionReports)
      .set({ profileId: intoProfileId })
      .where(
        and(
          eq(questionReports.profileId, fromProfileId),
          noTwinIn(questionReports, intoProfileId, [questionReports.scenarioId, questionReports.seed, questionReports.message]),
        ),
      );
    await tx.update(exams).set({ profileId: intoProfileId }).where(eq(exams.profileId, fromProfileId));
    // Where both have a card for a family (or settings), the account's own stays; the
    // anonymous duplicate goes with its profile.
    await tx
      .update(reviewCards)
      .set({ profileId: intoProfileId })
      .where(and(eq(reviewCards.profileId, fromProfileId), noTwinIn(reviewCards, intoProfileId, [reviewCards.scenarioId])));
    await tx
      .update(studySettings)
      .set({ profileId: intoProfileId })
      .where(and(eq(studySettings.profileId, fromProfileId), noTwinIn(studySettings, intoProfileId, [])));
    await tx.delete(profiles).where(eq(profiles.id, fromProfileId));
  });
}
