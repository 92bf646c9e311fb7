/**
 * Activity by UTC day: the heatmap's counts and the streaks. Days are UTC so a learner's record
 * reads the same from any time zone and a test can place an answer either side of midnight.
 */
import { count, eq, sql } from 'drizzle-orm';
import { type Db, tablesOf } from '../db/store.ts';
import { utcDayOfNumber } from './attempts.ts';

/** About six months, as GitHub's contribution graph shows half its year. */
export const HEATMAP_WEEKS = 26;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayCount {
  /** `YYYY-MM-DD`, UTC. */
  readonly date: string;
  readonly answers: number;
}

export interface ActivitySummary {
  /** The UTC day of the clock's now. */
  readonly today: string;
  /** The heatmap's first day: a Monday, HEATMAP_WEEKS weeks back counting this one. */
  readonly from: string;
  /** Days from `from` to `today` with at least one answer, oldest first. */
  readonly days: readonly DayCount[];
  readonly answersInWindow: number;
  readonly activeDaysInWindow: number;
  /**
   * Consecutive days with an answer, ending today, or yesterday when today has none yet: a
   * streak is not lost until a whole day passes without an answer.
   */
  readonly currentStreak: number;
  readonly longestStreak: number;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/**
 * Every UTC day with an answer and how many, oldest first; one row per day, however many answers.
 * Days are counted by integer division of the millisecond timestamps, the same in both dialects.
 */
export async function selectDailyAnswerCounts(db: Db, profileId: number): Promise<DayCount[]> {
  const { attempts } = tablesOf(db);
  const day = sql<number>`(${attempts.createdAt} / ${sql.raw(String(DAY_MS))})`.mapWith(Number);
  const rows = await db.select({ day, answers: count() }).from(attempts).where(eq(attempts.profileId, profileId)).groupBy(day);
  return rows.sort((a, b) => a.day - b.day).map((r) => ({ date: utcDayOfNumber(r.day), answers: r.answers }));
}

/** Monday of the week HEATMAP_WEEKS - 1 weeks before today's. */
export function heatmapStart(today: string, weeks = HEATMAP_WEEKS): string {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(today, -weekday - 7 * (weeks - 1));
}

/** Pure: the summary of days (any order; one entry per day) seen from `now`. */
export function summariseActivity(days: readonly DayCount[], now: Date, weeks = HEATMAP_WEEKS): ActivitySummary {
  const today = utcDay(now);
  const from = heatmapStart(today, weeks);
  const sorted = [...days].filter((d) => d.answers > 0 && d.date <= today).sort((a, b) => a.date.localeCompare(b.date));
  const inWindow = sorted.filter((d) => d.date >= from);

  let longestStreak = 0;
  let run = 0;
  let previous: string | undefined;
  for (const d of sorted) {
    run = previous !== undefined && addDays(previous, 1) === d.date ? run + 1 : 1;
    longestStreak = Math.max(longestStreak, run);
    previous = d.date;
  }
  const active = new Set(sorted.map((d) => d.date));
  let currentStreak = 0;
  let day = active.has(today) ? today : addDays(today, -1);
  while (active.has(day)) {
    currentStreak += 1;
    day = addDays(day, -1);
  }
  return {
    today,
    from,
    days: inWindow,
    answersInWindow: inWindow.reduce((n, d) => n + d.answers, 0),
    activeDaysInWindow: inWindow.length,
    currentStreak,
    longestStreak,
  };
}

export async function selectActivitySummary(db: Db, profileId: number | undefined, now: Date): Promise<ActivitySummary> {
  return summariseActivity(profileId === undefined ? [] : await selectDailyAnswerCounts(db, profileId), now);
}
