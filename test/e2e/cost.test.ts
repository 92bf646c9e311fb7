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
    t = await createTestApp();
    url = await new Promise<string>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
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

  it('fits a 320 px phone: no sideways scroll on any cost page, the key below the chart, every select on screen', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['/cost', '/cost/serverless', '/cost/traffic']) {
      await page.goto(`${url}${path}`);
      // Tables behind <details> count too: a learner opens them.
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => {
          d.open = true;
        }),
      );
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(widths.client);
      for (const select of await page.locator('main select').all()) {
        const box = (await select.boundingBox())!;
        expect(box.x + box.width, `${path}: a select runs off the screen`).toBeLessThanOrEqual(320);
      }
      for (const figure of await page.locator('main figure:has(svg.chart)').all()) {
        const chart = (await figure.locator('svg.chart').boundingBox())!;
        const legend = await figure.locator('.chart-legend').boundingBox();
        if (legend) expect(legend.y, `${path}: the key overlaps the chart`).toBeGreaterThanOrEqual(chart.y + chart.height);
      }
    }
    // The price sources are footnotes: the table is short rows, and each number jumps to its note.
    await page.goto(`${url}/cost`);
    await page.getByText('All 48 prices, with their sources').click();
    const rowHeights = await page.locator('table.price-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    // With the source in a column a row averaged about 330 px at 390 px wide; now it is a name and a figure.
    expect(Math.max(...rowHeights)).toBeLessThan(160);
    await page.locator('a.footnote-ref').first().click();
    expect(new URL(page.url()).hash).toBe('#price-source-1');
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
