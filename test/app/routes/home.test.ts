/**
 * The home dashboard for a learner with answers, review cards and a submitted exam: its figures
 * must be the ones the progress and exam pages compute, and reading it must create nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { insertExam, submitExam } from '../../../app/progress/exams.ts';
import { selectReadinessReport } from '../../../app/progress/mastery.ts';
import { DEFAULT_PASS_MARK } from '../../../app/progress/readiness.ts';
import { Browser, createTestApp, readSubmissionToken, answerFields, wrongAnswer } from '../../helpers/test-app.ts';
import { queryNumber, queryRows } from '../../helpers/database.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let now = NOW;
const t = await createTestApp({ clock: { now: () => now } });
afterAll(() => t.close());

function profileCount(): Promise<number> {
  return queryNumber(t.database, 'select count(*) from profiles');
}

async function answer(browser: Browser, scenarioId: string, seed: number, right: boolean): Promise<void> {
  const token = readSubmissionToken(await (await browser.request(`/q/${scenarioId}/${seed}`)).text());
  const given = right ? t.bank.referenceAnswer(scenarioId, seed) : wrongAnswer(t.bank, scenarioId, seed);
  const response = await browser.postForm(`/q/${scenarioId}/${seed}`, [['token', token], ...answerFields(given)]);
  expect(response.status).toBe(303);
}

describe('home for a returning learner', () => {
  it('shows what is due, readiness per area, the last exam and a continue button, and creates nothing on reading', async () => {
    const browser = new Browser(t.app);
    const choice = t.bank.scenarios.filter((s) => s.kind === 'choice');
    await answer(browser, choice[0]!.id, 1, true);
    await answer(browser, choice[1]!.id, 1, false);
    const profileId = await queryNumber(t.database, 'select id from profiles');

    // A submitted exam scored 60% against a 72% pass mark, and a later one still running.
    const { exam } = await insertExam(t.database.db, {
      profileId,
      area: null,
      kinds: ['choice'],
      durationSeconds: 600,
      passMark: 0.72,
      now: NOW,
      questions: [{ scenarioId: choice[0]!.id, seed: 9, area: choice[0]!.area }],
    });
    expect(
      await submitExam(t.database.db, {
        examId: exam.id,
        profileId,
        graded: [],
        questionCount: 1,
        timedOut: false,
        now: new Date(NOW.getTime() + 60_000),
        tokenFor: (p) => `home-test-${p}`,
      }),
    ).toBe(true);
    // Unanswered it scores 0; a figure that could only come from the row tells the tile read it.
    await queryRows(t.database, sql`update exams set score = 0.6 where id = ${exam.id} returning id`);
    await insertExam(t.database.db, {
      profileId,
      area: null,
      kinds: ['choice'],
      durationSeconds: 600,
      passMark: 0.72,
      now: new Date(NOW.getTime() + 120_000),
      questions: [{ scenarioId: choice[1]!.id, seed: 9, area: choice[1]!.area }],
    });

    // Not yet due: the continue button goes to practice.
    let html = await (await browser.request('/')).text();
    expect(html).toContain('<span data-home-due="0">0 due now</span>');
    expect(html).toContain('data-continue="practice"');
    const readiness = await selectReadinessReport(t.database.db, t.bank, profileId, now, DEFAULT_PASS_MARK);
    expect(html).toMatch(
      new RegExp(`id="home-readiness"><p class="stat-label">Exam readiness</p><p class="stat-figure">${Math.round(readiness.overall.estimate * 100)}%</p>`),
    );
    expect(html).toContain('<p class="stat-figure">60%</p>');
    expect(html).toContain('Not passed, 2026-03-02 10:01 UTC');
    expect(html).toContain(`href="/exams/${exam.id}"`);
    expect(html).toContain('2 answers so far');
    for (const area of t.bank.areas) {
      const estimate = readiness.byArea.find((r) => r.key === area.id)?.estimate ?? 0;
      expect(html, area.id).toMatch(new RegExp(`<li data-area="${area.id}">.*?<span class="area-figure">${Math.round(estimate * 100)}%</span>`, 's'));
    }
    expect(html).toContain('action="/practice/next"');

    // A month later both cards are due: continue goes to the review.
    now = new Date(NOW.getTime() + 30 * 24 * 3600_000);
    html = await (await browser.request('/')).text();
    expect(html).toContain('<span data-home-due="2">2 due now</span>');
    expect(html).toContain('<a class="button button-large" href="/review" data-continue="review">Continue: 2 reviews due</a>');
    expect(await profileCount()).toBe(1);
    now = NOW;
  });

  it('welcomes a visitor without a profile and creates none', async () => {
    const before = await profileCount();
    const response = await new Browser(t.app).request('/');
    const html = await response.text();
    expect(html).toContain('Learn DynamoDB to exam level');
    expect(html).not.toContain('stat-tile');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(await profileCount()).toBe(before);
  });
});
