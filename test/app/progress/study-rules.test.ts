import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { apportion, planExam } from '../../../app/progress/exam-plan.ts';
import { rateAnswer, type RatedAnswer } from '../../../app/progress/rating.ts';
import { estimateReadiness, objectiveMastery, wilsonInterval } from '../../../app/progress/readiness.ts';
import { CardState, isDue, newReviewCard, retrievability, scheduleReview } from '../../../app/progress/review-schedule.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

const base: RatedAnswer = { kind: 'choice', verdict: 'correct', essentialPassed: true, confidence: null, secondsTaken: 60 };

describe('rateAnswer', () => {
  it.each([
    ['wrong', { verdict: 'incorrect' }, Rating.Again],
    ['partly right', { verdict: 'partial' }, Rating.Again],
    ['right but an essential check failed', { essentialPassed: false }, Rating.Again],
    ['right, no confidence, ordinary pace', {}, Rating.Good],
    ['right, unsure', { confidence: 'unsure' }, Rating.Hard],
    ['right, a guess', { confidence: 'guess' }, Rating.Hard],
    ['right, sure, but slow for a choice question', { confidence: 'sure', secondsTaken: 121 }, Rating.Hard],
    ['right, sure and fast', { confidence: 'sure', secondsTaken: 30 }, Rating.Easy],
    ['right, fast but confidence not given', { secondsTaken: 5 }, Rating.Good],
    ['right, sure, time unknown', { confidence: 'sure', secondsTaken: null }, Rating.Good],
    ['a request answer at 5 minutes is not slow', { kind: 'request', secondsTaken: 300 }, Rating.Good],
    ['a request answer past 10 minutes is slow', { kind: 'request', secondsTaken: 601 }, Rating.Hard],
  ] as const)('%s', (_label, change, rating) => {
    expect(rateAnswer({ ...base, ...change } as RatedAnswer)).toBe(rating);
  });
});

describe('review schedule (ts-fsrs)', () => {
  const t0 = new Date('2026-03-01T09:00:00Z');

  it('pushes a card further out with each right answer and brings it back first after a wrong one', () => {
    let card = scheduleReview(newReviewCard(t0), Rating.Good, t0);
    card = scheduleReview(card, Rating.Good, card.due);
    const afterTwo = card.due.getTime() - t0.getTime();
    const good = scheduleReview(card, Rating.Good, card.due);
    const again = scheduleReview(card, Rating.Again, card.due);
    expect(good.due.getTime() - card.due.getTime()).toBeGreaterThan(afterTwo);
    expect(again.due.getTime()).toBeLessThan(good.due.getTime());
    expect(again.lapses).toBe(card.lapses + 1);
    expect(again.state).toBe(CardState.Relearning);
  });

  it('is due exactly from its due date, and predicted recall falls as time passes', () => {
    let card = scheduleReview(newReviewCard(t0), Rating.Good, t0);
    card = scheduleReview(card, Rating.Easy, card.due);
    expect(isDue(card, new Date(card.due.getTime() - 1))).toBe(false);
    expect(isDue(card, card.due)).toBe(true);
    const soon = retrievability(card, new Date(card.due.getTime() - 86_400_000));
    const late = retrievability(card, new Date(card.due.getTime() + 30 * 86_400_000));
    expect(soon).toBeGreaterThan(late);
    expect(retrievability(newReviewCard(t0), t0)).toBe(0);
  });

  it('schedules sooner for a higher target retention', () => {
    let card = scheduleReview(newReviewCard(t0), Rating.Good, t0);
    card = scheduleReview(card, Rating.Good, card.due);
    const relaxed = scheduleReview(card, Rating.Good, card.due, 0.8);
    const strict = scheduleReview(card, Rating.Good, card.due, 0.95);
    expect(strict.due.getTime()).toBeLessThan(relaxed.due.getTime());
  });
});

describe('readiness', () => {
  it('counts an objective never practised as 0 and smooths a short record toward one half', () => {
    expect(objectiveMastery({ objectiveId: 'a.x', area: 'a', recentRight: [], recall: [] }).mastery).toBe(0);
    expect(objectiveMastery({ objectiveId: 'a.x', area: 'a', recentRight: [true], recall: [] }).mastery).toBeCloseTo(2 / 3);
    expect(objectiveMastery({ objectiveId: 'a.x', area: 'a', recentRight: [true, true], recall: [0.5] }).mastery).toBeCloseTo((3 / 4 + 0.5) / 2);
  });

  it('averages over every objective of an area and gives no interval under ten answers', () => {
    const all = Array<boolean>(10).fill(true);
    const { byArea, overall } = estimateReadiness([
      { objectiveId: 'a.x', area: 'a', recentRight: all, recall: [] },
      { objectiveId: 'a.y', area: 'a', recentRight: [], recall: [] },
      { objectiveId: 'b.x', area: 'b', recentRight: [false, true], recall: [] },
    ]);
    expect(byArea.map((r) => r.key)).toEqual(['a', 'b']);
    expect(byArea[0]!.estimate).toBeCloseTo(11 / 12 / 2);
    expect(byArea[0]!.practised).toBe(1);
    expect(byArea[0]!.interval).toBeDefined();
    expect(byArea[1]!.interval).toBeUndefined();
    expect(overall.answers).toBe(12);
    expect(overall.estimate).toBeCloseTo((11 / 12 + 0 + 0.5) / 3);
  });

  it('narrows the Wilson interval as answers grow', () => {
    const few = wilsonInterval(8, 10);
    const many = wilsonInterval(80, 100);
    expect(few.low).toBeLessThan(0.8);
    expect(few.high).toBeGreaterThan(0.8);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('planExam', () => {
  it('apportions by largest remainder, adding up exactly', () => {
    expect(apportion(25, [9, 5, 6, 4, 6, 4, 6, 8])).toEqual([5, 3, 3, 2, 3, 2, 3, 4]);
    expect(apportion(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]);
    expect(apportion(10, [0, 0])).toEqual([0, 0]);
  });

  it('draws N questions across areas in proportion to their objectives, of the chosen kinds, distinct where the area allows', () => {
    const bank = loadContentBank();
    let state = 7;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const plan = planExam(bank, { questions: 25, kinds: ['choice', 'multi', 'numeric'] }, random);
    expect(plan).toHaveLength(25);
    const eligibleAreas = bank.areas.filter((a) => bank.scenarios.some((s) => s.area === a.id && ['choice', 'multi', 'numeric'].includes(s.kind)));
    const expected = apportion(
      25,
      eligibleAreas.map((a) => a.objectives.length),
    );
    for (const [i, area] of eligibleAreas.entries()) expect(plan.filter((q) => q.area === area.id)).toHaveLength(expected[i]!);
    for (const q of plan) expect(['choice', 'multi', 'numeric']).toContain(bank.get(q.scenarioId)!.kind);
    expect(new Set(plan.map((q) => q.scenarioId)).size).toBe(25);

    const one = planExam(bank, { questions: 5, area: 'math', kinds: ['numeric'] }, random);
    expect(one.every((q) => q.area === 'math' && bank.get(q.scenarioId)!.kind === 'numeric')).toBe(true);
  });
});
