import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAttempts } from '../../../app/progress/attempts.ts';
import { answerFields, Browser, createTestApp, loadContentBank, readSubmissionToken, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';
import { queryNumber, queryRows } from '../../helpers/database.ts';

let t: TestApp;
let browser: Browser;
beforeEach(async () => {
  t = await createTestApp();
  browser = new Browser(t.app);
});
afterEach(() => t.close());

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function countAllAttempts(): Promise<number> {
  return queryNumber(t.database, 'select count(*) from attempts');
}

async function onlyProfileId(): Promise<number> {
  const row = await queryRows<{ id: number }>(t.database, 'select id from profiles');
  expect(row).toHaveLength(1);
  return Number(row[0]!.id);
}

describe('home page', () => {
  it('welcomes a visitor with every objective area and its scenario count, and sets no cookie for a reader', async () => {
    const response = await browser.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Set-Cookie')).toBeNull();
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html><html lang="en" data-theme="system">')).toBe(true);
    expect(t.bank.areas.length).toBeGreaterThan(0);
    for (const area of t.bank.areas) {
      const count = t.bank.scenarios.filter((s) => s.area === area.id).length;
      expect(html).toContain(`data-area-count="${area.id}:${count}"`);
    }
    // The welcome: what the app is, its scope, and practice one click away.
    expect(html).toContain('<h1 id="welcome-heading">Learn DynamoDB to exam level</h1>');
    expect(html).toContain('It covers DynamoDB only, <strong>not the other services</strong> an AWS exam asks about.');
    expect(html).toContain('<a class="button button-large" href="/practice/next?area=mixed" data-start-practice="true">Start practising</a>');
    expect(html).not.toContain('data-home-due');
  });

  it('creates nothing in the database for a visitor who only reads pages', async () => {
    const scenario = t.bank.scenarios[0]!;
    for (const path of ['/', '/progress', '/practice', '/practice/next', `/q/${scenario.id}/1`, '/cost', '/api/progress', '/api/areas']) {
      expect((await browser.request(path)).status).toBeLessThan(500);
    }
    expect(await queryNumber(t.database, 'select count(*) from profiles')).toBe(0);
  });

  it('creates the profile with the first answer, bound by an httpOnly, SameSite=Lax learner cookie, and one per browser', async () => {
    const scenario = t.bank.scenarios.find((s) => s.kind === 'choice')!;
    for (const seed of [1, 2]) {
      const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/${seed}`)).text());
      const response = await browser.postForm(`/q/${scenario.id}/${seed}`, [['token', token], ...answerFields(wrongAnswer(t.bank, scenario.id, seed))]);
      expect(response.status).toBe(303);
      const cookie = response.headers.get('Set-Cookie') ?? '';
      if (seed === 1) {
        expect(cookie).toMatch(/^learner=[^;]+;/);
        expect(cookie).toContain('HttpOnly');
        expect(cookie).toContain('SameSite=Lax');
      } else expect(cookie).toBe('');
    }
    expect(await countAttempts(t.database.db, await onlyProfileId())).toBe(2);
  });
});

describe('practice', () => {
  it.each(['mixed', 'math', 'consistency'])('redirects /practice/next?area=%s to a question in that area', async (area) => {
    const response = await browser.request(`/practice/next?area=${area}`);
    if (area !== 'mixed' && !t.bank.scenarios.some((s) => s.area === area)) {
      expect(response.status).toBe(404);
      return;
    }
    expect(response.status).toBe(302);
    const match = /^\/q\/([^/]+)\/(\d+)/.exec(response.headers.get('Location') ?? '');
    expect(match).not.toBeNull();
    const scenario = t.bank.get(decodeURIComponent(match![1]!));
    expect(scenario).toBeDefined();
    if (area !== 'mixed') expect(scenario!.area).toBe(area);
  });

  it('narrows to an objective and keeps the choice in the question address', async () => {
    const scenario = t.bank.scenarios[0]!;
    const objective = scenario.objectives[0]!;
    const response = await browser.request(`/practice/next?objective=${objective}`);
    expect(response.status).toBe(302);
    const location = response.headers.get('Location') ?? '';
    expect(location).toContain(`objective=${encodeURIComponent(objective)}`);
    const id = decodeURIComponent(/^\/q\/([^/]+)\//.exec(location)![1]!);
    expect(t.bank.get(id)!.objectives).toContain(objective);
  });

  it('shows the same question at the same address, with the objectives it drills', async () => {
    const scenario = t.bank.scenarios[0]!;
    const first = await (await browser.request(`/q/${scenario.id}/12345`)).text();
    const second = await (await browser.request(`/q/${scenario.id}/12345`)).text();
    const variant = t.bank.variant(scenario.id, 12345);
    const strip = (html: string) => html.replace(/name="(token|shownAt)" value="[^"]*"/g, '');
    expect(strip(first)).toBe(strip(second));
    expect(first).toContain(variant.promptHtml);
    for (const objective of variant.objectives) expect(first).toContain(`>${objective}</a></li>`);
    expect(readSubmissionToken(first)).not.toBe(readSubmissionToken(second));
  });

  const INPUTS = [
    ['choice', 'type="radio"', 'Choose one answer'],
    ['multi', 'type="checkbox"', 'Choose '],
    ['numeric', 'inputmode="decimal"', 'Your answer'],
  ] as const;
  // Only the kinds content/ holds today; each kind joins the table as soon as a scenario uses it.
  const KINDS_IN_BANK = INPUTS.filter(([kind]) => loadContentBank().scenarios.some((s) => s.kind === kind));

  it.each(KINDS_IN_BANK)('renders a %s question with its own inputs', async (kind, input, legend) => {
    const scenario = t.bank.scenarios.find((s) => s.kind === kind)!;
    const html = await (await browser.request(`/q/${scenario.id}/7`)).text();
    expect(html).toContain(input);
    expect(html).toContain(`<legend>${legend}`);
    const variant = t.bank.variant(scenario.id, 7);
    if (variant.kind === 'multi') expect(html).toContain(`<legend>Choose ${variant.choose}</legend>`);
    if (variant.kind === 'numeric') expect(html).toContain(`<span id="answer-unit">${escapeHtml(variant.unit)}</span>`);
  });
});

describe('answering', () => {
  it('records the attempt before showing the verdict, and a second post of the same form records nothing', async () => {
    const scenario = t.bank.scenarios[0]!;
    const seed = 4242;
    const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/${seed}`)).text());
    const fields: Array<[string, string]> = [['token', token], ...answerFields(t.bank.referenceAnswer(scenario.id, seed))];

    const first = await browser.postForm(`/q/${scenario.id}/${seed}`, fields);
    expect(first.status).toBe(303);
    const resultUrl = first.headers.get('Location')!;
    expect(resultUrl).toMatch(/^\/attempts\/\d+$/);
    expect(await countAttempts(t.database.db, await onlyProfileId())).toBe(1);

    const second = await browser.postForm(`/q/${scenario.id}/${seed}`, fields);
    expect(second.status).toBe(303);
    expect(second.headers.get('Location')).toBe(resultUrl);
    expect(await countAttempts(t.database.db, await onlyProfileId())).toBe(1);

    const result = await browser.request(resultUrl);
    expect(result.status).toBe(200);
    const html = await result.text();
    expect(html).toContain('badge-correct');
    expect(html).toContain('data-next');
    expect(html).toContain(t.bank.grade(scenario.id, seed, t.bank.referenceAnswer(scenario.id, seed)).explanationHtml);
  });

  it('carries the chosen area from the question through the result to the next question', async () => {
    const scenario = t.bank.scenarios[0]!;
    const question = await (await browser.request(`/q/${scenario.id}/11?area=${scenario.area}`)).text();
    expect(question).toContain(`action="/q/${scenario.id}/11?area=${scenario.area}"`);
    const response = await browser.postForm(`/q/${scenario.id}/11?area=${scenario.area}`, [
      ['token', readSubmissionToken(question)],
      ...answerFields(t.bank.referenceAnswer(scenario.id, 11)),
    ]);
    const location = response.headers.get('Location')!;
    expect(location).toMatch(new RegExp(`^/attempts/\\d+\\?area=${scenario.area}$`));
    const result = await (await browser.request(location)).text();
    expect(result).toContain(`href="/practice/next?area=${scenario.area}&amp;exclude=${encodeURIComponent(scenario.id)}" data-next`);
  });

  it('shows a wrong answer as incorrect, with the right answer marked', async () => {
    const scenario = t.bank.scenarios[0]!;
    const seed = 99;
    const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/${seed}`)).text());
    const response = await browser.postForm(`/q/${scenario.id}/${seed}`, [['token', token], ...answerFields(wrongAnswer(t.bank, scenario.id, seed))]);
    const html = await (await browser.request(response.headers.get('Location')!)).text();
    expect(html).toContain('badge-incorrect');
    const grade = t.bank.grade(scenario.id, seed, wrongAnswer(t.bank, scenario.id, seed));
    if (grade.kind === 'numeric') {
      expect(html).toContain(escapeHtml(grade.working.steps[0]!.label));
      expect(html).toContain(`The answer is <strong>${grade.expected.toLocaleString('en-US', { maximumFractionDigits: 6 })}</strong>`);
    } else if (grade.kind === 'choice' || grade.kind === 'multi') {
      expect(html).toContain('(right answer)');
    }
  });

  it("will not show one learner another learner's result", async () => {
    const scenario = t.bank.scenarios[0]!;
    const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/5`)).text());
    const response = await browser.postForm(`/q/${scenario.id}/5`, [['token', token], ...answerFields(t.bank.referenceAnswer(scenario.id, 5))]);
    const stranger = new Browser(t.app);
    expect((await stranger.request(response.headers.get('Location')!)).status).toBe(404);
  });

  it('stores a problem report with the variant and lists it for authors', async () => {
    const scenario = t.bank.scenarios[0]!;
    const response = await browser.postForm(`/q/${scenario.id}/31/report`, [['message', 'The explanation contradicts the key']]);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/q/${scenario.id}/31?reported=1`);
    // Reports are for authors; the first account of a fresh database is its admin.
    const author = new Browser(t.app);
    expect(
      (
        await author.postForm('/signup', [
          ['username', 'author'],
          ['password', 'correct horse battery'],
        ])
      ).status,
    ).toBe(303);
    const html = await (await author.request('/authoring/reports')).text();
    expect(html).toContain(`${scenario.id} #31`);
    expect(html).toContain('The explanation contradicts the key');
  });
});

