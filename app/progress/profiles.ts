/**
 * Learner profiles: the record attempts hang on. An anonymous visitor's is bound to a cookie
 * and created with the first answer (reading pages creates nothing); an account has one.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { attempts, exams, profiles, questionReports, reviewCards, studySettings } from '../db/schema.ts';

export type Profile = typeof profiles.$inferSelect;

export function selectOptionalProfileByToken(db: Db, token: string): Profile | undefined {
  return db.select().from(profiles).where(eq(profiles.token, token)).get();
}

export function selectOptionalProfileByUserId(db: Db, userId: number): Profile | undefined {
  return db.select().from(profiles).where(eq(profiles.userId, userId)).get();
}

export function insertProfile(db: Db, token: string, now: Date, userId: number | null = null): Profile {
  return db.insert(profiles).values({ token, createdAt: now, userId }).returning().get();
}

/**
 * Moves everything an anonymous profile holds into an account's profile and deletes the
 * anonymous one, in one transaction. Attempts keep their ids and submission tokens, so
 * nothing is counted twice; identical reports are kept once.
 */
export function mergeProfileInto(db: Db, fromProfileId: number, intoProfileId: number): void {
  if (fromProfileId === intoProfileId) return;
  db.transaction((tx) => {
    tx.update(attempts).set({ profileId: intoProfileId }).where(eq(attempts.profileId, fromProfileId)).run();
    // A report the account already sent stays where it is; the duplicate goes with the profile.
    tx.run(sql`update or ignore ${questionReports} set profile_id = ${intoProfileId} where profile_id = ${fromProfileId}`);
    tx.update(exams).set({ profileId: intoProfileId }).where(eq(exams.profileId, fromProfileId)).run();
    // Where both have a card for a family (or settings), the account's own stays; the
    // anonymous duplicate goes with its profile.
    tx.run(sql`update or ignore ${reviewCards} set profile_id = ${intoProfileId} where profile_id = ${fromProfileId}`);
    tx.run(sql`update or ignore ${studySettings} set profile_id = ${intoProfileId} where profile_id = ${fromProfileId}`);
    tx.delete(profiles).where(eq(profiles.id, fromProfileId)).run();
  });
}
