/**
 * Attempts: one row per answered question, written before the learner sees the verdict,
 * and the accuracy figures the home and progress pages are built from.
 */
import { and, asc, count, desc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { attempts } from '../db/schema.ts';
import { type Db, firstRow, inTransaction, prepared, preparedWith, type Tables, tablesOf } from '../db/store.ts';

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
export function insertAttempt(db: Db, values: NewAttempt): Promise<InsertedAttempt | undefined> {
  return inTransaction(db, (tx) => insertOrFindAttempt(tx, values));
}

const insertAttemptQuery = (db: Db, { attempts }: Tables, values: NewAttempt) =>
  db.insert(attempts).values(values).onConflictDoNothing({ target: attempts.submissionToken }).returning({ id: attempts.id }).prepare();

/**
 * The row `values` became: the columns they leave out hold their schema default or null. Built
 * here rather than read back, since reading parses the variant and grade just written.
 */
function storedAttempt(attempts: Tables['attempts'], values: NewAttempt, id: number): Attempt {
  const row: Record<string, unknown> = { id };
  for (const [key, column] of Object.entries(getTableColumns(attempts))) {
    if (key === 'id') continue;
    const value = (values as Record<string, unknown>)[key];
    row[key] = value !== undefined ? value : (column.default ?? null);
  }
  return row as Attempt;
}

/** Call inside a transaction (inTransaction): the insert and the lookup must see the same rows. */
export async function insertOrFindAttempt(tx: Db, values: NewAttempt): Promise<InsertedAttempt | undefined> {
  const { attempts } = tablesOf(tx);
  const { query, params } = preparedWith(tx, values, insertAttemptQuery);
  const inserted = firstRow(await query.execute(params));
  if (inserted) return { attempt: storedAttempt(attempts, values, inserted.id), created: true };
  const existing = firstRow(await tx.select().from(attempts).where(eq(attempts.submissionToken, values.submissionToken)).limit(1));
  if (!existing || existing.profileId !== values.profileId) return undefined;
  return { attempt: existing, created: false };
}

/** Per row: stored now, already stored (same token, same learner), or refused (another learner's token). */
export type ImportOutcome = 'created' | 'existing' | 'refused';

/**
 * Stores many attempts in one transaction, each by the rule of insertAttempt: importing the
 * same rows again stores nothing, and a token of another learner is refused for its row only.
 */
export function insertAttempts(db: Db, rows: readonly NewAttempt[]): Promise<ImportOutcome[]> {
  return inTransaction(db, async (tx) => {
    const outcomes: ImportOutcome[] = [];
    for (const values of rows) {
      const stored = await insertOrFindAttempt(tx, values);
      outcomes.push(stored === undefined ? 'refused' : stored.created ? 'created' : 'existing');
    }
    return outcomes;
  });
}

/** Every attempt of a learner, oldest first: the export. */
export function selectAllAttempts(db: Db, profileId: number): Promise<Attempt[]> {
  const { attempts } = tablesOf(db);
  return db.select().from(attempts).where(eq(attempts.profileId, profileId)).orderBy(asc(attempts.createdAt), asc(attempts.id));
}

const attemptById = (db: Db, { attempts }: Tables) =>
  db
    .select()
    .from(attempts)
    .where(and(eq(attempts.id, sql.placeholder('attemptId')), eq(attempts.profileId, sql.placeholder('profileId'))))
    .limit(1)
    .prepare();

export async function selectOptionalAttemptById(db: Db, profileId: number, attemptId: number): Promise<Attempt | undefined> {
  return firstRow(await prepared(db, attemptById).execute({ attemptId, profileId }));
}

/**
 * An attempt as a list shows it. The answer, variant and grade are large JSON columns a list
 * never reads; leaving them out keeps a progress page from parsing them for every row.
 */
export type ListedAttempt = Pick<Attempt, 'id' | 'scenarioId' | 'seed' | 'area' | 'objectives' | 'verdict' | 'score' | 'secondsTaken' | 'createdAt'>;

function listedColumns(attempts: Tables['attempts']) {
  return {
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
}

/** Newest first. */
export function selectRecentAttempts(db: Db, profileId: number, limit: number): Promise<ListedAttempt[]> {
  const { attempts } = tablesOf(db);
  return db
    .select(listedColumns(attempts))
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(limit);
}

/** The scenarios of the last `limit` attempts, newest first, without repeats. */
export async function selectRecentScenarioIds(db: Db, profileId: number, limit: number): Promise<string[]> {
  const { attempts } = tablesOf(db);
  const rows = await db
    .select({ scenarioId: attempts.scenarioId })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(limit);
  return [...new Set(rows.map((r) => r.scenarioId))];
}

/**
 * Scenarios whose latest attempt was not fully correct, newest first: what to go back to.
 * Ids grow with time, so the highest id per scenario is its latest attempt.
 */
export function selectMistakesToReview(db: Db, profileId: number, limit: number): Promise<ListedAttempt[]> {
  const { attempts } = tablesOf(db);
  const latestIds = db
    .select({ id: sql<number>`max(${attempts.id})` })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .groupBy(attempts.scenarioId);
  return db
    .select(listedColumns(attempts))
    .from(attempts)
    .where(and(inArray(attempts.id, latestIds), ne(attempts.verdict, 'correct')))
    .orderBy(desc(attempts.id))
    .limit(limit);
}

/** Oldest first. */
export function selectOldestAttempts(db: Db, profileId: number, limit: number): Promise<ListedAttempt[]> {
  const { attempts } = tablesOf(db);
  return db
    .select(listedColumns(attempts))
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(asc(attempts.createdAt), asc(attempts.id))
    .limit(limit);
}

export interface Accuracy {
  readonly key: string;
  readonly attempts: number;
  readonly correct: number;
  /** Mean score, 0..1: partial credit counts for what it is worth. */
  readonly accuracy: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The aggregates every accuracy figure is made of, per group. Written with case and sum, not
 * SQLite's sum of a comparison, so PostgreSQL (whose comparisons are booleans) runs it too; the
 * sums come back as text there, hence mapWith(Number).
 */
function accuracyColumns(attempts: Tables['attempts']) {
  return {
    attempts: count(),
    correct: sql<number>`sum(case when ${attempts.verdict} = 'correct' then 1 else 0 end)`.mapWith(Number),
    scoreSum: sql<number>`sum(${attempts.score})`.mapWith(Number),
  };
}

interface AccuracySums {
  readonly attempts: number;
  readonly correct: number;
  readonly scoreSum: number;
}

/** Keys in code-point order, as SQLite compares text (PostgreSQL's collation may not). */
function toAccuracies(sums: ReadonlyMap<string, AccuracySums>): Accuracy[] {
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, s]) => ({ key, attempts: s.attempts, correct: s.correct, accuracy: s.scoreSum / s.attempts }));
}