describe('bad requests get a clear 4xx page, never a 500', () => {
  it.each([
    ['an unknown scenario', '/q/no.such-scenario/1', 404, 'No scenario has the id'],
    ['a seed that is not a number', '/q/SCENARIO/abc', 400, '<strong>seed</strong>'],
    ['a seed beyond uint32', '/q/SCENARIO/4294967296', 400, '<strong>seed</strong>'],
    ['an unknown area', '/practice/next?area=nowhere', 400, '<strong>area</strong>'],
    ['an unknown objective', '/practice/next?objective=math.nothing', 400, '<strong>objective</strong>'],
    ['an attempt id that is not a number', '/attempts/x', 400, '<strong>attemptId</strong>'],
    ['a missing attempt', '/attempts/999', 404, 'You have no attempt 999'],
    ['an unknown page', '/nowhere', 404, 'Nothing lives at /nowhere'],
  ])('answers %s with its status and message', async (_label, path, status, text) => {
    const response = await browser.request(path.replace('SCENARIO', t.bank.scenarios[0]!.id));
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(await response.text()).toContain(text);
  });

  it.each([
    [
      'no submission token',
      (_token: string) => [
        ['value', '1'],
        ['option', 'x'],
        ['options', 'x'],
      ],
      'token',
    ],
    ['no answer at all', (token: string) => [['token', token]], 'ANSWER_FIELD'],
  ] as const)('rejects a form with %s, naming the field, and records nothing', async (_label, build, field) => {
    const scenario = t.bank.scenarios[0]!;
    const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/3`)).text());
    const response = await browser.postForm(`/q/${scenario.id}/3`, build(token) as Array<[string, string]>);
    expect(response.status).toBe(400);
    const expectedField =
      field === 'ANSWER_FIELD' ? { choice: 'option', multi: 'options', numeric: 'value', request: 'json', design: 'json' }[scenario.kind] : field;
    expect(await response.text()).toContain(`<strong>${expectedField}</strong>`);
    expect(await countAllAttempts()).toBe(0);
  });

  it('rejects text in a numeric answer and an option the question does not have', async () => {
    for (const scenario of [t.bank.scenarios.find((s) => s.kind === 'numeric'), t.bank.scenarios.find((s) => s.kind === 'choice')]) {
      if (!scenario) continue;
      const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/3`)).text());
      const [field, value] = scenario.kind === 'numeric' ? ['value', 'twelve'] : ['option', 'not-an-option'];
      const response = await browser.postForm(`/q/${scenario.id}/3`, [
        ['token', token],
        [field, value],
      ]);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(`<strong>${field}</strong>: &quot;${value}&quot;`);
    }
  });
});

