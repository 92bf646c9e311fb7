/**
 * Every scenario's question page once, at phone width, through axe-core's WCAG 2 A/AA rules
 * (no "serious" or "critical" violation) and the sideways-scroll check: prompts are authored
 * content, with their own tables, code and long exception names. The site's other pages are
 * checked in accessibility.test.ts; this file runs beside it.
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
import { loadContentBank } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('accessibility of questions');

const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e', 'accessibility');
mkdirSync(SCREENSHOT_DIR, { recursive: true });
const PHONE = { width: 390, height: 844 };
/** Pages checked at once: the browser renders one while axe runs in the other. */
const PAGES = 2;

describe.skipIf(SKIP_BROWSER_SUITES)('accessibility of every question in Chromium', () => {
  const suite = browserSuite();

  it('has no serious or critical WCAG violations on any question page, and none scrolls sideways on a phone', async () => {
    const bank = loadContentBank();
    const context = await suite.browser.newContext({ viewport: PHONE });
    await addAxe(context);
    const problems: string[] = [];
    const blocking: string[] = [];
    const overflowing: string[] = [];
    const advisory: string[] = [];
    const audit: Record<string, AxeViolation[]> = {};
    const statuses: Record<string, number | undefined> = {};
    const queue = [...bank.scenarios];

    const worker = async (): Promise<void> => {
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
        const name = `question ${scenario.id}`;
        const path = `/q/${encodeURIComponent(scenario.id)}/3`;
        statuses[path] = (await page.goto(`${suite.url}${path}`))?.status();
        const overflow = await sidewaysScroll(page, name);
        if (overflow) overflowing.push(overflow);
        const violations = await runAxe(page);
        audit[name] = violations;
        for (const v of violations) (isBlocking(v) ? blocking : advisory).push(describeViolation(name, v));
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: PAGES }, worker));

    writeFileSync(join(SCREENSHOT_DIR, 'axe-violations-questions.json'), JSON.stringify(audit, null, 2));
    if (advisory.length > 0) console.warn(`axe advises (not failed on):\n${advisory.join('\n')}`);
    if (blocking.length > 0) console.error(`axe found ${blocking.length} serious or critical violations:\n${blocking.join('\n')}`);
    expect(Object.keys(audit)).toHaveLength(bank.scenarios.length);
    expect(Object.entries(statuses).filter(([, status]) => status !== 200)).toEqual([]);
    expect({ blocking, overflowing, scriptErrors: problems }).toEqual({ blocking: [], overflowing: [], scriptErrors: [] });
    await context.close();
  }, 300_000);

  // Dark scheme: one scenario of each kind in each area, not all of them again. Prompts share
  // their markup per kind (tables, code, item lists), and the colours come from the same tokens.
  it('has no serious or critical WCAG violations in the dark scheme on a question of each kind per area', async () => {
    const bank = loadContentBank();
    const picked = new Map<string, string>();
    for (const s of bank.scenarios) if (!picked.has(`${s.area}/${s.kind}`)) picked.set(`${s.area}/${s.kind}`, s.id);
    const context = await suite.browser.newContext({ viewport: PHONE, colorScheme: 'dark' });
    await addAxe(context);
    const page = await context.newPage();
    const blocking: string[] = [];
    for (const id of picked.values()) {
      const response = await page.goto(`${suite.url}/q/${encodeURIComponent(id)}/3`);
      expect(response?.status(), id).toBe(200);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), id).toBe('rgb(13, 17, 23)');
      for (const v of await runAxe(page)) if (isBlocking(v)) blocking.push(describeViolation(`dark question ${id}`, v));
    }
    expect(picked.size).toBeGreaterThanOrEqual(5);
    expect(blocking).toEqual([]);
    await context.close();
  }, 120_000);
});
