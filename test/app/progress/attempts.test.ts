import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../app/db/store.ts';
import {
  countAttempts,
  insertAttempt,
  type NewAttempt,
  selectAccuracyByArea,
  selectAccuracyByObjective,
  selectDailyAccuracy,
  selectMistakesToReview,
  selectOptionalAttemptById,
  selectRecentAttempts,
} from '../../../app/progress/attempts.ts';
import { insertProfile, selectOptionalProfileByToken } from '../../../app/progress/profiles.ts';
import { insertQuestionReport, selectQuestionReports } from '../../../app/progress/question-reports.ts';
import { openTestStore } from '../../helpers/database.ts';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 0, 5, 10, 0, 0);

let opened: Store;
let tokenCounter = 0;

function attempt(profileId: number, overrides: Partial<NewAttempt>): NewAttempt {
  tokenCounter += 1;
  return {
    profileId,
    submissionToken: `token-${tokenCounter}`,
    scenarioId: 'math.rcu-strong-single',
    seed: 7,
    area: 'math',
    objectives: ['math.rcu'],
    params: { size: 6 },
    answer: { kind: 'numeric', value: 2 },
    verdict: 'correct',
    score: 1,
    secondsTaken: 30,
    createdAt: new Date(START),
    ...overrides,
  };
}

beforeEach(async () => {
  opened = await openTestStore();
});
afterEach(() => opened.close());

describe('profiles', () => {
  it('finds a profile by its cookie token and nothing for an unknown token', async () => {
    const profile = await insertProfile(opened.db, 'abc', new Date(START));
    expect((await selectOptionalProfileByToken(opened.db, 'abc'))?.id).toBe(profile.id);
    expect(await selectOptionalProfileByToken(opened.db, 'other')).toBeUndefined();
  });
});

describe('insertAttempt', () => {
  it('stores a submission token once and returns the first attempt on a repeat', async () => {
    const profile = await insertProfile(opened.db, 'p', new Date(START));
    const first = await insertAttempt(opened.db, attempt(profile.id, { submissionToken: 'same', score: 1, verdict: 'correct' }));
    const again = await insertAttempt(opened.db, attempt(profile.id, { submissionToken: 'same', score: 0, verdict: 'incorrect' }));
    expect(first?.created).toBe(true);
    expect(again?.created).toBe(false);
    expect(again?.attempt.id).toBe(first?.attempt.id);
    expect(again?.attempt.verdict).toBe('correct');
    expect(await countAttempts(opened.db, profile.id)).toBe(1);
  });

  it("refuses another learner's submission token without touching their attempt", async () => {
    const owner = await insertProfile(opened.db, 'owner', new Date(START));
    const intruder = await insertProfile(opened.db, 'intruder', new Date(START));
    await insertAttempt(opened.db, attempt(owner.id, { submissionToken: 'shared' }));
    expect(await insertAttempt(opened.db, attempt(intruder.id, { submissionToken: 'shared' }))).toBeUndefined();
    expect(await countAttempts(opened.db, intruder.id)).toBe(0);
  });

  it('round-trips the JSON columns and the timestamp', async () => {
    const profile = await insertProfile(opened.db, 'p', new Date(START));
    const stored = await insertAttempt(
      opened.db,
      attempt(profile.id, { objectives: ['math.rcu', 'consistency.cost'], answer: { kind: 'multi', optionIds: ['a', 'c'] } }),
    );
    const read = await selectOptionalAttemptById(opened.db, profile.id, stored!.attempt.id);
    expect(read?.objectives).toEqual(['math.rcu', 'consistency.cost']);
    expect(read?.answer).toEqual({ kind: 'multi', optionIds: ['a', 'c'] });
    expect(read?.createdAt.getTime()).toBe(START);
  });

  it('returns the attempt as it is stored: the columns left out hold their defaults', async () => {
    const profile = await insertProfile(opened.db, 'p', new Date(START));
    const minimal = await insertAttempt(opened.db, attempt(profile.id, { secondsTaken: null }));
    expect(minimal?.attempt).toEqual(await selectOptionalAttemptById(opened.db, profile.id, minimal!.attempt.id));
    expect(minimal?.attempt).toMatchObject({ source: 'practice', confidence: null, variant: null, result: null, essentialPassed: null });
    const full = await insertAttempt(
      opened.db,
      attempt(profile.id, { source: 'review', confidence: 'unsure', essentialPassed: false, fingerprint: 'f'.repeat(64), result: null }),
    );
    expect(full?.attempt).toEqual(await selectOptionalAttemptById(opened.db, profile.id, full!.attempt.id));
    expect(full?.attempt).toMatchObject({ source: 'review', confidence: 'unsure', essentialPassed: false });
  });

  it("does not show one learner another's attempt by id", async () => {
    const owner = await insertProfile(opened.db, 'owner', new Date(START));
    const other = await insertProfile(opened.db, 'other', new Date(START));
    const stored = await insertAttempt(opened.db, attempt(owner.id, {}));
    expect(await selectOptionalAttemptById(opened.db, other.id, stored!.attempt.id)).toBeUndefined();
  });
});

