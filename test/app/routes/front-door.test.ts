/**
 * The server's front door (requestListenerOf): DynamoDB wire requests are served straight from
 * the socket, everything else goes through the app. Over a real socket, as main.ts serves it.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestListenerOf } from '../../../app/create-app.ts';
import { endpointListener } from '../../../app/routes/dynamodb/front-door.ts';
import { DEFAULT_MAX_BODY_BYTES, dynamodbEndpoint, HEALTH_CHECK_TEXT, SandboxRegistry } from '../../../app/routes/dynamodb/index.ts';
import { type Listening, listen } from '../../helpers/listen.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let server: Listening;

beforeAll(async () => {
  // One request in flight at a time, so a request that is never released shows on the next.
  t = await createTestApp({ dynamodb: { maxConcurrent: 1 } });
  server = await listen(requestListenerOf(t.app));
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const SIGNED = 'AWS4-HMAC-SHA256 Credential=FRONTDOOR/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request on its own connection; `body` undefined sends the headers only and ends nothing. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: server.port, method, path, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.on('error', reject);
    if (body !== undefined) outgoing.end(body);
    else outgoing.flushHeaders();
  });
}

function wire(path: string, action: string, body = '{}'): Promise<Answer> {
  return send('POST', path, { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${action}`, authorization: SIGNED }, body);
}

describe('the front door', () => {
  it('serves POST /dynamodb, POST /dax and POST / with X-Amz-Target as DynamoDB, without the pages’ headers', async () => {
    for (const path of ['/dynamodb', '/dynamodb/', '/dax', '/']) {
      const answer = await wire(path, 'ListTables');
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type']).toBe('application/x-amz-json-1.0');
      expect(answer.headers['x-amzn-requestid']).toHaveLength(52);
      expect(answer.headers['content-security-policy']).toBeUndefined();
      expect(JSON.parse(answer.body)).toEqual({ TableNames: [] });
    }
    const daxHeader = (await wire('/dax', 'ListTables')).headers['x-dax-cache'];
    expect(daxHeader).toBe('pass');
  });

  it('leaves everything else to the app: pages with their headers, the health check, a POST / without a target', async () => {
    const home = await send('GET', '/', {});
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.headers['content-security-policy']).toContain("default-src 'self'");
    const health = await send('GET', '/dynamodb', {});
    expect(health.body).toBe(HEALTH_CHECK_TEXT);
    const untargeted = await send('POST', '/', { 'content-type': 'application/json' }, '{}');
    expect(untargeted.status).not.toBe(200);
    expect(untargeted.headers['content-type']).not.toBe('application/x-amz-json-1.0');
  });

  it('answers DynamoDB’s errors from the socket path: no signature, unknown action, bad JSON', async () => {
    const unsigned = await send('POST', '/dynamodb', { 'x-amz-target': 'DynamoDB_20120810.ListTables' }, '{}');
    expect(unsigned.status).toBe(400);
    expect(JSON.parse(unsigned.body).__type).toContain('MissingAuthenticationTokenException');
    const unknown = await wire('/dynamodb', 'NoSuchAction');
    expect(JSON.parse(unknown.body).__type).toContain('UnknownOperationException');
    const broken = await wire('/dynamodb', 'ListTables', '{"Limit":');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({
      __type: expect.stringContaining('SerializationException'),
      Message: 'Could not parse request body into json',
    });
  });

  it('refuses a declared body over the limit before reading it, and closes that connection', async () => {
    const answer = await send(
      'POST',
      '/dynamodb',
      { 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: SIGNED, 'content-length': String(DEFAULT_MAX_BODY_BYTES + 1) },
      undefined,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).__type).toContain('RequestEntityTooLarge');
    expect(answer.headers.connection).toBe('close');
    expect((await wire('/dynamodb', 'ListTables')).status).toBe(200);
  });

  it('lets go of a request whose client leaves before its body arrives', async () => {
    await new Promise<void>((resolve) => {
      const outgoing = request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/dynamodb',
        agent: false,
        headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: SIGNED, 'content-length': '100' },
      });
      outgoing.on('error', () => resolve());
      outgoing.write('{"Lim', () => {
        outgoing.destroy();
        resolve();
      });
    });
    // With one request allowed in flight, a request never released would throttle every later one.
    let answer: Answer | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      answer = await wire('/dynamodb', 'ListTables');
      if (answer.status === 200) break;
    }
    expect(answer?.status).toBe(200);
  });

  it('counts a chunked body as it arrives and refuses it past the limit, and the endpoint serves on', async () => {
    const limit = 1024;
    const endpoint = dynamodbEndpoint(new SandboxRegistry({ now: () => 0 }), { maxBodyBytes: limit, logger: { error: () => {} } });
    const small = await listen(endpointListener(endpoint));
    try {
      const answer = await new Promise<Answer>((resolve, reject) => {
        const outgoing = request(
          {
            host: '127.0.0.1',
            port: small.port,
            method: 'POST',
            path: '/dynamodb',
            agent: false,
            headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: SIGNED, 'transfer-encoding': 'chunked' },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              text += chunk;
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
          },
        );
        // A write after the server has answered and closed may fail: the answer is what counts.
        outgoing.on('error', () => {});
        outgoing.on('close', () => reject(new Error('closed without an answer')));
        for (let i = 0; i < 4; i++) outgoing.write('x'.repeat(limit / 2));
        outgoing.end();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).__type).toContain('RequestEntityTooLarge');
      const fetched = await fetch(`${small.url}/dynamodb`, {
        method: 'POST',
        headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: SIGNED },
        body: '{}',
      });
      expect(fetched.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
