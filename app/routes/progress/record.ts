/**
 * What the progress page reads from the store for one learner, and a cache of it. Nothing read
 * here depends on the clock: the figures that move with time (predicted recall, the heatmap's
 * window, streaks) are computed from it per request.
 *
 * The cache is keyed by the store's own change counters rather than by a list of the features
 * that write (answers, imports, merges, exams, settings, and whatever comes next):
 * `total_changes()` counts every row this connection has inserted, updated or deleted, and
 * `PRAGMA data_version` moves when another connection commits. Any write at all therefore
 * retires every cached record, so a writer nobody thought of can never leave a stale figure,
 * and a learner who only reads (the common case, and the load benchmark's) pays for two pragma
 * reads instead of a dozen aggregate queries over their whole history. After a write the record
 * is read again, and kept as the same object when it reads the same.
 */
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import type { Db } from '../../db/connection.ts';
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
export function selectProgressRecord(db: Db, profileId: number): ProgressRecord {
  const byArea = selectAccuracyByArea(db, profileId);
  const totalAttempts = byArea.reduce((n, a) => n + a.attempts, 0);
  const correct = byArea.reduce((n, a) => n + a.correct, 0);
  const scoreSum = byArea.reduce((n, a) => n + a.accuracy * a.attempts, 0);
  const daily = selectDailyAccuracy(db, profileId);
  return {
    totalAttempts,
    overall: totalAttempts === 0 ? undefined : { key: 'all', attempts: totalAttempts, correct, accuracy: scoreSum / totalAttempts },
    daily,
    // selectDailyAnswerCounts groups by the same UTC day: one query serves both.
    dayCounts: daily.map((d) => ({ date: d.key, answers: d.attempts })),
    recent: selectRecentAttempts(db, profileId, RECENT_ATTEMPTS),
    toReview: selectMistakesToReview(db, profileId, MISTAKES_TO_REVIEW),
    oldest: selectOldestAttempts(db, profileId, RUNNING_CHART_ATTEMPTS),
    recentRight: selectRecentRightByObjective(db, profileId),
    reviewCards: selectReviewCards(db, profileId),
    targetRetention: selectStudySettings(db, profileId).targetRetention,
    calibration: selectCalibration(db, profileId),
    exams: selectRecentSubmittedExams(db, profileId),
  };
}

/** Learners kept; past it the least recently read is dropped. */
export const PROGRESS_CACHE_LEARNERS = 256;

interface Entry {
  readonly dataVersion: number;
  readonly totalChanges: number;
  readonly record: ProgressRecord;
}

interface StoreCache {
  readonly dataVersion: Database.Statement;
  readonly totalChanges: Database.Statement;
  readonly entries: Map<number, Entry>;
}

const caches = new WeakMap<Db, StoreCache>();

/** drizzle() returns its database with the better-sqlite3 connection beside it; the Db type leaves it out. */
function clientOf(db: Db): Database.Database {
  return (db as Db & { readonly $client: Database.Database }).$client;
}

function cacheOf(db: Db): StoreCache {
  let cache = caches.get(db);
  if (!cache) {
    const client = clientOf(db);
    cache = {
      dataVersion: client.prepare('pragma data_version').pluck(),
      totalChanges: client.prepare('select total_changes()').pluck(),
      entries: new Map(),
    };
    caches.set(db, cache);
  }
  return cache;
}

/** selectProgressRecord, served from memory while the store has not changed since it was read. */
export function cachedProgressRecord(db: Db, profileId: number): ProgressRecord {
  // Inside a transaction the counters already include writes a rollback may undo.
  if (clientOf(db).inTransaction) return selectProgressRecord(db, profileId);
  const cache = cacheOf(db);
  const dataVersion = cache.dataVersion.get() as number;
  const totalChanges = cache.totalChanges.get() as number;
  const entry = cache.entries.get(profileId);
  cache.entries.delete(profileId);
  if (entry && entry.dataVersion === dataVersion && entry.totalChanges === totalChanges) {
    cache.entries.set(profileId, entry);
    return entry.record;
  }
  const fresh = selectProgressRecord(db, profileId);
  // Most writes are another learner's: when this record reads the same, keeping the old object
  // keeps what was rendered from it (the route's content cache is keyed by the record).
  const record = entry && isDeepStrictEqual(entry.record, fresh) ? entry.record : fresh;
  cache.entries.set(profileId, { dataVersion, totalChanges, record });
  if (cache.entries.size > PROGRESS_CACHE_LEARNERS) {
    const oldest = cache.entries.keys().next();
    if (!oldest.done) cache.entries.delete(oldest.value);
  }
  return record;
}
