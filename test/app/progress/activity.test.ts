import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../app/db/store.ts';
import { type DayCount, heatmapStart, selectActivitySummary, summariseActivity } from '../../../app/progress/activity.ts';
import { insertProfile } from '../../../app/progress/profiles.ts';
import { heatLevel } from '../../../app/views/heatmap-chart.tsx';
import { openTestStore } from '../../helpers/database.ts';
import { insertHandMadeAttempt } from './history.ts';

const days = (...dates: string[]): DayCount[] => dates.map((date) => ({ date, answers: 1 }));
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

describe('summariseActivity: streaks', () => {
  it.each([
    { case: 'no answers', active: [], today: '2026-03-10', current: 0, longest: 0 },
    { case: 'today only', active: ['2026-03-10'], today: '2026-03-10', current: 1, longest: 1 },
    { case: 'three days ending today', active: ['2026-03-08', '2026-03-09', '2026-03-10'], today: '2026-03-10', current: 3, longest: 3 },
    { case: 'ending yesterday: alive until today ends', active: ['2026-03-08', '2026-03-09'], today: '2026-03-10', current: 2, longest: 2 },
    { case: 'ending two days ago: broken', active: ['2026-03-07', '2026-03-08'], today: '2026-03-10', current: 0, longest: 2 },
    {
      case: 'a missed day splits the run',
      active: ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-09', '2026-03-10'],
      today: '2026-03-10',
      current: 2,
      longest: 3,
    },
    { case: 'across a month end', active: ['2026-02-27', '2026-02-28', '2026-03-01'], today: '2026-03-01', current: 3, longest: 3 },
    { case: 'across a year end', active: ['2025-12-31', '2026-01-01'], today: '2026-01-01', current: 2, longest: 2 },
  ])('$case: current $current, longest $longest', ({ active, today, current, longest }) => {
    const summary = summariseActivity(days(...active), noon(today));
    expect([summary.currentStreak, summary.longestStreak]).toEqual([current, longest]);
  });
});

describe('summariseActivity: the heatmap window', () => {
  it('starts on the Monday 25 weeks before this week and keeps only the days inside', () => {
    // 2026-03-10 is a Tuesday; its Monday is 03-09; 25 weeks earlier is 2025-09-15.
    expect(heatmapStart('2026-03-10')).toBe('2025-09-15');
    expect(new Date('2025-09-15T00:00:00Z').getUTCDay()).toBe(1);
    expect(heatmapStart('2026-03-09')).toBe('2025-09-15');
    expect(heatmapStart('2026-03-15')).toBe('2025-09-15');
    const summary = summariseActivity(
      [
        { date: '2025-09-14', answers: 4 },
        { date: '2025-09-15', answers: 2 },
        { date: '2026-03-10', answers: 3 },
      ],
      noon('2026-03-10'),
    );
    expect(summary.from).toBe('2025-09-15');
    expect(summary.days.map((d) => d.date)).toEqual(['2025-09-15', '2026-03-10']);
    expect([summary.answersInWindow, summary.activeDaysInWindow]).toEqual([5, 2]);
  });

  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 2],
    [6, 3],
    [9, 3],
    [10, 4],
    [250, 4],
  ])('shades a day of %i answers at level %i', (answers, level) => {
    expect(heatLevel(answers)).toBe(level);
  });
});

describe('selectActivitySummary', () => {
  let database: Store;
  beforeEach(async () => {
    database = await openTestStore();
  });
  afterEach(() => database.close());

  it('counts answers per UTC day: 23:59 and 00:01 fall on two days and make a two-day streak', async () => {
    const profileId = (await insertProfile(database.db, 't', new Date(0))).id;
    for (const iso of ['2026-03-01T23:59:00Z', '2026-03-01T08:00:00Z', '2026-03-02T00:01:00Z', '2026-03-02T00:02:00Z', '2026-03-02T23:59:59Z']) {
      await insertHandMadeAttempt(database.db, { profileId, at: new Date(iso), objectives: ['core.items'] });
    }
    const summary = await selectActivitySummary(database.db, profileId, new Date('2026-03-02T23:59:59.999Z'));
    expect(summary.days).toEqual([
      { date: '2026-03-01', answers: 2 },
      { date: '2026-03-02', answers: 3 },
    ]);
    expect([summary.currentStreak, summary.longestStreak]).toEqual([2, 2]);
    // One minute into 03-04 without an answer on 03-03: the streak is broken.
    const later = await selectActivitySummary(database.db, profileId, new Date('2026-03-04T00:01:00Z'));
    expect([later.currentStreak, later.longestStreak]).toEqual([0, 2]);
  });

  it('is empty for no profile', async () => {
    const summary = await selectActivitySummary(database.db, undefined, noon('2026-03-10'));
    expect(summary).toMatchObject({ days: [], currentStreak: 0, longestStreak: 0, answersInWindow: 0, today: '2026-03-10' });
  });
});
