import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertProfile } from '../../../app/progress/profiles.ts';
import { formatPercent } from '../../../app/views/components.tsx';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { answerGraded, insertSubmittedExam } from '../progress/history.ts';
import { queryNumber, queryRows } from '../../helpers/database.ts';

const T0 = Date.UTC(2026, 2, 1, 10);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let now: number;
let t: TestApp;
let profileId: number;
beforeEach(async () => {
  now = T0;
  t = await createTestApp({ clock: { now: () => new Date(now) } });
  profileId = (await insertProfile(t.database.db, 'learner-token', new Date(T0))).id;
});
afterEach(() => t.close());

/** As the learner of the cookie. */
async function get(path: string, cookie: string | undefined = 'learner=learner-token'): Promise<Response> {
  return t.app.request(path, cookie ? { headers: { Cookie: cookie } } : {});
}

async function json(path: string): Promise<any> {
  const response = await get(path);
  expect(response.status).toBe(200);
  return response.json();
}

function profileCount(): Promise<number> {
  return queryNumber(t.database, 'select count(*) from profiles');
}

/** Choice families, each drilling at least one objective, in a fixed order. */
function choiceFamilies() {
  return t.bank.scenarios.filter((s) => s.kind === 'choice');
}

async function answer(scenarioId: string, right: boolean, at: number, confidence: 'sure' | 'unsure' | 'guess' | null = null, seed = 1): Promise<void> {
  await answerGraded(t.database.db, t.bank, profileId, scenarioId, seed, right, new Date(at), confidence);
}

const totalObjectives = () => t.bank.areas.reduce((n, a) => n + a.objectives.length, 0);

