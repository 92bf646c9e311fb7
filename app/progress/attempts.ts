/**
 * Attempts: one row per answered question, written before the learner sees the verdict,
 * and the accuracy figures the home and progress pages are built from.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { attempts } from '../db/schema.ts';

export type Attempt = typeof attempts.$inferSelect;
export type NewAttempt = Omit<typeof attempts.$inferInsert, 'id'>;

export interface InsertedAttempt {
  readonly attempt: Attempt;
  /** False when an attempt with the same submission token was already stored. */
  readonly created: boolean;
}

/**
 * Stores the attempt unless its submission token is already known, in which case the stored
 * one is returned: a reload or a double click never counts twice. Returns undefined when the
 * token belongs to another profile (a forged or leaked token is not an attempt of ours).
 */
export function insertAttempt(db: Db, values: NewAttempt): InsertedAttempt | undefined {
  return db.transaction((tx) => insertOrFindAttempt(tx, values));
}

/** A transaction of the progress store, for models that write several tables at once. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function insertOrFindAttempt(tx: Tx, values: NewAttempt): InsertedAttempt | undefined {
  const inserted = tx.insert(attempts).values(values).onConflictDoNothing({ target: attempts.submissionToken }).returning().get();
  if (inserted) return { attempt: inserted, created: true };
  const existing = tx.select().from(attempts).where(eq(attempts.submissionToken, values.submissionToken)).get();
  if (!existing || existing.profileId !== values.profileId) return undefined;
  return { attempt: existing, created: false };
}

/** Per row: stored now, already stored (same token, same learner), or refused (another learner's token). */
export type ImportOutcome = 'created' | 'existing' | 'refused';

/**
 * Stores many attempts in one transaction, each by the rule of insertAttempt: importing the
 * same rows again stores nothing, and a token of another learner is refused for its row only.
 */
export function insertAttempts(db: Db | Tx, rows: readonly NewAttempt[]): ImportOutcome[] {
  return db.transaction((tx) =>
    rows.map((values) => {
      const stored = insertOrFindAttempt(tx, values);
      return stored === undefined ? 'refused' : stored.created ? 'created' : 'existing';
    }),
  );
}

/** Every attempt of a learner, oldest first: the export. */
export function selectAllAttempts(db: Db, profileId: number): Attempt[] {
  return db.select().from(attempts).where(eq(attempts.profileId, profileId)).orderBy(asc(attempts.createdAt), asc(attempts.id)).all();
}

export function selectOptionalAttemptById(db: Db, profileId: number, attemptId: number): Attempt | undefined {
  return db
    .select()
    .from(attempts)
    .where(and(eq(attempts.id, attemptId), eq(attempts.profileId, profileId)))
    .get();
}

/**
 * An attempt as a list shows it. The answer, variant and grade are large JSON columns a list
 * never reads; leaving them out keeps a progress page from parsing them for every row.
 */
export type ListedAttempt = Pick<Attempt, 'id' | 'scenarioId' | 'seed' | 'area' | 'objectives' | 'verdict' | 'score' | 'secondsTaken' | 'createdAt'>;

const LISTED_COLUMNS = {
  id: attempts.id,
  scenarioId: attempts.scenarioId,
  seed: attempts.seed,
  area: attempts.area,
  objectives: attempts.objectives,
  verdict: attempts.verdict,
  score: attempts.score,
  secondsTaken: attempts.secondsTaken,
  createdAt: attempts.createdAt,
};

/** Newest first. */
export function selectRecentAttempts(db: Db, profileId: number, limit: number): ListedAttempt[] {
  return db
    .select(LISTED_COLUMNS)
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(limit)
    .all();
}

/** The scenarios of the last `limit` attempts, newest first, without repeats. */
export function selectRecentScenarioIds(db: Db, profileId: number, limit: number): string[] {
  const rows = db
    .select({ scenarioId: attempts.scenarioId })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(limit)
    .all();
  return [...new Set(rows.map((r) => r.scenarioId))];
}

/**
 * Scenarios whose latest attempt was not fully correct, newest first: what to go back to.
 * Ids grow with time, so the highest id per scenario is its latest attempt.
 */
export function selectMistakesToReview(db: Db, profileId: number, limit: number): ListedAttempt[] {
  const latestIds = db
    .select({ id: sql<number>`max(${attempts.id})` })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .groupBy(attempts.scenarioId);
  return db
    .select(LISTED_COLUMNS)
    .from(attempts)
    .where(and(inArray(attempts.id, latestIds), ne(attempts.verdict, 'correct')))
    .orderBy(desc(attempts.id))
    .limit(limit)
    .all();
}

/** Oldest first. */
export function selectOldestAttempts(db: Db, profileId: number, limit: number): ListedAttempt[] {
  return db
    .select(LISTED_COLUMNS)
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(asc(attempts.createdAt), asc(attempts.id))
    .limit(limit)
    .all();
}

export interface Accuracy {
  readonly key: string;
  readonly attempts: number;
  readonly correct: number;
  /** Mean score, 0..1: partial credit counts for what it is worth. */
  readonly accuracy: number;
}

interface AccuracyRow {
  key: string;
  attempts: number;
  correct: number;
  accuracy: number;
}

export function selectAccuracyByArea(db: Db, profileId: number): Accuracy[] {
  return db.all<AccuracyRow>(sql`
    select area as key, count(*) as attempts,
           sum(verdict = 'correct') as correct, avg(score) as accuracy
    from attempts where profile_id = ${profileId}
    group by area order by area`);
}

/** An attempt counts once for each objective its scenario drills. */
export function selectAccuracyByObjective(db: Db, profileId: number): Accuracy[] {
  return db.all<AccuracyRow>(sql`
    select objective.value as key, count(*) as attempts,
           sum(attempts.verdict = 'correct') as correct, avg(attempts.score) as accuracy
    from attempts, json_each(attempts.objectives) as objective
    where attempts.profile_id = ${profileId}
    group by objective.value order by objective.value`);
}

/** One row per UTC day with at least one attempt, oldest first; `key` is `YYYY-MM-DD`. */
export function selectDailyAccuracy(db: Db, profileId: number): Accuracy[] {
  return db.all<AccuracyRow>(sql`
    select date(created_at / 1000, 'unixepoch') as key, count(*) as attempts,
           sum(verdict = 'correct') as correct, avg(score) as accuracy
    from attempts where profile_id = ${profileId}
    group by key order by key`);
}

export function countAttempts(db: Db, profileId: number): number {
  const row = db.get<{ n: number }>(sql`select count(*) as n from attempts where profile_id = ${profileId}`);
  return row?.n ?? 0;
}
