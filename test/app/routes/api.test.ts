import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';
import { queryNumber } from '../../helpers/database.ts';

let t: TestApp;
let browser: Browser;
beforeEach(async () => {
  t = await createTestApp();
  browser = new Browser(t.app);
});
afterEach(() => t.close());

async function json(response: Response): Promise<any> {
  expect(response.headers.get('Content-Type')).toContain('application/json');
  return response.json();
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every API path', async () => {
    const response = await browser.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = await json(response);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/areas',
        '/api/questions/next',
        '/api/questions/{scenarioId}/{seed}',
        '/api/questions/{scenarioId}/{seed}/answers',
        '/api/questions/{scenarioId}/{seed}/reports',
        '/api/attempts/{attemptId}',
        '/api/progress',
      ]),
    );
    expect(document.components.schemas).toHaveProperty('GradeResult');
    expect(document.components.schemas).toHaveProperty('ApiError');
  });

  it('does not mint a learner profile for reading the document', async () => {
    const response = await browser.request('/api/openapi.json');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(await queryNumber(t.database, 'select count(*) from profiles')).toBe(0);
  });
});

describe('GET /api/areas', () => {
  it('counts scenarios per area and per objective', async () => {
    const response = await browser.request('/api/areas');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    const body = await json(response);
    expect(body.totalScenarios).toBe(t.bank.scenarios.length);
    expect(body.areas.map((a: { id: string }) => a.id)).toEqual(t.bank.areas.map((a) => a.id));
    const scenario = t.bank.scenarios[0]!;
    const area = body.areas.find((a: { id: string }) => a.id === scenario.area);
    expect(area.scenarioCount).toBe(t.bank.scenarios.filter((s) => s.area === scenario.area).length);
    const objective = area.objectives.find((o: { id: string }) => o.id === scenario.objectives[0]);
    expect(objective.scenarioCount).toBe(t.bank.scenarios.filter((s) => s.objectives.includes(scenario.objectives[0]!)).length);
  });
});

describe('questions', () => {
  it('returns the same variant for the same id and seed, with a fresh submission token each time', async () => {
    const id = t.bank.scenarios[0]!.id;
    const first = await json(await browser.request(`/api/questions/${id}/77`));
    const second = await json(await browser.request(`/api/questions/${id}/77`));
    expect(first.variant).toEqual(JSON.parse(JSON.stringify(t.bank.variant(id, 77))));
    expect(second.variant).toEqual(first.variant);
    expect(first.url).toBe(`/q/${id}/77`);
    expect(first.submissionToken).not.toBe(second.submissionToken);
  });

  it('picks the next question from the requested objective', async () => {
    const objective = t.bank.scenarios[0]!.objectives[0]!;
    const body = await json(await browser.request(`/api/questions/next?objective=${objective}`));
    expect(body.variant.objectives).toContain(objective);
  });

  it('grades an answer, records it once per submission token, and reports it in progress', async () => {
    const id = t.bank.scenarios[0]!.id;
    const question = await json(await browser.request(`/api/questions/${id}/8`));
    const answer = t.bank.referenceAnswer(id, 8);
    const first = await json(await browser.postJson(`/api/questions/${id}/8/answers`, { answer, submissionToken: question.submissionToken, secondsTaken: 12 }));
    expect(first.recorded).toBe(true);
    expect(first.result).toEqual(JSON.parse(JSON.stringify(t.bank.grade(id, 8, answer))));
    const again = await json(await browser.postJson(`/api/questions/${id}/8/answers`, { answer, submissionToken: question.submissionToken }));
    expect(again).toMatchObject({ attemptId: first.attemptId, recorded: false });

    await browser.postJson(`/api/questions/${id}/9/answers`, { answer: wrongAnswer(t.bank, id, 9) });
    const progress = await json(await browser.request('/api/progress'));
    expect(progress.totalAttempts).toBe(2);
    expect(progress.overall).toEqual({ key: 'all', attempts: 2, correct: 1, accuracy: 0.5 });
    expect(progress.byArea).toEqual([{ key: t.bank.scenarios[0]!.area, attempts: 2, correct: 1, accuracy: 0.5 }]);
    expect(progress.recent.map((a: { seed: number; verdict: string; secondsTaken: number | null }) => [a.seed, a.verdict, a.secondsTaken])).toEqual([
      [9, 'incorrect', null],
      [8, 'correct', 12],
    ]);
    expect(progress.toReview.map((a: { seed: number }) => a.seed)).toEqual([9]);
  });

  it('returns a stored attempt with its answer and grade to its learner only', async () => {
    const id = t.bank.scenarios[0]!.id;
    const answer = wrongAnswer(t.bank, id, 21);
    const answered = await json(await browser.postJson(`/api/questions/${id}/21/answers`, { answer }));
    const body = await json(await browser.request(`/api/attempts/${answered.attemptId}`));
    expect(body.attempt).toMatchObject({ id: answered.attemptId, scenarioId: id, seed: 21, verdict: 'incorrect' });
    expect(body.answer).toEqual(answer);
    expect(body.result).toEqual(answered.result);
    const stranger = new Browser(t.app);
    expect((await stranger.request(`/api/attempts/${answered.attemptId}`)).status).toBe(404);
  });

  it('stores a report for a variant', async () => {
    const id = t.bank.scenarios[0]!.id;
    const response = await browser.postJson(`/api/questions/${id}/8/reports`, { message: 'Option B is also right' });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ scenarioId: id, seed: 8, status: 'open' });
  });
});

