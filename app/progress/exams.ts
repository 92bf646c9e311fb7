/**
 * Timed mock exams: the exam row (its deadline kept here, so a reload or a restart resumes it),
 * its questions with the answers saved as they are given, and the submission that turns the
 * answers into attempts. Like the rest of app/progress/, it never calls the bank: the route
 * grades and hands the grades in.
 */
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Answer } from '../bank/types.ts';
import type { examQuestions, exams } from '../db/schema.ts';
import { type Db, firstRow, inTransaction, tablesOf } from '../db/store.ts';
import { type GradedAnswer, recordAnswer } from './answers.ts';
import type { Attempt } from './attempts.ts';
import type { PlannedQuestion } from './exam-plan.ts';

export type Exam = typeof exams.$inferSelect;
export type ExamQuestion = Omit<typeof examQuestions.$inferSelect, 'answer'> & { readonly answer: Answer | null };

export interface ExamWithQuestions {
  readonly exam: Exam;
  /** In position order. */
  readonly questions: readonly ExamQuestion[];
}

export interface NewExam {
  readonly profileId: number;
  readonly area: string | null;
  readonly kinds: readonly string[];
  readonly durationSeconds: number;
  /** 0..1. */
  readonly passMark: number;
  readonly questions: readonly PlannedQuestion[];
  readonly now: Date;
  /**
   * When the start form was rendered. The exams table has no column for a form token, so the
   * form's issue time stands in for one: an exam of this learner started at or after it means
   * the form was already used (a double click), and that exam is returned instead of a second.
   */
  readonly formIssuedAt?: Date | undefined;
}

export interface InsertedExam {
  readonly exam: Exam;
  readonly created: boolean;
}

export function insertExam(db: Db, values: NewExam): Promise<InsertedExam> {
  const { examQuestions, exams } = tablesOf(db);
  return inTransaction(db, async (tx) => {
    if (values.formIssuedAt) {
      const earlier = firstRow(
        await tx
          .select()
          .from(exams)
          .where(and(eq(exams.profileId, values.profileId), gte(exams.startedAt, values.formIssuedAt)))
          .orderBy(asc(exams.id))
          .limit(1),
      );
      if (earlier) return { exam: earlier, created: false };
    }
    const [exam] = await tx
      .insert(exams)
      .values({
        profileId: values.profileId,
        status: 'running',
        area: values.area,
        kinds: [...values.kinds],
        questionCount: values.questions.length,
        durationSeconds: values.durationSeconds,
        passMark: values.passMark,
        startedAt: values.now,
        deadlineAt: new Date(values.now.getTime() + values.durationSeconds * 1000),
      })
      .returning();
    if (!exam) throw new Error('Inserting an exam returned no row.');
    if (values.questions.length > 0) {
      await tx
        .insert(examQuestions)
        .values(values.questions.map((q, i) => ({ examId: exam.id, position: i + 1, scenarioId: q.scenarioId, seed: q.seed, area: q.area })));
    }
    return { exam, created: true };
  });
}

function toExamQuestion(row: typeof examQuestions.$inferSelect): ExamQuestion {
  return { ...row, answer: (row.answer ?? null) as Answer | null };
}

/** The learner's own exam with its questions; undefined for another learner's or a missing one. */
export async function selectExam(db: Db, profileId: number, examId: number): Promise<ExamWithQuestions | undefined> {
  const { examQuestions, exams } = tablesOf(db);
  const exam = firstRow(
    await db
      .select()
      .from(exams)
      .where(and(eq(exams.id, examId), eq(exams.profileId, profileId)))
      .limit(1),
  );
  if (!exam) return undefined;
  const questions = (await db.select().from(examQuestions).where(eq(examQuestions.examId, examId)).orderBy(asc(examQuestions.position))).map(toExamQuestion);
  return { exam, questions };
}

/** The learner's running exams, newest first (normally one). */
export function selectRunningExams(db: Db, profileId: number): Promise<Exam[]> {
  const { exams } = tablesOf(db);
  return db
    .select()
    .from(exams)
    .where(and(eq(exams.profileId, profileId), eq(exams.status, 'running')))
    .orderBy(desc(exams.startedAt), desc(exams.id));
}

export interface SavedExamAnswer {
  readonly examId: number;
  readonly position: number;
  /** Null clears the answer: the question counts as unanswered again. */
  readonly answer?: Answer | null | undefined;
  readonly flagged?: boolean | undefined;
  /** Added to the seconds already spent on the question. */
  readonly addSeconds: number;
  readonly now: Date;
}

/**
 * Saves an answer and/or the flag of a running exam's question. Returns false when the exam is
 * no longer running (submitted meanwhile), so nothing changes after submission.
 */
