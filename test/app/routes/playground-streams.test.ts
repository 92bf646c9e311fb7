/**
 * /playground reads a table's stream: the table page offers it once a stream is on, and the four
 * DynamoDB Streams steps each make the next request (ListStreams → DescribeStream →
 * GetShardIterator → GetRecords → next records), through the same dispatch as /dynamodb; a bad
 * iterator or an unknown stream shows AWS's error type; stream requests are kept in the history
 * and copied for their own clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountTestApp, CookieBrowser, createAccountTestApp } from '../auth/account-app.ts';

let t: AccountTestApp;
let browser: CookieBrowser;

const decode = (html: string) =>
  html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&');
const awsError = (html: string) => /data-aws-error="([^"]+)"/.exec(html)?.[1];

/** The JSON of the form whose button carries `marker` (a next step, next records). */
function formJson(html: string, marker: string): unknown {
  const before = html.split(marker)[0]!;
  const json = [...before.matchAll(/name="json" value="([^"]*)"/g)].at(-1)?.[1];
  if (json === undefined) throw new Error(`No form before ${marker}`);
  return JSON.parse(decode(json));
}

async function run(action: string, input: unknown): Promise<{ status: number; html: string }> {
  const response = await browser.postForm('/playground/run', { action, intent: 'run', json: JSON.stringify(input) });
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  t = await createAccountTestApp();
  browser = new CookieBrowser(t.app);
  expect((await browser.postForm('/playground/tables', { tableName: 'Songs', pkName: 'pk', pkType: 'S', billingMode: 'PAY_PER_REQUEST' })).status).toBe(200);
  expect((await browser.postForm('/playground/tables', { tableName: 'Quiet', pkName: 'pk', pkType: 'S', billingMode: 'PAY_PER_REQUEST' })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe("reading a table's stream", () => {
  it('is offered on the table page only once the stream is on', async () => {
    const link = 'href="/playground/run?action=ListStreams&amp;table=Songs"';
    expect(await (await browser.request('/playground/tables/Songs')).text()).not.toContain(link);
    const updated = await browser.postForm('/playground/tables/Songs/streams', { enabled: 'true', viewType: 'NEW_AND_OLD_IMAGES' });
    expect(updated.status).toBe(200);
    expect(await updated.text()).toContain(link);
    const opened = decode(await (await browser.request('/playground/run?action=ListStreams&table=Songs')).text());
    expect(opened).toContain('<optgroup label="Streams">');
    expect(opened).toContain('"TableName": "Songs"');
    // The DAX choice means nothing for a Streams action.
    expect(opened).not.toContain('name="target"');
  });

  it('walks through the four steps, each answer making the next request, to both INSERT records and on to the next records', async () => {
    for (const pk of ['a', "it's"]) {
      expect((await run('PutItem', { TableName: 'Songs', Item: { pk: { S: pk }, plays: { N: '3' } } })).status).toBe(200);
    }
    const listed = await run('ListStreams', { TableName: 'Songs' });
    expect(listed.status).toBe(200);
    const describe = formJson(listed.html, 'data-stream-step="DescribeStream"') as { StreamArn: string };
    expect(describe.StreamArn).toMatch(/^arn:aws:dynamodb:[^:]+:\d{12}:table\/Songs\/stream\//);

    // The builder offers the sandbox's streams in a select, the one carried selected.
    const edit = await browser.postForm('/playground/run', { action: 'DescribeStream', intent: 'edit', json: JSON.stringify(describe) });
    const editHtml = decode(await edit.text());
    expect(editHtml).toMatch(new RegExp(`<option value="${describe.StreamArn.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" selected="">Songs \\(`));

    const described = await run('DescribeStream', describe);
    expect(described.status).toBe(200);
    const shard = formJson(described.html, 'data-stream-step="GetShardIterator"') as Record<string, string>;
    expect(shard).toMatchObject({ StreamArn: describe.StreamArn, ShardIteratorType: 'TRIM_HORIZON' });
    const shardPage = decode(await (await browser.request('/playground/run?action=GetShardIterator')).text());
    expect(shardPage).toContain(`<option value="${shard.ShardId}"`);
    // ShardIteratorType has no default: the empty choice asks for one.
    expect(shardPage).toMatch(/<select id="f-ShardIteratorType"[^>]*><option value="" selected="">\(choose\)<\/option>/);

    const iterated = await run('GetShardIterator', shard);
    expect(iterated.status).toBe(200);
    const records = formJson(iterated.html, 'data-stream-step="GetRecords"') as { ShardIterator: string };
    // GetRecords opened afresh starts from the iterator the sandbox was given last.
    const recordsPage = decode(await (await browser.request('/playground/run?action=GetRecords')).text());
    expect(recordsPage).toContain(`value="${records.ShardIterator}"`);

    const read = await run('GetRecords', { ...records, Limit: 10 });
    expect(read.status).toBe(200);
    expect([...read.html.matchAll(/data-event-name="([A-Z]+)"/g)].map((m) => m[1])).toEqual(['INSERT', 'INSERT']);
    const table = decode(read.html.split('records-table')[1]!.split('</table>')[0]!);
    expect(table).toContain("it's");
    expect(table).toContain('>N</span> 3');
    const next = formJson(read.html, 'data-next-records') as { ShardIterator: string; Limit: number };
    expect(next.Limit).toBe(10);
    expect(next.ShardIterator).not.toBe(records.ShardIterator);

    const after = await run('GetRecords', next);
    expect(after.status).toBe(200);
    expect(after.html).toContain('No records from this position yet.');
    expect(after.html).toContain('data-next-records');
  });

  it('lists no stream for a table without one, and says how to get one', async () => {
    const listed = await run('ListStreams', { TableName: 'Quiet' });
    expect(listed.status).toBe(200);
    expect(listed.html).toContain('No streams: enable one');
  });

  it("shows AWS's error type for a malformed iterator, an unknown stream and an expired iterator", async () => {
    const malformed = await run('GetRecords', { ShardIterator: 'not-an-iterator' });
    expect(malformed.status).toBe(400);
    expect(awsError(malformed.html)).toBe('ValidationException');
    const unknown = await run('DescribeStream', { StreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Nope/stream/2026-01-01T00:00:00.000' });
    expect(unknown.status).toBe(400);
    expect(awsError(unknown.html)).toBe('ResourceNotFoundException');

    const listed = await run('ListStreams', { TableName: 'Songs' });
    const describe = formJson(listed.html, 'data-stream-step="DescribeStream"');
    const shard = formJson((await run('DescribeStream', describe)).html, 'data-stream-step="GetShardIterator"');
    const records = formJson((await run('GetShardIterator', shard)).html, 'data-stream-step="GetRecords"');
    t.clock.advance(15 * 60 * 1000 + 1);
    const expired = await run('GetRecords', records);
    expect(expired.status).toBe(400);
    expect(awsError(expired.html)).toBe('ExpiredIteratorException');
  });

  it('has no next records once the stream is off and its shard read to the end, and says why', async () => {
    const listed = await run('ListStreams', { TableName: 'Songs' });
    const shard = formJson(
      (await run('DescribeStream', formJson(listed.html, 'data-stream-step="DescribeStream"'))).html,
      'data-stream-step="GetShardIterator"',
    );
    const records = formJson((await run('GetShardIterator', shard)).html, 'data-stream-step="GetRecords"');
    expect((await browser.postForm('/playground/tables/Songs/streams', { enabled: 'false' })).status).toBe(200);
    expect(await (await browser.request('/playground/tables/Songs')).text()).not.toContain('data-read-stream');
    const read = await run('GetRecords', records);
    expect(read.status).toBe(200);
    expect([...read.html.matchAll(/data-event-name="([A-Z]+)"/g)].map((m) => m[1])).toEqual(['INSERT', 'INSERT']);
    expect(read.html).not.toContain('data-next-records');
    expect(read.html).toContain('No NextShardIterator: the shard is closed');
  });

  it('keeps stream requests in the history, re-runnable, and copies them for the Streams clients', async () => {
    const history = decode(await (await browser.request('/playground/history')).text());
    for (const action of ['ListStreams', 'DescribeStream', 'GetShardIterator', 'GetRecords']) expect(history).toContain(`<strong>${action}</strong>`);
    expect(history).toContain('aws dynamodbstreams get-records');
    expect(history).toContain("import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';");
    expect(history).toContain("'dynamodbstreams',");
    // "Run again" posts the entry as it was: a Streams action runs under its own target.
    const again = await browser.postForm('/playground/run', { action: 'ListStreams', intent: 'run', json: JSON.stringify({ TableName: 'Songs' }) });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('data-stream-step="DescribeStream"');
  });
});
