import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../app/db/store.ts';
import { type ReadinessReport, selectCalibration, selectReadinessReport, type StudyGuide } from '../../../app/progress/mastery.ts';
import { insertProfile } from '../../../app/progress/profiles.ts';
import { wilsonInterval } from '../../../app/progress/readiness.ts';
import { applyAnswerToCard, selectOptionalReviewCard, toReviewCard } from '../../../app/progress/review-cards.ts';
import { retrievability } from '../../../app/progress/review-schedule.ts';
import { selectRecentSubmittedExams } from '../../../app/routes/progress/queries.ts';
import { openTestStore } from '../../helpers/database.ts';
import { insertHandMadeAttempt, insertSubmittedExam } from './history.ts';

/** Two areas, three objectives; family math.f drills both math objectives. */
const GUIDE = {
  areas: [
    { id: 'core', title: 'what DynamoDB is', objectives: [{ id: 'core.a', area: 'core', text: 'A' }] },
    {
      id: 'math',
      title: 'capacity unit arithmetic',
      objectives: [
        { id: 'math.rcu', area: 'math', text: 'RCU' },
        { id: 'math.wcu', area: 'math', text: 'WCU' },
      ],
    },
  ],
  scenarios: [
    { id: 'core.f', objectives: ['core.a'] },
    { id: 'math.f', objectives: ['math.rcu', 'math.wcu'] },
  ],
} as unknown as StudyGuide;

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 1, 12);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

let database: Store;
let profileId: number;
beforeEach(async () => {
  database = await openTestStore();
  profileId = (await insertProfile(database.db, 'learner-token', new Date(T0))).id;
});
afterEach(() => database.close());

const report = (now = at(1000)) => selectReadinessReport(database.db, GUIDE, profileId, now, 0.72);
const objective = async (id: string, r?: ReadinessReport) => (r ?? (await report())).objectives.find((o) => o.objectiveId === id)!;

describe('selectReadinessReport', () => {
  it('is zero everywhere, every area listed, for a learner without answers and for no profile', async () => {
    for (const r of [await report(), await selectReadinessReport(database.db, GUIDE, undefined, at(0), 0.72)]) {
      expect(r.overall).toMatchObject({ estimate: 0, answers: 0, interval: undefined, objectives: 3, practised: 0 });
      expect(r.byArea.map((a) => [a.key, a.estimate])).toEqual([
        ['core', 0],
        ['math', 0],
      ]);
      expect(r.coverage).toEqual({ practised: 0, total: 3 });
    }
  });

  it('moves with answers: right answers raise it, a wrong one lowers it', async () => {
    await insertHandMadeAttempt(database.db, { profileId, at: at(1), objectives: ['core.a'] });
    await insertHandMadeAttempt(database.db, { profileId, at: at(2), objectives: ['core.a'] });
    await insertHandMadeAttempt(database.db, { profileId, at: at(3), objectives: ['core.a'] });
    // Three right, smoothed by one right and one wrong imagined answer: 4 / 5.
    expect((await objective('core.a')).mastery).toBeCloseTo(0.8);
    const afterRight = (await report()).overall.estimate;
    expect(afterRight).toBeCloseTo(0.8 / 3);

    await insertHandMadeAttempt(database.db, { profileId, at: at(4), objectives: ['core.a'], verdict: 'incorrect' });
    expect((await objective('core.a')).mastery).toBeCloseTo(4 / 6);
    expect((await report()).overall.estimate).toBeLessThan(afterRight);
  });

  it('counts a correct verdict whose essential check failed as wrong, and a partly right answer as wrong', async () => {
    await insertHandMadeAttempt(database.db, { profileId, at: at(1), objectives: ['core.a'], verdict: 'correct', essentialPassed: false });
    await insertHandMadeAttempt(database.db, { profileId, at: at(2), objectives: ['core.a'], verdict: 'partial', essentialPassed: true });
    await insertHandMadeAttempt(database.db, { profileId, at: at(3), objectives: ['core.a'], verdict: 'correct', essentialPassed: true });
    expect(await objective('core.a')).toMatchObject({ answers: 3, right: 1 });
    expect((await objective('core.a')).mastery).toBeCloseTo(2 / 5);
  });

  it('counts an objective never practised as 0 in its area and overall, and in coverage', async () => {
    await insertHandMadeAttempt(database.db, { profileId, at: at(1), objectives: ['math.rcu'] });
    const r = await report();
    expect((await objective('math.rcu', r)).mastery).toBeCloseTo(2 / 3);
    expect(await objective('math.wcu', r)).toMatchObject({ mastery: 0, practised: false, answers: 0 });
    expect(r.byArea.find((a) => a.key === 'math')).toMatchObject({ practised: 1, objectives: 2 });
    expect(r.byArea.find((a) => a.key === 'math')!.estimate).toBeCloseTo(1 / 3);
    expect(r.overall.estimate).toBeCloseTo(2 / 9);
    expect(r.coverage).toEqual({ practised: 1, total: 3 });
  });

  it('keeps only the last ten answers of each objective, newest by time', async () => {
    // Two old wrong answers, then ten right: the wrong ones fall out of the window.
    await insertHandMadeAttempt(database.db, { profileId, at: at(1), objectives: ['core.a'], verdict: 'incorrect' });
    await insertHandMadeAttempt(database.db, { profileId, at: at(2), objectives: ['core.a'], verdict: 'incorrect' });
    for (let i = 0; i < 10; i++) await insertHandMadeAttempt(database.db, { profileId, at: at(10 + i), objectives: ['core.a'] });
    expect(await objective('core.a')).toMatchObject({ answers: 10, right: 10 });
  });

  it('gives an interval from ten answers on, none below', async () => {
    for (let i = 0; i < 9; i++)
      await insertHandMadeAttempt(database.db, { profileId, at: at(i), objectives: ['core.a'], verdict: i < 6 ? 'correct' : 'incorrect' });
    expect((await report()).overall.interval).toBeUndefined();
    await insertHandMadeAttempt(database.db, { profileId, at: at(20), objectives: ['core.a'], verdict: 'incorrect' });
    const overall = (await report()).overall;
    expect(overall).toMatchObject({ answers: 10, right: 6 });
    expect(overall.interval).toEqual(wilsonInterval(6, 10));
  });

  it('counts one answer once for each objective it drills', async () => {
    await insertHandMadeAttempt(database.db, { profileId, at: at(1), objectives: ['math.rcu', 'math.wcu'] });
    const r = await report();
    expect(r.byArea.find((a) => a.key === 'math')).toMatchObject({ answers: 2, right: 2, practised: 2 });
  });

  it('averages recent accuracy with the predicted recall now of the family on the review schedule', async () => {
    await insertHandMadeAttempt(database.db, { profileId, at: at(0), objectives: ['math.rcu'], scenarioId: 'math.f' });
    await applyAnswerToCard(database.db, {
      profileId,
      scenarioId: 'math.f',
      seed: 1,
      kind: 'choice',
      verdict: 'correct',
      essentialPassed: true,
      confidence: null,
      secondsTaken: 40,
      now: at(0),
    });
    const now = new Date(T0 + 10 * DAY);
    const recall = retrievability(toReviewCard((await selectOptionalReviewCard(database.db, profileId, 'math.f'))!), now);
    expect(recall).toBeGreaterThan(0);
    expect(recall).toBeLessThan(1);
    const rcu = await objective('math.rcu', await report(now));
    expect(rcu.recall).toBeCloseTo(recall);
    expect(rcu.mastery).toBeCloseTo((2 / 3 + recall) / 2);
    // Recall fades with time, so does mastery.
    expect((await objective('math.rcu', await report(new Date(T0 + 60 * DAY)))).mastery).toBeLessThan(rcu.mastery);
    // math.wcu shares the family but was never answered: still 0.
    expect((await objective('math.wcu', await report(now))).mastery).toBe(0);
  });

  it('reads only its own learner', async () => {
    const other = (await insertProfile(database.db, 'other-token', new Date(T0))).id;
    await insertHandMadeAttempt(database.db, { profileId: other, at: at(1), objectives: ['core.a'] });
    expect((await report()).overall.answers).toBe(0);
  });
});

