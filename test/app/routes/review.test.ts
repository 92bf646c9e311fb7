/**
 * The spaced-review session through app.request() with an injected clock: due ordering, due
 * dates as ts-fsrs computes them, a fresh seed every review, the daily new limit, settings
 * validation, essential checks counting as wrong, and confidence stored and exported.
 */
import { Rating } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../app/bank/types.ts';
import { attempts, reviewCards } from '../../../app/db/schema.ts';
import { storeTable } from '../../helpers/database.ts';
import { newReviewCard, scheduleReview } from '../../../app/progress/review-schedule.ts';
import { toReviewCard } from '../../../app/progress/review-cards.ts';
import { answerFields, Browser, createTestApp, readSubmissionToken, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';

const START = new Date('2025-03-03T09:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let current: TestApp | undefined;
afterEach(() => current?.close());

async function setUp(random: () => number = () => 0.5) {
  let now = START;
  const clock = { now: () => now };
  const t = await createTestApp({ clock, random });
  current = t;
  const browser = new Browser(t.app);
  const choiceIds = t.bank.scenarios.filter((s) => s.kind === 'choice').map((s) => s.id as string);
  const cards = async () => t.database.db.select().from(storeTable(t.database, reviewCards)).orderBy(storeTable(t.database, reviewCards).id);
  const cardOf = async (scenarioId: string) => (await cards()).find((c) => c.scenarioId === scenarioId)!;
  const allAttempts = async () => t.database.db.select().from(storeTable(t.database, attempts)).orderBy(storeTable(t.database, attempts).id);
  /** Opens a question page and posts the answer; returns the redirect. */
  async function answerAt(path: string, answer: Answer, extra: Array<[string, string]> = []) {
    const page = await browser.request(path);
    expect(page.status).toBe(200);
    const token = readSubmissionToken(await page.text());
    return browser.postForm(path, [['token', token], ['shownAt', String(now.getTime())], ...answerFields(answer), ...extra]);
  }
  return {
    t,
    browser,
    choiceIds,
    cards,
    cardOf,
    allAttempts,
    answerAt,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    right: (id: string, seed: number) => t.bank.referenceAnswer(id, seed),
    wrong: (id: string, seed: number) => wrongAnswer(t.bank, id, seed),
  };
}

/** Follows /review/next to the question it serves. */
async function nextReview(browser: Browser): Promise<{ scenarioId: string; seed: number } | undefined> {
  const res = await browser.request('/review/next');
  expect(res.status).toBe(302);
  const location = res.headers.get('Location')!;
  const match = /^\/review\/q\/([^/]+)\/(\d+)$/.exec(location);
  if (!match) {
    expect(location).toBe('/review?done=1');
    return undefined;
  }
  return { scenarioId: decodeURIComponent(match[1]!), seed: Number(match[2]) };
}

describe('review session', () => {
  it('brings a wrongly answered card back first: most overdue leads the queue', async () => {
    const s = await setUp();
    const [a, b] = s.choiceIds as [string, string];
    await s.answerAt(`/q/${a}/1`, s.right(a, 1));
    s.advance(MINUTE);
    await s.answerAt(`/q/${b}/1`, s.wrong(b, 1));
    // Good on a new card waits ten minutes, Again one: b falls due first although answered later.
    expect((await s.cardOf(b)).due.getTime()).toBeLessThan((await s.cardOf(a)).due.getTime());
    s.advance(20 * MINUTE);
    expect((await nextReview(s.browser))?.scenarioId).toBe(b);
    const api = (await (await s.browser.request('/api/review')).json()) as { dueNow: number; queue: Array<{ scenarioId: string }> };
    expect(api.dueNow).toBe(2);
    expect(api.queue.map((c) => c.scenarioId)).toEqual([b, a]);
  });

  it('moves due dates exactly as ts-fsrs computes them, review after review', async () => {
    const s = await setUp();
    const id = s.choiceIds[0]!;
    let expected = newReviewCard(s.now());
    for (const [step, seed] of [1, 2, 3].entries()) {
      const res = await s.answerAt(`/review/q/${id}/${seed}`, s.right(id, seed));
      expect(res.status).toBe(303);
      expected = scheduleReview(expected, Rating.Good, s.now());
      const stored = toReviewCard(await s.cardOf(id));
      expect(stored.due.toISOString(), `review ${step + 1}`).toBe(expected.due.toISOString());
      expect(stored.state).toBe(expected.state);
      expect(stored.stability).toBeCloseTo(expected.stability, 10);
      s.advance(expected.due.getTime() - s.now().getTime());
    }
    // A wrong answer is Again: the card lapses as ts-fsrs says.
    await s.answerAt(`/review/q/${id}/9`, s.wrong(id, 9));
    expected = scheduleReview(expected, Rating.Again, s.now());
    expect((await s.cardOf(id)).due.toISOString()).toBe(expected.due.toISOString());
    expect((await s.cardOf(id)).lapses).toBe(expected.lapses);
    expect((await s.allAttempts()).map((a) => a.source)).toEqual(['review', 'review', 'review', 'review']);
  });

  it('serves a fresh seed every review, never the last seed twice in a row', async () => {
    // The random source always yields the same seed, so only the rule can make it differ.
    const s = await setUp(() => 0.25);
    const id = s.choiceIds[0]!;
    await s.answerAt(`/q/${id}/250000`, s.wrong(id, 250000));
    const seen: number[] = [250000];
    for (let i = 0; i < 4; i++) {
      s.advance(DAY);
      const next = await nextReview(s.browser);
      expect(next?.scenarioId).toBe(id);
      expect(next!.seed).not.toBe(seen[seen.length - 1]);
      expect(next!.seed).toBe((await s.cardOf(id)).lastSeed === 250000 ? 250001 : 250000);
      seen.push(next!.seed);
      await s.answerAt(`/review/q/${id}/${next!.seed}`, s.wrong(id, next!.seed));
      expect((await s.cardOf(id)).lastSeed).toBe(next!.seed);
    }
    expect(seen).toEqual([250000, 250001, 250000, 250001, 250000]);
  });

  it('offers new families up to the daily limit, counted by the clock\u2019s UTC day', async () => {
    const s = await setUp();
    expect(
      (
        await s.browser.postForm('/review/settings', [
          ['newPerDay', '2'],
          ['targetRetention', '0.9'],
        ])
      ).status,
    ).toBe(303);
    const served: string[] = [];
    for (let i = 0; i < 2; i++) {
      const next = await nextReview(s.browser);
      expect(next).toBeDefined();
      served.push(next!.scenarioId);
      await s.answerAt(`/review/q/${next!.scenarioId}/${next!.seed}`, s.right(next!.scenarioId, next!.seed));
    }
    // The bank's order: new material arrives as the study guide lays it out.
    expect(served).toEqual(s.t.bank.scenarios.slice(0, 2).map((x) => x.id));
    expect(await nextReview(s.browser)).toBeUndefined();
    const page = await (await s.browser.request('/review?done=1')).text();
    expect(page).toContain('data-review-empty');
    expect(page).toContain('you have started today&#39;s 2 new families');
    let api = (await (await s.browser.request('/api/review')).json()) as { newToday: number; newAvailable: number };
    expect(api).toMatchObject({ newToday: 2, newAvailable: 0 });
    // Past midnight UTC the limit starts again (and the two cards are due first).
    s.advance(DAY);
    api = (await (await s.browser.request('/api/review')).json()) as { newToday: number; newAvailable: number };
    expect(api).toMatchObject({ newToday: 0, newAvailable: 2, dueNow: 2 });
    expect(served).toContain((await nextReview(s.browser))?.scenarioId);
  });

  it('shows the empty state to a learner with nothing due and new families off', async () => {
    const s = await setUp();
    await s.browser.postForm('/review/settings', [
      ['newPerDay', '0'],
      ['targetRetention', '0.85'],
    ]);
    expect(await nextReview(s.browser)).toBeUndefined();
    const html = await (await s.browser.request('/review')).text();
    expect(html).toContain('Nothing to review now');
    expect(html).toContain('new families are off (the daily limit is 0)');
    expect(html).toContain('value="0.85"');
    expect((await s.browser.request('/api/review/next')).status).toBe(404);
  });

  it.each([
    ['newPerDay', '101', '0.9', 'Enter a whole number from 0 to 100.'],
    ['newPerDay', '2.5', '0.9', 'Enter a whole number from 0 to 100.'],
    ['newPerDay', '', '0.9', 'Enter a whole number from 0 to 100.'],
    ['targetRetention', '10', '0.69', 'Enter a fraction from 0.70 to 0.97, such as 0.90.'],
    ['targetRetention', '10', '0.98', 'Enter a fraction from 0.70 to 0.97, such as 0.90.'],
    ['targetRetention', '10', 'high', 'Enter a fraction from 0.70 to 0.97, such as 0.90.'],
  ])('refuses %s in the settings form (%s, %s), naming it and changing nothing', async (field, newPerDay, targetRetention, message) => {
    const s = await setUp();
    const res = await s.browser.postForm('/review/settings', [
      ['newPerDay', newPerDay],
      ['targetRetention', targetRetention],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`<strong>${field}</strong>: ${message} Nothing was changed.`);
    expect(html).toContain(`id="${field}" name="${field}"`);
    expect(await (await s.browser.request('/api/review/settings')).json()).toEqual({ newPerDay: 10, targetRetention: 0.9 });
  });

  it('takes settings through PUT /api/review/settings, refusing a bad field by name', async () => {
    const s = await setUp();
    const put = (body: unknown) =>
      s.browser.request('/api/review/settings', { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const bad = await put({ newPerDay: 5, targetRetention: 0.99 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('targetRetention');
    expect((await put({ newPerDay: 5, targetRetention: 0.8 })).status).toBe(200);
    expect(await (await s.browser.request('/api/review/settings')).json()).toEqual({ newPerDay: 5, targetRetention: 0.8 });
  });

  it('shows each result with its rating and the family\u2019s next due date, and counts due reviews in the nav and on the home page', async () => {
    const s = await setUp();
    const id = s.choiceIds[0]!;
    const res = await s.answerAt(`/review/q/${id}/7`, s.wrong(id, 7));
    expect(res.headers.get('Location')).toMatch(/^\/review\/attempts\/\d+$/);
    const html = await (await s.browser.request(res.headers.get('Location')!)).text();
    expect(html).toContain('data-rating="Again"');
    expect(html).toContain(`data-next-due="${(await s.cardOf(id)).due.toISOString()}"`);
    expect(html).toContain('(in 1 minute)');
    expect(html).toContain('href="/review/next" data-next="true">Next review');
    s.advance(2 * MINUTE);
    const home = await (await s.browser.request('/')).text();
    expect(home).toContain('data-due-count="1"');
    expect(home).toContain('<span data-home-due="1">1 due now</span>');
  });

  it('forecasts the next 30 days of due reviews in a chart and a table, and measures retention on review-state cards', async () => {
    const s = await setUp();
    const id = s.choiceIds[0]!;
    // Two Good answers take the card through its learning steps into Review.
    await s.answerAt(`/review/q/${id}/1`, s.right(id, 1));
    s.advance((await s.cardOf(id)).due.getTime() - s.now().getTime());
    await s.answerAt(`/review/q/${id}/2`, s.right(id, 2));
    expect((await s.cardOf(id)).state).toBe(2);
    const due = (await s.cardOf(id)).due;
    s.advance(due.getTime() - s.now().getTime());
    await s.answerAt(`/review/q/${id}/3`, s.wrong(id, 3));
    const forecast = (await (await s.browser.request('/api/review/forecast')).json()) as {
      days: Array<{ day: string; due: number }>;
      retention: { answers: number; right: number; rate: number };
    };
    expect(forecast.days).toHaveLength(30);
    expect(forecast.days.reduce((n, d) => n + d.due, 0)).toBe(1);
    // Only the third answer met a card in the Review state, and it was wrong.
    expect(forecast.retention).toMatchObject({ answers: 1, right: 0, rate: 0, target: 0.9 });
    const html = await (await s.browser.request('/review')).text();
    expect(html).toContain('<title id="forecast-title">Reviews due per day, next 30 days</title>');
    expect(html).toContain('data-retention="0.0000"');
    expect(html).toContain('<td>Again</td>');
  });
});

describe('essential checks', () => {
  it('count an unconditional put on core.request-put-if-absent as wrong: partial, essentialPassed false, rated Again', async () => {
    const s = await setUp();
    const id = 'core.request-put-if-absent';
    const p = s.t.bank.variant(id, 3).params;
    const plainPut = {
      action: 'PutItem',
      params: {
        TableName: 'Users',
        Item: { userId: { S: p.newUser }, email: { S: `${String(p.newUser)}@example.com` }, plan: { S: p.plan }, version: { N: '1' } },
      },
    };
    const res = await s.answerAt(`/review/q/${id}/3`, { kind: 'request', json: JSON.stringify(plainPut) });
    expect(res.status).toBe(303);
    const [attempt] = await s.allAttempts();
    expect(attempt).toMatchObject({ verdict: 'partial', essentialPassed: false });
    expect(attempt!.score).toBeCloseTo(2 / 3, 10);
    const expected = scheduleReview(newReviewCard(s.now()), Rating.Again, s.now());
    expect((await s.cardOf(id)).due.toISOString()).toBe(expected.due.toISOString());
    const html = await (await s.browser.request(res.headers.get('Location')!)).text();
    expect(html).toContain('data-rating="Again"');
    expect(html).toContain('<strong>An essential check failed</strong> (Refuses to write when the condition does not hold)');
    expect(html).toMatch(
      /<tr class="is-failed" data-check="condition"><th scope="row">Refuses to write when the condition does not hold <span class="essential-mark"/,
    );
    // And it is a mistake for the drill.
    expect(((await (await s.browser.request('/api/drill')).json()) as { left: number }).left).toBe(1);
  });
});

describe('confidence', () => {
  it('is stored with a practice answer, shown on the result, and exported in CSV and JSON', async () => {
    const s = await setUp();
    const id = s.choiceIds[0]!;
    const res = await s.answerAt(`/q/${id}/4`, s.right(id, 4), [['confidence', 'unsure']]);
    expect(res.status).toBe(303);
    expect((await s.allAttempts())[0]).toMatchObject({ confidence: 'unsure', source: 'practice' });
    expect(await (await s.browser.request(res.headers.get('Location')!)).text()).toContain('<span data-confidence="unsure">, marked unsure</span>');
    const csv = await (await s.browser.request('/api/attempts/export?format=csv')).text();
    expect(csv.split('\r\n')[0]!.endsWith(',confidence,source')).toBe(true);
    expect(csv.split('\r\n')[1]!.endsWith(',unsure,practice')).toBe(true);
    const exported = (await (await s.browser.request('/api/attempts/export?format=json')).json()) as { attempts: Array<{ confidence: string | null }> };
    expect(exported.attempts[0]!.confidence).toBe('unsure');
  });

  it('is optional, refused by name when not one of the three, and rates a right answer Hard when unsure', async () => {
    const s = await setUp();
    const [a, b] = s.choiceIds as [string, string];
    const bad = await s.answerAt(`/review/q/${a}/4`, s.right(a, 4), [['confidence', 'certain']]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<strong>confidence</strong>: Choose sure, unsure or guess, or leave it unpicked.');
    expect(await s.allAttempts()).toHaveLength(0);
    await s.answerAt(`/review/q/${a}/4`, s.right(a, 4), [['confidence', 'guess']]);
    expect((await s.cardOf(a)).due.toISOString()).toBe(scheduleReview(newReviewCard(s.now()), Rating.Hard, s.now()).due.toISOString());
    await s.answerAt(`/review/q/${b}/4`, s.right(b, 4));
    expect((await s.allAttempts()).map((x) => x.confidence)).toEqual(['guess', null]);
  });

  it('is accepted by the JSON answer API and imported back, optional in older exports', async () => {
    const s = await setUp();
    const id = s.choiceIds[0]!;
    const answered = await s.browser.postJson(`/api/questions/${id}/5/answers`, { answer: s.right(id, 5), confidence: 'sure', source: 'review' });
    expect(answered.status).toBe(200);
    expect((await s.allAttempts())[0]).toMatchObject({ confidence: 'sure', source: 'review' });
    expect((await s.browser.postJson(`/api/questions/${id}/5/answers`, { answer: s.right(id, 5), confidence: 'maybe' })).status).toBe(400);
    const exported = (await (await s.browser.request('/api/attempts/export?format=json')).json()) as { attempts: Array<Record<string, unknown>> };
    const other = new Browser(s.t.app);
    const withIt = { ...exported, attempts: [{ ...exported.attempts[0], submissionToken: 'imported-token-1' }] };
    const { confidence: _dropped, ...older } = exported.attempts[0]!;
    const withoutIt = { ...exported, attempts: [{ ...older, submissionToken: 'imported-token-2' }] };
    expect((await other.postJson('/api/attempts/import', withIt)).status).toBe(200);
    expect((await other.postJson('/api/attempts/import', withoutIt)).status).toBe(200);
    const imported = (await s.allAttempts()).filter((x) => x.submissionToken.startsWith('imported-'));
    expect(imported.map((x) => x.confidence)).toEqual(['sure', null]);
  });
});