describe('accuracy queries', () => {
  it('averages scores per area, per objective (an attempt counts for each of its objectives) and per UTC day', async () => {
    const profile = await insertProfile(opened.db, 'p', new Date(START));
    const other = await insertProfile(opened.db, 'other', new Date(START));
    await insertAttempt(opened.db, attempt(profile.id, { area: 'math', objectives: ['math.rcu'], verdict: 'correct', score: 1, createdAt: new Date(START) }));
    await insertAttempt(
      opened.db,
      attempt(profile.id, { area: 'math', objectives: ['math.rcu', 'math.rate'], verdict: 'incorrect', score: 0, createdAt: new Date(START + 1000) }),
    );
    await insertAttempt(
      opened.db,
      attempt(profile.id, { area: 'consistency', objectives: ['consistency.cost'], verdict: 'partial', score: 0.5, createdAt: new Date(START + DAY) }),
    );
    await insertAttempt(opened.db, attempt(other.id, { area: 'math', objectives: ['math.rcu'], verdict: 'incorrect', score: 0 }));

    expect(await selectAccuracyByArea(opened.db, profile.id)).toEqual([
      { key: 'consistency', attempts: 1, correct: 0, accuracy: 0.5 },
      { key: 'math', attempts: 2, correct: 1, accuracy: 0.5 },
    ]);
    expect(await selectAccuracyByObjective(opened.db, profile.id)).toEqual([
      { key: 'consistency.cost', attempts: 1, correct: 0, accuracy: 0.5 },
      { key: 'math.rate', attempts: 1, correct: 0, accuracy: 0 },
      { key: 'math.rcu', attempts: 2, correct: 1, accuracy: 0.5 },
    ]);
    expect(await selectDailyAccuracy(opened.db, profile.id)).toEqual([
      { key: '2026-01-05', attempts: 2, correct: 1, accuracy: 0.5 },
      { key: '2026-01-06', attempts: 1, correct: 0, accuracy: 0.5 },
    ]);
  });

  it('lists for review the scenarios whose latest attempt was not fully correct, newest first', async () => {
    const profile = await insertProfile(opened.db, 'p', new Date(START));
    const other = await insertProfile(opened.db, 'other', new Date(START));
    const at = (i: number) => new Date(START + i * 1000);
    await insertAttempt(opened.db, attempt(profile.id, { scenarioId: 'fixed-later', verdict: 'incorrect', score: 0, createdAt: at(1) }));
    await insertAttempt(opened.db, attempt(profile.id, { scenarioId: 'still-wrong', verdict: 'correct', score: 1, createdAt: at(2) }));
    await insertAttempt(opened.db, attempt(profile.id, { scenarioId: 'fixed-later', verdict: 'correct', score: 1, createdAt: at(3) }));
    await insertAttempt(opened.db, attempt(profile.id, { scenarioId: 'still-wrong', verdict: 'incorrect', score: 0, createdAt: at(4) }));
    await insertAttempt(opened.db, attempt(profile.id, { scenarioId: 'half-right', verdict: 'partial', score: 0.5, createdAt: at(5) }));
    await insertAttempt(opened.db, attempt(other.id, { scenarioId: 'someone-else', verdict: 'incorrect', score: 0, createdAt: at(6) }));
    expect((await selectMistakesToReview(opened.db, profile.id, 10)).map((a) => [a.scenarioId, a.verdict])).toEqual([
      ['half-right', 'partial'],
      ['still-wrong', 'incorrect'],
    ]);
    expect(await selectMistakesToReview(opened.db, profile.id, 1)).toHaveLength(1);
  });

  it('lists recent attempts newest first, limited', async () => {
    const profile = await insertProfile(opened.db, 'p', new Date(START));
    for (let i = 0; i < 5; i++) await insertAttempt(opened.db, attempt(profile.id, { seed: i, createdAt: new Date(START + i * 1000) }));
    expect((await selectRecentAttempts(opened.db, profile.id, 3)).map((a) => a.seed)).toEqual([4, 3, 2]);
  });
});

describe('question reports', () => {
  it('stores a report with its variant once per learner and message, and lists open ones newest first', async () => {
    const profile = await insertProfile(opened.db, 'p', new Date(START));
    const first = await insertQuestionReport(opened.db, { profileId: profile.id, scenarioId: 'a', seed: 1, message: 'Typo', createdAt: new Date(START) });
    const repeat = await insertQuestionReport(opened.db, { profileId: profile.id, scenarioId: 'a', seed: 1, message: 'Typo', createdAt: new Date(START + 5) });
    await insertQuestionReport(opened.db, { profileId: profile.id, scenarioId: 'b', seed: 2, message: 'Wrong key', createdAt: new Date(START + 10) });
    expect(repeat.id).toBe(first.id);
    expect((await selectQuestionReports(opened.db)).map((r) => [r.scenarioId, r.seed, r.message, r.status])).toEqual([
      ['b', 2, 'Wrong key', 'open'],
      ['a', 1, 'Typo', 'open'],
    ]);
  });
});
