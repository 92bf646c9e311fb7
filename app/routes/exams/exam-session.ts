/**
 * What the exam pages and the exam API share: the start settings and their bounds, opening an
 * exam (submitting it first when its time is up), checking a saved answer fits its question,
 * and grading at submission.
 */
import { z } from 'zod';
import { type Answer, type Bank, type GradeResult, InvalidAnswerError, type ScenarioKind, UnknownScenarioError, type Variant } from '../../bank/types.ts';
import { essentialChecksPassed } from '../../progress/answers.ts';
import { DEFAULT_EXAM_KINDS, DEFAULT_EXAM_MINUTES, DEFAULT_EXAM_QUESTIONS, planExam } from '../../progress/exam-plan.ts';
import {
  type Exam,
  type ExamQuestion,
  type ExamWithQuestions,
  type GradedExamQuestion,
  insertExam,
  type InsertedExam,
  selectExam,
  submitExam,
} from '../../progress/exams.ts';
import type { AppDeps } from '../app-env.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';

export const EXAM_LIMITS = {
  questions: { min: 3, max: 65 },
  minutes: { min: 5, max: 180 },
  passPercent: { min: 50, max: 100 },
} as const;
export const DEFAULT_PASS_PERCENT = 72;
export const EXAM_KINDS: readonly ScenarioKind[] = ['choice', 'multi', 'numeric', 'request', 'design'];
/**
 * An answer posted this long after the deadline still counts: it left the browser in time
 * (the countdown script posts the open question when it reaches zero).
 */
export const SAVE_GRACE_MS = 10_000;

export const ExamSettingsSchema = z.object({
  questions: z.coerce
    .number({ error: 'Enter the number of questions.' })
    .int('Enter a whole number of questions.')
    .min(EXAM_LIMITS.questions.min, `Ask at least ${EXAM_LIMITS.questions.min} questions.`)
    .max(EXAM_LIMITS.questions.max, `Ask at most ${EXAM_LIMITS.questions.max} questions (the length of the real exam).`)
    .default(DEFAULT_EXAM_QUESTIONS),
  minutes: z.coerce
    .number({ error: 'Enter the time in minutes.' })
    .int('Enter a whole number of minutes.')
    .min(EXAM_LIMITS.minutes.min, `Allow at least ${EXAM_LIMITS.minutes.min} minutes.`)
    .max(EXAM_LIMITS.minutes.max, `Allow at most ${EXAM_LIMITS.minutes.max} minutes.`)
    .default(DEFAULT_EXAM_MINUTES),
  passPercent: z.coerce
    .number({ error: 'Enter the pass mark as a percentage.' })
    .int('Enter the pass mark as a whole percentage.')
    .min(EXAM_LIMITS.passPercent.min, `Set the pass mark at ${EXAM_LIMITS.passPercent.min}% or more.`)
    .max(EXAM_LIMITS.passPercent.max, `Set the pass mark at ${EXAM_LIMITS.passPercent.max}% or less.`)
    .default(DEFAULT_PASS_PERCENT),
  area: z.string().max(100).optional(),
  kinds: z
    .array(z.enum(EXAM_KINDS as [ScenarioKind, ...ScenarioKind[]], { error: 'Choose kinds among choice, multi, numeric, request and design.' }))
    .min(1, 'Choose at least one kind of question.')
    .default([...DEFAULT_EXAM_KINDS]),
});
export type ExamSettings = z.infer<typeof ExamSettingsSchema>;

/** Checks the meaning of parsed settings against the bank; throws InvalidInputError naming the field. */
export function startExam(deps: AppDeps, profileId: number, settings: ExamSettings, formIssuedAt?: Date): Promise<InsertedExam> {
  const { bank, db, clock, random } = deps;
  const area = settings.area === undefined || settings.area === '' || settings.area === 'mixed' ? undefined : settings.area;
  if (area !== undefined && !bank.areas.some((a) => a.id === area)) throw new InvalidInputError('area', `"${area}" is not an area of the study guide.`);
  const kinds = [...new Set(settings.kinds)];
  const questions = planExam(bank, { questions: settings.questions, area, kinds }, random);
  if (questions.length === 0) throw new InvalidInputError('kinds', 'No question of these kinds exists in this area yet; choose other kinds or another area.');
  return insertExam(db, {
    profileId,
    area: area ?? null,
    kinds,
    durationSeconds: settings.minutes * 60,
    passMark: settings.passPercent / 100,
    questions,
    now: clock.now(),
    formIssuedAt,
  });
}

export function remainingSeconds(exam: Exam, now: Date): number {
  return Math.max(0, Math.ceil((exam.deadlineAt.getTime() - now.getTime()) / 1000));
}

