/** "Report a problem with this question": stored with the exact variant, listed for authors. */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { questionReports } from '../db/schema.ts';
import { type Db, firstRow, tablesOf } from '../db/store.ts';

export type QuestionReport = typeof questionReports.$inferSelect;
export type NewQuestionReport = Omit<typeof questionReports.$inferInsert, 'id' | 'status'>;

/** The same learner sending the same message twice for a variant stores it once. */
export async function insertQuestionReport(db: Db, values: NewQuestionReport): Promise<QuestionReport> {
  const { questionReports } = tablesOf(db);
  const inserted = firstRow(await db.insert(questionReports).values(values).onConflictDoNothing().returning());
  if (inserted) return inserted;
  const existing = (await db.select().from(questionReports).where(eq(questionReports.profileId, values.profileId))).find(
    (r) => r.scenarioId === values.scenarioId && r.seed === values.seed && r.message === values.message,
  );
  if (!existing) throw new Error('Question report vanished between insert and select.');
  return existing;
}

export type ReportStatus = QuestionReport['status'];
/** What an author may mark an open report: fixed in the file, or nothing to fix. */
export const TRIAGE_STATUSES = ['resolved', 'dismissed'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** Newest first; only one family's when scenarioId is given. */
export function selectQuestionReports(db: Db, status: ReportStatus = 'open', scenarioId?: string): Promise<QuestionReport[]> {
  const { questionReports } = tablesOf(db);
  const where =
    scenarioId === undefined ? eq(questionReports.status, status) : and(eq(questionReports.status, status), eq(questionReports.scenarioId, scenarioId));
  return db.select().from(questionReports).where(where).orderBy(desc(questionReports.createdAt), desc(questionReports.id));
}

/** Reports already triaged (resolved, dismissed, or closed before triage had words), newest triage first. */
export function selectTriagedQuestionReports(db: Db, limit = 50): Promise<QuestionReport[]> {
  const { questionReports } = tablesOf(db);
  return db
    .select()
    .from(questionReports)
    .where(inArray(questionReports.status, ['resolved', 'dismissed', 'closed']))
    .orderBy(desc(questionReports.triagedAt), desc(questionReports.id))
    .limit(limit);
}

/** Open reports per scenario id, for the authoring list. */
export async function countOpenQuestionReports(db: Db): Promise<Map<string, number>> {
  const { questionReports } = tablesOf(db);
  const rows = await db
    .select({ scenarioId: questionReports.scenarioId, n: count() })
    .from(questionReports)
    .where(eq(questionReports.status, 'open'))
    .groupBy(questionReports.scenarioId);
  return new Map(rows.map((r) => [r.scenarioId, r.n]));
}

export interface Triage {
  readonly id: number;
  readonly status: TriageStatus;
  readonly note: string;
  readonly userId: number;
  readonly at: Date;
}

/**
 * Marks an open report resolved or dismissed with the author's note. Undefined when no open
 * report has that id (already triaged, or none): a second click changes nothing.
 */
export async function triageQuestionReport(db: Db, triage: Triage): Promise<QuestionReport | undefined> {
  const { questionReports } = tablesOf(db);
  return firstRow(
    await db
      .update(questionReports)
      .set({ status: triage.status, triageNote: triage.note, triagedAt: triage.at, triagedByUserId: triage.userId })
      .where(and(eq(questionReports.id, triage.id), eq(questionReports.status, 'open')))
      .returning(),
  );
}