describe('the progress page and the readiness API for a visitor without a profile', () => {
  it('show an empty record pointing to practice, with every objective counted, and create no profile', async () => {
    await queryRows(t.database, 'delete from profiles returning id');
    const page = await get('/progress', undefined);
    expect(page.status).toBe(200);
    expect(page.headers.get('Set-Cookie')).toBeNull();
    const html = await page.text();
    expect(html).toContain('No attempts yet. <a href="/practice">Start practising</a>');
    expect(html).toContain(`0 of ${totalObjectives()} objectives`);
    expect(html).not.toContain('<svg');

    for (const path of ['/api/readiness', '/api/activity', '/api/calibration']) {
      const response = await get(path, undefined);
      expect(response.status).toBe(200);
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
    const readiness = await json('/api/readiness');
    expect(readiness.overall).toMatchObject({ estimate: 0, answers: 0, interval: null, passMarkMet: false, objectives: totalObjectives(), practised: 0 });
    expect(readiness.byArea.map((a: { key: string }) => a.key)).toEqual(t.bank.areas.map((a) => a.id));
    expect(readiness.coverage).toEqual({ practised: 0, total: totalObjectives() });
    expect(readiness.method).toContain('Wilson interval');
    expect(await json('/api/activity')).toMatchObject({ days: [], currentStreak: 0, longestStreak: 0, today: '2026-03-01' });
    expect((await json('/api/calibration')).buckets.map((b: { confidence: string; answers: number }) => [b.confidence, b.answers])).toEqual([
      ['sure', 0],
      ['unsure', 0],
      ['guess', 0],
      ['none', 0],
    ]);
    expect(await profileCount()).toBe(0);
  });
});

describe('GET /api/readiness', () => {
  it('moves with answers: up with right ones, down with a wrong one, and covers the objectives answered', async () => {
    const family = choiceFamilies()[0]!;
    const before = await json('/api/readiness');
    await answer(family.id, true, T0, 'sure', 1);
    await answer(family.id, true, T0 + MINUTE, 'sure', 2);
    const afterRight = await json('/api/readiness');
    expect(afterRight.overall.estimate).toBeGreaterThan(before.overall.estimate);
    expect(afterRight.coverage.practised).toBe(family.objectives.length);
    const mastered = afterRight.objectives.find((o: { objectiveId: string }) => o.objectiveId === family.objectives[0]);
    expect(mastered).toMatchObject({ practised: true, answers: 2, right: 2 });
    expect(mastered.recall).toBeGreaterThan(0.9);

    await answer(family.id, false, T0 + 2 * MINUTE, null, 3);
    const afterWrong = await json('/api/readiness');
    expect(afterWrong.overall.estimate).toBeLessThan(afterRight.overall.estimate);
    expect(afterWrong.overall).toMatchObject({ right: 2 * family.objectives.length, answers: 3 * family.objectives.length });
  });
});

describe('the progress page', () => {
  /** Three days of answers to the first six choice families, with every confidence. */
  async function seedHistory(): Promise<void> {
    const families = choiceFamilies().slice(0, 6);
    const confidences = ['sure', 'unsure', 'guess', null] as const;
    let i = 0;
    for (const day of [0, 1, 2]) {
      for (const family of families) {
        await answer(family.id, i % 3 !== 0, T0 + day * DAY + i * MINUTE, confidences[i % 4]!, 10 + i);
        i += 1;
      }
    }
    now = T0 + 2 * DAY + 8 * 60 * MINUTE;
  }

  it('shows the numbers the API returns: readiness, coverage, areas, mastery, streaks, heatmap and calibration', async () => {
    await seedHistory();
    const html = await (await get('/progress')).text();
    const readiness = await json('/api/readiness');
    const activity = await json('/api/activity');
    const calibration = await json('/api/calibration');

    expect(html).toContain(`<strong id="readiness-overall">${formatPercent(readiness.overall.estimate)}</strong>`);
    expect(readiness.overall.interval).not.toBeNull();
    const { low, high } = readiness.overall.interval;
    expect(html).toContain(`${readiness.overall.right} of ${readiness.overall.answers} right, 90% range ${Math.round(low * 100)}–${formatPercent(high)}`);
    expect(html).toContain(`<strong id="readiness-coverage">${readiness.coverage.practised} of ${readiness.coverage.total}</strong>`);
    for (const area of readiness.byArea) {
      const row = html.slice(html.indexOf(`<tr id="readiness-${area.key}">`));
      expect(row.slice(0, row.indexOf('</tr>'))).toContain(`${formatPercent(area.estimate)}<span`);
    }
    for (const o of readiness.objectives.filter((x: { practised: boolean }) => x.practised)) {
      const row = html.slice(html.indexOf(`<tr id="mastery-${o.objectiveId}">`));
      expect(row.slice(0, row.indexOf('</tr>'))).toContain(`<td class="num">${formatPercent(o.mastery)}</td><td class="num">${o.right} / ${o.answers}</td>`);
    }

    expect(activity).toMatchObject({ currentStreak: 3, longestStreak: 3, answersInWindow: 18, activeDaysInWindow: 3 });
    expect(html).toContain('<strong id="streak-current">3 days</strong>');
    expect(html).toContain('<strong id="streak-longest">3 days</strong>');
    for (const day of activity.days) expect(html).toContain(`<title>${day.date}: ${day.answers} answers</title>`);
    expect(activity.days).toEqual([
      { date: '2026-03-01', answers: 6 },
      { date: '2026-03-02', answers: 6 },
      { date: '2026-03-03', answers: 6 },
    ]);
    // A day without answers is drawn too, as 0.
    expect(html).toContain('<title>2026-02-28: 0 answers</title>');

    const table = html.slice(html.indexOf('<table id="calibration-table">'));
    for (const bucket of calibration.buckets) {
      const label = { sure: 'Sure', unsure: 'Unsure', guess: 'Guess', none: 'Not given' }[bucket.confidence as string];
      expect(table).toContain(`<th scope="row">${label}</th><td class="num">${bucket.answers}</td><td class="num">${bucket.right}</td>`);
    }
    expect(calibration.buckets.map((b: { answers: number }) => b.answers)).toEqual([5, 5, 4, 4]);
  });

  it('keeps readiness, mastery and the activity ahead of mistakes, exams and recent attempts', async () => {
    await seedHistory();
    const html = await (await get('/progress')).text();
    const order = [
      'readiness-heading',
      'mastery-heading',
      'calibration-heading',
      'activity-heading',
      'review-heading',
      'exams-heading',
      'recent-heading',
      'record-heading',
    ].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('counts a streak across UTC midnight and loses it after a day without answers', async () => {
    const family = choiceFamilies()[0]!;
    await answer(family.id, true, Date.UTC(2026, 2, 1, 23, 59), null, 1);
    await answer(family.id, true, Date.UTC(2026, 2, 2, 0, 1), null, 2);
    now = Date.UTC(2026, 2, 2, 12);
    expect(await (await get('/progress')).text()).toContain('<strong id="streak-current">2 days</strong>');
    now = Date.UTC(2026, 2, 3, 23, 59);
    expect(await (await get('/progress')).text()).toContain('<strong id="streak-current">2 days</strong>');
    now = Date.UTC(2026, 2, 4, 0, 1);
    const html = await (await get('/progress')).text();
    expect(html).toContain('<strong id="streak-current">0 days</strong>');
    expect(html).toContain('<strong id="streak-longest">2 days</strong>');
  });

  it('lists the last submitted mock exams with score, pass or fail and a link to each report', async () => {
    await answer(choiceFamilies()[0]!.id, true, T0);
    const passed = await insertSubmittedExam(t.database.db, profileId, new Date(T0 + DAY), 0.76);
    const failed = await insertSubmittedExam(t.database.db, profileId, new Date(T0 + 2 * DAY), 0.64);
    const running = await insertSubmittedExam(t.database.db, profileId, new Date(T0 + 3 * DAY), 0, 'running');
    now = T0 + 3 * DAY;
    const html = await (await get('/progress')).text();
    const section = html.slice(html.indexOf('id="exams-heading"'), html.indexOf('id="recent-heading"'));
    expect(section.indexOf(`href="/exams/${failed}"`)).toBeGreaterThan(0);
    expect(section.indexOf(`href="/exams/${failed}"`)).toBeLessThan(section.indexOf(`href="/exams/${passed}"`));
    expect(section).not.toContain(`href="/exams/${running}"`);
    expect(section).toMatch(/<td class="num">76%<\/td><td><span class="badge badge-correct">Passed<\/span>/);
    expect(section).toMatch(/<td class="num">64%<\/td><td><span class="badge badge-incorrect">Failed<\/span>/);
  });

  it('says no exam was taken yet and links to /exams', async () => {
    await answer(choiceFamilies()[0]!.id, true, T0);
    const html = await (await get('/progress')).text();
    expect(html).toContain('No mock exam submitted yet. <a href="/exams">');
  });
});

describe('the OpenAPI document', () => {
  it('describes the readiness, activity and calibration routes', async () => {
    const doc = await json('/api/openapi.json');
    for (const path of ['/api/readiness', '/api/activity', '/api/calibration']) expect(doc.paths[path]?.get).toBeDefined();
    expect(doc.components.schemas.Readiness.properties.method).toBeDefined();
  });
});
