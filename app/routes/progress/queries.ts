/** The progress page's own reads of tables other features write. */
import { and, desc, eq } from 'drizzle-orm';
import { type Db, tablesOf } from '../../db/store.ts';

export const EXAM_HISTORY = 5;

export interface ExamHistoryRow {
  readonly id: number;
  readonly area: string | null;
  readonly questionCount: number;
  readonly submittedAt: Date;
  /** 0..1. */
  readonly score: number;
  readonly passMark: number;
  readonly passed: boolean;
  readonly timedOut: boolean;
}

/** The latest submitted mock exams, newest first; a running exam is not history yet. */
export async function selectRecentSubmittedExams(db: Db, profileId: number | undefined, limit = EXAM_HISTORY): Promise<ExamHistoryRow[]> {
  if (profileId === undefined) return [];
  const { exams } = tablesOf(db);
  const rows = await db
    .select()
    .from(exams)
    .where(and(eq(exams.profileId, profileId), eq(exams.status, 'submitted')))
    .orderBy(desc(exams.submittedAt), desc(exams.id))
    .limit(limit);
  return rows.map((e) => {
    const score = e.score ?? 0;
    return {
      id: e.id,
      area: e.area,
      questionCount: e.questionCount,
      submittedAt: e.submittedAt ?? e.startedAt,
      score,
      passMark: e.passMark,
      passed: score >= e.passMark,
      timedOut: e.timedOut,
    };
  });
}
