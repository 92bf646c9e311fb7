/**
 * The simulation on /playground: the table page's form writes and clears the `sim:` tags with
 * TagResource and UntagResource (shown as sent), refuses a bad value with its field and changes
 * nothing; the learner's own requests on a throttled table are drawn as the simulated questions'
 * picture; the builder marks a stale read, and a read sent through the DAX cluster says hit or miss.
 * The app's clock is a ManualClock, so a second passes only when the test says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_COOKIE } from '../../../app/routes/playground/sandbox.ts';
import { type AccountTestApp, CookieBrowser, createAccountTestApp } from '../auth/account-app.ts';

let t: AccountTestApp;
let browser: CookieBrowser;

const ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/Hot';
const page = '/playground/tables/Hot';

async function wire(action: string, input: unknown): Promise<Record<string, unknown>> {
  const key = browser.cookies.get(PLAYGROUND_COOKIE);
  const response = await t.app.request('/dynamodb', {
    method: 'POST',
    body: JSON.stringify(input),
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `DynamoDB_20120810.${action}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
    },
  });
  return (await response.json()) as Record<string, unknown>;
}

async function tags(): Promise<Record<string, string>> {
  const listed = (await wire('ListTagsOfResource', { ResourceArn: ARN })).Tags as { Key: string; Value: string }[];
  return Object.fromEntries(listed.map((tag) => [tag.Key, tag.Value]));
}

/** The form as the page fills it (defaults), with some fields changed. */
const simForm = (fields: Record<string, string>) => ({
  'sim:enabled': 'false',
  'sim:replication-lag-ms': '',
  'sim:enforce-throughput': 'true',
  'sim:burst-at-start': 'empty',
  'sim:seed': '',
  'sim:dax-nodes': '',
  'sim:dax-item-ttl-ms': '',
  'sim:dax-query-ttl-ms': '',
  ...fields,
});

const run = (action: string, input: unknown, target = 'dynamodb') =>
  browser.postForm('/playground/run', { action, intent: 'run', target, json: JSON.stringify({ TableName: 'Hot', ...(input as object) }) });

const decode = (html: string) =>
  html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&');

beforeAll(async () => {
  t = await createAccountTestApp();
  browser = new CookieBrowser(t.app);
  await browser.request('/playground');
  const created = await browser.postForm('/playground/tables', {
    tableName: 'Hot',
    pkName: 'pk',
    pkType: 'S',
    billingMode: 'PROVISIONED',
    rcu: '5',
    wcu: '1',
  });
  expect(created.status).toBe(200);
});
afterAll(() => t.close());

