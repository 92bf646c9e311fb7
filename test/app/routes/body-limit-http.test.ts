/**
 * The body limit over real HTTP, where a client's Content-Length decides it before the body is
 * read (app/routes/response-path.ts) and a chunked body is counted as it streams (hono's
 * bodyLimit): app.request() sends neither header, so only a socket shows both paths.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, requestListenerOf } from '../../../app/create-app.ts';
import { type Listening, listen } from '../../helpers/listen.ts';
import { queryNumber } from '../../helpers/database.ts';
import { createTestApp, firstScenarioOfKind, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let server: Listening;
let port: number;
let path: string;
let optionId: string;

beforeAll(async () => {
  t = await createTestApp();
  const scenario = firstScenarioOfKind(t.bank, 'choice')!;
  path = `/api/questions/${encodeURIComponent(scenario.id)}/7/answers`;
  const variant = t.bank.variant(scenario.id, 7);
  if (variant.kind !== 'choice') throw new Error(`${scenario.id} is not a choice question`);
  optionId = variant.options[0]!.id;
  server = await listen(requestListenerOf(t.app));
  port = server.port;
});
afterAll(async () => {
  await server.close();
  await t.close();
});

/** POSTs `body` as JSON, with its Content-Length or chunked in 16 KB pieces. */
function post(body: string, framing: 'length' | 'chunked'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (framing === 'length') headers['content-length'] = String(Buffer.byteLength(body));
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer 413 and close before the whole body is sent.
    req.on('error', reject);
    for (let at = 0; at < body.length; at += 16_384) req.write(body.slice(at, at + 16_384));
    req.end();
  });
}

const answer = (token: string, padding = '') => JSON.stringify({ answer: { kind: 'choice', optionId }, submissionToken: token, padding });

describe('the body limit over HTTP', () => {
  it.each(['length', 'chunked'] as const)('records an answer sent with %s framing', async (framing) => {
    const response = await post(answer(`framing-${framing}-ok`), framing);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ recorded: true });
  });

  it.each(['length', 'chunked'] as const)('refuses a body over the limit sent with %s framing, and stores nothing', async (framing) => {
    const before = await queryNumber(t.database, 'select count(*) from attempts');
    const response = await post(answer(`framing-${framing}-big`, 'x'.repeat(MAX_BODY_BYTES)), framing);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text).error.message).toContain('larger than 64 KB');
    expect(await queryNumber(t.database, 'select count(*) from attempts')).toBe(before);
  });
});
