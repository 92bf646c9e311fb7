/**
 * Merging an anonymous record into an account's: everything moves, and where both hold a row
 * for the same thing (a family's card, the settings, an identical report) the account's stays.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewCards, studySettings } from '../../../app/db/schema.ts';
import type { Store } from '../../../app/db/store.ts';
import { insertQuestionReport, selectQuestionReports } from '../../../app/progress/question-reports.ts';
import { insertProfile, mergeProfileInto, selectOptionalProfileByToken } from '../../../app/progress/profiles.ts';
import { applyAnswerToCard, selectStudySettings, upsertStudySettings } from '../../../app/progress/review-cards.ts';
import { openTestStore, queryNumber, storeTable } from '../../helpers/database.ts';

const START = new Date(Date.UTC(2026, 0, 5, 9));

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

async function card(profileId: number, scenarioId: string, verdict: 'correct' | 'incorrect') {
  await applyAnswerToCard(store.db, {
    profileId,
    scenarioId,
    seed: 1,
    kind: 'choice',
    verdict,
    essentialPassed: true,
    confidence: null,
    secondsTaken: 20,
    now: START,
  });
}

describe('mergeProfileInto', () => {
  it("moves the anonymous rows, keeps the account's own where both have one, and deletes the anonymous profile", async () => {
    const { db } = store;
    const anonymous = await insertProfile(db, 'anonymous', START);
    const account = await insertProfile(db, 'account', START);
    await card(anonymous.id, 'shared.family', 'incorrect');
    await card(anonymous.id, 'only.anonymous', 'correct');
    await card(account.id, 'shared.family', 'correct');
    await upsertStudySettings(db, anonymous.id, { targetRetention: 0.8, newPerDay: 3 });
    await upsertStudySettings(db, account.id, { targetRetention: 0.95, newPerDay: 20 });
    await insertQuestionReport(db, { profileId: anonymous.id, scenarioId: 'a', seed: 1, message: 'Typo', createdAt: START });
    await insertQuestionReport(db, { profileId: account.id, scenarioId: 'a', seed: 1, message: 'Typo', createdAt: START });
    await insertQuestionReport(db, { profileId: anonymous.id, scenarioId: 'b', seed: 2, message: 'Wrong key', createdAt: START });

    const cards = storeTable(store, reviewCards);
    const stabilityOf = async (profileId: number) =>
      (await db.select().from(cards).where(eq(cards.profileId, profileId)).orderBy(asc(cards.scenarioId))).map((c) => [c.scenarioId, c.stability]);
    const [[, anonymousOnly], [, anonymousShared]] = (await stabilityOf(anonymous.id)) as [[string, number], [string, number]];
    const [[, accountShared]] = (await stabilityOf(account.id)) as [[string, number]];
    expect(accountShared).not.toBe(anonymousShared);

    await mergeProfileInto(db, anonymous.id, account.id);

    expect(await stabilityOf(account.id)).toEqual([
      ['only.anonymous', anonymousOnly],
      ['shared.family', accountShared],
    ]);
    expect(await selectStudySettings(db, account.id)).toEqual({ targetRetention: 0.95, newPerDay: 20 });
    expect((await selectQuestionReports(db)).map((r) => [r.profileId, r.scenarioId])).toEqual([
      [account.id, 'b'],
      [account.id, 'a'],
    ]);
    expect(await selectOptionalProfileByToken(db, 'anonymous')).toBeUndefined();
    // The anonymous twins went with their profile.
    expect(await queryNumber(store, 'select count(*) from review_cards')).toBe(2);
    const settings = storeTable(store, studySettings);
    expect(await db.select().from(settings)).toHaveLength(1);
  });
});
