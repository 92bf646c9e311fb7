/** The progress page's own reads of tables other features write. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { exams } from '../../db/schema.ts';

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
export function selectRecentSubmittedExams(db: Db, profileId: number | undefined, limit = EXAM_HISTORY): ExamHistoryRow[] {
  if (profileId === undefined) return [];
  return db
    .select()
    .from(exams)
    .where(and(eq(exams.profileId, profileId), eq(exams.status, 'submitted')))
    .orderBy(desc(exams.submittedAt), desc(exams.id))
    .limit(limit)
    .all()
    .map((e) => {
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