describe('simulation toggles', () => {
  it('shows the simulation off and its form on the table page', async () => {
    const html = await (await browser.request(page)).text();
    expect(html).toContain('data-sim-state="off">Off');
    expect(html).toContain('name="sim:replication-lag-ms"');
  });

  it('sets the sim: tags with TagResource, shows the request, and the simulation is on', async () => {
    const response = await browser.postForm(`${page}/sim`, simForm({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '10000', 'sim:seed': '42' }));
    const html = decode(await response.text());
    expect(response.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain('<strong>TagResource</strong> succeeded');
    expect(html).toContain('"Key": "sim:replication-lag-ms"');
    expect(html).toContain('data-sim-state="on">On');
    expect(html).toContain('Enforced: Provisioned: 5 RCU, 1 WCU');
    expect(await tags()).toEqual({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '10000', 'sim:seed': '42' });
  });

  it.each([
    ['sim:replication-lag-ms', 'soon', 'Invalid value for tag sim:replication-lag-ms: soon. Expected milliseconds'],
    ['sim:dax-nodes', '12', 'Invalid value for tag sim:dax-nodes: 12. Expected a whole number from 1 to 11'],
    ['sim:enforce-throughput', 'maybe', 'Choose one of true, false.'],
  ])('refuses %s=%s with the field and the reason, and changes nothing', async (field, value, reason) => {
    const before = await tags();
    const response = await browser.postForm(`${page}/sim`, simForm({ 'sim:enabled': 'true', [field]: value }));
    const html = decode(await response.text());
    expect(response.status).toBe(400);
    expect(html).toContain(`<strong>${field}</strong>: `);
    expect(html).toContain(reason);
    expect(html).toContain('aria-invalid="true"');
    expect(await tags()).toEqual(before);
  });

  it('clears a tag emptied in the form with UntagResource', async () => {
    const response = await browser.postForm(`${page}/sim`, simForm({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '10000', 'sim:seed': '' }));
    const html = decode(await response.text());
    expect(response.status).toBe(200);
    expect(html).toContain('<strong>UntagResource</strong> succeeded');
    expect(html).not.toContain('<strong>TagResource</strong>');
    expect(await tags()).toEqual({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '10000' });
  });

  it('sends nothing when the form says what the tags already say', async () => {
    const response = await browser.postForm(`${page}/sim`, simForm({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '10000' }));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('nothing was sent');
    expect(html).not.toContain('<strong>TagResource</strong>');
    expect(html).not.toContain('<strong>UntagResource</strong>');
  });
});

describe('the learner’s requests under the simulation', () => {
  it('throttles a write past 1 WCU with AWS’s error, and draws the run with the throttle marked', async () => {
    await browser.postForm(`${page}/sim`, simForm({ 'sim:enabled': 'true', 'sim:replication-lag-ms': '10000', 'sim:seed': '42' }));
    expect((await run('PutItem', { Item: { pk: { S: 'a' }, v: { N: '1' } } })).status).toBe(200);
    const throttled = await run('PutItem', { Item: { pk: { S: 'b' }, v: { N: '1' } } });
    const html = await throttled.text();
    expect(throttled.status).toBe(400);
    expect(html).toContain('data-aws-error="ProvisionedThroughputExceededException"');
    expect(html).toContain('The level of configured provisioned throughput for the table was exceeded.');

    const table = await (await browser.request(page)).text();
    expect(table).toContain('<svg class="chart sim-chart"');
    expect(table).toContain('Your last 2 requests on Hot, by partition');
    expect(table).toMatch(/<tr class="sim-throttled"><td>0<\/td><td>yours<\/td><td>PutItem<\/td>/);
    expect(table).toContain('Write units consumed per second and partition');
  });

  it('marks a stale eventually consistent read, and never a strongly consistent one', async () => {
    t.clock.advance(11_000); // the first write reaches every copy; a second's capacity comes back
    expect((await run('PutItem', { Item: { pk: { S: 'a' }, v: { N: '2' } } })).status).toBe(200);
    const marks: string[] = [];
    for (let i = 0; i < 8; i++) {
      const html = await (await run('GetItem', { Key: { pk: { S: 'a' } } })).text();
      const stale = html.includes('data-stale');
      // A stale read returns the first version; a fresh one the second.
      expect(html).toContain(`<span class="type-mark" title="number">N</span> ${stale ? 1 : 2}</td>`);
      marks.push(stale ? 'stale' : html.includes('pg-badge-fresh') ? 'fresh' : 'none');
    }
    expect(marks).toContain('stale');
    expect(marks).toContain('fresh');
    for (let i = 0; i < 3; i++) {
      const html = await (await run('GetItem', { Key: { pk: { S: 'a' } }, ConsistentRead: true })).text();
      expect(html).toContain('pg-badge-fresh');
    }
  });

  it('reads through the DAX cluster: a miss, then a hit from the item cache', async () => {
    t.clock.advance(11_000);
    const miss = await (await run('GetItem', { Key: { pk: { S: 'a' } } }, 'dax')).text();
    expect(miss).toContain('data-dax-cache="miss"');
    const hit = await (await run('GetItem', { Key: { pk: { S: 'a' } } }, 'dax')).text();
    expect(hit).toContain('data-dax-cache="hit"');
    expect(hit).toContain('Answered from the item cache');
    expect(hit).toContain('<option value="dax" selected');
    expect(decode(hit)).toContain('/dax');
    // The history keeps where it went: run again and edit both send it through DAX again.
    const history = await (await browser.request('/playground/history')).text();
    const entry = history.split('<li data-history-entry=')[1]!;
    expect(entry).toContain('<strong>GetItem</strong> through DAX');
    expect(entry).toContain('<input type="hidden" name="target" value="dax"/>');
    expect(decode(entry)).toContain('--endpoint-url http://localhost/dax');
    const id = /^"(\d+)"/.exec(entry)![1];
    expect(await (await browser.request(`/playground/run?history=${id}`)).text()).toContain('<option value="dax" selected');
  });
});
