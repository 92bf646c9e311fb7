/**
 * /playground: each form's bad input answers 400 with the field or DynamoDB's own error type and
 * message, and leaves the sandbox's tables and items exactly as they were; good input runs on the
 * same sandbox that /dynamodb serves under the cookie's key id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectSandboxKeyOfUser } from '../../../app/auth/sandbox-keys.ts';
import { users } from '../../../app/db/schema.ts';
import { PLAYGROUND_COOKIE } from '../../../app/routes/playground/sandbox.ts';
import { createApp } from '../../../app/create-app.ts';
import { type AccountTestApp, CookieBrowser, createAccountTestApp } from '../auth/account-app.ts';
import { openTestStore, storeTable } from '../../helpers/database.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

let t: AccountTestApp;
let browser: CookieBrowser;

const item = (artist: string, song: string, plays: number) => ({ Artist: { S: artist }, SongTitle: { S: song }, Plays: { N: String(plays) } });

/** A wire request under the playground cookie's key id (an anonymous key needs no valid signature). */
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

/** Every table's description and items, to compare before and after a refused request. */
async function sandboxState(): Promise<unknown> {
  const names = ((await wire('ListTables', {})).TableNames as string[]) ?? [];
  const state: Record<string, unknown> = {};
  for (const name of names) {
    const table = (await wire('DescribeTable', { TableName: name })).Table as Record<string, unknown>;
    state[name] = { table, items: (await wire('Scan', { TableName: name })).Items };
  }
  return state;
}

async function expectUnchanged(submit: () => Promise<Response>): Promise<string> {
  const before = await sandboxState();
  const response = await submit();
  const html = await response.text();
  expect(response.status, html.slice(0, 300)).toBe(400);
  expect(await sandboxState()).toEqual(before);
  return html;
}

const awsError = (html: string) => /data-aws-error="([^"]+)"/.exec(html)?.[1];
const decode = (html: string) =>
  html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&');

beforeAll(async () => {
  t = await createAccountTestApp();
  browser = new CookieBrowser(t.app);
  expect((await browser.request('/playground')).status).toBe(200);
  const created = await browser.postForm('/playground/tables', {
    tableName: 'Music',
    pkName: 'Artist',
    pkType: 'S',
    skName: 'SongTitle',
    skType: 'S',
    billingMode: 'PAY_PER_REQUEST',
    'gsi1.name': 'ByPlays',
    'gsi1.pkName': 'Plays',
    'gsi1.pkType': 'N',
    'gsi1.projection': 'ALL',
  });
  expect(created.status).toBe(200);
  for (const [artist, song, plays] of [
    ['Acme', 'Hello', 3],
    ['Acme', 'World', 9],
    ['Other', 'Song', 1],
  ] as const) {
    const put = await browser.postForm('/playground/tables/Music/item', { item: JSON.stringify(item(artist, song, plays)) });
    expect(put.status).toBe(200);
  }
});
afterAll(() => t.close());

describe('the playground sandbox', () => {
  it('is the sandbox /dynamodb serves under the cookie key id', async () => {
    expect((await wire('ListTables', {})).TableNames).toEqual(['Music']);
    expect((await wire('Scan', { TableName: 'Music' })).Count).toBe(3);
  });

  it('lists the table with its keys, index, billing mode and item count', async () => {
    const html = await (await browser.request('/playground')).text();
    const row = html.split('data-table="Music"')[1]!.split('</tr>')[0]!;
    expect(row).toContain('Artist (S, partition), SongTitle (S, sort)');
    expect(row).toContain('GSI ByPlays: Plays (N, partition)');
    expect(row).toContain('On demand (PAY_PER_REQUEST)');
    expect(row).toMatch(/<td class="num">3<\/td>/);
  });

  it("is the account's own sandbox for a signed-in learner", async () => {
    const ada = new CookieBrowser(t.app);
    await ada.signUp('playground-ada');
    const html = await (await ada.request('/playground')).text();
    const user = (await t.database.db.select().from(storeTable(t.database, users))).find((u) => u.username === 'playground-ada')!;
    expect(html).toContain(`data-sandbox-key="${(await selectSandboxKeyOfUser(t.database.db, user.id))!.accessKeyId}"`);
    expect(html).toContain('No tables yet');
    expect(ada.cookies.has(PLAYGROUND_COOKIE)).toBe(false);
  });
});

