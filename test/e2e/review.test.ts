/**
 * A review session in Chromium against the real server: the database is seeded with a learner
 * and two due review cards before the server starts (its clock cannot be injected), then both
 * are answered through the pages, with a confidence key, down to the empty state; the drill and
 * an essential-check failure are looked at on the way. Screenshots of each page at 1280 and
 * 390 px go to $TMPDIR/dynamodb-study-e2e/, and axe-core checks each.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../app/db/connection.ts';
import { reviewCards } from '../../app/db/schema.ts';
import { insertProfile } from '../../app/progress/profiles.ts';
import { addAxe, shootAndCheck } from '../helpers/axe.ts';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';
import { loadContentBank, wrongAnswer } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('review');

const LEARNER_TOKEN = 'e2e-review-learner-token-0123456789';
const HOUR = 3_600_000;

const shoot = (page: Page, name: string, problems: string[]) => shootAndCheck(page, 'review', name, problems);

describe.skipIf(SKIP_BROWSER_SUITES)('review session in Chromium', () => {
  const bank = loadContentBank();
  const [older, newer] = bank.scenarios.filter((s) => s.kind === 'choice').map((s) => s.id as string) as [string, string];
  const suite = browserSuite({
    beforeStart: async (path) => {
      // Two cards in the Review state, due an hour and two hours ago, as if reviewed days before.
      const seeded = openSqlite(path);
      const now = Date.now();
      const profile = await insertProfile(seeded.db, LEARNER_TOKEN, new Date(now - 10 * 24 * HOUR));
      for (const [scenarioId, hoursOverdue] of [
        [older, 2],
        [newer, 1],
      ] as const) {
        await seeded.db.insert(reviewCards).values({
          profileId: profile.id,
          scenarioId,
          due: new Date(now - hoursOverdue * HOUR),
          stability: 3,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 3,
          learningSteps: 0,
          reps: 2,
          lapses: 0,
          state: 2,
          lastReview: new Date(now - 3 * 24 * HOUR),
          lastSeed: 7,
          createdAt: new Date(now - 5 * 24 * HOUR),
        });
      }
      await seeded.close();
    },
  });

  it('walks two due cards, most overdue first, each a fresh variant, to the empty state', async () => {
    const problems: string[] = [];
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'learner', value: LEARNER_TOKEN, url: suite.url }]);
    await addAxe(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

    await page.goto(`${suite.url}/`);
    expect(await page.locator('[data-home-due]').textContent()).toBe('2 due now');
    expect(await page.locator('nav [data-due-count]').getAttribute('data-due-count')).toBe('2');
    await page.goto(`${suite.url}/review`);
    expect(await page.locator('[data-due-now]').textContent()).toBe('2 due now');
    await shoot(page, 'page', problems);

    for (const [index, expected] of [older, newer].entries()) {
      await page.getByRole('link', { name: index === 0 ? 'Start review' : 'Next review' }).click();
      const match = /\/review\/q\/([^/]+)\/(\d+)$/.exec(new URL(page.url()).pathname);
      expect(match?.[1] && decodeURIComponent(match[1])).toBe(expected);
      const seed = Number(match![2]);
      expect(seed).not.toBe(7);
      if (index === 0) await shoot(page, 'question', problems);
      // A wrong answer, so the drill has something in it; S marks it sure with the keyboard.
      const wrong = wrongAnswer(bank, expected, seed);
      if (wrong.kind !== 'choice') throw new Error('expected a choice question');
      await page.locator(`input[name="option"][value="${wrong.optionId}"]`).check();
      await page.locator('body').press('s');
      expect(await page.locator('#confidence-sure').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.waitForURL(/\/review\/attempts\/\d+$/);
      expect(await page.locator('[data-rating]').textContent()).toBe('Again');
      expect(await page.locator('[data-next-due]').count()).toBe(1);
      expect(await page.locator('[data-confidence]').textContent()).toBe(', marked sure');
      if (index === 0) await shoot(page, 'result', problems);
    }

    // Both were wrong, so both wait a learning step: nothing due, and new families are offered.
    await page.goto(`${suite.url}/review`);
    expect(await page.locator('[data-due-now]').textContent()).toBe('0 due now');
    expect(await page.getByRole('link', { name: 'Start a new family' }).count()).toBe(1);
    await shoot(page, 'after', problems);

    await page.goto(`${suite.url}/drill`);
    expect(await page.locator('[data-drill-left]').textContent()).toBe('2 left');
    await shoot(page, 'drill', problems);
    await page.getByRole('link', { name: 'Start the drill' }).click();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/drill/q/${older.replace('.', '\\.')}/\\d+$`));
    await shoot(page, 'drill-question', problems);

    // An unconditional put where the task is to prevent overwriting: the essential check's note.
    const params = bank.variant('core.request-put-if-absent', 3).params;
    const plainPut = {
      action: 'PutItem',
      params: { TableName: 'Users', Item: { userId: { S: params.newUser }, email: { S: 'x@example.com' }, plan: { S: params.plan }, version: { N: '1' } } },
    };
    const answered = await page.request.post(`${suite.url}/api/questions/core.request-put-if-absent/3/answers`, {
      data: { answer: { kind: 'request', json: JSON.stringify(plainPut) } },
    });
    const { attemptId } = (await answered.json()) as { attemptId: number };
    await page.goto(`${suite.url}/attempts/${attemptId}`);
    expect(await page.locator('[data-essential-failed]').count()).toBe(1);
    await shoot(page, 'essential', problems);

    // Settings refused by name, and nothing changed.
    await page.goto(`${suite.url}/review`);
    await page.locator('#targetRetention').fill('0.99');
    await page.evaluate(() => document.querySelector('form.review-settings')?.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect(await page.locator('#settings-error').textContent()).toContain('targetRetention');
    await shoot(page, 'settings-error', problems);

    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });
});
