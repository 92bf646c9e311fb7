/**
 * A mock exam in a real browser against the real server: start a 3-question exam, answer each
 * question, flag one, find it on the confirmation page, submit, and read the report. Screenshots
 * of each exam page at desktop and phone widths go to $TMPDIR/dynamodb-study-e2e/, and axe-core
 * checks each at both widths.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, startServer } from '../helpers/browser.ts';

const required = process.env.E2E === '1';
const available = existsSync(CHROMIUM);
if (!available && !required) console.warn(`[e2e] skipped: ${CHROMIUM} not found (install it with apt-get install chromium, or set E2E=1 to make this a failure).`);

const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e');
const WIDTHS = [1280, 390] as const;
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${location.pathname}: ${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, WCAG_TAGS);
}

async function shoot(page: Page, name: string, problems: string[]): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `exams-${name}-${width}.png`), fullPage: true });
    problems.push(...(await axeViolations(page)).map((v) => `${width}px ${v}`));
    // No sideways scroll on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${width}px ${name}: ${overflow}px of sideways scroll`);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}

describe.skipIf(!available && !required)('a mock exam in Chromium', () => {
  let server: { process: ChildProcess; url: string } | undefined;
  let browser: Browser | undefined;
  let dataDir: string;

  beforeAll(async () => {
    if (!available) throw new Error(`E2E=1 but ${CHROMIUM} is missing: install it with apt-get install chromium.`);
    dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-study-db-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer(join(dataDir, 'app.db'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.process.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a 3-question exam, flags one, submits it and reads the report', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ path: AXE_PATH });
    const page = await context.newPage();
    const problems: string[] = [];
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));

    const h1 = async () => (await page.locator('h1').innerText()).replace(/\s+/g, ' ');
    await page.goto(`${server!.url}/exams`);
    await shoot(page, 'start', problems);
    await page.getByLabel('Questions', { exact: true }).fill('3');
    await page.getByLabel('Time', { exact: true }).fill('10');
    // Single choice only, so each question is answered by picking an option.
    for (const kind of ['Multiple choice (choose N)', 'Numeric (a figure with its unit)']) await page.getByLabel(kind).uncheck();
    await Promise.all([page.waitForURL(/\/exams\/\d+\/1$/), page.getByRole('button', { name: 'Start the exam' }).click()]);
    expect(await h1()).toBe('Question 1 of 3');
    expect(await page.getByRole('timer').innerText()).toMatch(/Time left \d+:\d\d/);
    // The script ticks the server's figure down.
    const before = await page.locator('[data-exam-clock]').innerText();
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-exam-clock]').innerText()).not.toBe(before);

    for (const position of [1, 2, 3]) {
      await page.locator('#option-1').check();
      if (position === 2) await page.getByLabel('Flag for review').check();
      if (position === 1) await shoot(page, 'question', problems);
      const next = position === 3 ? /\/submit$/ : new RegExp(`/${position + 1}$`);
      await Promise.all([page.waitForURL(next), page.getByRole('button', { name: position === 3 ? 'Save and review' : 'Save and next' }).click()]);
    }

    expect(await h1()).toBe('Submit the exam?');
    const confirm = await page.locator('main').innerText();
    expect(confirm).toContain('Not answered (0)');
    expect(confirm).toContain('Flagged for review (1)');
    expect(await page.getByRole('link', { name: 'Question 2' }).count()).toBe(1);
    await shoot(page, 'submit', problems);
    await Promise.all([page.waitForURL(/\/exams\/\d+$/), page.getByRole('button', { name: 'Submit the exam now' }).click()]);

    expect(await h1()).toBe('Mock exam report');
    expect(await page.locator('#exam-score').innerText()).toMatch(/(Pass|Fail) Score \d+%/);
    const report = await page.locator('main').innerText();
    expect(report).toContain('3 of 3 questions answered');
    expect(await page.locator('#q-2').innerText()).toContain('flagged');
    expect(await page.locator('#q-1 h3', { hasText: 'Explanation' }).count()).toBe(1);
    await shoot(page, 'report', problems);

    await page.goto(`${server!.url}/exams`);
    expect(await page.getByRole('link', { name: 'Report #1' }).count()).toBe(1);
    await shoot(page, 'history', problems);

    expect(problems).toEqual([]);
    expect(scriptErrors).toEqual([]);
    await context.close();
  });
});
