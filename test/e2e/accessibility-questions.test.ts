/**
 * Every scenario's question page once, at phone width, through axe-core's WCAG 2 A/AA rules
 * (no "serious" or "critical" violation) and the sideways-scroll check: prompts are authored
 * content, with their own tables, code and long exception names. The site's other pages are
 * checked in accessibility.test.ts; this file runs beside it.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1 (CI), where a missing
 * browser is a failure.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAxe, type AxeViolation, describeViolation, isBlocking, runAxe, sidewaysScroll } from '../helpers/axe.ts';
import { CHROMIUM, launchChromium, startServer } from '../helpers/browser.ts';
import { loadContentBank } from '../helpers/test-app.ts';

const required = process.env.E2E === '1';
const available = existsSync(CHROMIUM);
if (!available && !required)
  console.warn(
    `[e2e] accessibility of questions skipped: ${CHROMIUM} not found (install it with apt-get install chromium, or set E2E=1 to make this a failure).`,
  );

const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e', 'accessibility');
const PHONE = { width: 390, height: 844 };
/** Pages checked at once: the browser renders one while axe runs in the other. */
const PAGES = 2;

describe.skipIf(!available && !required)('accessibility of every question in Chromium', () => {
  let server: { process: ChildProcess; url: string } | undefined;
  let browser: Browser | undefined;
  let dataDir: string;

  beforeAll(async () => {
    if (!available) throw new Error(`E2E=1 but ${CHROMIUM} is missing: install it with apt-get install chromium.`);
    dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-study-db-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer(join(dataDir, 'app.db'));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.process.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('has no serious or critical WCAG violations on any question page, and none scrolls sideways on a phone', async () => {
    const bank = loadContentBank();
    const context = await browser!.newContext({ viewport: PHONE });
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
        statuses[path] = (await page.goto(`${server!.url}${path}`))?.status();
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
    const context = await browser!.newContext({ viewport: PHONE, colorScheme: 'dark' });
    await addAxe(context);
    const page = await context.newPage();
    const blocking: string[] = [];
    for (const id of picked.values()) {
      const response = await page.goto(`${server!.url}/q/${encodeURIComponent(id)}/3`);
      expect(response?.status(), id).toBe(200);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), id).toBe('rgb(13, 17, 23)');
      for (const v of await runAxe(page)) if (isBlocking(v)) blocking.push(describeViolation(`dark question ${id}`, v));
    }
    expect(picked.size).toBeGreaterThanOrEqual(5);
    expect(blocking).toEqual([]);
    await context.close();
  }, 120_000);
});
