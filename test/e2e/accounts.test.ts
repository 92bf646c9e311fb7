/**
 * Accounts in a real browser against the real server: sign up, answer two questions, log out,
 * log in from a fresh browser context (no cookies), and find both answers on the progress page.
 * Screenshots of the sign-up, log-in and account pages at desktop and phone widths go to
 * $TMPDIR/dynamodb-study-e2e/ for a person to look at.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, startServer } from '../helpers/browser.ts';
import { firstScenarioOfKind, loadContentBank, wrongAnswer } from '../helpers/test-app.ts';

const required = process.env.E2E === '1';
const available = existsSync(CHROMIUM);
if (!available && !required) console.warn(`[e2e] skipped: ${CHROMIUM} not found (install it with apt-get install chromium, or set E2E=1 to make this a failure).`);

const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e');
const WIDTHS = [1280, 390] as const;
const PASSWORD = 'sunlit orchard ladder';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical WCAG violations axe-core finds on the page, as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${location.pathname}: ${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, WCAG_TAGS);
}

/** Screenshots at each width, and an axe-core check at each (a phone layout can fail where a desktop one passes). */
async function shoot(page: Page, name: string, violations: string[]): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `accounts-${name}-${width}.png`), fullPage: true });
    violations.push(...(await axeViolations(page)).map((v) => `${width}px ${v}`));
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}

describe.skipIf(!available && !required)('accounts in Chromium', () => {
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

  it('signs up, answers two questions, logs out, logs in from a fresh browser and sees both', async () => {
    const bank = loadContentBank();
    const scenario = firstScenarioOfKind(bank, 'choice')!;
    const problems: string[] = [];
    const violations: string[] = [];

    const first = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await first.addInitScript({ path: AXE_PATH });
    const page = await first.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    // Console errors catch Content-Security-Policy refusals; the refused forms' own 400 and 401 are expected.
    page.on('console', (message) => message.type() === 'error' && !/status of 40[01]/.test(message.text()) && problems.push(message.text()));

    await page.goto(`${server!.url}/signup`);
    await shoot(page, 'signup', violations);
    // A refused password shows the summary and marks the field.
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('one of the most common ones');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'signup-error', violations);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server!.url}/`);
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('(ada)');

    for (const [seed, right] of [
      [1, true],
      [2, false],
    ] as const) {
      await page.goto(`${server!.url}/q/${scenario.id}/${seed}`);
      const answer = right ? bank.referenceAnswer(scenario.id, seed) : wrongAnswer(bank, scenario.id, seed);
      if (answer.kind !== 'choice') throw new Error('expected a choice answer');
      await page.locator(`input[type=radio][value="${answer.optionId}"]`).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.waitForURL(/\/attempts\/\d+/);
    }

    await page.goto(`${server!.url}/account`);
    await page.getByLabel('Token name').fill('laptop script');
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await page.locator('code.new-token').textContent()).toMatch(/^ddbs_/);
    await shoot(page, 'account', violations);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${server!.url}/`);
    expect(await page.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
    await first.close();

    const second = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await second.addInitScript({ path: AXE_PATH });
    const fresh = await second.newPage();
    fresh.on('pageerror', (error) => problems.push(error.message));
    fresh.on('console', (message) => message.type() === 'error' && !/status of 40[01]/.test(message.text()) && problems.push(message.text()));
    await fresh.goto(`${server!.url}/progress`);
    expect(await fresh.locator('.lead').first().textContent()).not.toContain('2 attempts');
    await fresh.getByRole('link', { name: 'Log in' }).click();
    await fresh.waitForURL(/\/login$/);
    await shoot(fresh, 'login', violations);
    await fresh.getByLabel('Username').fill('ADA');
    await fresh.getByLabel('Password').fill('not the password');
    await fresh.getByRole('button', { name: 'Log in' }).click();
    expect(await fresh.getByRole('alert').textContent()).toContain('The username or the password is wrong');
    await shoot(fresh, 'login-error', violations);
    await fresh.getByLabel('Password').fill(PASSWORD);
    await fresh.getByRole('button', { name: 'Log in' }).click();
    await fresh.waitForURL(`${server!.url}/`);
    await fresh.goto(`${server!.url}/progress`);
    expect(await fresh.locator('.lead').first().textContent()).toContain('2 attempts, 50% accuracy overall');
    await fresh.screenshot({ path: join(SCREENSHOT_DIR, 'accounts-progress-1280.png'), fullPage: true });
    await second.close();
    expect(problems).toEqual([]);
    expect(violations).toEqual([]);
  });
});