/**
 * The learner's exam, submitted first when its time is up: any request on an exam past its
 * deadline shows the result of what was answered. 404 for another learner's exam.
 */
export async function openExam(deps: AppDeps, profileId: number | undefined, examId: number, options: { graceMs?: number } = {}): Promise<ExamWithQuestions> {
  const found = profileId === undefined ? undefined : await selectExam(deps.db, profileId, examId);
  if (!found || profileId === undefined) throw new NotFoundError(`You have no exam ${examId}.`);
  const now = deps.clock.now();
  if (found.exam.status === 'running' && now.getTime() >= found.exam.deadlineAt.getTime() + (options.graceMs ?? 0)) {
    await gradeAndSubmit(deps, profileId, found, true);
    return (await selectExam(deps.db, profileId, examId))!;
  }
  return found;
}

/** The question at a 1-based position, or a 404 naming the range. */
export function questionAt(found: ExamWithQuestions, position: number): ExamQuestion {
  const question = found.questions.find((q) => q.position === position);
  if (!question) throw new NotFoundError(`Exam ${found.exam.id} has questions 1 to ${found.questions.length}; there is no question ${position}.`);
  return question;
}

export function parsePosition(text: string): number {
  if (!/^\d{1,3}$/.test(text)) throw new InvalidInputError('position', `"${text}" is not a question number.`);
  return Number(text);
}

export function parseExamId(text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new InvalidInputError('examId', `"${text}" is not an exam number.`);
  return Number(text);
}

/** The saved answer must be one this question can take: right kind, its own option ids. */
export function checkAnswerFits(variant: Variant, answer: Answer): void {
  if (answer.kind !== variant.kind) throw new InvalidInputError('answer.kind', `Question is of kind ${variant.kind}, not ${answer.kind}.`);
  if (answer.kind === 'choice' && variant.kind === 'choice' && !variant.options.some((o) => o.id === answer.optionId)) {
    throw new InvalidInputError('answer.optionId', `"${answer.optionId}" is not one of this question's options.`);
  }
  if (answer.kind === 'multi' && variant.kind === 'multi') {
    const unknown = answer.optionIds.find((id) => !variant.options.some((o) => o.id === id));
    if (unknown !== undefined) throw new InvalidInputError('answer.optionIds', `"${unknown}" is not one of this question's options.`);
  }
}

/**
 * Seconds to add for one visit: from when the question was shown to now, never before the
 * start, never past the deadline, so a forged or stale shownAt cannot inflate it.
 */
export function visitSeconds(exam: Exam, shownAtMs: number | undefined, now: Date): number {
  if (shownAtMs === undefined) return 0;
  const from = Math.max(shownAtMs, exam.startedAt.getTime());
  const to = Math.min(now.getTime(), exam.deadlineAt.getTime());
  return to > from ? Math.round((to - from) / 1000) : 0;
}

/** A question's points in the exam: its score, but none when it fails an essential check. */
function examScore(result: GradeResult): number {
  return essentialChecksPassed(result) === false ? 0 : result.score;
}

/**
 * Grades each answered question once (a fresh generation of its seed) and submits the exam in
 * one transaction. A question whose scenario has left the bank, or whose saved answer no longer
 * fits it, scores 0 like an unanswered one rather than block the submission.
 */
export function gradeAndSubmit(deps: AppDeps, profileId: number, found: ExamWithQuestions, timedOut: boolean): Promise<boolean> {
  const { bank, db, clock, randomToken } = deps;
  const graded = gradeAnswers(bank, found.questions);
  return submitExam(db, {
    profileId,
    examId: found.exam.id,
    graded,
    questionCount: found.questions.length,
    timedOut,
    now: clock.now(),
    tokenFor: (position) => `exam-${found.exam.id}-${position}-${randomToken()}`,
  });
}

function gradeAnswers(bank: Bank, questions: readonly ExamQuestion[]): GradedExamQuestion[] {
  const graded: GradedExamQuestion[] = [];
  for (const question of questions) {
    if (question.answer === null) continue;
    try {
      const prepared = bank.prepare(question.scenarioId, question.seed);
      const result = prepared.grade(question.answer);
      graded.push({
        position: question.position,
        graded: { variant: prepared.variant, fingerprint: prepared.fingerprint, answer: question.answer, result },
        score: examScore(result),
      });
    } catch (error) {
      if (error instanceof UnknownScenarioError || error instanceof InvalidAnswerError) continue;
      throw error;
    }
  }
  return graded;
}

export async function submitNow(deps: AppDeps, profileId: number, examId: number): Promise<ExamWithQuestions> {
  const found = await openExam(deps, profileId, examId);
  if (found.exam.status === 'running') await gradeAndSubmit(deps, profileId, found, false);
  return (await selectExam(deps.db, profileId, examId))!;
}
