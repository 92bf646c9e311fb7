/**
 * What the progress page reads from the store for one learner, and a cache of it. Nothing read
 * here depends on the clock: the figures that move with time (predicted recall, the heatmap's
 * window, streaks) are computed from it per request.
 *
 * The cache is keyed by the store's own change counter (Store.changeVersion) rather than by a
 * list of the features that write (answers, imports, merges, exams, settings, and whatever
 * comes next): on SQLite it moves with every row this connection writes and with every commit
 * of another connection. Any write at all therefore retires every cached record, so a writer
 * nobody thought of can never leave a stale figure, and a learner who only reads (the common
 * case, and the load benchmark's) pays for two pragma reads instead of a dozen aggregate
 * queries over their whole history. After a write the record is read again, and kept as the
 * same object when it reads the same. Where the store has no such counter (PostgreSQL, where
 * other instances write too and no cheap counter sees their commits), nothing is cached and
 * the record is read per request: correct however many instances share the database.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../db/store.ts';
import type { DayCount } from '../../progress/activity.ts';
import {
  type Accuracy,
  type ListedAttempt,
  selectDailyAccuracy,
  selectMistakesToReview,
  selectOldestAttempts,
  selectRecentAttempts,
  selectAccuracyByArea,
} from '../../progress/attempts.ts';
import { type CalibrationRow, selectCalibration, selectRecentRightByObjective } from '../../progress/mastery.ts';
import { type ReviewCardRow, selectReviewCards, selectStudySettings } from '../../progress/review-cards.ts';
import { MISTAKES_TO_REVIEW, RECENT_ATTEMPTS } from '../../progress/summary.ts';
import { type ExamHistoryRow, selectRecentSubmittedExams } from './queries.ts';

/** The running-accuracy chart covers the oldest attempts, this many. */
export const RUNNING_CHART_ATTEMPTS = 50;

export interface ProgressRecord {
  readonly totalAttempts: number;
  /** Undefined before the first attempt. */
  readonly overall: Accuracy | undefined;
  readonly daily: readonly Accuracy[];
  /** The same days as `daily`, as the heatmap counts them. */
  readonly dayCounts: readonly DayCount[];
  readonly recent: readonly ListedAttempt[];
  readonly toReview: readonly ListedAttempt[];
  readonly oldest: readonly ListedAttempt[];
  readonly recentRight: ReadonlyMap<string, readonly boolean[]>;
  readonly reviewCards: readonly ReviewCardRow[];
  readonly targetRetention: number;
  readonly calibration: readonly CalibrationRow[];
  readonly exams: readonly ExamHistoryRow[];
}

/** Reads the record afresh: the reference the cache must always agree with. */
export async function selectProgressRecord(db: Db, profileId: number): Promise<ProgressRecord> {
  const byArea = await selectAccuracyByArea(db, profileId);
  const totalAttempts = byArea.reduce((n, a) => n + a.attempts, 0);
  const correct = byArea.reduce((n, a) => n + a.correct, 0);
  const scoreSum = byArea.reduce((n, a) => n + a.accuracy * a.attempts, 0);
  const daily = await selectDailyAccuracy(db, profileId);
  return {
    totalAttempts,
    overall: totalAttempts === 0 ? undefined : { key: 'all', attempts: totalAttempts, correct, accuracy: scoreSum / totalAttempts },
    daily,
    // selectDailyAnswerCounts groups by the same UTC day: one query serves both.
    dayCounts: daily.map((d) => ({ date: d.key, answers: d.attempts })),
    recent: await selectRecentAttempts(db, profileId, RECENT_ATTEMPTS),
    toReview: await selectMistakesToReview(db, profileId, MISTAKES_TO_REVIEW),
    oldest: await selectOldestAttempts(db, profileId, RUNNING_CHART_ATTEMPTS),
    recentRight: await selectRecentRightByObjective(db, profileId),
    reviewCards: await selectReviewCards(db, profileId),
    targetRetention: (await selectStudySettings(db, profileId)).targetRetention,
    calibration: await selectCalibration(db, profileId),
    exams: await selectRecentSubmittedExams(db, profileId),
  };
}

/** Learners kept; past it the least recently read is dropped. */
export const PROGRESS_CACHE_LEARNERS = 256;

interface Entry {
  readonly version: string;
  readonly record: ProgressRecord;
}

/** One cache per store (keyed by its change counter), each learner's entry in least-recently-read order. */
const caches = new WeakMap<() => string, Map<number, Entry>>();

/**
 * selectProgressRecord, served from memory while the store has not changed since it was read.
 * `changeVersion` is the store's (AppDeps.changeVersion); undefined reads afresh every time.
 */
export async function cachedProgressRecord(db: Db, changeVersion: (() => string) | undefined, profileId: number): Promise<ProgressRecord> {
  if (changeVersion === undefined) return selectProgressRecord(db, profileId);
  let entries = caches.get(changeVersion);
  if (!entries) {
    entries = new Map();
    caches.set(changeVersion, entries);
  }
  // Read before the record: a write landing while it is read leaves the entry already stale.
  const version = changeVersion();
  const entry = entries.get(profileId);
  if (entry && entry.version === version) {
    entries.delete(profileId);
    entries.set(profileId, entry);
    return entry.record;
  }
  const fresh = await selectProgressRecord(db, profileId);
  // Most writes are another learner's: when this record reads the same, keeping the old object
  // keeps what was rendered from it (the route's content cache is keyed by the record).
  const record = entry && isDeepStrictEqual(entry.record, fresh) ? entry.record : fresh;
  entries.delete(profileId);
  entries.set(profileId, { version, record });
  if (entries.size > PROGRESS_CACHE_LEARNERS) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  return record;
}