describe('create-table form', () => {
  it.each([
    ['a table name too short', { tableName: 'ab', pkName: 'pk' }, 'ValidationException', 'TableName must be at least 3 characters long'],
    ['no partition key', { tableName: 'NoKey' }, 'ValidationException', undefined],
    ['a name already taken', { tableName: 'Music', pkName: 'pk' }, 'ResourceInUseException', undefined],
    ['a GSI without a key', { tableName: 'Gsi', pkName: 'pk', 'gsi1.name': 'broken' }, 'ValidationException', undefined],
  ])('shows AWS error for %s and creates nothing', async (_, fields, type, message) => {
    const html = await expectUnchanged(() => browser.postForm('/playground/tables', fields as Record<string, string>));
    expect(awsError(html)).toBe(type);
    if (message) expect(decode(html)).toContain(message);
  });

  it('names the field of a capacity that is not a number, and sends nothing', async () => {
    const html = await expectUnchanged(() =>
      browser.postForm('/playground/tables', { tableName: 'Prov', pkName: 'pk', billingMode: 'PROVISIONED', rcu: 'lots', wcu: '1' }),
    );
    expect(decode(html)).toContain('id="f-rcu-error">"lots" is not a whole number.');
    expect(awsError(html)).toBeUndefined();
  });

  it('refuses one attribute given two types in two keys', async () => {
    const html = await expectUnchanged(() =>
      browser.postForm('/playground/tables', { tableName: 'Clash', pkName: 'id', pkType: 'S', 'gsi1.name': 'byId', 'gsi1.pkName': 'id', 'gsi1.pkType': 'N' }),
    );
    expect(html).toContain('id="f-gsi1-pkName-error">id is a key attribute elsewhere with type S');
  });

  it('shows the CreateTable request it sent', async () => {
    const html = decode(
      await (await browser.postForm('/playground/tables', { tableName: 'Shown', pkName: 'id', billingMode: 'PROVISIONED', rcu: '5', wcu: '2' })).text(),
    );
    expect(html).toContain('"action": "CreateTable"');
    expect(html).toContain('"ReadCapacityUnits": 5');
    expect((await wire('DescribeTable', { TableName: 'Shown' })).Table).toMatchObject({
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 },
    });
    await browser.postForm('/playground/tables/Shown/delete', {});
    expect((await wire('ListTables', {})).TableNames).toEqual(['Music']);
  });
});

describe('table forms', () => {
  it.each([
    ['capacity', { billingMode: 'PROVISIONED', rcu: '0', wcu: '1' }, 'ValidationException'],
    ['ttl', { enabled: 'true', attributeName: '' }, 'ValidationException'],
    ['gsi', { name: 'ByPlays', pkName: 'Plays', pkType: 'N' }, 'ValidationException'],
    ['gsi/delete', { name: 'NoSuchIndex' }, 'ResourceNotFoundException'],
  ])('%s: shows AWS error and changes nothing', async (path, fields, type) => {
    const html = await expectUnchanged(() => browser.postForm(`/playground/tables/Music/${path}`, fields));
    expect(awsError(html)).toBe(type);
  });

  it('capacity: names a throughput field that is not a number', async () => {
    const html = await expectUnchanged(() => browser.postForm('/playground/tables/Music/capacity', { billingMode: 'PROVISIONED', rcu: '1', wcu: 'x' }));
    expect(html).toContain('id="f-wcu-error"');
  });

  it('answers 404 for a table the sandbox does not have', async () => {
    expect((await browser.request('/playground/tables/Nope')).status).toBe(404);
    expect((await browser.postForm('/playground/tables/Nope/delete', {})).status).toBe(404);
  });
});

