/**
 * Every page of the app, as a learner, an author and an admin reach them, in both colour
 * schemes: photographed at 1280 and 390 px into $TMPDIR/screenshots/ (CI keeps them), checked by
 * axe-core (WCAG 2 A/AA, serious and critical block; in the dark scheme the colour rules, the
 * only ones a scheme changes), measured for sideways scroll at 320 px, and weighed: the HTML,
 * CSS and JavaScript a page loads must stay within 100 KB before compression (the playground,
 * the authoring editor, the API reference and the JSON editor's script excepted). Phone heights and weights go
 * to heights.json beside the screenshots.
 *
 * One server and one browser; the light and the dark context (same learner, cookies copied)
 * check each page side by side, so the two cores both work. Skips without Chromium unless E2E=1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ScenarioKind } from '../../app/bank/types.ts';
import { addAxe, COLOUR_RULES, describeViolation, isBlocking, runAxe, runAxeRules, sidewaysScroll, WCAG_TAGS } from '../helpers/axe.ts';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';
import { fillJson } from '../helpers/json-field.ts';
import { loadContentBank, wrongAnswer } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('every page');

const SCREENSHOTS = join(tmpdir(), 'screenshots');
const PAGE_WEIGHT_LIMIT = 100 * 1024;
/**
 * Editors and references carry their own scripts or a whole document: the weight rule leaves
 * them out. A question page with a JSON answer loads the JSON editor (EDITOR_SCRIPT, 350 KB of
 * CodeMirror, cached across pages): the rule leaves out that one file, and the rest of the page
 * still counts.
 */
const WEIGHT_EXEMPT = [/^\/playground/, /^\/authoring\/(new|edit)/, /^\/api\/reference/];
const EDITOR_SCRIPT = '/static/code-editor.js';
const SCHEMES = ['light', 'dark'] as const;
const PASSWORD = 'lantern copper meadow';

interface PageRecord {
  name: string;
  path: string;
  /** Full height at 390 px, per scheme. */
  phoneHeight: Partial<Record<(typeof SCHEMES)[number], number>>;
  /** HTML + CSS + JS bytes before compression, the JSON editor's script left out. */
  weight?: number;
  /** Whether the page loaded the JSON editor's script. */
  editor?: boolean;
}

function fileName(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** The document's bytes and the stylesheets' and scripts' it loaded, as decoded (before compression), but the JSON editor's. */
function pageWeight(page: Page): Promise<{ weight: number; editor: boolean }> {
  return page.evaluate((editorScript) => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const loaded = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.initiatorType === 'link' || r.initiatorType === 'script' || r.initiatorType === 'css',
    );
    const resources = loaded.filter((r) => new URL(r.name).pathname !== editorScript);
    return {
      weight: (navigation?.decodedBodySize ?? 0) + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
      editor: resources.length < loaded.length,
    };
  }, EDITOR_SCRIPT);
}

/**
 * The whole page down to MAX_SHOT_HEIGHT, as JPEG: encoding a tall PNG took most of this suite's
 * time, and the two longest pages (the API reference, the families list) run past 30,000 px.
 */
