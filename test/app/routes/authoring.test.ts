import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_SEEDS } from '../../../app/authoring/preview.ts';
import { contentPathFor, saveTargetFor, UnsafePathError, WRITE_OFF_MESSAGE } from '../../../app/authoring/save.ts';
import { TEMPLATE_KINDS } from '../../../app/authoring/templates.ts';
import { checkBank } from '../../../app/bank/check.ts';
import { createLiveBank, type LiveBank } from '../../../app/bank/live-bank.ts';
import { createApp } from '../../../app/create-app.ts';
import { firstRow, type Store } from '../../../app/db/store.ts';
import { questionReports } from '../../../app/db/schema.ts';
import { insertProfile } from '../../../app/progress/profiles.ts';
import { insertQuestionReport } from '../../../app/progress/question-reports.ts';
import { createTempContent, template, type TempContent, withId } from '../../helpers/authoring-content.ts';
import { openTestStore, storeTable } from '../../helpers/database.ts';
import { CookieBrowser, ManualClock, TEST_SCRYPT_COST } from '../auth/account-app.ts';

let content: TempContent;
let bank: LiveBank;
let database: Store;
let clock: ManualClock;
const logged: string[] = [];

function buildApp(write: boolean) {
  return createApp({
    db: database.db,
    bank,
    authoring: { bank, write },
    clock,
    logger: { info: (m) => logged.push(m), error: (m) => logged.push(m) },
    passwordCost: TEST_SCRYPT_COST,
  });
}

let app: ReturnType<typeof buildApp>;
let author: CookieBrowser;

beforeEach(async () => {
  content = createTempContent();
  bank = createLiveBank(content.contentDir);
  database = await openTestStore();
  clock = new ManualClock();
  app = buildApp(false);
  author = new CookieBrowser(app);
  // The first account of a fresh database is its admin, which includes the author role.
  expect((await author.signUp('writer')).status).toBe(303);
});
afterEach(async () => {
  await database.close();
  content.remove();
});

