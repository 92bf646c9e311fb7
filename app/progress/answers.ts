/**
 * Answering a question: grade it, store the attempt, hand back the verdict. The attempt is
 * committed before anyone sees the result, and a repeated submission token returns the first
 * attempt and its grade instead of storing another.
 */
import type { Answer, Bank, GradeResult } from '../bank/types.ts';
import type { Db } from '../db/connection.ts';
import { insertAttempt, type Attempt } from './attempts.ts';

export interface AnswerSubmission {
  readonly profileId: number;
  readonly scenarioId: string;
  readonly seed: number;
  readonly answer: Answer;
  readonly submissionToken: string;
  readonly secondsTaken: number | null;
  readonly now: Date;
}

export interface RecordedAnswer {
  readonly attempt: Attempt;
  /** False when this submission token had already been answered: nothing new was stored. */
  readonly created: boolean;
  readonly result: GradeResult;
}

/**
 * Grades and stores one answer. Throws what `bank.grade` throws (UnknownScenarioError,
 * InvalidAnswerError) before anything is written. Returns undefined when the submission
 * token is already used by another learner.
 */
export function recordAnswer(db: Db, bank: Bank, submission: AnswerSubmission): RecordedAnswer | undefined {
  const variant = bank.variant(submission.scenarioId, submission.seed);
  const result = bank.grade(submission.scenarioId, submission.seed, submission.answer);
  const stored = insertAttempt(db, {
    profileId: submission.profileId,
    submissionToken: submission.submissionToken,
    scenarioId: variant.scenarioId,
    seed: variant.seed,
    area: variant.area,
    objectives: [...variant.objectives],
    params: { ...variant.params },
    answer: submission.answer,
    verdict: result.verdict,
    score: result.score,
    secondsTaken: submission.secondsTaken,
    createdAt: submission.now,
  });
  if (!stored) return undefined;
  if (stored.created) return { attempt: stored.attempt, created: true, result };
  // The first submission wins: show the grade of what was stored, not of the resubmission.
  return { attempt: stored.attempt, created: false, result: gradeAttempt(bank, stored.attempt) };
}

/** Grading is pure, so a stored answer regrades to the verdict the learner was shown. */
export function gradeAttempt(bank: Bank, attempt: Attempt): GradeResult {
  return bank.grade(attempt.scenarioId, attempt.seed, attempt.answer as Answer);
}

/** Seconds between showing the form and receiving the answer; null when unknown or absurd. */
export function measureSecondsTaken(shownAtMs: number | undefined, now: Date): number | null {
  if (shownAtMs === undefined) return null;
  const seconds = Math.round((now.getTime() - shownAtMs) / 1000);
  const ONE_DAY = 24 * 60 * 60;
  return seconds >= 0 && seconds <= ONE_DAY ? seconds : null;
}
