/**
 * AWS Signature Version 4 as our endpoint checks it: AWS's documented example vectors, then the
 * AWS SDK v3 really signing requests to an account's sandbox (right secret, wrong secret, another
 * account's key id), the clock-skew window, and anonymous keys left unchecked.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html
 */
import { gzipSync } from 'node:zlib';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { endpointListener } from '../../app/routes/dynamodb/front-door.ts';
import { dynamodbEndpoint, SandboxRegistry } from '../../app/routes/dynamodb/index.ts';
import { listen } from '../helpers/listen.ts';
import { canonicalRequest, formatAmzDate, sign, signingKey, stringToSign, SIGNATURE_MISMATCH, sha256Hex } from '../../app/routes/dynamodb/sigv4.ts';
import { simpleTable } from './suite.ts';

describe('SigV4 against AWS’s example vectors', () => {
  it('derives the signing key of the IAM documentation’s example', () => {
    // https://docs.aws.amazon.com/general/latest/gr/signature-v4-examples.html (secret, 20120215, us-east-1, iam)
    const key = signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe('f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
  });

  it('signs the get-vanilla request of the SigV4 test suite', () => {
    const headers: Record<string, string> = { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' };
    const canonical = canonicalRequest({ method: 'GET', path: '/', query: '', header: (name) => headers[name], body: '' }, ['host', 'x-amz-date'], false);
    expect(canonical).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const toSign = stringToSign('20150830T123600Z', '20150830/us-east-1/service/aws4_request', canonical);
    expect(toSign).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    );
    expect(sign(signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'service'), toSign)).toBe(
      '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('sorts and encodes the query as get-vanilla-query-order-key-case does', () => {
    const headers: Record<string, string> = { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' };
    const canonical = canonicalRequest(
      { method: 'GET', path: '/', query: 'Param2=value2&Param1=value1', header: (name) => headers[name], body: '' },
      ['host', 'x-amz-date'],
      false,
    );
    const toSign = stringToSign('20150830T123600Z', '20150830/us-east-1/service/aws4_request', canonical);
    expect(sign(signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'service'), toSign)).toBe(
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
  });
});

const ALICE = { accessKeyId: 'AKIAALICEALICEALICE0', secretAccessKey: 'alice-secret-alice-secret-alice-secret00' };
const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB0', secretAccessKey: 'bob-secret-bob-secret-bob-secret-bob-000' };
const SECRETS = new Map([ALICE, BOB].map((k) => [k.accessKeyId, k.secretAccessKey]));

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(now: () => number = () => Date.now()): Promise<{ url: string; registry: SandboxRegistry }> {
  const registry = new SandboxRegistry({ now });
  const endpoint = dynamodbEndpoint(registry, { accounts: (id) => SECRETS.get(id), logger: { error: () => {} } });
  const server = await listen(endpointListener(endpoint));
  close = server.close;
  return { url: server.url, registry };
}

function client(url: string, credentials: { accessKeyId: string; secretAccessKey: string }): DynamoDBClient {
  return new DynamoDBClient({ endpoint: `${url}/dynamodb`, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the request to fail');
}

describe('account sandboxes through the AWS SDK v3', () => {
  it('serves an account’s own key and secret, signed by the SDK', async () => {
    const { url, registry } = await start();
    const alice = client(url, ALICE);
    await alice.send(new CreateTableCommand(simpleTable('alice-table')));
    expect((await alice.send(new ListTablesCommand({}))).TableNames).toEqual(['alice-table']);
    expect(registry.has(ALICE.accessKeyId, 'account')).toBe(true);
    expect(registry.has(ALICE.accessKeyId, 'anonymous')).toBe(false);
  });

  it.each([
    ['a wrong secret', { accessKeyId: ALICE.accessKeyId, secretAccessKey: 'not-the-secret' }],
    ['another account’s key id with your secret', { accessKeyId: BOB.accessKeyId, secretAccessKey: ALICE.secretAccessKey }],
  ])('should return InvalidSignatureException for %s', async (_, credentials) => {
    const { url, registry } = await start();
    expect(await errorOf(client(url, credentials).send(new ListTablesCommand({})))).toEqual({
      name: 'InvalidSignatureException',
      message: SIGNATURE_MISMATCH,
      status: 400,
    });
    expect(registry.size).toBe(0);
  });

  it('leaves an anonymous key id unchecked, in its own pool', async () => {
    const { url, registry } = await start();
    await client(url, { accessKeyId: 'anyone', secretAccessKey: 'anything' }).send(new ListTablesCommand({}));
    expect(registry.has('anyone', 'anonymous')).toBe(true);
  });
});

/** A request to `url` signed with `secret` at `signedAt`, as the SDK signs it. */
function signedRequest(
  url: string,
  key: { accessKeyId: string; secretAccessKey: string },
  signedAt: number,
  body: string | Uint8Array = '{}',
  options: { readonly contentEncoding?: string; readonly signedBody?: string | Uint8Array } = {},
): RequestInit {
  const host = new URL(url).host;
  const amzDate = formatAmzDate(signedAt);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.0',
    host,
    'x-amz-date': amzDate,
    'x-amz-target': 'DynamoDB_20120810.ListTables',
    ...(options.contentEncoding !== undefined && { 'content-encoding': options.contentEncoding }),
  };
  const signed = Object.keys(headers).sort();
  const canonical = canonicalRequest(
    { method: 'POST', path: '/dynamodb', query: '', header: (name) => headers[name], body: options.signedBody ?? body },
    signed,
    false,
  );
  const scope = `${amzDate.slice(0, 8)}/us-east-1/dynamodb/aws4_request`;
  const signature = sign(signingKey(key.secretAccessKey, amzDate.slice(0, 8), 'us-east-1', 'dynamodb'), stringToSign(amzDate, scope, canonical));
  const { host: _, ...sent } = headers;
  return {
    method: 'POST',
    headers: { ...sent, authorization: `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}` },
    body: body as BodyInit,
  };
}

describe('a compressed body', () => {
  it('is verified over the bytes as sent, as SigV4 signs the payload on the wire', async () => {
    const { url } = await start();
    const zipped = gzipSync(Buffer.from('{}'));
    const good = await fetch(`${url}/dynamodb`, signedRequest(url, ALICE, Date.now(), zipped, { contentEncoding: 'gzip' }));
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ TableNames: [] });
    const overText = await fetch(`${url}/dynamodb`, signedRequest(url, ALICE, Date.now(), zipped, { contentEncoding: 'gzip', signedBody: '{}' }));
    expect(overText.status).toBe(400);
    expect((await overText.json()).__type).toBe('com.amazon.coral.service#InvalidSignatureException');
  });
});

describe('the clock-skew window', () => {
  const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
  it.each([
    ['14 minutes early', -14 * 60_000, 200],
    ['14 minutes late', 14 * 60_000, 200],
  ])('accepts a signature made %s', async (_, offset, status) => {
    const { url } = await start(() => NOW);
    const response = await fetch(`${url}/dynamodb`, signedRequest(url, ALICE, NOW + offset));
    expect(response.status).toBe(status);
  });

  it.each([
    ['one made 16 minutes ago', -16 * 60_000, 'Signature expired: 20260115T114400Z is now earlier than 20260115T114500Z (20260115T120000Z - 15 min.)'],
    [
      'one dated 16 minutes ahead',
      16 * 60_000,
      'Signature not yet current: 20260115T121600Z is still later than 20260115T121500Z (20260115T120000Z + 15 min.)',
    ],
  ])('should return InvalidSignatureException for %s', async (_, offset, message) => {
    const { url } = await start(() => NOW);
    const response = await fetch(`${url}/dynamodb`, signedRequest(url, ALICE, NOW + offset));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#InvalidSignatureException', message });
  });

  it('should return InvalidSignatureException for a body changed after signing', async () => {
    const { url } = await start(() => NOW);
    const init = signedRequest(url, ALICE, NOW);
    const response = await fetch(`${url}/dynamodb`, { ...init, body: '{"Limit":1}' });
    expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#InvalidSignatureException', message: SIGNATURE_MISMATCH });
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
