import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app/create-app.ts';
import { DEFAULT_RATE_LIMITS } from '../../../app/auth/rate-limit.ts';
import type { Store } from '../../../app/db/store.ts';
import { loadContentBank } from '../../helpers/content-bank.ts';
import { openTestStore, queryNumber } from '../../helpers/database.ts';

let database: Store;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  database = await openTestStore();
  app = createApp({
    db: database.db,
    bank: loadContentBank(),
    logger: { info: () => {}, error: () => {} },
    rateLimits: { ...DEFAULT_RATE_LIMITS, answersPerLearner: { limit: 1_000_000, windowMs: 60_000 } },
  });
});
afterEach(() => database.close());

const SCENARIO = 'math.query-read-units';
const attempts = (): Promise<number> => queryNumber(database, 'select count(*) as n from attempts');

async function learnerCookie(): Promise<string> {
  const response = await answer(undefined, 'first-answer-token');
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function answer(cookie: string | undefined, submissionToken: string, seed = 5): Promise<Response> {
  return app.request(`/api/questions/${SCENARIO}/${seed}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ answer: { kind: 'numeric', value: 3 }, submissionToken }),
  });
}

// The load bench posts answers 100 at a time; these hold what it cannot check: each stored once.
describe('answers posted at once', () => {
  it('store one attempt for one submission token, however many copies arrive together', async () => {
    const cookie = await learnerCookie();
    const responses = await Promise.all(Array.from({ length: 50 }, () => answer(cookie, 'the-same-token-each-time')));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { attemptId: number; recorded: boolean }[];
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(bodies.map((b) => b.attemptId)).size).toBe(1);
    expect(bodies.filter((b) => b.recorded)).toHaveLength(1);
    expect(await attempts()).toBe(2);
  });

  it('store every one of 100 answers with tokens of their own, each once, over several variants', async () => {
    const cookie = await learnerCookie();
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => answer(cookie, `token-number-${i}`, i % 7)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { attemptId: number; recorded: boolean }[];
    expect(bodies.every((b) => b.recorded)).toBe(true);
    expect(new Set(bodies.map((b) => b.attemptId)).size).toBe(100);
    expect(await attempts()).toBe(101);
  });
});
