/**
 * Hands-on questions in a real browser: write a request answer (right items, wrong order) and a
 * design answer (no index for one pattern), and see the per-check feedback the grader computed
 * by running them. Also: the JSON is checked as it is typed, and the draft survives a reload.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';
import { fillJson } from '../helpers/json-field.ts';
import { loadContentBank } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('hands-on');

const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e');
mkdirSync(SCREENSHOT_DIR, { recursive: true });

describe.skipIf(SKIP_BROWSER_SUITES)('hands-on questions in Chromium', () => {
  const suite = browserSuite();

  it('grades a request written in the editor and shows each check with both results', async () => {
    const bank = loadContentBank();
    const id = 'keys.request-orders-date-range';
    const seed = 7;
    const reference = JSON.parse(bank.referenceAnswer(id, seed).kind === 'request' ? (bank.referenceAnswer(id, seed) as { json: string }).json : '{}');
    // Right items, oldest first: the order check must fail, the others pass.
    const answer = { ...reference, params: { ...reference.params, ScanIndexForward: true } };
    const page = await suite.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${suite.url}/q/${id}/${seed}`);
    expect(await page.locator('#fixture-heading').textContent()).toBe('Table Orders');
    const editor = page.locator('textarea[data-json-editor]');
    await fillJson(page, 'textarea[data-json-editor]', '{"action": "Query",');
    expect(await page.locator('#answer-json-status').textContent()).toMatch(/^Not valid JSON yet: /);
    await fillJson(page, 'textarea[data-json-editor]', JSON.stringify(answer, null, 2));
    expect(await page.locator('#answer-json-status').textContent()).toBe('Valid JSON.');
    await page.reload();
    expect(JSON.parse(await editor.inputValue())).toEqual(answer);
    expect(await page.locator('#answer-json-status').textContent()).toBe('Draft restored from this browser.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hands-on-1-request-question.png'), fullPage: true });

    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForURL(/\/attempts\/\d+/);
    expect(await page.locator('#verdict-heading').textContent()).toContain('Partly right');
    expect(await page.locator('tr[data-check="items"] td.result').textContent()).toBe('✗ Failed');
    expect(await page.locator('tr[data-check="items"]').textContent()).toContain('the right items in the wrong order');
    expect(await page.locator('tr[data-check="operation"] td.result').textContent()).toBe('✓ Passed');
    expect(await page.locator('tr[data-check="capacity"] td.result').textContent()).toBe('✓ Passed');
    expect(await page.locator('.side-by-side h3').allTextContents()).toEqual(['Yours', 'Expected (the reference request)']);
    await page.getByText('Show the reference request').click();
    expect(JSON.parse((await page.locator('details[open] pre').textContent()) ?? '')).toEqual(reference);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hands-on-2-request-result.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('grades a table design and shows each access pattern and the monthly cost', async () => {
    const bank = loadContentBank();
    const id = 'index.design-orders';
    const seed = 3;
    const reference = JSON.parse((bank.referenceAnswer(id, seed) as { json: string }).json) as Record<string, unknown>;
    const { GlobalSecondaryIndexes: _dropped, ...rest } = reference;
    // DynamoDB refuses attribute definitions no key uses, so status goes with the index.
    const definitions = (rest.AttributeDefinitions as { AttributeName: string }[]).filter((a) => a.AttributeName !== 'status');
    const withoutGsi = { ...rest, AttributeDefinitions: definitions };
    const page = await suite.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${suite.url}/q/${id}/${seed}`);
    expect(await page.locator('#design-heading').textContent()).toBe('What the table must serve');
    await fillJson(page, 'textarea[data-json-editor]', JSON.stringify(withoutGsi, null, 2));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hands-on-3-design-question.png'), fullPage: true });
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForURL(/\/attempts\/\d+/);
    expect(await page.locator('#verdict-heading').textContent()).toContain('Partly right');
    expect(await page.locator('tr[data-check="pattern:order-by-id"] td.result').textContent()).toBe('✓ Passed');
    expect(await page.locator('tr[data-check="pattern:status-orders"] td.result').textContent()).toBe('✗ Failed');
    expect(await page.locator('tr[data-check="pattern:status-orders"]').textContent()).toContain('only a Scan could answer this');
    expect(await page.locator('main').textContent()).toMatch(/Monthly cost \(on demand\): \$\d+\.\d\d/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hands-on-4-design-result.png'), fullPage: true });
  });
});
