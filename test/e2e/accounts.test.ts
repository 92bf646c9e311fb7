/**
 * Accounts in a real browser against the real server: sign up, answer two questions, log out,
 * log in from a fresh browser context (no cookies), and find both answers on the progress page.
 * Screenshots of the sign-up, log-in and account pages at desktop and phone widths go to
 * $TMPDIR/dynamodb-study-e2e/ for a person to look at.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAxe, SCREENSHOT_DIR, shootAndCheck } from '../helpers/axe.ts';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';
import { firstScenarioOfKind, loadContentBank, wrongAnswer } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('accounts');

const PASSWORD = 'sunlit orchard ladder';

const shoot = (page: Page, name: string, problems: string[]) => shootAndCheck(page, 'accounts', name, problems);

describe.skipIf(SKIP_BROWSER_SUITES)('accounts in Chromium', () => {
  const suite = browserSuite();

  it('signs up, answers two questions, logs out, logs in from a fresh browser and sees both', async () => {
    const bank = loadContentBank();
    const scenario = firstScenarioOfKind(bank, 'choice')!;
    const problems: string[] = [];
    const violations: string[] = [];

    const first = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(first);
    const page = await first.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    // Console errors catch Content-Security-Policy refusals; the refused forms' own 400 and 401 are expected.
    page.on('console', (message) => message.type() === 'error' && !/status of 40[01]/.test(message.text()) && problems.push(message.text()));

    await page.goto(`${suite.url}/signup`);
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
    await page.waitForURL(`${suite.url}/`);
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('(ada)');

    for (const [seed, right] of [
      [1, true],
      [2, false],
    ] as const) {
      await page.goto(`${suite.url}/q/${scenario.id}/${seed}`);
      const answer = right ? bank.referenceAnswer(scenario.id, seed) : wrongAnswer(bank, scenario.id, seed);
      if (answer.kind !== 'choice') throw new Error('expected a choice answer');
      await page.locator(`input[type=radio][value="${answer.optionId}"]`).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.waitForURL(/\/attempts\/\d+/);
    }

    await page.goto(`${suite.url}/account`);
    await page.getByLabel('Token name').fill('laptop script');
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await page.locator('code.new-token').textContent()).toMatch(/^ddbs_/);
    await shoot(page, 'account', violations);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${suite.url}/`);
    expect(await page.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
    await first.close();

    const second = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(second);
    const fresh = await second.newPage();
    fresh.on('pageerror', (error) => problems.push(error.message));
    fresh.on('console', (message) => message.type() === 'error' && !/status of 40[01]/.test(message.text()) && problems.push(message.text()));
    await fresh.goto(`${suite.url}/progress`);
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
    await fresh.waitForURL(`${suite.url}/`);
    await fresh.goto(`${suite.url}/progress`);
    expect(await fresh.locator('.lead').first().textContent()).toContain('2 attempts, 50% accuracy overall');
    await fresh.screenshot({ path: join(SCREENSHOT_DIR, 'accounts-progress-1280.png'), fullPage: true });
    await second.close();
    expect(problems).toEqual([]);
    expect(violations).toEqual([]);
  });
});
