/**
 * Storing an answer with its grade. The route generates the question once and grades it once
 * (bank.prepare); this module only stores what it is handed and never calls the bank, so the
 * row holds exactly what the learner was shown. The attempt is committed before anyone sees
 * the result, and a repeated submission token returns the first attempt and its stored grade.
 */
import type { Answer, GradeResult, Variant } from '../bank/types.ts';
import type { Db } from '../db/connection.ts';
import { insertAttempt, type Attempt } from './attempts.ts';

/** What grading produced, from one generated variant. */
export interface GradedAnswer {
  readonly variant: Variant;
  readonly fingerprint: string;
  readonly answer: Answer;
  readonly result: GradeResult;
}

export interface AnswerSubmission {
  readonly profileId: number;
  readonly graded: GradedAnswer;
  readonly submissionToken: string;
  readonly secondsTaken: number | null;
  readonly now: Date;
}

export interface RecordedAnswer {
  readonly attempt: Attempt;
  /** False when this submission token had already been answered: nothing new was stored. */
  readonly created: boolean;
  /**
   * The stored grade: for a repeated token, the first submission's, not this one's. Null only
   * when the token belongs to an attempt stored before grades were kept with attempts.
   */
  readonly result: GradeResult | null;
}

/** Stores one graded answer. Returns undefined when the submission token is another learner's. */
export function recordAnswer(db: Db, submission: AnswerSubmission): RecordedAnswer | undefined {
  const { variant, fingerprint, answer, result } = submission.graded;
  const stored = insertAttempt(db, {
    profileId: submission.profileId,
    submissionToken: submission.submissionToken,
    scenarioId: variant.scenarioId,
    seed: variant.seed,
    area: variant.area,
    objectives: [...variant.objectives],
    params: { ...variant.params },
    answer,
    verdict: result.verdict,
    score: result.score,
    variant,
    result,
    fingerprint,
    secondsTaken: submission.secondsTaken,
    createdAt: submission.now,
  });
  if (!stored) return undefined;
  // The first submission wins: its stored grade is the one shown, never a regrade.
  return { attempt: stored.attempt, created: stored.created, result: stored.attempt.result ?? null };
}

/** Seconds between showing the form and receiving the answer; null when unknown or absurd. */
export function measureSecondsTaken(shownAtMs: number | undefined, now: Date): number | null {
  if (shownAtMs === undefined) return null;
  const seconds = Math.round((now.getTime() - shownAtMs) / 1000);
  const ONE_DAY = 24 * 60 * 60;
  return seconds >= 0 && seconds <= ONE_DAY ? seconds : null;
}

/**
 * How the scenario file of a stored grade compares with the one loaded now: `unchanged`,
 * `changed` since the answer, `removed` from the bank, or `unknown` for an attempt stored
 * before fingerprints were kept.
 */
export type ScenarioFileStatus = 'unchanged' | 'changed' | 'removed' | 'unknown';

export function compareScenarioFile(attempt: Pick<Attempt, 'fingerprint'>, currentFingerprint: string | undefined): ScenarioFileStatus {
  if (currentFingerprint === undefined) return 'removed';
  if (attempt.fingerprint === null) return 'unknown';
  return attempt.fingerprint === currentFingerprint ? 'unchanged' : 'changed';
}
