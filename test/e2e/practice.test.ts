/**
 * One learner in a real browser against the real server: open the home page, answer one
 * question right and one wrong, and find both on the progress page. The right answer comes from
 * the bank itself, never from a hard-coded key.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1 (CI), where a missing
 * browser is a failure.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';
import type { Answer } from '../../app/bank/types.ts';
import { loadContentBank, wrongAnswer } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('practice');

/** Screenshots of every page the walk visits, for a person to look at. */
export const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e');

async function answerQuestion(page: Page, answer: Answer): Promise<void> {
  switch (answer.kind) {
    case 'choice': {
      // Through the keyboard shortcut: the option's position, then Enter.
      const values = await page.locator('form[data-answer-form] input[type=radio]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      await page.locator('h1').click();
      await page.keyboard.press(String(values.indexOf(answer.optionId) + 1));
      await page.keyboard.press('Enter');
      break;
    }
    case 'multi':
      for (const id of answer.optionIds) await page.locator(`input[type=checkbox][value="${id}"]`).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      break;
    case 'numeric':
      await page.getByLabel('Value').fill(String(answer.value));
      await page.getByLabel('Value').press('Enter');
      break;
    default:
      throw new Error(`The walk does not answer ${answer.kind} questions`);
  }
  await page.waitForURL(/\/attempts\/\d+/);
}

const WALKED_KINDS = new Set(['choice', 'multi', 'numeric']);

/** Skips (with N) questions of kinds this walk does not answer, such as hand-written requests. */
async function reachAnswerableQuestion(page: Page, bank: ReturnType<typeof loadContentBank>): Promise<{ scenarioId: string; seed: number }> {
  for (let tries = 0; tries < 30; tries++) {
    const variant = currentVariant(page);
    if (WALKED_KINDS.has(bank.get(variant.scenarioId)?.kind ?? '')) return variant;
    await page.locator('h1').click();
    await page.keyboard.press('n');
    await page.waitForURL((url) => url.pathname !== `/q/${encodeURIComponent(variant.scenarioId)}/${variant.seed}`);
  }
  throw new Error('Mixed practice served no choice, multi or numeric question in 30 tries');
}

function currentVariant(page: Page): { scenarioId: string; seed: number } {
  const match = /\/q\/([^/]+)\/(\d+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Not on a question page: ${page.url()}`);
  return { scenarioId: decodeURIComponent(match[1]!), seed: Number(match[2]) };
}

describe.skipIf(SKIP_BROWSER_SUITES)('a learner in Chromium', () => {
  const suite = browserSuite();

  it('answers one question right and one wrong and sees both on the progress page', async () => {
    const bank = loadContentBank();
    const page = await suite.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(suite.url);
    expect(await page.locator('h1').textContent()).toBe('Learn DynamoDB to exam level');
    await page.screenshot({ path: join(SCREENSHOT_DIR, '1-home.png'), fullPage: true });

    // A first visit gets the welcome, with practice one click away.
    await page.getByRole('link', { name: 'Start practising' }).click();
    await page.waitForURL(/\/q\//);
    const first = await reachAnswerableQuestion(page, bank);
    // The key hints are hidden in the HTML and shown by the script that makes the keys work.
    expect(await page.locator('p[data-shortcuts-hint]').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, '2-question.png'), fullPage: true });
    await answerQuestion(page, bank.referenceAnswer(first.scenarioId, first.seed));
    expect(await page.locator('#verdict-heading').textContent()).toContain('Correct');
    await page.screenshot({ path: join(SCREENSHOT_DIR, '3-result-right.png'), fullPage: true });

    // N moves on to the next question.
    await page.locator('h1').click();
    await page.keyboard.press('n');
    await page.waitForURL(/\/q\//);
    const second = await reachAnswerableQuestion(page, bank);
    await answerQuestion(page, wrongAnswer(bank, second.scenarioId, second.seed));
    expect(await page.locator('#verdict-heading').textContent()).toContain('Incorrect');
    await page.screenshot({ path: join(SCREENSHOT_DIR, '4-result-wrong.png'), fullPage: true });

    await page.getByRole('link', { name: 'Progress' }).click();
    await page.waitForURL(/\/progress$/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, '5-progress.png'), fullPage: true });
    expect(await page.locator('.lead').textContent()).toContain('2 attempts, 50% accuracy overall (1 fully correct)');
    const rows = page.locator('section[aria-labelledby="recent-heading"] tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('.badge').textContent()).toBe('Incorrect');
    expect(await rows.nth(1).locator('.badge').textContent()).toBe('Correct');
    expect(await page.locator('svg.chart circle').count()).toBe(2);
    expect(problems).toEqual([]);
  });
});