export function saveExamAnswer(db: Db, save: SavedExamAnswer): Promise<boolean> {
  const { examQuestions, exams } = tablesOf(db);
  return inTransaction(db, async (tx) => {
    const exam = firstRow(await tx.select({ status: exams.status }).from(exams).where(eq(exams.id, save.examId)).limit(1));
    if (exam?.status !== 'running') return false;
    const changes: Partial<typeof examQuestions.$inferInsert> = {};
    if (save.answer !== undefined) {
      changes.answer = save.answer;
      changes.answeredAt = save.answer === null ? null : save.now;
    }
    if (save.flagged !== undefined) changes.flagged = save.flagged;
    const changed = await tx
      .update(examQuestions)
      .set({ ...changes, secondsSpent: sql`${examQuestions.secondsSpent} + ${Math.max(0, Math.round(save.addSeconds))}` })
      .where(and(eq(examQuestions.examId, save.examId), eq(examQuestions.position, save.position)))
      .returning({ id: examQuestions.id });
    return changed.length === 1;
  });
}

/** Sets or clears the "flag for review" mark alone. */
export function flagExamQuestion(db: Db, examId: number, position: number, flagged: boolean, now: Date): Promise<boolean> {
  return saveExamAnswer(db, { examId, position, flagged, addSeconds: 0, now });
}

export interface GradedExamQuestion {
  readonly position: number;
  readonly graded: GradedAnswer;
  /** The question's score in the exam, 0..1 (an answer failing an essential check scores 0). */
  readonly score: number;
}

export interface ExamSubmission {
  readonly profileId: number;
  readonly examId: number;
  /** Every answered question, graded once; unanswered ones are absent and score 0. */
  readonly graded: readonly GradedExamQuestion[];
  readonly questionCount: number;
  readonly timedOut: boolean;
  readonly now: Date;
  /** Unguessable attempt tokens: a guessable one could be taken first through the answers API. */
  readonly tokenFor: (position: number) => string;
}

/**
 * Submits a running exam in one transaction: every graded answer becomes an attempt (source
 * `exam`, so it counts in progress and moves the review card once), linked from its question,
 * and the exam gets its score. A crash leaves it running or submitted, never half. Returns
 * false when it was not running (submitted by a concurrent request): nothing is stored twice.
 */
export function submitExam(db: Db, submission: ExamSubmission): Promise<boolean> {
  const { examQuestions, exams } = tablesOf(db);
  return inTransaction(db, async (tx) => {
    const total = submission.graded.reduce((sum, q) => sum + q.score, 0);
    const score = submission.questionCount === 0 ? 0 : total / submission.questionCount;
    const claimed = await tx
      .update(exams)
      .set({ status: 'submitted', submittedAt: submission.now, timedOut: submission.timedOut, score })
      .where(and(eq(exams.id, submission.examId), eq(exams.status, 'running')))
      .returning({ id: exams.id });
    if (claimed.length !== 1) return false;
    const secondsByPosition = new Map(
      (
        await tx
          .select({ position: examQuestions.position, secondsSpent: examQuestions.secondsSpent })
          .from(examQuestions)
          .where(eq(examQuestions.examId, submission.examId))
      ).map((row) => [row.position, row.secondsSpent]),
    );
    for (const question of submission.graded) {
      // recordAnswer's own transaction joins this one.
      const recorded = await recordAnswer(tx, {
        profileId: submission.profileId,
        graded: question.graded,
        submissionToken: submission.tokenFor(question.position),
        secondsTaken: secondsByPosition.get(question.position) ?? null,
        now: submission.now,
        source: 'exam',
      });
      if (!recorded) throw new Error(`The attempt token of exam ${submission.examId} question ${question.position} is already another learner's.`);
      await tx
        .update(examQuestions)
        .set({ attemptId: recorded.attempt.id })
        .where(and(eq(examQuestions.examId, submission.examId), eq(examQuestions.position, question.position)));
    }
    return true;
  });
}

export interface ExamReportQuestion extends ExamQuestion {
  /** The graded attempt; undefined when the question was not answered. */
  readonly attempt: Attempt | undefined;
}

/** A submitted exam's questions with their stored attempts. */
export async function selectExamReport(db: Db, profileId: number, examId: number): Promise<{ exam: Exam; questions: ExamReportQuestion[] } | undefined> {
  const { attempts } = tablesOf(db);
  const found = await selectExam(db, profileId, examId);
  if (!found) return undefined;
  const ids = found.questions.map((q) => q.attemptId).filter((id): id is number => id !== null);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(attempts)
          .where(and(inArray(attempts.id, ids), eq(attempts.profileId, profileId)));
  const byId = new Map(rows.map((a) => [a.id, a]));
  return { exam: found.exam, questions: found.questions.map((q) => ({ ...q, attempt: q.attemptId === null ? undefined : byId.get(q.attemptId) })) };
}

/** Every exam of the learner, newest first, running ones included. */
export function selectExamHistory(db: Db, profileId: number, limit = 100): Promise<Exam[]> {
  const { exams } = tablesOf(db);
  return db.select().from(exams).where(eq(exams.profileId, profileId)).orderBy(desc(exams.startedAt), desc(exams.id)).limit(limit);
}
