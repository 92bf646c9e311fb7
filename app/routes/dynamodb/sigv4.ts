/**
 * AWS Signature Version 4, checked as DynamoDB checks it: the canonical request, the string to
 * sign, the HMAC-SHA256 signing key derived from the secret, and the clock-skew window.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html
 * Error types and texts are DynamoDB's as dynalite records them (mhart/dynalite index.js).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { FrontEndError } from './front-end-error.ts';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS refuses a signature dated more than 15 minutes from its own clock, either way. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** What the signature covers, as the request arrived (path and query still percent-encoded). */
export interface RequestToVerify {
  readonly method: string;
  /** The path as sent, e.g. `/dynamodb/`. */
  readonly path: string;
  /** The query string as sent, without `?`. */
  readonly query: string;
  /** A header's value by lower-case name (repeated headers joined with `,`). */
  readonly header: (name: string) => string | undefined;
  /** The body as sent: bytes when it came compressed (Content-Encoding), which the signature covers. */
  readonly body: string | Uint8Array;
}

/** The parts of a signature, from the Authorization header or a presigned query. */
export interface SignatureParts {
  readonly accessKeyId: string;
  /** yyyymmdd/region/service/aws4_request without the key id. */
  readonly scope: readonly string[];
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** The request's date, basic ISO 8601 (20150830T123600Z). */
  readonly amzDate: string | undefined;
  readonly presigned: boolean;
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ percent-encoded. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The query's parameters decoded, in order; no Map, so a repeated name keeps every value. */
export function queryParameters(query: string): [string, string][] {
  if (query === '') return [];
  return query.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    return equals < 0 ? [decode(pair), ''] : [decode(pair.slice(0, equals)), decode(pair.slice(equals + 1))];
  });
}

/**
 * Non-S3 services encode each path segment once more than the wire form: the SDK escapes the
 * already-escaped path (`uriEscapePath`), so a `%` on the wire becomes `%25` here.
 */
function canonicalUri(path: string): string {
  if (path === '' || path === '/') return '/';
  return path.split('/').map(uriEncode).join('/');
}