async function useWriteSetting(write: boolean): Promise<void> {
  app = buildApp(write);
  const cookies = author.cookies;
  author = new CookieBrowser(app);
  for (const [k, v] of cookies) author.cookies.set(k, v);
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The report row as stored, read past the app. */
async function storedReport(id: number) {
  const reports = storeTable(database, questionReports);
  return firstRow(await database.db.select().from(reports).where(eq(reports.id, id)))!;
}

async function report(scenarioId: string, seed: number, message: string): Promise<number> {
  const profile = await insertProfile(database.db, `token-${message}`, clock.now());
  return (await insertQuestionReport(database.db, { profileId: profile.id, scenarioId, seed, message, createdAt: clock.now() })).id;
}

describe('GET /authoring', () => {
  it("lists each family with its area, kind, objectives, open reports and the file's last edit", async () => {
    await report('core.payload-home', 4, 'The why of {quota} is unclear');
    await report('core.payload-home', 9, 'Typo in the prompt');
    const html = await (await author.request('/authoring')).text();
    const row = /<tr data-family="core.payload-home">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(row).toContain('href="/authoring/edit?id=core.payload-home"');
    expect(row).toContain('<td data-label="Area">core</td>');
    expect(row).toContain('<td data-label="Kind">choice</td>');
    expect(row).toContain('core.item-limit');
    expect(row).toContain('data-open-reports="2"');
    expect(row).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(html).toMatch(/<tr data-family="math.writes-per-period">[\s\S]*?data-open-reports="0"/);
  });

  it('filters by area and by kind', async () => {
    const byKind = await (await author.request('/authoring?kind=numeric')).text();
    expect(byKind).toContain('data-family="math.writes-per-period"');
    expect(byKind).not.toContain('data-family="core.payload-home"');
    expect(byKind).toContain('1 of 2 families.');
    const byArea = await (await author.request('/authoring?area=core')).text();
    expect(byArea).toContain('data-family="core.payload-home"');
    expect(byArea).not.toContain('data-family="math.writes-per-period"');
  });
});

describe('the editor and its preview', () => {
  it("opens a family's file, renders the seed as the learner sees it and grades the reference and each distractor", async () => {
    const html = await (await author.request('/authoring/edit?id=core.payload-home&seed=7')).text();
    expect(html).toContain(readFileSync(join(content.contentDir, 'core/payload-home.md'), 'utf8').split('\n')[5]);
    expect(html).toContain('As the learner sees seed 7');
    expect(html).toContain(bank.variant('core.payload-home', 7).promptHtml);
    expect(html).toContain('data-check-status="passed"');
    expect(html.match(/data-role="reference" data-expected="yes"/g)).toHaveLength(1);
    expect(html.match(/data-role="distractor" data-expected="yes"/g)).toHaveLength(3);
    expect(html).not.toContain('data-expected="no"');
    expect(html).toContain('src="/static/authoring-preview.js"');
  });

  it("previews a posted text without JavaScript, and shows a broken file's error at its line", async () => {
    const text = template('numeric').replace('calculator: provisionedWriteUnits', 'calculator: provisionedWriteUnitz');
    const response = await author.postForm('/authoring/preview', { source: text, seed: '3' });
    expect(response.status).toBe(200);
    const html = await response.text();
    const line = lineOf(text, 'calculator:');
    expect(html).toContain('data-check-status="failed"');
    expect(html).toMatch(new RegExp(`<li data-line="${line}"><a href="#source" data-goto-line="${line}">line ${line}</a>: [^<]*provisionedWriteUnitz`));
    // The text is kept for the author to fix.
    expect(html).toContain('provisionedWriteUnitz');
  });

  it('answers the live script in JSON: the errors with their lines and the rendered fragments', async () => {
    const good = await author.request('/authoring/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: template('multi'), seed: '11' }),
    });
    expect(good.status).toBe(200);
    const body = (await good.json()) as { id: string; errors: unknown[]; status: string; html: { errors: string; preview: string } };
    expect(body.id).toBe('index.new-multi-family');
    expect(body.errors).toEqual([]);
    expect(body.html.errors).toContain('content:check passes');
    expect(body.html.preview).toContain('As the learner sees seed 11');
    expect(body.html.preview).toContain('Choose 2');

    const broken = template('multi').replace('choose: 2', 'choose: 3');
    const bad = (await (
      await author.request('/authoring/preview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ source: broken, seed: 1 }),
      })
    ).json()) as {
      errors: Array<{ line: number; message: string }>;
    };
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(bad.errors.map((e) => e.line)).toContain(lineOf(broken, 'choose: 3'));

    const badSeed = await author.request('/authoring/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: broken, seed: -1 }),
    });
    expect(badSeed.status).toBe(400);
    expect(((await badSeed.json()) as { error: { field: string } }).error.field).toBe('seed');
  });

  it('offers a template per kind on the new-family form', async () => {
    const html = await (await author.request('/authoring/new')).text();
    for (const kind of TEMPLATE_KINDS) expect(html).toContain(`name="template" value="${kind}"`);
  });

  it.each(TEMPLATE_KINDS)('starts a new %s family from its template, which renders, grades and passes the gates', async (kind) => {
    const response = await author.request(`/authoring/edit?template=${kind}&seed=5`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>New family</h1>');
    expect(html).toContain('data-check-status="passed"');
    expect(html).toContain('As the learner sees seed 5');
    expect(html).toMatch(/data-role="reference" data-expected="yes"/);
    // Every template carries known wrong answers (distractors, mistakes or wrong requests), each graded below full marks.
    expect(html).toMatch(/data-role="(distractor|misconception|wrong)" data-expected="yes"/);
    expect(html).not.toContain('data-expected="no"');
  });

  it.each(TEMPLATE_KINDS)('the %s template passes every content:check gate at 100 seeds', (kind) => {
    const single = bank.parseSource(`app/authoring/templates/${kind}.md`, template(kind));
    expect(single.errors).toEqual([]);
    const report = checkBank(single, { seeds: 100 });
    expect(report.errors).toEqual([]);
    expect(report.families[0]?.generated).toBe(100);
  });

  it("shows the family's open reports beside its preview", async () => {
    await report('core.payload-home', 4, 'The why of {quota} is unclear');
    const html = await (await author.request('/authoring/edit?id=core.payload-home')).text();
    expect(html).toContain('Open reports (1)');
    expect(html).toContain('The why of {quota} is unclear');
  });
});