describe('API errors are JSON naming the field', () => {
  it.each([
    ['an unknown scenario', 'GET', '/api/questions/no.such/1', undefined, 404, 'UnknownScenario', undefined],
    ['a bad seed', 'GET', '/api/questions/ID/x', undefined, 400, 'InvalidInput', 'seed'],
    ['an unknown area', 'GET', '/api/questions/next?area=nowhere', undefined, 400, 'InvalidInput', 'area'],
    ['an answer of the wrong shape', 'POST', '/api/questions/ID/1/answers', { answer: { kind: 'numeric', value: 'ten' } }, 400, 'InvalidInput', 'answer.value'],
    ['an answer without a kind', 'POST', '/api/questions/ID/1/answers', { answer: {} }, 400, 'InvalidInput', 'answer.kind'],
    ['an answer of another kind', 'POST', '/api/questions/ID/1/answers', { answer: { kind: 'request', json: '{}' } }, 400, 'InvalidInput', 'kind'],
    ['an empty report', 'POST', '/api/questions/ID/1/reports', { message: '' }, 400, 'InvalidInput', 'message'],
    ['an attempt id that is not a number', 'GET', '/api/attempts/abc', undefined, 400, 'InvalidInput', 'attemptId'],
    ['an unknown path', 'GET', '/api/nothing', undefined, 404, 'NotFound', undefined],
  ])('answers %s with %s', async (_label, method, path, body, status, code, field) => {
    const url = path.replace('ID', t.bank.scenarios[0]!.id);
    const response = method === 'GET' ? await browser.request(url) : await browser.postJson(url, body);
    expect(response.status).toBe(status);
    const error = (await json(response)).error;
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(typeof error.message).toBe('string');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const id = t.bank.scenarios[0]!.id;
    const response = await browser.request(`/api/questions/${id}/1/answers`, {
      method: 'POST',
      body: '{"answer":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('BadRequest');
  });
});

describe('unexpected failures', () => {
  /** A learner with a profile, so that reading a page needs the database. */
  async function answerOnce(): Promise<void> {
    const id = t.bank.scenarios.find((s) => s.kind === 'choice')!.id;
    const response = await browser.postJson(`/api/questions/${id}/1/answers`, { answer: wrongAnswer(t.bank, id, 1) });
    expect(response.status).toBe(200);
  }

  it('answer a page with a 500 that quotes a logged error id and no stack trace', async () => {
    await answerOnce();
    await t.database.close();
    const response = await browser.request('/');
    expect(response.status).toBe(500);
    const html = await response.text();
    const id = /Error id <code>([0-9a-f]+)<\/code>/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(t.loggedErrors).toHaveLength(1);
    expect(t.loggedErrors[0]!.message).toContain(`[${id}] GET / failed`);
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    expect(html).not.toContain('database connection is not open');
  });

  it('answer the API with a JSON 500 carrying the same kind of id', async () => {
    await answerOnce();
    await t.database.close();
    const response = await browser.request('/api/progress');
    expect(response.status).toBe(500);
    const error = (await json(response)).error;
    expect(error.code).toBe('InternalError');
    expect(t.loggedErrors[0]!.message).toContain(`[${error.errorId}] GET /api/progress failed`);
  });
});
