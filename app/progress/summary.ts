/** Everything the progress page and `GET /api/progress` show, gathered in one place. */
import type { Db } from '../db/store.ts';
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

export async function selectProgressSummary(db: Db, profileId: number | undefined): Promise<ProgressSummary> {
  if (profileId === undefined) return { totalAttempts: 0, overall: undefined, byArea: [], byObjective: [], daily: [], recent: [], toReview: [] };
  const byArea = await selectAccuracyByArea(db, profileId);
  const totalAttempts = byArea.reduce((n, a) => n + a.attempts, 0);
  const correct = byArea.reduce((n, a) => n + a.correct, 0);
  const scoreSum = byArea.reduce((n, a) => n + a.accuracy * a.attempts, 0);
  return {
    totalAttempts,
    overall: totalAttempts === 0 ? undefined : { key: 'all', attempts: totalAttempts, correct, accuracy: scoreSum / totalAttempts },
    byArea,
    byObjective: await selectAccuracyByObjective(db, profileId),
    daily: await selectDailyAccuracy(db, profileId),
    recent: await selectRecentAttempts(db, profileId, RECENT_ATTEMPTS),
    toReview: await selectMistakesToReview(db, profileId, MISTAKES_TO_REVIEW),
  };
}
