/**
 * The author's loop in a real browser against the real server, over a temporary content
 * folder with AUTHORING_WRITE on: an author opens the choice template, breaks it and sees the
 * error at its line as they type, fixes it and sees the preview pass, saves, and practises the
 * new family at once, without a restart. Screenshots of /authoring, the new-family form and a
 * family's preview at 1280 and 390 px go to $TMPDIR/dynamodb-study-e2e/, checked by axe-core.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addAxe, shootAndCheck } from '../helpers/axe.ts';
import { createTempContent, type TempContent } from '../helpers/authoring-content.ts';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';

noticeSkippedBrowserSuite('authoring');

const shoot = (page: Page, name: string, problems: string[]) => shootAndCheck(page, 'authoring', name, problems);

describe.skipIf(SKIP_BROWSER_SUITES)('authoring in Chromium', () => {
  let content: TempContent;
  const suite = browserSuite({
    beforeStart: () => {
      content = createTempContent();
    },
    get env() {
      return { CONTENT_DIR: content.contentDir, AUTHORING_WRITE: 'true' };
    },
  });
  afterAll(() => content?.remove());

  it('creates a family from a template, sees it checked live, saves it and practises it without a restart', async () => {
    const problems: string[] = [];
    const violations: string[] = [];
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

    // The first account of a fresh database is its admin, who has the author role.
    await page.goto(`${suite.url}/signup`);
    await page.getByLabel('Username').fill('writer');
    await page.getByLabel('Password').fill('sunlit orchard ladder');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${suite.url}/`);

    await page.goto(`${suite.url}/authoring`);
    expect(await page.locator('tr[data-family]').count()).toBe(2);
    await shoot(page, 'families', violations);

    await page.getByRole('link', { name: 'New family' }).first().click();
    await page.waitForURL(/\/authoring\/new$/);
    await shoot(page, 'new-family', violations);
    await page.getByLabel(/^choice:/).check();
    await page.getByRole('button', { name: 'Open in the editor' }).click();
    await page.waitForURL(/\/authoring\/edit\?template=choice/);
    expect(await page.locator('[data-check-status]').getAttribute('data-check-status')).toBe('passed');

    // Typing an error: the live preview names it at its line, without a page load.
    const source = page.locator('#source');
    const template = await source.inputValue();
    const own = template.replace(/^id: .*$/m, 'id: core.payload-in-s3').replace(/^title: .*$/m, 'title: Keeping a large payload out of the item');
    const broken = own.replace('answer: { correct: s3 }', 'answer: { correct: nowhere }');
    const answerLine = broken.split('\n').findIndex((l) => l.startsWith('answer:')) + 1;
    await source.fill(broken);
    await page.locator('[data-check-status="failed"]').waitFor();
    expect(await page.locator('#check-errors').textContent()).toContain(`line ${answerLine}`);
    await page.locator(`[data-goto-line="${answerLine}"]`).first().click();
    expect(await source.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('answer: { correct: nowhere }');

    // Fixed, and another seed: the preview passes and shows that seed.
    await source.fill(own);
    await page.locator('#seed').fill('42');
    await page.locator('#preview-body', { hasText: 'As the learner sees seed 42' }).waitFor();
    await page.locator('[data-check-status="passed"]').waitFor();
    expect(await page.locator('tr[data-role="reference"][data-expected="yes"]').count()).toBe(1);
    expect(await page.locator('tr[data-role="distractor"][data-expected="yes"]').count()).toBe(3);
    await shoot(page, 'preview', violations);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/authoring\/edit\?id=core\.payload-in-s3&seed=42&saved=1$/);
    expect(await page.locator('[data-save-message="saved"]').textContent()).toContain('Saved content/core/payload-in-s3.md');
    expect(readFileSync(join(content.contentDir, 'core', 'payload-in-s3.md'), 'utf8')).toBe(own);

    // Practised at once, on the same server process.
    await page.getByRole('link', { name: /Practise it at/ }).click();
    await page.waitForURL(/\/q\/core\.payload-in-s3\/42$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Keeping a large payload out of the item');
    await page.locator('input[type=radio][value="s3"]').check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForURL(/\/attempts\/\d+/);
    expect(await page.locator('main').textContent()).toMatch(/Correct/);

    await page.goto(`${suite.url}/authoring`);
    expect(await page.locator('tr[data-family]').count()).toBe(3);
    await context.close();
    expect(problems).toEqual([]);
    expect(violations).toEqual([]);
  });
});