describe('selectCalibration', () => {
  it('puts each answer in the bucket of its stated confidence, every bucket present, and counts right by the readiness rule', async () => {
    await insertHandMadeAttempt(database.db, { profileId, at: at(1), objectives: ['core.a'], confidence: 'sure' });
    await insertHandMadeAttempt(database.db, { profileId, at: at(2), objectives: ['core.a'], confidence: 'sure' });
    await insertHandMadeAttempt(database.db, { profileId, at: at(3), objectives: ['core.a'], confidence: 'sure', verdict: 'correct', essentialPassed: false });
    await insertHandMadeAttempt(database.db, { profileId, at: at(4), objectives: ['core.a'], confidence: 'unsure', verdict: 'partial' });
    await insertHandMadeAttempt(database.db, { profileId, at: at(5), objectives: ['core.a', 'math.rcu'] });
    expect(
      (await selectCalibration(database.db, profileId)).map(({ confidence, answers, right, accuracy }) => ({ confidence, answers, right, accuracy })),
    ).toEqual([
      { confidence: 'sure', answers: 3, right: 2, accuracy: 2 / 3 },
      { confidence: 'unsure', answers: 1, right: 0, accuracy: 0 },
      { confidence: 'guess', answers: 0, right: 0, accuracy: null },
      // An answer counts once here, however many objectives it drills.
      { confidence: 'none', answers: 1, right: 1, accuracy: 1 },
    ]);
  });

  it('is four empty buckets for no profile', async () => {
    expect((await selectCalibration(database.db, undefined)).map((b) => b.answers)).toEqual([0, 0, 0, 0]);
  });
});

describe('selectRecentSubmittedExams', () => {
  it('lists submitted exams newest first, at most five, with pass or fail against their pass mark, and skips a running one', async () => {
    for (let i = 0; i < 6; i++) await insertSubmittedExam(database.db, profileId, new Date(T0 + i * DAY), i % 2 === 0 ? 0.6 : 0.72);
    await insertSubmittedExam(database.db, profileId, new Date(T0 + 9 * DAY), 0, 'running');
    const rows = await selectRecentSubmittedExams(database.db, profileId);
    expect(rows.map((r) => [r.submittedAt.getTime(), r.score, r.passed])).toEqual([
      [T0 + 5 * DAY, 0.72, true],
      [T0 + 4 * DAY, 0.6, false],
      [T0 + 3 * DAY, 0.72, true],
      [T0 + 2 * DAY, 0.6, false],
      [T0 + 1 * DAY, 0.72, true],
    ]);
    expect(await selectRecentSubmittedExams(database.db, undefined)).toEqual([]);
  });
});