const MAX_SHOT_HEIGHT = 12_000;
async function photograph(page: Page, name: string): Promise<void> {
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight }));
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.jpg`),
    type: 'jpeg',
    quality: 80,
    fullPage: true,
    ...(height > MAX_SHOT_HEIGHT ? { clip: { x: 0, y: 0, width, height: MAX_SHOT_HEIGHT } } : {}),
  });
}

describe.skipIf(SKIP_BROWSER_SUITES)('every page in both colour schemes', () => {
  const suite = browserSuite();

  it('is photographed at 1280 and 390 px, axe-clean in light and dark, never scrolls sideways at 320 px and stays within 100 KB', async () => {
    const started = performance.now();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const bank = loadContentBank();
    const url = suite.url;
    const contexts = {} as Record<(typeof SCHEMES)[number], BrowserContext>;
    const pages = {} as Record<(typeof SCHEMES)[number], Page>;
    const problems: string[] = [];
    for (const scheme of SCHEMES) {
      contexts[scheme] = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      await addAxe(contexts[scheme]);
      pages[scheme] = await contexts[scheme].newPage();
      pages[scheme].on('pageerror', (error) => problems.push(`${scheme}: script error ${error.message}`));
    }
    const light = pages.light;
    const records: PageRecord[] = [];

    /** The dark context becomes the same learner as the light one. */
    async function shareLearner(): Promise<void> {
      await contexts.dark.clearCookies();
      await contexts.dark.addCookies(await contexts.light.cookies());
    }

    const timing: Record<string, number> = {};
    const timed = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      try {
        return await op();
      } finally {
        timing[what] = (timing[what] ?? 0) + performance.now() - t;
      }
    };
    async function checkIn(scheme: (typeof SCHEMES)[number], record: PageRecord, status: number): Promise<void> {
      const page = pages[scheme];
      const response = await timed('goto', () => page.goto(`${url}${record.path}`));
      expect(response?.status(), `${record.name} (${record.path}) in ${scheme}`).toBe(status);
      const where = `${record.name} (${scheme}`;
      if (scheme === 'light') {
        ({ weight: record.weight, editor: record.editor } = await pageWeight(page));
        if (record.weight > PAGE_WEIGHT_LIMIT && !WEIGHT_EXEMPT.some((r) => r.test(record.path)))
          problems.push(`${record.name}: ${record.weight} bytes of HTML, CSS and JS, over ${PAGE_WEIGHT_LIMIT}`);
      }
      await timed('shot1280', () => photograph(page, `${fileName(record.name)}-${scheme}-1280`));
      await page.setViewportSize({ width: 390, height: 844 });
      record.phoneHeight[scheme] = await page.evaluate(() => document.documentElement.scrollHeight);
      await timed('shot390', () => photograph(page, `${fileName(record.name)}-${scheme}-390`));
      // Every <details> open, so axe sees what a learner who opens them sees; last, as it changes the photographs.
      if (scheme === 'light') {
        await page.setViewportSize({ width: 320, height: 700 });
        const sideways = await timed('320', () => sidewaysScroll(page, `${record.name} at 320px`));
        if (sideways) problems.push(sideways);
      } else {
        await page.evaluate(() =>
          document.querySelectorAll('details').forEach((d) => {
            d.open = true;
          }),
        );
      }
      // Every WCAG rule in the light scheme; in the dark one only those that read colours (the page's structure is the same).
      const violations = await timed('axe', () => (scheme === 'light' ? runAxe(page, WCAG_TAGS) : runAxeRules(page, COLOUR_RULES)));
      for (const v of violations) if (isBlocking(v)) problems.push(describeViolation(`${where}, details open)`, v));
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    /** Checks a page in both schemes at once; the dark context must share the learner first where it matters. */
    async function check(name: string, path: string, status = 200): Promise<void> {
      const record: PageRecord = { name, path, phoneHeight: {} };
      records.push(record);
      await Promise.all(SCHEMES.map((scheme) => checkIn(scheme, record, status)));
    }

    // A first visit: nothing recorded yet.
    await check('welcome', '/');
    await check('practice picker', '/practice');
    await check('exams start', '/exams');
    await check('cost', '/cost');
    await check('cost serverless', '/cost/serverless');
    await check('cost traffic', '/cost/traffic');
    await check('sign up', '/signup');
    await check('log in', '/login');
    await check('API reference', '/api/reference');
    await check('not found', '/no-such-page', 404);
    await check('bad request', '/attempts/not-a-number', 400);

    // The first account of a fresh database is its admin, with the author role.
    await light.goto(`${url}/signup`);
    await light.getByLabel('Username').fill('pages');
    await light.getByLabel('Password').fill(PASSWORD);
    await Promise.all([light.waitForURL((u) => !u.pathname.startsWith('/signup')), light.getByRole('button', { name: 'Create account' }).click()]);
    await shareLearner();
    await check('account', '/account');
    await check('admin users', '/admin/users');
    await check('authoring families', '/authoring');
    await check('authoring new family', '/authoring/new');
    await check('authoring reports', '/authoring/reports');

    // A question of each kind, then its result: multi and numeric wrong (a known mistake shows), the rest right.
    const kinds: ScenarioKind[] = ['choice', 'multi', 'numeric', 'request', 'design'];
    for (const kind of kinds) {
      const scenario = bank.scenarios.find((s) => s.kind === kind);
      if (!scenario) throw new Error(`The bank has no ${kind} question`);
      const path = `/q/${encodeURIComponent(scenario.id)}/11`;
      await check(`${kind} question`, path);
      await light.goto(`${url}${path}`);
      const answer = kind === 'multi' || kind === 'numeric' ? wrongAnswer(bank, scenario.id, 11) : bank.referenceAnswer(scenario.id, 11);
      if (answer.kind === 'choice') await light.locator(`input[type=radio][value="${answer.optionId}"]`).check();
      if (answer.kind === 'multi') for (const id of answer.optionIds) await light.locator(`input[type=checkbox][value="${id}"]`).check();
      if (answer.kind === 'numeric') await light.getByLabel('Value').fill(String(answer.value));
      if (answer.kind === 'request' || answer.kind === 'design') await fillJson(light, 'textarea[name=json]', answer.json);
      await Promise.all([light.waitForURL(/\/attempts\/\d+/), light.getByRole('button', { name: 'Check answer' }).click()]);
      await check(`${kind} result`, new URL(light.url()).pathname);
    }

    await check('home dashboard', '/');
    await check('progress', '/progress');
    await check('review', '/review');
    await light.goto(`${url}/review/next`);
    if (/\/review\/q\//.test(light.url())) await check('review question', new URL(light.url()).pathname);
    await check('drill', '/drill');
    await light.goto(`${url}/drill/next`);
    if (/\/drill\/q\//.test(light.url())) await check('drill question', new URL(light.url()).pathname);
    const playground = await light.goto(`${url}/playground`);
    if (playground?.status() === 200) await check('playground', '/playground');

    // A running exam, its submit page and its report.
    await light.goto(`${url}/exams`);
    await light.getByLabel('Questions', { exact: true }).fill('3');
    await light.getByLabel('Time', { exact: true }).fill('10');
    await Promise.all([light.waitForURL(/\/exams\/\d+\/1$/), light.getByRole('button', { name: 'Start the exam' }).click()]);
    const exam = new URL(light.url()).pathname.replace(/\/1$/, '');
    await check('exam running', `${exam}/1`);
    await check('exam submit', `${exam}/submit`);
    await light.goto(`${url}${exam}/submit`);
    await Promise.all([light.waitForURL(new RegExp(`${exam}$`)), light.getByRole('button', { name: 'Submit the exam now' }).click()]);
    await check('exam report', exam);

    for (const scheme of SCHEMES) await contexts[scheme].close();
    writeFileSync(join(SCREENSHOTS, 'heights.json'), JSON.stringify(records, null, 2));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${records.length} pages in ${seconds} s (${Object.entries(timing)
        .map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`)
        .join(', ')}, both schemes summed); phone height light/dark, weight:\n${records
        .map((r) => `  ${r.name}: ${r.phoneHeight.light}/${r.phoneHeight.dark} px, ${((r.weight ?? 0) / 1024).toFixed(1)} KB`)
        .join('\n')}`,
    );
    expect(records.length).toBeGreaterThanOrEqual(30);
    // The editor's 350 KB load only where there is JSON to write.
    const withEditor = records.filter((r) => r.editor).map((r) => r.name);
    expect(withEditor).toEqual(expect.arrayContaining(['request question', 'design question']));
    expect(
      withEditor.filter(
        (name) => !/^(request question|design question|playground|authoring new family|exam running|review question|drill question)$/.test(name),
      ),
    ).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});
