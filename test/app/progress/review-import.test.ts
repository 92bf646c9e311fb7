/**
 * Moving servers keeps the review schedule: importing an export rebuilds each family's card
 * from the imported answers, in their order, exactly as answering them here would have.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../auth/account-app.ts';
import { queryRows } from '../../helpers/database.ts';
import { Browser, createTestApp, firstScenarioOfKind, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';

const HOUR = 60 * 60 * 1000;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function cards(t: TestApp) {
  return queryRows(
    t.database,
    'select scenario_id, due, stability, difficulty, reps, lapses, state, last_review, last_seed, created_at from review_cards order by scenario_id',
  );
}

describe('importing an export', () => {
  it('rebuilds the review cards the answers made, and a second import changes nothing', async () => {
    const clock = new ManualClock();
    const source = await createTestApp({ clock });
    apps.push(source);
    const learner = new Browser(source.app);
    const choice = firstScenarioOfKind(source.bank, 'choice')!;
    const numeric = firstScenarioOfKind(source.bank, 'numeric')!;
    const answers = [
      [choice.id, 1, source.bank.referenceAnswer(choice.id, 1), 'sure'],
      [numeric.id, 2, wrongAnswer(source.bank, numeric.id, 2), null],
      [choice.id, 3, wrongAnswer(source.bank, choice.id, 3), 'unsure'],
      [numeric.id, 4, source.bank.referenceAnswer(numeric.id, 4), 'guess'],
      [choice.id, 5, source.bank.referenceAnswer(choice.id, 5), null],
    ] as const;
    for (const [id, seed, answer, confidence] of answers) {
      const response = await learner.postJson(`/api/questions/${id}/${seed}/answers`, {
        answer,
        secondsTaken: 20,
        ...(confidence ? { confidence } : {}),
        source: 'review',
      });
      expect(response.status).toBe(200);
      clock.advance(26 * HOUR);
    }
    const expected = await cards(source);
    expect(expected).toHaveLength(2);
    const exported = await (await learner.request('/api/attempts/export?format=json')).json();
    expect(exported.attempts.map((a: { source: string }) => a.source)).toEqual(Array(5).fill('review'));

    const target = await createTestApp({ clock });
    apps.push(target);
    const mover = new Browser(target.app);
    const first = await (await mover.postJson('/api/attempts/import', exported)).json();
    expect(first.imported).toBe(5);
    expect(await cards(target)).toEqual(expected);
    const second = await (await mover.postJson('/api/attempts/import', exported)).json();
    expect(second.imported).toBe(0);
    expect(await cards(target)).toEqual(expected);
    const due = await (await mover.request('/api/review')).json();
    const dueThere = await (await learner.request('/api/review')).json();
    expect(due).toEqual(dueThere);
  });
});
