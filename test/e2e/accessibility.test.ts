/**
 * Every page in a real browser, checked by axe-core against the WCAG 2 A/AA rules: no violation
 * of impact "serious" or "critical" may appear. Questions of every kind are answered so their
 * result pages are checked too. Each page is also photographed at a phone width and a desktop
 * width, and must not scroll sideways on the phone. A second test drives a choice question with
 * the keyboard alone. Every scenario's own question page is checked the same way in
 * accessibility-questions.test.ts, a file of its own so the two run side by side.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1 (CI), where a missing
 * browser is a failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAxe, type AxeViolation, describeViolation, isBlocking, runAxe, sidewaysScroll } from '../helpers/axe.ts';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';
import { fillJson, jsonEditorOf } from '../helpers/json-field.ts';
import type { ScenarioKind } from '../../app/bank/types.ts';
import { loadContentBank, wrongAnswer } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('accessibility');

const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e', 'accessibility');
mkdirSync(SCREENSHOT_DIR, { recursive: true });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1100, height: 900 };

/** WCAG contrast ratio of a computed `rgb(r, g, b)` colour against the white page. */
function contrastWithWhite(color: string): number {
  const channels = /rgba?\((\d+), (\d+), (\d+)/.exec(color)?.slice(1).map(Number);
  if (channels?.length !== 3) throw new Error(`Not an rgb() colour: ${color}`);
  const [r, g, b] = channels.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

function fileName(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

describe.skipIf(SKIP_BROWSER_SUITES)('accessibility in Chromium', () => {
  const suite = browserSuite();

  it('has no serious or critical WCAG violations on any page, and no page scrolls sideways on a phone', async () => {
    const bank = loadContentBank();
    const url = suite.url;
    const context = await suite.browser.newContext({ viewport: DESKTOP });
    await addAxe(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const blocking: string[] = [];
    const overflowing: string[] = [];
    const advisory: string[] = [];
    const audit: Record<string, AxeViolation[]> = {};

    /** Runs axe and measures the width of the page the browser is on, every <details> open. */
    async function inspect(name: string): Promise<void> {
      const overflow = await sidewaysScroll(page, name);
      if (overflow) overflowing.push(overflow);
      const violations = await runAxe(page);
      audit[name] = violations;
      for (const v of violations) (isBlocking(v) ? blocking : advisory).push(describeViolation(name, v));
    }

    /** Inspects the page at phone width and photographs it at both widths. */
    async function check(name: string): Promise<void> {
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => {
          d.open = true;
        }),
      );
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${fileName(name)}-desktop.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      await inspect(name);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${fileName(name)}-phone.png`), fullPage: true });
      await page.setViewportSize(DESKTOP);
    }

    async function visit(name: string, path: string, status = 200): Promise<void> {
      const response = await page.goto(`${url}${path}`);
      expect(response?.status(), `${name} (${path})`).toBe(status);
      await check(name);
    }

    await visit('progress (no attempts)', '/progress');
    await visit('authoring reports (none)', '/authoring/reports');
    await visit('home', '/');
    await visit('practice', '/practice');
    await visit('practice for one area', `/practice?area=${encodeURIComponent(bank.areas[0]!.id)}`);

    // One question of each kind, read before and after it is answered.
    const kinds: ScenarioKind[] = ['choice', 'multi', 'numeric', 'request', 'design'];
    for (const kind of kinds) {
      const scenario = bank.scenarios.find((s) => s.kind === kind);
      if (!scenario) throw new Error(`The bank has no ${kind} question`);
      const seed = 11;
      await visit(`${kind} question`, `/q/${encodeURIComponent(scenario.id)}/${seed}`);
      const reference = bank.referenceAnswer(scenario.id, seed);
      // Multi and numeric are answered wrong (a wrong figure can show a known mistake), the rest right.
      const answer = kind === 'choice' || kind === 'request' || kind === 'design' ? reference : wrongAnswer(bank, scenario.id, seed);
      switch (answer.kind) {
        case 'choice':
          await page.locator(`input[type=radio][value="${answer.optionId}"]`).check();
          break;
        case 'multi':
          for (const id of answer.optionIds) await page.locator(`input[type=checkbox][value="${id}"]`).check();
          break;
        case 'numeric':
          await page.getByLabel('Value').fill(String(answer.value));
          break;
        case 'request':
        case 'design':
          await fillJson(page, 'textarea[data-json-editor]', answer.json);
          break;
      }
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.waitForURL(/\/attempts\/\d+/);
      await check(`${kind} result`);
    }

    // A report fills the authors' table and shows the thank-you notice.
    await page.getByRole('link', { name: 'Try this variant again' }).click();
    await page.waitForURL(/\/q\//);
    await page.getByText('Report a problem with this question').click();
    await page.getByLabel('What is wrong?').fill('The prompt says "orders" but the table holds invoices.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/reported=1/);
    await check('question after a report');
    await visit('authoring reports (one)', '/authoring/reports');
    await visit('progress (five attempts)', '/progress');
    await visit('home dashboard', '/');

    // Every scenario's question page is checked in accessibility-questions.test.ts, which runs
    // beside this file.

    await visit('cost', '/cost');
    await visit('cost with field errors', '/cost?readsPerSecond=-5&writesPerSecond=abc', 400);
    await visit('cost serverless', '/cost/serverless');
    await visit('cost serverless with field errors', '/cost/serverless?users=0&memoryMb=5', 400);
    await visit('cost traffic', '/cost/traffic');
    await visit('cost traffic with field errors', '/cost/traffic?peakRequestsPerSecond=-1', 400);
    await visit('not found', '/no-such-page', 404);
    await visit('bad request', '/attempts/not-a-number', 400);

    writeFileSync(join(SCREENSHOT_DIR, 'axe-violations.json'), JSON.stringify(audit, null, 2));
    if (advisory.length > 0) console.warn(`axe advises (not failed on):\n${advisory.join('\n')}`);
    if (blocking.length > 0) console.error(`axe found ${blocking.length} serious or critical violations:\n${blocking.join('\n')}`);
    expect({ blocking, overflowing, scriptErrors: problems }).toEqual({ blocking: [], overflowing: [], scriptErrors: [] });
    await context.close();
  }, 300_000);

  // The dark scheme over one page per route kind rather than every page again (the pass above
  // already takes most of this file's time); tokens are shared, so a kind's pages share colours.
  it('has no serious or critical WCAG violations in the dark scheme, chosen by the browser or by the switch', async () => {
    const bank = loadContentBank();
    const url = suite.url;
    const blocking: string[] = [];
    const overflowing: string[] = [];
    const context = await suite.browser.newContext({ viewport: PHONE, colorScheme: 'dark' });
    await addAxe(context);
    const page = await context.newPage();

    async function inspect(name: string, path: string, status = 200): Promise<void> {
      const response = await page.goto(`${url}${path}`);
      expect(response?.status(), `${name} (${path})`).toBe(status);
      // The page really is dark: a token left white would show here first.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), name).toBe('rgb(13, 17, 23)');
      const overflow = await sidewaysScroll(page, `dark ${name}`);
      if (overflow) overflowing.push(overflow);
      for (const v of await runAxe(page)) if (isBlocking(v)) blocking.push(describeViolation(`dark ${name}`, v));
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dark-${fileName(name)}-phone.png`), fullPage: true });
    }

    await inspect('home', '/');
    await inspect('practice', '/practice');
    const choice = bank.scenarios.find((s) => s.kind === 'choice')!;
    await inspect('choice question', `/q/${encodeURIComponent(choice.id)}/3`);
    const wrong = wrongAnswer(bank, choice.id, 3);
    if (wrong.kind === 'choice') await page.locator(`input[type=radio][value="${wrong.optionId}"]`).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForURL(/\/attempts\/\d+/);
    await inspect('choice result', new URL(page.url()).pathname);
    // With an answer the home page is the learner's dashboard rather than the welcome.
    await inspect('home dashboard', '/');
    expect(await page.locator('.stat-tile').count()).toBe(3);
    const request = bank.scenarios.find((s) => s.kind === 'request')!;
    await inspect('request question', `/q/${encodeURIComponent(request.id)}/3`);
    await inspect('progress', '/progress');
    await inspect('review', '/review');
    await inspect('exams', '/exams');
    await inspect('cost', '/cost');
    await inspect('cost with field errors', '/cost?readsPerSecond=-5', 400);
    await inspect('cost traffic', '/cost/traffic');
    await inspect('not found', '/no-such-page', 404);
    await context.close();

    // A light browser whose learner chose dark in the header gets the dark page, no script needed.
    const pinned = await suite.browser.newContext({ viewport: PHONE, colorScheme: 'light', javaScriptEnabled: false });
    const pinnedPage = await pinned.newPage();
    await pinnedPage.goto(`${url}/cost/serverless`);
    // On a phone the switch sits in the folded site menu.
    await pinnedPage.getByText('Menu', { exact: true }).click();
    await pinnedPage.getByLabel('Theme').selectOption('dark');
    await pinnedPage.getByRole('button', { name: 'Apply' }).click();
    await pinnedPage.waitForURL(/\/cost\/serverless$/);
    expect(await pinnedPage.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await pinned.close();

    // With JavaScript the switch applies at once, hides its button and saves the choice unseen.
    const live = await suite.browser.newContext({ viewport: PHONE, colorScheme: 'dark' });
    const livePage = await live.newPage();
    await livePage.goto(`${url}/cost/traffic`);
    await livePage.getByText('Menu', { exact: true }).click();
    expect(await livePage.getByRole('button', { name: 'Apply' }).isVisible()).toBe(false);
    const saved = livePage.waitForResponse((r) => r.url().endsWith('/theme'));
    await livePage.getByLabel('Theme').selectOption('light');
    expect(await livePage.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await saved;
    expect(livePage.url()).toBe(`${url}/cost/traffic`);
    await livePage.reload();
    expect(await livePage.locator('html').getAttribute('data-theme')).toBe('light');
    await live.close();

    expect({ blocking, overflowing }).toEqual({ blocking: [], overflowing: [] });
  }, 180_000);

  it('answers choice and request questions with JavaScript off', async () => {
    const bank = loadContentBank();
    const context = await suite.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const kind of ['choice', 'request'] as const) {
      const scenario = bank.scenarios.find((s) => s.kind === kind)!;
      const answer = bank.referenceAnswer(scenario.id, 2);
      await page.goto(`${suite.url}/q/${encodeURIComponent(scenario.id)}/2`);
      // The key hints describe keys that only work with the script.
      expect(await page.locator('[data-shortcuts-hint]').isVisible()).toBe(false);
      if (answer.kind === 'choice') await page.locator(`input[type=radio][value="${answer.optionId}"]`).check();
      if (answer.kind === 'request') await fillJson(page, 'textarea[name=json]', answer.json);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.waitForURL(/\/attempts\/\d+/);
      expect(await page.locator('#verdict-heading').textContent(), scenario.id).toContain('Correct');
    }
    await context.close();
  });

  it('folds the site menu behind a disclosure on a phone, working without JavaScript, and keeps it one row on a desktop', async () => {
    const context = await suite.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${suite.url}/cost`);
    const toggle = page.locator('.site-menu > summary');
    const practice = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' });
    const headerHeight = async () => (await page.locator('.site-header').boundingBox())?.height ?? 0;
    // One row: the brand and the toggle (the entries took three or four rows before).
    expect(await practice.isVisible()).toBe(false);
    expect(await headerHeight()).toBeLessThan(70);
    expect(await toggle.textContent()).toBe('Menu');

    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await practice.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');

    await page.setViewportSize(DESKTOP);
    await page.goto(`${suite.url}/cost`);
    expect(await toggle.isVisible()).toBe(false);
    expect(await practice.isVisible()).toBe(true);
    expect(await headerHeight()).toBeLessThan(70);
    await context.close();
  });

  it('answers a choice question with the keyboard alone, with focus visible throughout', async () => {
    const bank = loadContentBank();
    const scenario = bank.scenarios.find((s) => s.kind === 'choice')!;
    const seed = 5;
    const reference = bank.referenceAnswer(scenario.id, seed);
    if (reference.kind !== 'choice') throw new Error('expected a choice answer');
    const page = await suite.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${suite.url}/q/${encodeURIComponent(scenario.id)}/${seed}`);

    // The stylesheet marks keyboard focus.
    const focusRules = await page.evaluate(() =>
      Array.from(document.styleSheets).flatMap((sheet) =>
        Array.from(sheet.cssRules)
          .filter((r) => r instanceof CSSStyleRule && r.selectorText.includes(':focus-visible'))
          .map((r) => r.cssText),
      ),
    );
    expect(focusRules.some((rule) => /outline: 3px solid/.test(rule))).toBe(true);

    /** What has focus, whether it is on screen, and how its focus shows. */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return {
          tag: element.tagName,
          id: element.id,
          type: (element as HTMLInputElement).type ?? '',
          text: element.textContent?.trim() ?? '',
          onScreen: box.right > 0 && box.bottom > 0 && box.left < window.innerWidth,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          outlineColor: style.outlineColor,
          inAnswerForm: element.closest('form[data-answer-form]') !== null,
        };
      });

    // The first Tab reaches the skip link, which appears with a visible outline.
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip).toMatchObject({ tag: 'A', text: 'Skip to content', onScreen: true, outline: 'solid 3px' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');

    // From the main content, Tab reaches the options; every stop on the way shows its focus.
    let stop = await focused();
    for (let tabs = 0; tabs < 40 && !(stop.tag === 'INPUT' && stop.type === 'radio'); tabs++) {
      await page.keyboard.press('Tab');
      stop = await focused();
      expect(stop.outline, `focus on ${stop.tag} "${stop.text}"`).toBe('solid 3px');
      expect(contrastWithWhite(stop.outlineColor), `focus ring contrast on ${stop.tag} "${stop.text}"`).toBeGreaterThanOrEqual(3);
    }
    expect(stop).toMatchObject({ tag: 'INPUT', type: 'radio', inAnswerForm: true });

    const values = await page.locator('form[data-answer-form] input[type=radio]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const position = values.indexOf(reference.optionId) + 1;
    await page.keyboard.press(String(position));
    expect(await page.locator(`#option-${position}`).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`option-${position}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/attempts\/\d+/);
    expect(await page.locator('#verdict-heading').textContent()).toContain('Correct');

    await page.keyboard.press('n');
    await page.waitForURL(/\/q\//);
    expect(new URL(page.url()).pathname).not.toBe(`/q/${encodeURIComponent(scenario.id)}/${seed}`);
    await page.close();
  });

  it('lets Tab indent in the JSON editor without trapping the keyboard: Esc hands Tab back', async () => {
    const bank = loadContentBank();
    const scenario = bank.scenarios.find((s) => s.kind === 'request')!;
    const page = await suite.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${suite.url}/q/${encodeURIComponent(scenario.id)}/3`);
    // The CodeMirror editor (code-editor.js) stands in for the textarea; Tab indents the line, and
    // CodeMirror lets the Tab pressed right after Esc leave it.
    const field = page.locator('textarea[name=json]');
    const editor = jsonEditorOf(page, 'textarea[name=json]');
    await fillJson(page, 'textarea[name=json]', '{}');
    await editor.focus();
    await page.keyboard.press('End');
    expect(await page.locator('#answer-json-keys').isVisible()).toBe(true);
    const inEditor = () => page.evaluate(() => document.activeElement?.closest('.cm-editor') != null);

    await page.keyboard.press('Tab');
    expect(await field.inputValue()).toBe('  {}');
    expect(await inEditor()).toBe(true);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await field.inputValue()).toBe('  {}');
    expect(await inEditor()).toBe(false);

    // Coming back and pressing a key restores indenting.
    await editor.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    expect(await field.inputValue()).toBe('    {}');

    // Letters typed in the editor are text, not the page's shortcuts (N skips, S/U/G rate).
    const address = page.url();
    await page.keyboard.type('nsu');
    expect(await field.inputValue()).toBe('    {}nsu');
    expect(page.url()).toBe(address);
    await page.close();
  });
});