export async function selectAccuracyByArea(db: Db, profileId: number): Promise<Accuracy[]> {
  const { attempts } = tablesOf(db);
  const rows = await db
    .select({ key: attempts.area, ...accuracyColumns(attempts) })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .groupBy(attempts.area);
  return toAccuracies(new Map(rows.map((r) => [r.key, r])));
}

/**
 * An attempt counts once for each objective its scenario drills. The attempts are grouped by
 * their list of objectives in SQL and the lists are split here: the JSON functions that could
 * split them differ between SQLite and PostgreSQL, and there are few distinct lists.
 */
export async function selectAccuracyByObjective(db: Db, profileId: number): Promise<Accuracy[]> {
  const { attempts } = tablesOf(db);
  // As text: PostgreSQL's json type has no equality to group by.
  const objectives = sql<string>`cast(${attempts.objectives} as text)`;
  const rows = await db
    .select({ objectives, ...accuracyColumns(attempts) })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .groupBy(objectives);
  const sums = new Map<string, AccuracySums>();
  for (const row of rows) {
    for (const objective of new Set(JSON.parse(row.objectives) as string[])) {
      const s = sums.get(objective) ?? { attempts: 0, correct: 0, scoreSum: 0 };
      sums.set(objective, { attempts: s.attempts + row.attempts, correct: s.correct + row.correct, scoreSum: s.scoreSum + row.scoreSum });
    }
  }
  return toAccuracies(sums);
}

/**
 * One row per UTC day with at least one attempt, oldest first; `key` is `YYYY-MM-DD`. The day
 * is the millisecond timestamp divided by a day's length (integer division in both dialects),
 * so no date function of either is needed.
 */
export async function selectDailyAccuracy(db: Db, profileId: number): Promise<Accuracy[]> {
  const { attempts } = tablesOf(db);
  // A literal, not a parameter: PostgreSQL must see the same expression in select and group by.
  const day = sql<number>`(${attempts.createdAt} / ${sql.raw(String(DAY_MS))})`.mapWith(Number);
  const rows = await db
    .select({ day, ...accuracyColumns(attempts) })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .groupBy(day);
  return toAccuracies(new Map(rows.map((r) => [utcDayOfNumber(r.day), r])));
}

/** `YYYY-MM-DD` of the UTC day numbered `day` (days since 1970-01-01). */
export function utcDayOfNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export async function countAttempts(db: Db, profileId: number): Promise<number> {
  const { attempts } = tablesOf(db);
  const row = firstRow(await db.select({ n: count() }).from(attempts).where(eq(attempts.profileId, profileId)));
  return row?.n ?? 0;
}
