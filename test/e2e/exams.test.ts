/**
 * A mock exam in a real browser against the real server: start a 3-question exam, answer each
 * question, flag one, find it on the confirmation page, submit, and read the report. Screenshots
 * of each exam page at desktop and phone widths go to $TMPDIR/dynamodb-study-e2e/, and axe-core
 * checks each at both widths.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAxe, shootAndCheck } from '../helpers/axe.ts';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';

noticeSkippedBrowserSuite('mock exam');

const shoot = (page: Page, name: string, problems: string[]) => shootAndCheck(page, 'exams', name, problems);

describe.skipIf(SKIP_BROWSER_SUITES)('a mock exam in Chromium', () => {
  const suite = browserSuite();

  it('answers a 3-question exam, flags one, submits it and reads the report', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(context);
    const page = await context.newPage();
    const problems: string[] = [];
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));

    const h1 = async () => (await page.locator('h1').innerText()).replace(/\s+/g, ' ');
    await page.goto(`${suite.url}/exams`);
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

    await page.goto(`${suite.url}/exams`);
    expect(await page.getByRole('link', { name: 'Report #1' }).count()).toBe(1);
    await shoot(page, 'history', problems);

    expect(problems).toEqual([]);
    expect(scriptErrors).toEqual([]);
    await context.close();
  });
});
