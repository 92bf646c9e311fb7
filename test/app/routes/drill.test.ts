/**
 * The mistakes drill through app.request(): it holds each family whose latest answer was not
 * fully right until two right answers in a row, serves another variant each time, stores the
 * answers with source 'drill', and takes a family back after a new mistake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../app/bank/types.ts';
import { attempts } from '../../../app/db/schema.ts';
import { storeTable } from '../../helpers/database.ts';
import { answerFields, Browser, createTestApp, readSubmissionToken, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';

let current: TestApp | undefined;
afterEach(() => current?.close());

async function setUp() {
  let now = new Date('2025-03-03T09:00:00.000Z');
  const t = await createTestApp({ clock: { now: () => now }, random: () => 0.1 });
  current = t;
  const browser = new Browser(t.app);
  async function answerAt(path: string, answer: Answer) {
    const token = readSubmissionToken(await (await browser.request(path)).text());
    const res = await browser.postForm(path, [['token', token], ...answerFields(answer)]);
    expect(res.status).toBe(303);
    now = new Date(now.getTime() + 60_000);
    return res.headers.get('Location')!;
  }
  async function next(): Promise<{ scenarioId: string; seed: number } | undefined> {
    const res = await browser.request('/drill/next');
    const location = res.headers.get('Location')!;
    const match = /^\/drill\/q\/([^/]+)\/(\d+)$/.exec(location);
    if (!match) {
      expect(location).toBe('/drill?done=1');
      return undefined;
    }
    return { scenarioId: decodeURIComponent(match[1]!), seed: Number(match[2]) };
  }
  const left = async () => ((await (await browser.request('/api/drill')).json()) as { left: number }).left;
  const choiceIds = t.bank.scenarios.filter((s) => s.kind === 'choice').map((s) => s.id as string);
  return {
    t,
    browser,
    answerAt,
    next,
    left,
    choiceIds,
    right: (id: string, seed: number) => t.bank.referenceAnswer(id, seed),
    wrong: (id: string, seed: number) => wrongAnswer(t.bank, id, seed),
  };
}

describe('mistakes drill', () => {
  it('ends for a family after two right answers in a row, each on another variant', async () => {
    const s = await setUp();
    const [a, b] = s.choiceIds as [string, string];
    await s.answerAt(`/q/${a}/100000`, s.wrong(a, 100000));
    await s.answerAt(`/q/${b}/5`, s.right(b, 5));
    expect(await s.left()).toBe(1);
    expect(await (await s.browser.request('/drill')).text()).toContain('<span data-drill-left="1">1 left</span>');

    const first = await s.next();
    // The random source yields 100000 again; the drill serves the next seed instead.
    expect(first).toEqual({ scenarioId: a, seed: 100001 });
    const result1 = await (await s.browser.request(await s.answerAt(`/drill/q/${a}/${first!.seed}`, s.right(a, first!.seed)))).text();
    expect(result1).toContain('data-drill-status="1">Right 1 of 2 in a row: one more right answer takes it out.');
    expect(await s.left()).toBe(1);

    const second = await s.next();
    expect(second).toEqual({ scenarioId: a, seed: 100000 });
    const result2 = await (await s.browser.request(await s.answerAt(`/drill/q/${a}/${second!.seed}`, s.right(a, second!.seed)))).text();
    expect(result2).toContain('data-drill-status="out">Out of the drill: right 2 times in a row.');
    expect(result2).toContain('0 left in the drill');
    expect(await s.left()).toBe(0);
    expect(await s.next()).toBeUndefined();
    expect(await (await s.browser.request('/drill?done=1')).text()).toContain('Drill complete');
    expect(
      (await s.t.database.db.select().from(storeTable(s.t.database, attempts)).orderBy(storeTable(s.t.database, attempts).id)).map((x) => x.source),
    ).toEqual(['practice', 'practice', 'drill', 'drill']);
  });

  it('takes a family back after a wrong answer, and a wrong drill answer starts its run again', async () => {
    const s = await setUp();
    const a = s.choiceIds[0]!;
    await s.answerAt(`/q/${a}/1`, s.wrong(a, 1));
    await s.answerAt(`/drill/q/${a}/2`, s.right(a, 2));
    await s.answerAt(`/drill/q/${a}/3`, s.wrong(a, 3));
    let api = (await (await s.browser.request('/api/drill')).json()) as { queue: Array<{ scenarioId: string; rightInARow: number }> };
    expect(api.queue).toEqual([expect.objectContaining({ scenarioId: a, rightInARow: 0 })]);
    await s.answerAt(`/drill/q/${a}/4`, s.right(a, 4));
    await s.answerAt(`/drill/q/${a}/5`, s.right(a, 5));
    expect(await s.left()).toBe(0);
    // A new mistake anywhere brings it back.
    await s.answerAt(`/q/${a}/6`, s.wrong(a, 6));
    api = (await (await s.browser.request('/api/drill')).json()) as { queue: Array<{ scenarioId: string; rightInARow: number }> };
    expect(api.queue).toEqual([expect.objectContaining({ scenarioId: a, rightInARow: 0 })]);
  });

  it('serves the family answered longest ago first, so a right answer sends one to the back', async () => {
    const s = await setUp();
    const [a, b] = s.choiceIds as [string, string];
    await s.answerAt(`/q/${a}/1`, s.wrong(a, 1));
    await s.answerAt(`/q/${b}/1`, s.wrong(b, 1));
    expect((await s.next())?.scenarioId).toBe(a);
    await s.answerAt(`/drill/q/${a}/2`, s.right(a, 2));
    expect((await s.next())?.scenarioId).toBe(b);
    const next = (await (await s.browser.request('/api/drill/next')).json()) as { entry: { scenarioId: string }; question: { url: string } };
    expect(next.entry.scenarioId).toBe(b);
    expect(next.question.url).toMatch(new RegExp(`^/drill/q/${b.replace('.', '\\.')}/\\d+$`));
  });

  it('shows an empty drill to a learner without mistakes, and the API says so with a 404', async () => {
    const s = await setUp();
    expect(await (await s.browser.request('/drill')).text()).toContain('No mistakes to drill');
    expect((await s.browser.request('/api/drill/next')).status).toBe(404);
  });

  it('describes /api/review and /api/drill in the OpenAPI document', async () => {
    const s = await setUp();
    const doc = (await (await s.browser.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const path of ['/api/review', '/api/review/next', '/api/review/forecast', '/api/drill', '/api/drill/next'])
      expect(doc.paths[path]?.get, path).toBeDefined();
    expect(doc.paths['/api/review/settings']?.put).toBeDefined();
  });
});