function canonicalQuery(query: string, presigned: boolean): string {
  return queryParameters(query)
    .filter(([name]) => !(presigned && name === 'X-Amz-Signature'))
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function sha256Hex(value: string | Uint8Array): string {
  return typeof value === 'string' ? createHash('sha256').update(value, 'utf8').digest('hex') : createHash('sha256').update(value).digest('hex');
}

/** Step 1: the canonical request. */
export function canonicalRequest(request: RequestToVerify, signedHeaders: readonly string[], presigned: boolean): string {
  const headers = signedHeaders.map((name) => `${name}:${(request.header(name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payloadHash = presigned && request.header('x-amz-content-sha256') === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : sha256Hex(request.body);
  return [request.method, canonicalUri(request.path), canonicalQuery(request.query, presigned), headers, signedHeaders.join(';'), payloadHash].join('\n');
}

/** Step 2: the string to sign. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

/** Step 3: the signing key, HMAC-chained from "AWS4" + secret through date, region, service. */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

/** Step 4: the signature, lower-case hex. */
export function sign(key: Buffer, toSign: string): string {
  return createHmac('sha256', key).update(toSign).digest('hex');
}

/**
 * The signature's parts, or an IncompleteSignatureException naming what is missing, or
 * undefined when the request carries no signature at all (MissingAuthenticationToken).
 */
export function signatureParts(
  authorization: string | undefined,
  query: string,
  header: (name: string) => string | undefined,
): SignatureParts | FrontEndError | undefined {
  const params = new Map(queryParameters(query));
  const presigned = params.has('X-Amz-Algorithm');
  if (authorization !== undefined && presigned) {
    return new FrontEndError('InvalidSignatureException', "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
  }
  if (authorization !== undefined) {
    if (!authorization.trim().startsWith('AWS4-')) return undefined;
    const fields = new Map<string, string>();
    for (const part of authorization.split(/[,\s]+/).slice(1)) {
      const equals = part.indexOf('=');
      if (equals > 0) fields.set(part.slice(0, equals), part.slice(equals + 1));
    }
    let message = '';
    for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
      if (!fields.get(name)) message += `Authorization header requires '${name}' parameter. `;
    }
    const amzDate = header('x-amz-date') ?? header('date');
    if (!amzDate) message += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    // AWS appends the header itself; capped so that an error never echoes a huge header.
    if (message) return new FrontEndError('IncompleteSignatureException', `${message}Authorization=${capEcho(authorization)}`);
    const [accessKeyId = '', ...scope] = fields.get('Credential')!.split('/');
    return { accessKeyId, scope, signedHeaders: fields.get('SignedHeaders')!.split(';'), signature: fields.get('Signature')!, amzDate, presigned: false };
  }
  if (!presigned) return undefined;
  let message = '';
  for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date']) {
    if (!params.get(name)) message += `AWS query-string parameters must include '${name}'. `;
  }
  if (message) return new FrontEndError('IncompleteSignatureException', `${message}Re-examine the query-string parameters.`);
  const [accessKeyId = '', ...scope] = params.get('X-Amz-Credential')!.split('/');
  return {
    accessKeyId,
    scope,
    signedHeaders: params.get('X-Amz-SignedHeaders')!.split(';'),
    signature: params.get('X-Amz-Signature')!,
    amzDate: params.get('X-Amz-Date'),
    presigned: true,
  };
}

/** Longest value an error message repeats back; longer ones are cut, as the request may be megabytes. */
export const MAX_ECHO = 1024;
export function capEcho(value: string): string {
  return value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}...` : value;
}

/** 20150830T123600Z <-> epoch milliseconds. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const http = Date.parse(value);
  return Number.isNaN(http) ? undefined : http;
}
export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Checks a signature made with `secret`: undefined when it holds, else DynamoDB's error. `now`
 * is the app's clock, in epoch milliseconds.
 */
export function verifySignature(request: RequestToVerify, parts: SignatureParts, secret: string, now: number): FrontEndError | undefined {
  const signedAt = parts.amzDate === undefined ? undefined : parseAmzDate(parts.amzDate);
  if (signedAt === undefined) {
    return new FrontEndError(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${capEcho(parts.amzDate ?? '')}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  if (signedAt < now - MAX_CLOCK_SKEW_MS) {
    return new FrontEndError(
      'InvalidSignatureException',
      `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ${formatAmzDate(now - MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} - 15 min.)`,
    );
  }
  if (signedAt > now + MAX_CLOCK_SKEW_MS) {
    return new FrontEndError(
      'InvalidSignatureException',
      `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ${formatAmzDate(now + MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} + 15 min.)`,
    );
  }
  if (!parts.signedHeaders.includes('host')) {
    return new FrontEndError('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (parts.scope.length !== 4 || parts.scope[3] !== 'aws4_request' || parts.scope[2] !== 'dynamodb' || !parts.amzDate!.startsWith(parts.scope[0]!)) {
    // Simplified from AWS's per-part messages: the parts are checked together here.
    return new FrontEndError('InvalidSignatureException', SIGNATURE_MISMATCH);
  }
  const [date, region, service] = parts.scope as [string, string, string, string];
  if (parts.presigned) {
    const expires = Number(queryParameters(request.query).find(([name]) => name === 'X-Amz-Expires')?.[1] ?? 'NaN');
    if (Number.isFinite(expires) && now > signedAt + expires * 1000) {
      return new FrontEndError('InvalidSignatureException', SIGNATURE_MISMATCH);
    }
  }
  const canonical = canonicalRequest(request, parts.signedHeaders, parts.presigned);
  const expected = sign(signingKey(secret, date, region, service), stringToSign(parts.amzDate!, `${date}/${region}/${service}/aws4_request`, canonical));
  const given = Buffer.from(parts.signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return new FrontEndError('InvalidSignatureException', SIGNATURE_MISMATCH);
  }
  return undefined;
}
