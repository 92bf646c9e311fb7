/**
 * The cost calculator in a real browser: change the workload in the form, submit, and read both
 * totals, which must match the model for the same workload. Takes a screenshot of /cost for a
 * person to look at.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1, where it fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { formatUsd } from '../../engine/index.ts';
import { calculateWorkloadCost } from '../../engine/index.ts';
import { DEFAULT_WORKLOAD } from '../../engine/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const required = process.env.E2E === '1';
const available = existsSync(CHROMIUM);
if (!available && !required) console.warn(`[e2e] cost calculator skipped: ${CHROMIUM} not found (set E2E=1 to make this a failure).`);

export const COST_SCREENSHOT = join(tmpdir(), 'dynamodb-study-e2e', 'cost.png');

describe.skipIf(!available && !required)('the cost calculator in Chromium', () => {
  let t: TestApp;
  let server: ServerType;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    t = createTestApp();
    url = await new Promise<string>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    t?.close();
  });

  it('fills the form and reads the totals the model gives', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${url}/cost`);
    await page.getByLabel('Reads per second').fill('250');
    await page.getByLabel('Writes per second').fill('40');
    await page.getByLabel('Global secondary indexes').fill('2');
    await page.getByLabel('Read consistency').selectOption('strong');
    await page.getByLabel('Node type').selectOption('dax.r5.large');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.waitForURL(/readsPerSecond=250/);

    const model = calculateWorkloadCost({ ...DEFAULT_WORKLOAD, readsPerSecond: 250, writesPerSecond: 40, gsiCount: 2, readConsistency: 'strong' });
    expect(await page.getByTestId('on-demand-total').textContent()).toBe(formatUsd(model.onDemand.total));
    expect(await page.getByTestId('provisioned-total').textContent()).toBe(formatUsd(model.provisioned.total));
    expect(await page.getByTestId('break-even').textContent()).toBe('28.9%');
    expect(await page.getByTestId('dax-cluster').textContent()).toBe('$558.45');
    expect(await page.locator('svg.chart title').textContent()).toContain('utilisation');

    mkdirSync(join(tmpdir(), 'dynamodb-study-e2e'), { recursive: true });
    await page.screenshot({ path: COST_SCREENSHOT, fullPage: true });
    await page.close();
  });

  it('shows a message beside a field the learner got wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/cost`);
    await page.getByLabel('Bytes per write').fill('500000');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.waitForURL(/writeItemBytes=500000/);
    expect(await page.locator('#f-writeItemBytes-error').textContent()).toBe('an item is at most 400 KB (409,600 bytes)');
    expect(await page.getByLabel('Bytes per write').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });
});
