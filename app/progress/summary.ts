/** Everything the progress page and `GET /api/progress` show, gathered in one place. */
import type { Db } from '../db/connection.ts';
import {
  type Accuracy,
  type ListedAttempt,
  selectAccuracyByArea,
  selectAccuracyByObjective,
  selectDailyAccuracy,
  selectMistakesToReview,
  selectRecentAttempts,
} from './attempts.ts';

export interface ProgressSummary {
  readonly totalAttempts: number;
  /** Undefined before the first attempt. */
  readonly overall: Accuracy | undefined;
  readonly byArea: Accuracy[];
  readonly byObjective: Accuracy[];
  readonly daily: Accuracy[];
  readonly recent: ListedAttempt[];
  /** Scenarios whose latest attempt was not fully correct, newest first. */
  readonly toReview: ListedAttempt[];
}

export const RECENT_ATTEMPTS = 20;
export const MISTAKES_TO_REVIEW = 10;

export function selectProgressSummary(db: Db, profileId: number | undefined): ProgressSummary {
  if (profileId === undefined) return { totalAttempts: 0, overall: undefined, byArea: [], byObjective: [], daily: [], recent: [], toReview: [] };
  const byArea = selectAccuracyByArea(db, profileId);
  const totalAttempts = byArea.reduce((n, a) => n + a.attempts, 0);
  const correct = byArea.reduce((n, a) => n + a.correct, 0);
  const scoreSum = byArea.reduce((n, a) => n + a.accuracy * a.attempts, 0);
  return {
    totalAttempts,
    overall: totalAttempts === 0 ? undefined : { key: 'all', attempts: totalAttempts, correct, accuracy: scoreSum / totalAttempts },
    byArea,
    byObjective: selectAccuracyByObjective(db, profileId),
    daily: selectDailyAccuracy(db, profileId),
    recent: selectRecentAttempts(db, profileId, RECENT_ATTEMPTS),
    toReview: selectMistakesToReview(db, profileId, MISTAKES_TO_REVIEW),
  };
}