describe('items', () => {
  it('edit: refuses JSON that does not parse, and one without its key', async () => {
    let html = await expectUnchanged(() => browser.postForm('/playground/tables/Music/item', { item: '{"Artist": ' }));
    expect(html).toContain('Not valid JSON');
    html = await expectUnchanged(() => browser.postForm('/playground/tables/Music/item', { item: '{"Artist": {"S": "Acme"}}' }));
    expect(awsError(html)).toBe('ValidationException');
    expect(decode(html)).toContain('One or more parameter values were invalid: Missing the key SongTitle in the item');
  });

  it('delete: refuses a key that is not JSON', async () => {
    await expectUnchanged(() => browser.postForm('/playground/tables/Music/item/delete', { key: 'nope' }));
  });

  it('query: a bad key condition gets AWS error; a Limit in words names the field', async () => {
    let html = await expectUnchanged(() =>
      browser.postForm('/playground/tables/Music/items', {
        mode: 'Query',
        KeyConditionExpression: 'Plays = :p',
        ExpressionAttributeValues: '{":p": {"N": "3"}}',
      }),
    );
    expect(awsError(html)).toBe('ValidationException');
    html = await expectUnchanged(() => browser.postForm('/playground/tables/Music/items', { mode: 'Scan', Limit: 'ten' }));
    expect(html).toContain('id="f-Limit-error"');
  });

  it('pages a Scan with Limit through LastEvaluatedKey to the end', async () => {
    let html = await (await browser.postForm('/playground/tables/Music/items', { mode: 'Scan', Limit: '2' })).text();
    const seen: string[] = [];
    let pages = 0;
    for (let page = 0; page < 5; page++) {
      pages++;
      seen.push(
        ...[...html.matchAll(/<span class="type-mark" title="string">S<\/span> (\w+)<\/td><td><span class="type-mark" title="number">/g)].map((m) => m[1]!),
      );
      if (!html.includes('data-next-page')) break;
      const next = [...html.split('data-next-page')[0]!.matchAll(/name="json" value="([^"]+)"/g)].at(-1);
      if (!next) break;
      html = await (await browser.postForm('/playground/tables/Music/items', { action: 'Scan', json: decode(next[1]!) })).text();
    }
    expect(seen.sort()).toEqual(['Hello', 'Song', 'World']);
    expect(pages).toBeGreaterThan(1);
  });

  it('ends a page without Limit after 1 MB of items read, and says how much it holds', async () => {
    const b = new CookieBrowser(t.app);
    await b.request('/playground');
    await b.postForm('/playground/tables', { tableName: 'Big', pkName: 'id' });
    const padding = 'x'.repeat(300 * 1024);
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      const put = await b.postForm('/playground/tables/Big/item', { item: JSON.stringify({ id: { S: id }, padding: { S: padding } }) });
      expect(put.status).toBe(200);
    }
    const html = await (await b.postForm('/playground/tables/Big/items', { mode: 'Scan' })).text();
    const count = Number(/Count (\d+), ScannedCount/.exec(html)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(5);
    expect(html).toContain('data-next-page');
    expect(html).toMatch(/These items take [\d,]+ B\. A Query or Scan call stops reading once it has read 1,048,576 B \(1 MB\) of items/);
  });

  it('query with a filter: shows the consumed capacity and that the filter does not lower it', async () => {
    const html = decode(
      await (
        await browser.postForm('/playground/tables/Music/items', {
          mode: 'Query',
          KeyConditionExpression: 'Artist = :a',
          FilterExpression: 'Plays > :p',
          ExpressionAttributeValues: '{":a": {"S": "Acme"}, ":p": {"N": "5"}}',
        })
      ).text(),
    );
    expect(html).toContain('1 item</caption>');
    expect(html).toContain('Music: total</th><td class="num" data-capacity-units="true">0.5</td>');
    expect(html).toContain('2 items read, 1 returned. A FilterExpression does not lower the bill');
  });
});

