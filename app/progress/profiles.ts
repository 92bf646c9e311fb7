/** Learner profiles: for now, one per browser, bound to a cookie. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { profiles } from '../db/schema.ts';

export type Profile = typeof profiles.$inferSelect;

export function selectOptionalProfileByToken(db: Db, token: string): Profile | undefined {
  return db.select().from(profiles).where(eq(profiles.token, token)).get();
}

export function insertProfile(db: Db, token: string, now: Date): Profile {
  return db.insert(profiles).values({ token, createdAt: now }).returning().get();
}