describe('saving', () => {
  const newFamily = withId(template('choice'), 'core.payload-elsewhere');
  const newPath = (): string => join(content.contentDir, 'core', 'payload-elsewhere.md');

  it('is refused with a clear message while AUTHORING_WRITE is off, and writes nothing', async () => {
    const response = await author.postForm('/authoring/save', { source: newFamily, seed: '1' });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain(WRITE_OFF_MESSAGE);
    expect(html).toContain('data-save-message="refused"');
    expect(existsSync(newPath())).toBe(false);
    expect(bank.get('core.payload-elsewhere')).toBeUndefined();
  });

  it('with AUTHORING_WRITE on, writes the file atomically, reloads the bank, and the family is practised at once', async () => {
    await useWriteSetting(true);
    const reloads = bank.reloads;
    const response = await author.postForm('/authoring/save', { source: newFamily, seed: '2' });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/authoring/edit?id=core.payload-elsewhere&seed=2&saved=1');
    expect(readFileSync(newPath(), 'utf8')).toBe(newFamily);
    // The temp file was renamed, not left behind.
    expect(readdirSync(join(content.contentDir, 'core')).sort()).toEqual(['payload-elsewhere.md', 'payload-home.md']);
    expect(bank.reloads).toBe(reloads + 1);
    const saved = await (await author.request(response.headers.get('Location')!)).text();
    expect(saved).toContain('Saved content/core/payload-elsewhere.md and reloaded the bank.');
    expect(saved).toContain('href="/q/core.payload-elsewhere/2"');
    const question = await author.request('/q/core.payload-elsewhere/1');
    expect(question.status).toBe(200);
    expect(await question.text()).toContain(bank.variant('core.payload-elsewhere', 1).promptHtml);
  });

  it('overwrites the family being edited in its own file', async () => {
    await useWriteSetting(true);
    const path = join(content.contentDir, 'core', 'payload-home.md');
    const edited = readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title: A retitled family');
    const response = await author.postForm('/authoring/save', { source: edited, seed: '1', editing: 'core.payload-home' });
    expect(response.status).toBe(303);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(bank.get('core.payload-home')?.title).toBe('A retitled family');
  });

  it('refuses a file with errors and shows them', async () => {
    await useWriteSetting(true);
    const broken = newFamily.replace('answer: { correct: s3 }', 'answer: { correct: nowhere }');
    const response = await author.postForm('/authoring/save', { source: broken, seed: '1' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('must be fixed before saving: nothing was written.');
    expect(html).toContain(`data-line="${lineOf(broken, 'answer:')}"`);
    expect(existsSync(newPath())).toBe(false);
  });

  it('refuses an id another file already uses', async () => {
    await useWriteSetting(true);
    const copy = withId(template('numeric'), 'math.writes-per-period').replace(/^title: .*$/m, 'title: A copy');
    const response = await author.postForm('/authoring/save', { source: copy, seed: '1' });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('The id math.writes-per-period is already used by content/math/writes-per-period.md');
    expect(bank.get('math.writes-per-period')?.title).not.toBe('A copy');
  });

  it.each([
    ['a parent step', 'core..'],
    ['a separator', 'core.x/../../evil'],
    ['an absolute path', '/etc.passwd'],
    ['a backslash', 'core.x\\..\\evil'],
    ['no area', 'payload'],
    ['a third part', 'core.a.b'],
  ])('derives no path from an id with %s', (_, id) => {
    expect(() => contentPathFor(content.contentDir, id)).toThrow(UnsafePathError);
  });

  it("refuses to write where a family's file would lie outside the content directory", () => {
    const escaping = { ...bank, get: (id: string) => (id === 'core.escape' ? { ...bank.get('core.payload-home')!, file: '../outside.md' } : undefined) };
    const target = saveTargetFor({
      bank: escaping,
      rootDir: content.rootDir,
      contentDir: content.contentDir,
      id: 'core.escape',
      editing: 'core.escape',
      exists: () => false,
    });
    expect(target.ok).toBe(false);
    expect(target.ok ? '' : target.message).toContain('outside the content directory');
  });

  it('refuses a path-traversing id posted for saving, and writes nothing', async () => {
    await useWriteSetting(true);
    const response = await author.postForm('/authoring/save', { source: withId(template('choice'), 'core.x/../../../evil'), seed: '1' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('must look like');
    expect(readdirSync(content.rootDir)).toEqual(['content']);
  });
});

describe('report triage', () => {
  it.each(['resolved', 'dismissed'] as const)('marks an open report %s with a note, by whom and when', async (status) => {
    const id = await report('core.payload-home', 4, 'The why of {quota} is unclear');
    const response = await author.postForm(`/authoring/reports/${id}/triage`, { status, note: 'Reworded the why' });
    expect(response.status).toBe(303);
    const row = await storedReport(id);
    expect(row.status).toBe(status);
    expect(row.triageNote).toBe('Reworded the why');
    expect(row.triagedAt).toEqual(clock.now());
    expect(row.triagedByUserId).not.toBeNull();
    const page = await (await author.request(response.headers.get('Location')!)).text();
    expect(page).toContain(`Report ${id} triaged.`);
    expect(page).toMatch(new RegExp(`<tr data-triaged="${id}">[\\s\\S]*?<td>${status}</td><td>Reworded the why</td>`));
    expect(await (await author.request('/authoring')).text()).toMatch(/data-family="core.payload-home">[\s\S]*?data-open-reports="0"/);
    // A second triage finds no open report and changes nothing.
    expect((await author.postForm(`/authoring/reports/${id}/triage`, { status: 'dismissed', note: 'again' })).status).toBe(404);
    expect((await storedReport(id)).triageNote).toBe('Reworded the why');
  });

  it.each([
    ['no note', { status: 'resolved', note: '  ' }, 'note'],
    ['an unknown status', { status: 'closed', note: 'x' }, 'status'],
  ])('refuses a triage with %s and changes nothing', async (_, fields, field) => {
    const id = await report('core.payload-home', 4, 'Typo');
    const response = await author.postForm(`/authoring/reports/${id}/triage`, fields);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`<strong>${field}</strong>`);
    expect((await storedReport(id)).status).toBe('open');
  });

  it('is for authors only', async () => {
    const id = await report('core.payload-home', 4, 'Typo');
    const learner = new CookieBrowser(app);
    await learner.signUp('student');
    expect((await learner.postForm(`/authoring/reports/${id}/triage`, { status: 'dismissed', note: 'x' })).status).toBe(403);
    expect((await learner.postForm('/authoring/preview', { source: template('choice') })).status).toBe(403);
  });
});

it('previews at the documented number of seeds', () => {
  expect(PREVIEW_SEEDS).toBe(20);
});