describe('operation builder', () => {
  it('offers every action of the engine', async () => {
    const html = await (await browser.request('/playground/run')).text();
    for (const action of ['CreateTable', 'Query', 'TransactWriteItems', 'ExecuteStatement', 'UpdateTimeToLive'])
      expect(html).toContain(`<option value="${action}"`);
  });

  it('refuses JSON that does not parse, and an action the engine does not serve', async () => {
    const html = await expectUnchanged(() => browser.postForm('/playground/run', { action: 'PutItem', intent: 'run', json: '{"TableName": "Music",' }));
    expect(html).toContain('id="request-json-error"');
    await expectUnchanged(() => browser.postForm('/playground/run', { action: 'DropEverything', intent: 'run', json: '{}' }));
  });

  it("shows DynamoDB's error type and message for a failing condition, and changes nothing", async () => {
    const html = await expectUnchanged(() =>
      browser.postForm('/playground/run', {
        action: 'PutItem',
        intent: 'run',
        json: JSON.stringify({ TableName: 'Music', Item: item('Acme', 'Hello', 1), ConditionExpression: 'attribute_not_exists(Artist)' }),
      }),
    );
    expect(awsError(html)).toBe('ConditionalCheckFailedException');
    expect(html).toContain('The conditional request failed');
  });

  it('builds the JSON from the fields, with ReturnConsumedCapacity INDEXES; a field that is not JSON is named', async () => {
    const built = (await (
      await browser.postForm('/playground/run/build', { action: 'GetItem', TableName: 'Music', Key: '{"Artist": {"S": "Acme"}, "SongTitle": {"S": "Hello"}}' })
    ).json()) as { json: string };
    expect(JSON.parse(built.json)).toEqual({
      TableName: 'Music',
      Key: { Artist: { S: 'Acme' }, SongTitle: { S: 'Hello' } },
      ReturnConsumedCapacity: 'INDEXES',
    });
    const html = await (await browser.postForm('/playground/run', { action: 'GetItem', intent: 'build', Key: '{"Artist"' })).text();
    expect(html).toContain('id="f-Key-error"');
  });

  it("shows a write's index capacity and the working of a read", async () => {
    let html = decode(
      await (
        await browser.postForm('/playground/run', {
          action: 'PutItem',
          json: JSON.stringify({ TableName: 'Music', Item: item('New', 'One', 4), ReturnConsumedCapacity: 'INDEXES' }),
        })
      ).text(),
    );
    expect(html).toContain('Music: GSI ByPlays</th><td class="num" data-capacity-units="true">1</td>');
    html = decode(
      await (
        await browser.postForm('/playground/run', {
          action: 'GetItem',
          json: JSON.stringify({
            TableName: 'Music',
            Key: { Artist: { S: 'New' }, SongTitle: { S: 'One' } },
            ConsistentRead: true,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        })
      ).text(),
    );
    expect(html).toContain("How 1 RCU was computed from the item's size");
    expect(html).toContain('Units per 4 KB block for a strongly consistent read = <strong>1 RCU</strong>');
    await browser.postForm('/playground/tables/Music/item/delete', { key: JSON.stringify({ Artist: { S: 'New' }, SongTitle: { S: 'One' } }) });
  });
});

describe('history', () => {
  it('keeps the requests sent, newest first, each re-runnable and editable', async () => {
    await browser.postForm('/playground/run', { action: 'DescribeTable', json: '{"TableName": "Music"}' });
    const html = await (await browser.request('/playground/history')).text();
    const first = /data-history-entry="(\d+)"/.exec(html)!;
    expect(html.split(first[0])[1]!.slice(0, 200)).toContain('<strong>DescribeTable</strong>');
    const edit = decode(await (await browser.request(`/playground/run?history=${first[1]}`)).text());
    expect(edit).toContain('<option value="DescribeTable" selected');
    expect(edit).toContain('"TableName": "Music"');
    expect((await browser.request('/playground/run?history=99999')).status).toBe(404);
  });
});

describe('loading many tables', () => {
  const fresh = async () => {
    const b = new CookieBrowser(t.app);
    await b.request('/playground');
    return b;
  };

  it('loads a sample dataset and lists its tables', async () => {
    const b = await fresh();
    const html = await (await b.postForm('/playground/samples', { dataset: 'music' })).text();
    expect(html).toContain('data-loaded="Music"');
    expect(html).toContain('data-table="Music"');
    // Loading it again stops at CreateTable, in DynamoDB's words.
    const again = await b.postForm('/playground/samples', { dataset: 'music' });
    expect(again.status).toBe(400);
    expect(awsError(await again.text())).toBe('ResourceInUseException');
    expect((await b.postForm('/playground/samples', { dataset: 'nope' })).status).toBe(400);
  });

  it('exports the tables as a Workbench model that imports back into another sandbox', async () => {
    const exported = await browser.request('/playground/export');
    expect(exported.headers.get('Content-Disposition')).toContain('attachment');
    const model = (await exported.json()) as { DataModel: { TableName: string; TableData: unknown[] }[] };
    expect(model.DataModel.map((table) => table.TableName)).toEqual(['Music']);
    const b = await fresh();
    const body = new FormData();
    body.set('json', JSON.stringify(model));
    const html = await (await b.request('/playground/import', { method: 'POST', body })).text();
    expect(html).toContain('data-loaded="Music"');
    expect(html).toMatch(/data-table="Music"[\s\S]*?<td class="num">3<\/td>/);
  });

  it('refuses a broken model with its JSON path, and loads nothing', async () => {
    const b = await fresh();
    const body = new FormData();
    body.set(
      'json',
      JSON.stringify({ ModelName: 'x', DataModel: [{ TableName: 'T', KeyAttributes: { PartitionKey: { AttributeName: 'id', AttributeType: 'Q' } } }] }),
    );
    const response = await b.request('/playground/import', { method: 'POST', body });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-load-errors');
    expect(html).toContain('DataModel[0].KeyAttributes.PartitionKey.AttributeType');
    expect(html).toContain('No tables yet');
  });

  it("copies a question's table into the sandbox and opens its items, under a free name the second time", async () => {
    const b = await fresh();
    const first = await b.postForm('/playground/question', { scenarioId: 'math.request-batch-get', seed: '7' });
    expect(first.status).toBe(303);
    const location = first.headers.get('Location')!;
    expect(location).toMatch(/^\/playground\/tables\/[^/]+\/items$/);
    const page = await (await b.request(location)).text();
    expect(page).toMatch(/\d+ items?<\/caption>/);
    const second = await b.postForm('/playground/question', { scenarioId: 'math.request-batch-get', seed: '7' });
    expect(second.headers.get('Location')).toBe(location.replace('/items', '-2/items'));
    expect((await b.postForm('/playground/question', { scenarioId: 'no.such', seed: '1' })).status).toBe(404);
  });

  it('puts copy-as CLI, JavaScript and Python under a request, with the sandbox key id', async () => {
    const html = decode(await (await browser.postForm('/playground/run', { action: 'DescribeTable', json: '{"TableName": "Music"}' })).text());
    const key = browser.cookies.get(PLAYGROUND_COOKIE)!;
    expect(html).toContain(`AWS_ACCESS_KEY_ID=${key}`);
    expect(html).toContain('aws dynamodb describe-table --endpoint-url http://localhost/dynamodb');
    expect(html).toContain('DescribeTableCommand');
    expect(html).toContain('describe_table');
  });
});

describe('editing a request shown', () => {
  it('opens it in the builder without running it, however long it is', async () => {
    const before = await sandboxState();
    const item = { Artist: { S: 'Long' }, SongTitle: { S: 'x'.repeat(20_000) } };
    const html = decode(
      await (await browser.postForm('/playground/run', { action: 'PutItem', intent: 'edit', json: JSON.stringify({ TableName: 'Music', Item: item }) })).text(),
    );
    expect(html).toContain('<option value="PutItem" selected');
    expect(html).toContain('"Artist":{"S":"Long"}');
    expect(html).not.toContain('id="request-result-heading"');
    expect(await sandboxState()).toEqual(before);
  });
});

describe('a visitor without the cookie', () => {
  it('reads pages without creating a sandbox, so crawlers cannot push learners out of the pool', async () => {
    const database = await openTestStore();
    // A pool of one anonymous sandbox: any page read that created one would evict the learner's.
    const app = createApp({ db: database.db, bank: loadContentBank(), logger: { info: () => {}, error: () => {} }, dynamodb: { anonymousSandboxes: 1 } });
    try {
      const learner = new CookieBrowser(app);
      await learner.request('/playground');
      expect((await learner.postForm('/playground/tables', { tableName: 'Kept', pkName: 'id' })).status).toBe(200);
      for (const path of ['/playground', '/playground/run', '/playground/history', '/playground/export', '/playground/tables/Kept']) {
        const stranger = new CookieBrowser(app);
        expect((await stranger.request(path)).status, path).toBe(path === '/playground/tables/Kept' ? 404 : 200);
      }
      expect(await (await learner.request('/playground')).text()).toContain('data-table="Kept"');
    } finally {
      await database.close();
    }
  });
});
