import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../app/bank/types.ts';
import { createApp } from '../../../app/create-app.ts';
import { selectExam } from '../../../app/progress/exams.ts';
import { answerFields, Browser, createTestApp, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';
import { queryNumber, queryRows } from '../../helpers/database.ts';

const START = new Date('2026-03-02T09:00:00Z');
let now: Date;
const clock = { now: () => now };
let t: TestApp;
let browser: Browser;

beforeEach(async () => {
  now = new Date(START);
  t = await createTestApp({ clock });
  browser = new Browser(t.app);
});
afterEach(() => t.close());

function advance(seconds: number): void {
  now = new Date(now.getTime() + seconds * 1000);
}

async function profileId(): Promise<number> {
  const rows = await queryRows<{ id: number }>(t.database, 'select id from profiles');
  expect(rows).toHaveLength(1);
  return Number(rows[0]!.id);
}

async function examOf(id: number) {
  const found = await selectExam(t.database.db, await profileId(), id);
  if (!found) throw new Error(`no exam ${id}`);
  return found;
}

/** Starts an exam through the form; returns its id. */
async function startExam(fields: Array<[string, string]> = []): Promise<number> {
  const page = await browser.request('/exams');
  const issued = /name="formIssuedAt" value="(\d+)"/.exec(await page.text())![1]!;
  const response = await browser.postForm('/exams', [['formIssuedAt', issued], ['kinds', 'choice'], ['kinds', 'numeric'], ['questions', '5'], ...fields]);
  expect(response.status).toBe(303);
  const match = /^\/exams\/(\d+)$/.exec(response.headers.get('Location') ?? '');
  expect(match).not.toBeNull();
  return Number(match![1]);
}

async function rightAnswer(examId: number, position: number): Promise<Answer> {
  const q = (await examOf(examId)).questions[position - 1]!;
  return t.bank.referenceAnswer(q.scenarioId, q.seed);
}

async function badAnswer(examId: number, position: number): Promise<Answer> {
  const q = (await examOf(examId)).questions[position - 1]!;
  return wrongAnswer(t.bank, q.scenarioId, q.seed);
}

/** Saves as the question form does; `shownAt` is when the page was shown (now by default). */
async function save(examId: number, position: number, answer: Answer | null, extra: Array<[string, string]> = [], shownAt = now): Promise<Response> {
  return browser.postForm(`/exams/${examId}/${position}`, [['shownAt', String(shownAt.getTime())], ...(answer ? answerFields(answer) : []), ...extra]);
}

function countAttempts(source?: string): Promise<number> {
  const sql = source ? `select count(*) from attempts where source = '${source}'` : 'select count(*) from attempts';
  return queryNumber(t.database, sql);
}

describe('mock exam pages', () => {
  it('starts a timed exam of the chosen size and shows question 1 with the server’s time left', async () => {
    const id = await startExam([['minutes', '10']]);
    const { exam, questions } = await examOf(id);
    expect(questions).toHaveLength(5);
    expect(exam.deadlineAt.getTime() - exam.startedAt.getTime()).toBe(10 * 60 * 1000);
    expect(new Set(questions.map((q) => t.bank.get(q.scenarioId)!.kind)).size).toBeGreaterThan(0);
    for (const q of questions) expect(['choice', 'numeric']).toContain(t.bank.get(q.scenarioId)!.kind);
    expect((await browser.request(`/exams/${id}`)).headers.get('Location')).toBe(`/exams/${id}/1`);
    advance(75);
    const html = await (await browser.request(`/exams/${id}/1`)).text();
    expect(html).toContain('data-exam-remaining="525"');
    expect(html).toMatch(/<strong data-exam-clock[^>]*>8:45<\/strong>/);
    expect(html).toContain('src="/static/exam-timer.js"');
  });

  it('refuses settings out of bounds, naming the field, and starts nothing', async () => {
    const page = await browser.postForm('/exams', [
      ['questions', '500'],
      ['kinds', 'choice'],
    ]);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<strong>questions</strong>: Ask at most 65 questions');
    const noKinds = await browser.postForm('/exams', [['questions', '10']]);
    expect(noKinds.status).toBe(400);
    expect(await noKinds.text()).toContain('<strong>kinds</strong>: Choose at least one kind');
    const badArea = await browser.postForm('/exams', [
      ['area', 'nowhere'],
      ['kinds', 'choice'],
    ]);
    expect(await badArea.text()).toContain('<strong>area</strong>: &quot;nowhere&quot; is not an area');
    expect(await queryNumber(t.database, 'select count(*) from exams')).toBe(0);
  });

  it('a double click on Start creates one exam', async () => {
    const page = await browser.request('/exams');
    const issued = /name="formIssuedAt" value="(\d+)"/.exec(await page.text())![1]!;
    const fields: Array<[string, string]> = [
      ['formIssuedAt', issued],
      ['kinds', 'choice'],
      ['questions', '5'],
    ];
    const first = await browser.postForm('/exams', fields);
    advance(1);
    const second = await browser.postForm('/exams', fields);
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(await queryNumber(t.database, 'select count(*) from exams')).toBe(1);
  });

  it('saves answers and flags without feedback, moves freely, and submits to a scored report', async () => {
    const id = await startExam();
    let shown = now;
    advance(30);
    const saved = await save(id, 1, await rightAnswer(id, 1), [['go', 'next']], shown);
    expect(saved.headers.get('Location')).toBe(`/exams/${id}/2`);
    shown = now;
    advance(20);
    expect(
      (
        await save(
          id,
          2,
          await badAnswer(id, 2),
          [
            ['flagged', '1'],
            ['go', '4'],
          ],
          shown,
        )
      ).headers.get('Location'),
    ).toBe(`/exams/${id}/4`);
    shown = now;
    advance(10);
    expect((await save(id, 4, await rightAnswer(id, 4), [['go', 'previous']], shown)).headers.get('Location')).toBe(`/exams/${id}/3`);
    // A forged shownAt from before the start adds no more than the time the exam has run.
    await save(id, 5, null, [], new Date(START.getTime() - 3_600_000));
    // Nothing is graded or recorded while the exam runs, and the page gives no verdict.
    expect(await countAttempts()).toBe(0);
    const page = await (await browser.request(`/exams/${id}/2`)).text();
    expect(page).not.toMatch(/Correct|Incorrect|right answer/);
    expect(page).toContain('aria-label="Question 2, answered, flagged"');
    expect(page).toContain('aria-label="Question 3, not answered"');
    expect(page).toMatch(/<input type="checkbox" id="exam-flag" name="flagged" value="1" checked/);

    const confirm = await (await browser.request(`/exams/${id}/submit`)).text();
    expect(confirm).toContain('Not answered (2)');
    expect(confirm).toContain(`<a href="/exams/${id}/3">Question 3</a>`);
    expect(confirm).toContain('Flagged for review (1)');

    advance(5);
    const submitted = await browser.postForm(`/exams/${id}/submit`, []);
    expect(submitted.headers.get('Location')).toBe(`/exams/${id}`);
    const { exam, questions } = await examOf(id);
    expect(exam.status).toBe('submitted');
    expect(exam.timedOut).toBe(false);
    expect(exam.score).toBeCloseTo(2 / 5);
    expect(questions.map((q) => q.secondsSpent)).toEqual([30, 20, 0, 10, 60]);
    expect(questions.map((q) => q.attemptId !== null)).toEqual([true, true, false, true, false]);

    const report = await (await browser.request(`/exams/${id}`)).text();
    expect(report).toContain('<span class="badge badge-incorrect">Fail</span> Score 40%');
    expect(report).toContain('Pass mark 72%. 3 of 5 questions answered');
    expect(report).toContain('<svg class="chart exam-area-chart"');
    expect(report).toContain('Score by area</caption>');
    expect(report).toContain('<h2>Time per question</h2>');
    expect(report).toContain('<h3>Explanation</h3>');
    expect(report).toContain('You left this question unanswered');
    // The exam is over: its questions lead to the report, and it cannot be changed.
    expect((await browser.request(`/exams/${id}/1`)).headers.get('Location')).toBe(`/exams/${id}`);
    expect((await save(id, 3, await rightAnswer(id, 3))).headers.get('Location')).toBe(`/exams/${id}`);
    expect((await examOf(id)).questions[2]!.answer).toBeNull();
    const history = await (await browser.request('/exams')).text();
    expect(history).toContain(`<a href="/exams/${id}">Report #1</a>`);
    expect(history).toContain('<svg class="chart accuracy-chart"');
  });

  it('records each answered question once as an exam attempt that moves its review card', async () => {
    const id = await startExam();
    for (const position of [1, 2, 3, 4, 5]) await save(id, position, await rightAnswer(id, position));
    await browser.postForm(`/exams/${id}/submit`, []);
    await browser.postForm(`/exams/${id}/submit`, []);
    expect(await countAttempts('exam')).toBe(5);
    expect(await countAttempts()).toBe(5);
    const families = new Set((await examOf(id)).questions.map((q) => q.scenarioId));
    const cards = await queryNumber(t.database, 'select count(*) from review_cards where reps > 0');
    expect(cards).toBe(families.size);
    expect((await examOf(id)).exam.score).toBe(1);
    expect(await (await browser.request(`/exams/${id}`)).text()).toContain('<span class="badge badge-correct">Pass</span> Score 100%');
  });

  it('keeps a cleared or unreadable answer out: a bad figure is refused with the field named, a blank one clears', async () => {
    const id = await startExam([['kinds', 'numeric']]);
    const numeric = (await examOf(id)).questions.find((q) => t.bank.get(q.scenarioId)!.kind === 'numeric')!;
    const refused = await browser.postForm(`/exams/${id}/${numeric.position}`, [['value', 'lots']]);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<strong>value</strong>: &quot;lots&quot; is not a number');
    await save(id, numeric.position, { kind: 'numeric', value: 12 });
    expect((await examOf(id)).questions[numeric.position - 1]!.answer).toEqual({ kind: 'numeric', value: 12 });
    await browser.postForm(`/exams/${id}/${numeric.position}`, [['value', '']]);
    expect((await examOf(id)).questions[numeric.position - 1]!.answer).toBeNull();
  });

  it('times out: the first request past the deadline submits what was answered', async () => {
    const id = await startExam([['minutes', '5']]);
    await save(id, 1, await rightAnswer(id, 1));
    await save(id, 2, await rightAnswer(id, 2));
    advance(5 * 60 + 1);
    const response = await browser.request(`/exams/${id}/3`);
    expect(response.headers.get('Location')).toBe(`/exams/${id}`);
    const { exam } = await examOf(id);
    expect(exam.status).toBe('submitted');
    expect(exam.timedOut).toBe(true);
    expect(exam.score).toBeCloseTo(2 / 5);
    expect(await countAttempts('exam')).toBe(2);
    expect(await (await browser.request(`/exams/${id}`)).text()).toContain('the time ran out');
  });

  it('keeps an answer posted within seconds of the deadline, then submits', async () => {
    const id = await startExam([['minutes', '5']]);
    advance(5 * 60 + 3);
    const response = await save(id, 1, await rightAnswer(id, 1));
    expect(response.headers.get('Location')).toBe(`/exams/${id}`);
    expect((await examOf(id)).exam.timedOut).toBe(true);
    expect((await examOf(id)).exam.score).toBeCloseTo(1 / 5);
  });

  it('resumes after the app is rebuilt on the same database, with the time really left', async () => {
    const id = await startExam([['minutes', '20']]);
    await save(id, 1, await rightAnswer(id, 1));
    advance(7 * 60 + 30);
    const rebuilt = createApp({ db: t.database.db, bank: t.bank, clock, logger: { info: () => {}, error: () => {} } });
    const again = new Browser(rebuilt);
    Object.assign(again, { cookie: (browser as unknown as { cookie: string }).cookie });
    const html = await (await again.request(`/exams/${id}/2`)).text();
    expect(html).toContain(`data-exam-remaining="${12 * 60 + 30}"`);
    expect(html).toContain('1 of 5 answered');
  });

  it('no learner can open, answer or submit another’s exam', async () => {
    const id = await startExam();
    const other = new Browser(t.app);
    await other.request('/exams');
    for (const path of [`/exams/${id}`, `/exams/${id}/1`, `/exams/${id}/submit`]) expect((await other.request(path)).status).toBe(404);
    expect((await other.postForm(`/exams/${id}/submit`, [])).status).toBe(404);
    expect((await other.postForm(`/exams/${id}/1`, [['value', '1']])).status).toBe(404);
    expect((await other.request(`/api/exams/${id}`)).status).toBe(404);
    expect((await examOf(id)).exam.status).toBe('running');
  });
});

describe('mock exam API', () => {
  it('starts, saves and flags without keys, submits, and reports', async () => {
    const started = await browser.postJson('/api/exams', { questions: 5, minutes: 10, kinds: ['choice'] });
    expect(started.status).toBe(201);
    const body = (await started.json()) as {
      exam: { id: number; remainingSeconds: number; status: string };
      questions: Array<{ variant: Record<string, unknown> }>;
    };
    expect(body.exam).toMatchObject({ status: 'running', remainingSeconds: 600 });
    expect(body.questions).toHaveLength(5);
    expect(JSON.stringify(body.questions)).not.toMatch(/"correct"|whyHtml|explanationHtml/);
    const id = body.exam.id;
    const put = (position: number, payload: unknown) =>
      browser.request(`/api/exams/${id}/questions/${position}`, {
        method: 'PUT',
        body: JSON.stringify(payload),
        headers: { 'Content-Type': 'application/json' },
      });
    advance(60);
    // Seconds are capped at the time since the start: 40 of the 60 that passed.
    expect((await put(1, { answer: await rightAnswer(id, 1), secondsSpent: 40 })).status).toBe(200);
    const flagged = (await (await put(2, { flagged: true })).json()) as { flagged: boolean; answered: boolean };
    expect(flagged).toMatchObject({ flagged: true, answered: false });
    const bad = await put(3, { answer: { kind: 'choice', optionId: 'nope' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('answer.optionId');
    const report = (await (await browser.postJson(`/api/exams/${id}/submit`, {})).json()) as {
      exam: { score: number; passed: boolean };
      report: { answered: number; questions: Array<{ attemptId: number | null; secondsSpent: number }> };
    };
    expect(report.exam).toMatchObject({ score: 0.2, passed: false });
    expect(report.report.answered).toBe(1);
    expect(report.report.questions[0]).toMatchObject({ secondsSpent: 40 });
    expect(report.report.questions[0]!.attemptId).not.toBeNull();
    expect((await put(1, { flagged: true })).status).toBe(409);
    const history = (await (await browser.request('/api/exams')).json()) as { exams: Array<{ id: number }> };
    expect(history.exams.map((e) => e.id)).toEqual([id]);
    const doc = (await (await browser.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/exams', '/api/exams/{examId}', '/api/exams/{examId}/questions/{position}', '/api/exams/{examId}/submit']),
    );
  });
});
