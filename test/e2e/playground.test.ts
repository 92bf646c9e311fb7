/**
 * The playground in Chromium: create a table from the form, put three items and query them with a
 * key condition and a filter from the operation builder (its fields rebuilding the JSON, Ctrl+Enter
 * running it), see the consumed capacity, then run the copied CLI command's request with the SDK
 * against /dynamodb and get the same items; read a table's stream through ListStreams,
 * DescribeStream, GetShardIterator and GetRecords; import a Workbench model; open a question's
 * table from its result page; turn the simulation on for a provisioned table, write past its burst and see the
 * throttle in the picture, and read through the DAX cluster. Every view is checked with axe and
 * shot at 1280 and 390 px.
 *
 * Skips with a notice when /usr/bin/chromium is absent, unless E2E=1.
 */
import { DynamoDBClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fromCli } from '../../app/playground/code-export.ts';
import { exportWorkbenchModel } from '../../app/playground/workbench.ts';
import { join } from 'node:path';
import { addAxe, COLOUR_RULES, isBlocking, runAxeRules, SCREENSHOT_DIR, shootAndCheck, WIDTHS } from '../helpers/axe.ts';
import { browserSuite, noticeSkippedBrowserSuite, SKIP_BROWSER_SUITES } from '../helpers/browser.ts';
import { fillJson } from '../helpers/json-field.ts';
import { loadContentBank } from '../helpers/test-app.ts';

noticeSkippedBrowserSuite('playground');

/** Waits until the builder's script has rebuilt the JSON to contain `text`. */
async function jsonContains(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => (document.querySelector('#request-json') as HTMLTextAreaElement | null)?.value.includes(t) ?? false, text);
}

