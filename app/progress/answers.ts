/**
 * Storing an answer with its grade. The route generates the question once and grades it once
 * (bank.prepare); this module only stores what it is handed and never calls the bank, so the
 * row holds exactly what the learner was shown. The attempt is committed before anyone sees
 * the result, and a repeated submission token returns the first attempt and its stored grade.
 */
import type { Answer, GradeResult, Variant } from '../bank/types.ts';
import { type Db, inTransaction } from '../db/store.ts';
import { type Attempt, insertOrFindAttempt } from './attempts.ts';
import type { Confidence } from './rating.ts';
import { applyAnswerToCard, type ReviewCardRow } from './review-cards.ts';

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
  /** How sure the learner said they were, when asked. */
  readonly confidence?: Confidence | null;
  /** Where it was answered; every source counts once in progress and the schedule. */
  readonly source?: AttemptSource;
}

export type AttemptSource = Attempt['source'];

export interface RecordedAnswer {
  readonly attempt: Attempt;
  /** False when this submission token had already been answered: nothing new was stored. */
  readonly created: boolean;
  /**
   * The stored grade: for a repeated token, the first submission's, not this one's. Null only
   * when the token belongs to an attempt stored before grades were kept with attempts.
   */
  readonly result: GradeResult | null;
  /** The family's review card after this answer; undefined for a repeated token. */
  readonly card?: ReviewCardRow | undefined;
}

/**
 * Null for kinds without checks; otherwise whether every check the family marks essential
 * passed (true when it marks none).
 */
export function essentialChecksPassed(result: GradeResult): boolean | null {
  if (result.kind !== 'request' && result.kind !== 'design') return null;
  return result.checks.every((check) => !check.essential || check.passed);
}

/** Stores one graded answer. Returns undefined when the submission token is another learner's. */
export function recordAnswer(db: Db, submission: AnswerSubmission): Promise<RecordedAnswer | undefined> {
  const { variant, fingerprint, answer, result } = submission.graded;
  const essentialPassed = essentialChecksPassed(result);
  const confidence = submission.confidence ?? null;
  // The attempt and the schedule move together: a crash between them can lose neither alone.
  return inTransaction(db, async (tx) => {
    const stored = await insertOrFindAttempt(tx, {
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
      confidence,
      source: submission.source ?? 'practice',
      essentialPassed,
      createdAt: submission.now,
    });
    if (!stored) return undefined;
    // The first submission wins: its stored grade is the one shown, never a regrade.
    if (!stored.created) return { attempt: stored.attempt, created: false, result: stored.attempt.result ?? null };
    const { card } = await applyAnswerToCard(tx, {
      profileId: submission.profileId,
      scenarioId: variant.scenarioId,
      seed: variant.seed,
      kind: variant.kind,
      verdict: result.verdict,
      essentialPassed: essentialPassed ?? true,
      confidence,
      secondsTaken: submission.secondsTaken,
      now: submission.now,
    });
    return { attempt: stored.attempt, created: true, result: stored.attempt.result ?? null, card };
  });
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