describe('a rejected answer', () => {
  it('shows the question again with the typed value kept and the field marked, and the fixed answer records once', async () => {
    const scenario = t.bank.scenarios.find((s) => s.kind === 'numeric')!;
    const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/4`)).text());
    const rejected = await browser.postForm(`/q/${scenario.id}/4`, [
      ['token', token],
      ['value', '1,5'],
    ]);
    expect(rejected.status).toBe(400);
    const html = await rejected.text();
    expect(html).toContain('data-answer-form');
    expect(html).toContain('value="1,5"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Your answer was not recorded');
    expect(await countAllAttempts()).toBe(0);

    const fixed = await browser.postForm(`/q/${scenario.id}/4`, [
      ['token', readSubmissionToken(html)],
      ['value', '15'],
    ]);
    expect(fixed.status).toBe(303);
    expect(await countAttempts(t.database.db, await onlyProfileId())).toBe(1);
  });
});

describe('request size', () => {
  it('refuses an answer body over 64 KB with a 413 page', async () => {
    const scenario = t.bank.scenarios[0]!;
    const response = await browser.postForm(`/q/${scenario.id}/1`, [
      ['token', 'x'.repeat(20)],
      ['value', '1'.repeat(70_000)],
    ]);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('The request body is larger than 64 KB.');
  });
});

describe('progress page', () => {
  it('shows no attempts for a new learner', async () => {
    const html = await (await browser.request('/progress')).text();
    expect(html).toContain('No attempts yet');
    expect(html).not.toContain('<svg');
  });

  async function answerRightThenWrong(app: TestApp, learner: Browser, between?: () => void): Promise<void> {
    const scenario = app.bank.scenarios[0]!;
    for (const [seed, answer] of [
      [1, app.bank.referenceAnswer(scenario.id, 1)],
      [2, wrongAnswer(app.bank, scenario.id, 2)],
    ] as const) {
      const token = readSubmissionToken(await (await learner.request(`/q/${scenario.id}/${seed}`)).text());
      await learner.postForm(`/q/${scenario.id}/${seed}`, [['token', token], ...answerFields(answer)]);
      between?.();
    }
  }

  it('counts one right and one wrong answer per area, and charts the day attempt by attempt', async () => {
    await answerRightThenWrong(t, browser);
    const html = await (await browser.request('/progress')).text();
    expect(html).toContain('2 attempts, 50% accuracy overall (1 fully correct)');
    expect(html).toContain('<title id="running-chart-title">Running accuracy, attempt by attempt</title>');
    expect(html).toMatch(/<th scope="row">#1<\/th><td>Correct<\/td><td class="num">100%<\/td>/);
    expect(html).toMatch(/<th scope="row">#2<\/th><td>Incorrect<\/td><td class="num">50%<\/td>/);
    expect(html).toContain('<caption>Accuracy per day (UTC)</caption>');
    expect(html).toContain('<td class="num">1 / 2</td>');
    const recent = html.slice(html.indexOf('id="recent-heading"'));
    expect(recent.match(/badge-correct/g)).toHaveLength(1);
    expect(recent.match(/badge-incorrect/g)).toHaveLength(1);
    // Both answers were to the same scenario; its latest was wrong, so it waits for review.
    const review = html.slice(html.indexOf('id="review-heading"'), html.indexOf('id="recent-heading"'));
    expect(review.match(/<li>/g)).toHaveLength(1);
    expect(review).toContain(`href="/q/${t.bank.scenarios[0]!.id}/2"`);
  });

  it('charts accuracy per day once attempts span two days', async () => {
    let now = Date.UTC(2026, 2, 1, 12);
    const timed = await createTestApp({ clock: { now: () => new Date(now) } });
    try {
      const learner = new Browser(timed.app);
      await answerRightThenWrong(timed, learner, () => {
        now += 24 * 60 * 60 * 1000;
      });
      const html = await (await learner.request('/progress')).text();
      expect(html).toContain('<title id="daily-chart-title">Accuracy per day</title>');
      expect(html).toContain('<title>03-01: 100% (1 attempt)</title>');
      expect(html).toContain('<title>03-02: 0% (1 attempt)</title>');
      expect(html).not.toContain('running-chart');
    } finally {
      await timed.close();
    }
  });
});

describe('static files', () => {
  it('serves the stylesheet without creating a profile', async () => {
    const response = await browser.request('/static/style.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/css');
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });
});
