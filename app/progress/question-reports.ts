/** "Report a problem with this question": stored with the exact variant, listed for authors. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { questionReports } from '../db/schema.ts';

export type QuestionReport = typeof questionReports.$inferSelect;
export type NewQuestionReport = Omit<typeof questionReports.$inferInsert, 'id' | 'status'>;

/** The same learner sending the same message twice for a variant stores it once. */
export function insertQuestionReport(db: Db, values: NewQuestionReport): QuestionReport {
  const inserted = db.insert(questionReports).values(values).onConflictDoNothing().returning().get();
  if (inserted) return inserted;
  const existing = db
    .select()
    .from(questionReports)
    .where(eq(questionReports.profileId, values.profileId))
    .all()
    .find((r) => r.scenarioId === values.scenarioId && r.seed === values.seed && r.message === values.message);
  if (!existing) throw new Error('Question report vanished between insert and select.');
  return existing;
}

export function selectQuestionReports(db: Db, status: 'open' | 'closed' = 'open'): QuestionReport[] {
  return db.select().from(questionReports).where(eq(questionReports.status, status)).orderBy(desc(questionReports.createdAt), desc(questionReports.id)).all();
}