describe.skipIf(SKIP_BROWSER_SUITES)('the playground in Chromium', () => {
  const suite = browserSuite();

  it('creates a table, puts and queries items, shows capacity, and its CLI command gives the same items through the SDK', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(`${suite.url}/playground`);
    await shootAndCheck(page, 'playground', '1-empty', problems);
    await page.locator('#f-tableName').fill('Music');
    await page.locator('#f-pkName').fill('Artist');
    await page.locator('#f-skName').fill('SongTitle');
    await page.getByRole('button', { name: 'Create table' }).click();
    await page.waitForSelector('tr[data-table="Music"]');
    expect(await page.locator('#request-result-heading').textContent()).toBe('CreateTable succeeded');
    await shootAndCheck(page, 'playground', '2-created', problems);

    for (const [artist, song, plays] of [
      ['Acme', 'Hello', 3],
      ['Acme', 'World', 9],
      ['Other', 'Song', 7],
    ] as const) {
      await page.goto(`${suite.url}/playground/run?action=PutItem&table=Music`);
      await page.locator('#f-Item').fill(JSON.stringify({ Artist: { S: artist }, SongTitle: { S: song }, Plays: { N: String(plays) } }));
      await jsonContains(page, song);
      await page.getByRole('button', { name: 'Run PutItem' }).click();
      await page.waitForSelector('#request-result-heading');
      expect(await page.locator('#request-result-heading').textContent()).toBe('PutItem succeeded');
    }

    await page.goto(`${suite.url}/playground/run?action=Query&table=Music`);
    expect(await page.locator('.cm-editor').count()).toBe(1);
    await page.locator('#f-KeyConditionExpression').fill('Artist = :a');
    await page.locator('#f-FilterExpression').fill('Plays > :p');
    await page.locator('#f-ExpressionAttributeValues').fill('{":a": {"S": "Acme"}, ":p": {"N": "5"}}');
    await jsonContains(page, 'Plays > :p');
    await jsonContains(page, '":p"');
    await page.locator('#f-FilterExpression').press('Control+Enter');
    await page.waitForSelector('#request-result-heading');
    expect(await page.locator('#request-result-heading').textContent()).toBe('Query succeeded');
    expect(await page.locator('.items-table caption').textContent()).toBe('1 item');
    expect(await page.locator('.items-table tbody').textContent()).toContain('World');
    expect(await page.locator('.capacity td[data-capacity-units]').first().textContent()).toBe('0.5');
    expect(await page.locator('.capacity').textContent()).toContain('2 items read, 1 returned');
    await shootAndCheck(page, 'playground', '3-query', problems);

    // The CLI command as shown, parsed back into its request and sent by the SDK.
    await page.getByText('Copy as AWS CLI').click();
    const command = (await page.locator('[data-copy-kind="cli"] pre').textContent()) ?? '';
    const { action, input } = fromCli(command);
    expect(action).toBe('Query');
    const accessKeyId = /AWS_ACCESS_KEY_ID=(\S+)/.exec(command)![1]!;
    const client = new DynamoDBClient({ endpoint: `${suite.url}/dynamodb`, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'anything' } });
    const viaSdk = await client.send(new QueryCommand(input as QueryCommandInput));
    const shown = JSON.parse((await page.locator('section[aria-label="Response JSON"] pre').textContent()) ?? '{}') as { Items: unknown[] };
    expect(viaSdk.Items).toEqual(shown.Items);
    client.destroy();

    // The JSON editor checks as you type.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(',');
    await page.waitForFunction(() => document.getElementById('request-json-status')?.textContent?.startsWith('Not valid JSON'));

    await page.goto(`${suite.url}/playground/tables/Music`);
    await shootAndCheck(page, 'playground', '4-table', problems);
    await page.goto(`${suite.url}/playground/tables/Music/items`);
    expect(await page.locator('.items-table caption').textContent()).toBe('3 items');
    await shootAndCheck(page, 'playground', '5-items', problems);
    await page.getByRole('link', { name: 'Edit', exact: true }).first().click();
    await page.waitForSelector('#item-json', { state: 'attached' });
    await shootAndCheck(page, 'playground', '6-item', problems);
    await page.goto(`${suite.url}/playground/history`);
    expect(await page.locator('[data-history-entry]').count()).toBe(5);
    await shootAndCheck(page, 'playground', '7-history', problems);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('imports a Workbench model file and lists its tables', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(context);
    const page = await context.newPage();
    const problems: string[] = [];
    const model = exportWorkbenchModel(
      [
        {
          description: {
            TableName: 'Shop',
            AttributeDefinitions: [
              { AttributeName: 'pk', AttributeType: 'S' },
              { AttributeName: 'sk', AttributeType: 'S' },
            ],
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
          },
          items: [{ pk: { S: 'CUSTOMER#1' }, sk: { S: 'ORDER#1' }, total: { N: '12' } }],
        },
      ],
      'Shop model',
    );
    await page.goto(`${suite.url}/playground`);
    await page.locator('#model-file').setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
    await page.getByRole('button', { name: 'Import the model' }).click();
    await page.waitForSelector('tr[data-table="Shop"]');
    expect(await page.locator('[data-loaded]').getAttribute('data-loaded')).toBe('Shop');
    expect(await page.locator('tr[data-table="Shop"] td.num').first().textContent()).toBe('1');
    await shootAndCheck(page, 'playground', '8-imported', problems);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('turns the simulation on with enforced throughput, writes past the burst and sees the throttle in the picture; reads through DAX', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${suite.url}/playground`);
    await page.locator('#f-tableName').fill('Burst');
    await page.locator('#f-pkName').fill('pk');
    await page.locator('#f-billingMode').selectOption('PROVISIONED');
    await page.locator('#f-rcu').fill('5');
    await page.locator('#f-wcu').fill('1');
    await page.getByRole('button', { name: 'Create table' }).click();
    await page.waitForSelector('tr[data-table="Burst"]');
    await page.goto(`${suite.url}/playground/tables/Burst`);
    await page.locator('#f-sim-enabled').selectOption('true');
    await page.locator('#f-sim-replication-lag-ms').fill('2000');
    await page.getByRole('button', { name: 'Save simulation settings' }).click();
    await page.waitForSelector('[data-sim-state="on"]');
    // Ten writes at once against 1 WCU, whose bucket holds only the seconds since the tagging.
    const statuses = await page.evaluate(() =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          fetch('/playground/run', {
            method: 'POST',
            body: new URLSearchParams({ action: 'PutItem', intent: 'run', json: JSON.stringify({ TableName: 'Burst', Item: { pk: { S: `k${i}` } } }) }),
          }).then((r) => r.status),
        ),
      ),
    );
    expect(statuses).toContain(400);
    await page.goto(`${suite.url}/playground/tables/Burst`);
    expect(await page.locator('.sim-chart .sim-throttled').count()).toBeGreaterThan(0);
    await shootAndCheck(page, 'playground', '9-simulation', problems);
    await page.goto(`${suite.url}/playground/run?action=GetItem&table=Burst`);
    await page.locator('#f-Key').fill('{"pk": {"S": "k0"}}');
    await jsonContains(page, 'k0');
    await page.locator('#f-target').selectOption('dax');
    await page.getByRole('button', { name: 'Run GetItem' }).click();
    await page.waitForSelector('[data-dax-cache="miss"]');
    await shootAndCheck(page, 'playground', '10-dax', problems);
    // The dark scheme: the same structure, so only the colour rules, and the screenshots.
    await page.goto(`${suite.url}/playground/tables/Burst`);
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `playground-9-simulation-dark-${width}.png`), fullPage: true });
      problems.push(...(await runAxeRules(page, COLOUR_RULES)).filter(isBlocking).map((v) => `dark at ${width}px: ${v.id} ${v.help}`));
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('enables a stream, puts two items and reads them through the four Streams steps, each answer opening the next', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAxe(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${suite.url}/playground`);
    await page.locator('#f-tableName').fill('Feed');
    await page.locator('#f-pkName').fill('pk');
    await page.getByRole('button', { name: 'Create table' }).click();
    await page.waitForSelector('tr[data-table="Feed"]');
    await page.goto(`${suite.url}/playground/tables/Feed`);
    expect(await page.locator('[data-read-stream]').count()).toBe(0);
    await page.locator('#streams-heading + .pg-field select').selectOption('true');
    await page.getByRole('button', { name: 'Update stream' }).click();
    await page.waitForSelector('[data-read-stream]');
    await shootAndCheck(page, 'playground', '11-stream-on', problems);

    for (const [pk, note] of [
      ['first', 'hello'],
      ['second', "it's here"],
    ] as const) {
      await page.goto(`${suite.url}/playground/run?action=PutItem&table=Feed`);
      await page.locator('#f-Item').fill(JSON.stringify({ pk: { S: pk }, note: { S: note }, n: { N: '1' } }));
      await jsonContains(page, pk);
      await page.getByRole('button', { name: 'Run PutItem' }).click();
      await page.waitForSelector('#request-result-heading');
    }

    await page.goto(`${suite.url}/playground/tables/Feed`);
    await page.locator('[data-read-stream]').click();
    await page.getByRole('button', { name: 'Run ListStreams' }).click();
    await page.waitForSelector('[data-stream-answer="ListStreams"]');
    await shootAndCheck(page, 'playground', '12-list-streams', problems);
    await page.locator('[data-stream-step="DescribeStream"]').click();
    // The stream carried over is the one selected among the sandbox's streams.
    expect(await page.locator('#f-StreamArn option:checked').textContent()).toMatch(/^Feed \(/);
    await shootAndCheck(page, 'playground', '13-describe-builder', problems);
    await page.getByRole('button', { name: 'Run DescribeStream' }).click();
    await page.locator('[data-stream-step="GetShardIterator"]').click();
    await page.getByRole('button', { name: 'Run GetShardIterator' }).click();
    await page.locator('[data-stream-step="GetRecords"]').click();
    await page.getByRole('button', { name: 'Run GetRecords' }).click();
    await page.waitForSelector('[data-stream-answer="GetRecords"]');
    expect(await page.locator('.records-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-name')))).toEqual([
      'INSERT',
      'INSERT',
    ]);
    expect(await page.locator('.records-table tbody').textContent()).toContain("it's here");
    await shootAndCheck(page, 'playground', '14-records', problems);
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `playground-14-records-dark-${width}.png`), fullPage: true });
      problems.push(...(await runAxeRules(page, COLOUR_RULES)).filter(isBlocking).map((v) => `dark at ${width}px: ${v.id} ${v.help}`));
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('[data-next-records]').click();
    await page.waitForSelector('[data-stream-answer="GetRecords"]');
    expect(await page.locator('[data-stream-answer="GetRecords"]').textContent()).toContain('No records from this position yet.');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("opens a question's table from its result page", async () => {
    const bank = loadContentBank();
    const id = 'keys.request-orders-date-range';
    const seed = 7;
    const answer = bank.referenceAnswer(id, seed) as { json: string };
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.url}/q/${id}/${seed}`);
    await fillJson(page, 'textarea[data-json-editor]', answer.json);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForURL(/\/attempts\/\d+/);
    await page.getByRole('button', { name: "Open this question's table in the playground" }).click();
    await page.waitForURL(/\/playground\/tables\/Orders\/items$/);
    expect(await page.locator('h1').textContent()).toBe('Items of Orders');
    expect(Number(/(\d+) items?/.exec((await page.locator('.items-table caption').textContent()) ?? '')?.[1])).toBeGreaterThan(0);
    await page.close();
  }, 120_000);
});
