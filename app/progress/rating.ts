/**
 * How a graded answer rates for the review schedule (FSRS's Again / Hard / Good / Easy).
 *
 *   not fully right (or an essential check failed) → Again
 *   right, but marked unsure or a guess, or slow   → Hard
 *   right, sure and fast                           → Easy
 *   right otherwise                                → Good
 *
 * "Slow" and "fast" depend on the kind: reading four options is quicker than writing a
 * request. The same table is printed on the review page and in the README.
 */
import { Rating } from 'ts-fsrs';
import type { ScenarioKind, Verdict } from '../bank/types.ts';

export type Confidence = 'sure' | 'unsure' | 'guess';
export const CONFIDENCES: readonly Confidence[] = ['sure', 'unsure', 'guess'];

/** Seconds past which a right answer counts as slow (Hard), and under which as fast. */
export const PACE_BY_KIND: Readonly<Record<ScenarioKind, { readonly fastSeconds: number; readonly slowSeconds: number }>> = {
  choice: { fastSeconds: 30, slowSeconds: 120 },
  multi: { fastSeconds: 45, slowSeconds: 150 },
  numeric: { fastSeconds: 60, slowSeconds: 240 },
  request: { fastSeconds: 120, slowSeconds: 600 },
  design: { fastSeconds: 240, slowSeconds: 900 },
};

export type ReviewRating = Rating.Again | Rating.Hard | Rating.Good | Rating.Easy;

export interface RatedAnswer {
  readonly kind: ScenarioKind;
  readonly verdict: Verdict;
  /** False when a request or design answer failed a check the task exists for. */
  readonly essentialPassed: boolean;
  readonly confidence: Confidence | null;
  readonly secondsTaken: number | null;
}

/** Right for the schedule and for readiness: fully right, essentials included. */
export function countsAsRight(answer: Pick<RatedAnswer, 'verdict' | 'essentialPassed'>): boolean {
  return answer.verdict === 'correct' && answer.essentialPassed;
}

export function rateAnswer(answer: RatedAnswer): ReviewRating {
  if (!countsAsRight(answer)) return Rating.Again;
  const pace = PACE_BY_KIND[answer.kind];
  const slow = answer.secondsTaken !== null && answer.secondsTaken > pace.slowSeconds;
  if (answer.confidence === 'unsure' || answer.confidence === 'guess' || slow) return Rating.Hard;
  const fast = answer.secondsTaken !== null && answer.secondsTaken <= pace.fastSeconds;
  if (answer.confidence === 'sure' && fast) return Rating.Easy;
  return Rating.Good;
}

export const RATING_NAMES: Readonly<Record<ReviewRating, string>> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};
