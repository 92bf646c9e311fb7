/**
 * The DynamoDB wire protocol (JSON 1.0): `POST /dynamodb`, and `POST /` when it carries an
 * `X-Amz-Target` header, so `--endpoint-url http://127.0.0.1:3000` works as with DynamoDB Local.
 * The access key id in the SigV4 signature picks the sandbox. An account's key id (the `accounts`
 * lookup finds its secret) must come with a valid signature, checked as AWS checks it (sigv4.ts);
 * any other key id gets an anonymous sandbox and its signature is not checked. A request without
 * a signature is refused with MissingAuthenticationTokenException, as DynamoDB refuses it.
 * Server-wide limits (limits.ts) come first, before the body is read.
 *
 *   aws dynamodb list-tables --endpoint-url http://127.0.0.1:3000
 *   new DynamoDBClient({ endpoint: 'http://127.0.0.1:3000/dynamodb', region: 'us-east-1',
 *                        credentials: { accessKeyId: 'me', secretAccessKey: 'anything' } })
 *
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { addressOf } from '../../auth/client-address.ts';
import {
  type Database,
  type DaxOutcome,
  type DynamoDBError,
  InternalServerError,
  isDynamoDBError,
  type SandboxSimulations,
  SerializationException,
  ThrottlingException,
  ValidationException,
} from '../../../engine/index.ts';
import { FrontEndError } from './front-end-error.ts';
import { ServerLimits, THROTTLED, type ServerLimitSettings } from './limits.ts';
import { changesSandbox, DEFAULT_SAVE_ATTEMPTS, type SandboxStore } from './sandbox-store.ts';
import type { SandboxPool, SandboxRegistry } from './sandboxes.ts';
import { signatureParts, verifySignature } from './sigv4.ts';

export { SandboxRegistry } from './sandboxes.ts';
export { SandboxStore, type SandboxSync } from './sandbox-store.ts';
export { DEFAULT_SERVER_LIMITS, type ServerLimitSettings } from './limits.ts';

const TARGET_PREFIX = 'DynamoDB_20120810.';
/** DynamoDB Streams' actions arrive at the same endpoint (DynamoDBStreamsClient with a custom endpoint sends them here). */
const STREAMS_TARGET_PREFIX = 'DynamoDBStreams_20120810.';
/**
 * The simulation's own actions (not AWS's): `DynamoDBSim.GetMetrics` with `{ "TableName": ... }`
 * returns a table's simulation settings, CloudWatch-style metrics and timeline (README, "Simulation").
 */
const SIM_TARGET_PREFIX = 'DynamoDBSim.';
const SIM_ACTIONS: Readonly<Record<string, (sims: SandboxSimulations, input: unknown) => unknown>> = {
  GetMetrics: (sims, input) => {
    const name = (input as { TableName?: unknown } | null)?.TableName;
    if (typeof name !== 'string') throw new ValidationException('TableName is required');
    return sims.report(name);
  },
};
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** BatchWriteItem and BatchGetItem requests may be up to 16 MB; nothing legitimate is larger. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface DynamodbRouteOptions {
  /** Largest request body accepted, in bytes (default 16 MB). */
  readonly maxBodyBytes?: number;
  readonly logger?: { error(message: string, error?: unknown): void };
  /**
   * An account's access key: its secret, with its user id when the account's sandbox is saved
   * (`sandboxStore`); undefined for any other key id (anonymous).
   */
  readonly accounts?: (accessKeyId: string) => AccountLookup | Promise<AccountLookup>;
  /** Saves account sandboxes (sandbox-store.ts); without it they live in memory only. */
  readonly sandboxStore?: SandboxStore;
  /** Server-wide limits (DYNAMODB_* settings); see DEFAULT_SERVER_LIMITS. */
  readonly limits?: Partial<ServerLimitSettings>;
  /** Read the client address from X-Forwarded-For (TRUST_PROXY). */
  readonly trustProxy?: boolean;
}

/** What `accounts` finds for an account's key id: its secret, or the key row with its user id. */
export type AccountLookup = { readonly secretAccessKey: string; readonly userId: number } | string | undefined;

/** The access key id from a SigV4 Authorization header or a presigned query (still percent-encoded), if any. */
export function accessKeyIdOf(authorization: string | undefined, query: string): string | undefined {
  const fromHeader = authorization ? /Credential=([^/,\s]+)\//.exec(authorization) : null;
  if (fromHeader) return fromHeader[1];
  if (query === '') return undefined;
  const credential = new URLSearchParams(query).get('X-Amz-Credential');
  return credential ? credential.split('/')[0] || undefined : undefined;
}

/** Request ids are unique per process: a start-time prefix and a counter, 52 characters as AWS's. */
const REQUEST_ID_PREFIX = Date.now().toString(36).toUpperCase();
let requestSerial = 0;
function requestId(): string {
  requestSerial = (requestSerial + 1) % 2 ** 52;
  return (REQUEST_ID_PREFIX + requestSerial.toString(36).toUpperCase().padStart(11, '0')).padEnd(52, '0');
}

/**
 * A wire request, whichever server received it: Node's own, straight from the socket (the fast
 * path, `serveIncoming`), or Hono's (`app.request` in tests, and anything sent to the app's fetch).
 */
interface WireRequest {
  readonly method: string;
  /** The request target as sent (path and query still percent-encoded), for the signature. */
  readonly target: string;
  /** A header by its lower-case name. */
  header(name: string): string | undefined;
  /** The client address, for the per-address rate. */
  readonly address: string;
}

/** What the endpoint answers, before either server writes it. */
interface WireAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function respond(status: number, body: unknown, extra?: Record<string, string>): WireAnswer {
  return { status, headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId(), ...extra }, body: JSON.stringify(body) };
}

/**
 * A string body and a plain header object keep @hono/node-server on its fast path, which writes
 * them with a Content-Length and builds no web Response.
 */
function asResponse(answer: WireAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** What `POST /dax` did with a request, in response headers: X-Dax-Cache hit|miss|pass, X-Dax-Cache-Kind item|query. */
function respondDax(outcome: DaxOutcome): WireAnswer {
  return respond(200, outcome.response, outcome.kind ? { 'x-dax-cache': outcome.cache, 'x-dax-cache-kind': outcome.kind } : { 'x-dax-cache': outcome.cache });
}

/**
 * Longest error message sent. Messages repeat parts of the request (a value that breaks a
 * constraint, unused placeholder names), and a 15 MB request must not get a 15 MB error back.
 * AWS's own cut-off is not documented; this one keeps every message of a normal request whole.
 */
export const MAX_ERROR_MESSAGE_CHARS = 8192;

function respondError(error: DynamoDBError): WireAnswer {
  const body = error.toJSON();
  for (const field of ['message', 'Message']) {
    const message = body[field];
    if (typeof message === 'string' && message.length > MAX_ERROR_MESSAGE_CHARS) body[field] = `${message.slice(0, MAX_ERROR_MESSAGE_CHARS)}...`;
  }
  return respond(error.statusCode, body);
}

/**
 * A request header. Under @hono/node-server the Node request is at hand, and reading its header
 * object spares building a web Headers object for every request.
 */
function headerOf(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: { headers: Record<string, string | string[] | undefined> } } | undefined)?.incoming;
  if (incoming === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A header of a request Node's server received (lower-case name). */
export function incomingHeader(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Reads at most `limit` bytes of a body from Node's request and calls `done` with them, or with
 * undefined when it is longer, or `gone` when the client leaves first. Callbacks rather than
 * promises: an anonymous key's request then makes none from socket to answer, which took a
 * GetItem from 77 to 66 µs of the server's CPU (and Node 20 runs hooks for every promise once an
 * AsyncLocalStorage is in use, as the pages' request context is).
 */
function readIncoming(incoming: IncomingMessage, limit: number, done: (bytes: Buffer | undefined) => void, gone: () => void): void {
  const declared = incoming.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    done(undefined);
    return;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const stop = () => {
    incoming.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
  };
  const onData = (chunk: Buffer) => {
    total += chunk.byteLength;
    if (total <= limit) return void chunks.push(chunk);
    stop();
    done(undefined);
  };
  const onEnd = () => {
    stop();
    done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
  };
  const onGone = () => {
    stop();
    gone();
  };
  incoming.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
}

/** UTF-8 as web requests decode it (a leading byte order mark dropped, a bad sequence replaced). */
const UTF8 = new TextDecoder();

/** Reads at most `limit` bytes of the body; undefined when it is longer. */
async function readBody(request: Request, declared: string | undefined, limit: number): Promise<string | undefined> {
  if (declared !== undefined) {
    if (Number(declared) > limit) return undefined;
    // A declared length within the limit: read it whole. (Touching `request.body` first would
    // make @hono/node-server build a web stream and lose its direct fast path.)
    return request.text();
  }
  const bytes = await readBytes(request, limit);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

/** Reads at most `limit` bytes of the body as bytes; undefined when it is longer. */
async function readBytes(request: Request, limit: number, declared?: string): Promise<Uint8Array | undefined> {
  if (declared !== undefined && Number(declared) > limit) return undefined;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Request bodies may come compressed (`Content-Encoding: gzip` or `deflate`, as SDKs with request
 * compression send them). Decompressed with a cap of `limit` bytes of output, so a small body
 * that inflates to gigabytes (a zip bomb) is refused as too large before it is held in memory.
 * `deflate` is the zlib format (RFC 9110); a raw deflate stream, which some clients send, is
 * accepted too. Any other coding is read as it is, and fails as JSON if it is not JSON.
 * https://www.rfc-editor.org/rfc/rfc9110#name-content-encoding
 */
const DECODERS: Readonly<Record<string, (bytes: Uint8Array, maxOutputLength: number) => Buffer>> = {
  gzip: (bytes, maxOutputLength) => gunzipSync(bytes, { maxOutputLength }),
  'x-gzip': (bytes, maxOutputLength) => gunzipSync(bytes, { maxOutputLength }),
  deflate: (bytes, maxOutputLength) => {
    try {
      return inflateSync(bytes, { maxOutputLength });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw error;
      return inflateRawSync(bytes, { maxOutputLength });
    }
  },
};

/** The body's text, and what the signature covers (the bytes as sent); or why it cannot be read. */
type DecodedBody = { readonly text: string; readonly signed: string | Uint8Array } | 'too large' | 'undecodable';

type Decoder = (bytes: Uint8Array, maxOutputLength: number) => Buffer;

function decoderOf(encoding: string | undefined): Decoder | undefined {
  const coding = encoding?.trim().toLowerCase();
  return coding !== undefined && Object.hasOwn(DECODERS, coding) ? DECODERS[coding] : undefined;
}

/** The body as sent (undefined: longer than `limit`), decoded by its Content-Encoding. */
function decodeBody(bytes: Uint8Array | undefined, decode: Decoder | undefined, limit: number): DecodedBody {
  if (bytes === undefined) return 'too large';
  if (!decode) {
    const text = UTF8.decode(bytes);
    return { text, signed: text };
  }
  if (bytes.byteLength === 0) return { text: '', signed: bytes };
  try {
    return { text: UTF8.decode(decode(bytes, limit)), signed: bytes };
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : 'undecodable';
  }
}

/** The same for a request Hono received, which reads a plain body straight as text. */
async function readContextBody(c: Context, limit: number): Promise<DecodedBody> {
  const declared = headerOf(c, 'content-length');
  const decode = decoderOf(headerOf(c, 'content-encoding'));
  if (decode) return decodeBody(await readBytes(c.req.raw, limit, declared), decode, limit);
  const text = await readBody(c.req.raw, declared, limit);
  return text === undefined ? 'too large' : { text, signed: text };
}

/**
 * DynamoDB's endpoint answers `GET /` with this text and 200, trailing space included (dynalite
 * copies it: "Trailing space intentional"); load balancers and scripts use it as a health check.
 */
export const HEALTH_CHECK_TEXT = 'healthy: dynamodb.us-east-1.amazonaws.com ';

/**
 * `GET /` is also the app's home page, so there the health check answers only a request that
 * comes from an AWS tool: one signed with SigV4, or whose User-Agent is an AWS SDK's or the CLI's.
 * Anything else (a browser, a plain fetch) gets the home page. `GET /dynamodb` always answers it.
 */
function looksLikeAwsTool(c: Context): boolean {
  if (headerOf(c, 'authorization')?.startsWith('AWS4-')) return true;
  const agent = headerOf(c, 'user-agent') ?? '';
  return /^(aws-cli\/|aws-sdk-|Boto3\/|Botocore\/)/i.test(agent) || agent.includes('aws-sdk-js');
}

function healthCheck(): Response {
  return new Response(HEALTH_CHECK_TEXT, { status: 200, headers: { 'content-type': 'text/plain' } });
}

/**
 * A JSON `null` as the whole body. AWS's answer is not documented and no capture was found; a
 * null body is taken as no body, which DynamoDB refuses with a SerializationException without a
 * message (dynalite, index.js: "if (!body) ... SerializationException").
 */
export const NULL_PAYLOAD_MESSAGE = '';

/** The request target as sent (path and query still percent-encoded), for the signature. */
function rawTarget(c: Context): string {
  const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming;
  if (incoming?.url !== undefined) return incoming.url;
  const parsed = new URL(c.req.url);
  return parsed.pathname + parsed.search;
}

function splitTarget(target: string): { path: string; query: string } {
  const question = target.indexOf('?');
  return question < 0 ? { path: target, query: '' } : { path: target.slice(0, question), query: target.slice(question + 1) };
}

/** One action as POST /dynamodb runs it, for callers in this app that build the request themselves (the playground). */
export interface DynamodbCall {
  readonly accessKeyId: string;
  readonly pool: SandboxPool;
  readonly action: string;
  readonly input: unknown;
  /** The client address, for the per-address rate. */
  readonly address: string;
  /**
   * Where the call goes: DynamoDB (the default), DynamoDB Streams (`DynamoDBStreams_20120810.*`),
   * the simulated DAX cluster (`POST /dax`), or the simulation's own actions (`DynamoDBSim.*`).
   */
  readonly target?: 'dynamodb' | 'streams' | 'dax' | 'sim';
}

export type DynamodbOutcome = { readonly ok: true; readonly response: unknown } | { readonly ok: false; readonly error: DynamoDBError };
/** A call's outcome, with what the DAX cluster did when it went through `POST /dax`. */
export type DynamodbCallOutcome = DynamodbOutcome & { readonly dax?: DaxOutcome };

export interface DynamodbEndpoint {
  readonly routes: Hono;
  /**
   * Serves a wire request straight from Node's HTTP server, without the app's middleware or web
   * Request and Response objects (about half a GetItem's cost through them): what the front door
   * (front-door.ts) sends here. `address` is the client's, as `addressOfIncoming` reads it.
   */
  serveIncoming(incoming: IncomingMessage, outgoing: ServerResponse, address: string): void;
  /**
   * Runs one call through the wire's own limits, dispatch and error mapping; never throws. An
   * account's saved sandbox must have been prepared (SandboxStore.prepare) by the caller, which
   * also saves it after (with sync `always`); with sync off a change is saved on its own.
   */
  run(call: DynamodbCall): DynamodbCallOutcome;
}

/** Where the wire endpoint is posted to (the SDK appends a slash to an endpoint's path). */
export const DYNAMODB_PATHS = ['/dynamodb', '/dynamodb/'] as const;
/** A simulated DAX cluster in front of the sandbox: the same protocol and signing (README, "Simulation"). */
export const DAX_PATHS = ['/dax', '/dax/'] as const;

export function dynamodbRoutes(sandboxes: SandboxRegistry, options: DynamodbRouteOptions = {}): Hono {
  return dynamodbEndpoint(sandboxes, options).routes;
}

export function dynamodbEndpoint(sandboxes: SandboxRegistry, options: DynamodbRouteOptions = {}): DynamodbEndpoint {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? { error: (message: string, error?: unknown) => console.error(message, error) };
  const accounts = options.accounts ?? (() => undefined);
  const store = options.sandboxStore;
  const trustProxy = options.trustProxy ?? false;
  const limits = new ServerLimits(options.limits ?? {}, sandboxes.now);
  const app = new Hono();

  /** The action on the key's sandbox, after the byte cap and the key's rate: the one dispatch both callers share. */
  const dispatch = (
    accessKeyId: string,
    pool: SandboxPool,
    target: 'dynamodb' | 'streams' | 'dax' | 'sim',
    action: string,
    input: unknown,
    bodyBytes: number,
    address: string,
  ): DynamodbCallOutcome => {
    const full = limits.checkBytes(action, sandboxes.totalBytes, bodyBytes);
    if (full) return { ok: false, error: full };
    const database = sandboxes.enter(accessKeyId, pool, address);
    if (database === undefined) return { ok: false, error: new ThrottlingException(THROTTLED) };
    const outcome = execute(database, target, action, input);
    if (outcome.ok && pool === 'account' && store && changesSandbox(target, action, input)) store.markChanged(accessKeyId);
    return outcome;
  };

  const execute = (database: Database, target: 'dynamodb' | 'streams' | 'dax' | 'sim', action: string, input: unknown): DynamodbCallOutcome => {
    try {
      if (target === 'streams') return { ok: true, response: database.executeStreams(action, input) };
      // Tables tagged sim:enabled=true run through their simulation; the rest go straight to the engine.
      const simulations = sandboxes.simulations(database);
      if (target === 'sim') {
        if (!Object.hasOwn(SIM_ACTIONS, action)) return { ok: false, error: new FrontEndError('UnknownOperationException', '', 400) };
        return { ok: true, response: SIM_ACTIONS[action]!(simulations, input) };
      }
      if (target === 'dax') {
        const outcome = simulations.executeDax(action, input);
        return { ok: true, response: outcome.response, dax: outcome };
      }
      return { ok: true, response: simulations.execute(action, input) };
    } catch (error) {
      if (isDynamoDBError(error)) return { ok: false, error };
      logger.error(`DynamoDB ${action} failed`, error);
      return { ok: false, error: new InternalServerError('Internal server error', {}, { cause: error }) };
    } finally {
      sandboxes.settle(database);
    }
  };

  /**
   * An account's request on its saved sandbox: loaded (or, with sync `always`, brought up to the
   * stored version) first, saved after a change. When another instance saved first, the copy
   * this request ran on was stale: reload and run it again, a bounded number of times, then
   * answer ThrottlingException, which the SDKs retry. With sync off and the sandbox loaded, the
   * dispatch runs at once, as for any other key.
   */
  const dispatchSaved = async (
    saved: SandboxStore,
    accessKeyId: string,
    userId: number,
    target: 'dynamodb' | 'streams' | 'dax' | 'sim',
    action: string,
    input: unknown,
    bodyBytes: number,
    address: string,
  ): Promise<DynamodbCallOutcome> => {
    if (saved.isCurrent(accessKeyId)) return dispatch(accessKeyId, 'account', target, action, input, bodyBytes, address);
    return saved.serialized(accessKeyId, async () => {
      for (let attempt = 0; attempt < DEFAULT_SAVE_ATTEMPTS; attempt++) {
        try {
          await saved.prepare(accessKeyId, userId);
        } catch (error) {
          logger.error(`DynamoDB sandbox of user ${userId} could not be loaded`, error);
          return { ok: false, error: new InternalServerError('Internal server error', {}, { cause: error }) };
        }
        const outcome = dispatch(accessKeyId, 'account', target, action, input, bodyBytes, address);
        if (saved.sync === 'off' || !outcome.ok || !changesSandbox(target, action, input)) return outcome;
        if ((await saved.saveNow(accessKeyId)) !== 'conflict') return outcome;
      }
      return { ok: false, error: new ThrottlingException(THROTTLED) };
    });
  };

  const run = (call: DynamodbCall): DynamodbCallOutcome => {
    const refused = limits.admit(call.address);
    if (refused) return { ok: false, error: refused };
    try {
      if (call.input === null) return { ok: false, error: new SerializationException(NULL_PAYLOAD_MESSAGE) };
      return dispatch(call.accessKeyId, call.pool, call.target ?? 'dynamodb', call.action, call.input, JSON.stringify(call.input).length, call.address);
    } finally {
      limits.release();
    }
  };

  /**
   * A request whose body has been read. Synchronous for an anonymous key, so a request served
   * from the socket makes no promise at all; an account's key is looked up, and its saved
   * sandbox may need loading or saving.
   */
  const serve = (request: WireRequest, decoded: DecodedBody, dax: boolean): WireAnswer | Promise<WireAnswer> => {
    const target = request.header('x-amz-target') ?? '';
    if (decoded === 'too large') {
      return respondError(new FrontEndError('RequestEntityTooLarge', `Request body exceeds the limit of ${maxBodyBytes} bytes`, 413));
    }
    if (decoded === 'undecodable') return respondError(new SerializationException('Could not parse request body into json'));
    const body = decoded.text;
    const authorization = request.header('authorization');
    const { path, query } = splitTarget(request.target);
    const accessKeyId = accessKeyIdOf(authorization, query);
    if (accessKeyId === undefined) {
      return respondError(new FrontEndError('MissingAuthenticationTokenException', 'Request is missing Authentication Token', 400));
    }
    const streams = target.startsWith(STREAMS_TARGET_PREFIX);
    const simAction = target.startsWith(SIM_TARGET_PREFIX) ? target.slice(SIM_TARGET_PREFIX.length) : undefined;
    if (simAction !== undefined && !Object.hasOwn(SIM_ACTIONS, simAction)) return respondError(new FrontEndError('UnknownOperationException', '', 400));
    if (!streams && simAction === undefined && !target.startsWith(TARGET_PREFIX)) {
      return respondError(new FrontEndError('UnknownOperationException', '', 400));
    }
    const serveAs = (account: AccountLookup): WireAnswer | Promise<WireAnswer> => {
      // Only an account's key id has its signature checked; an anonymous one needs only its id.
      const secret = typeof account === 'string' ? account : account?.secretAccessKey;
      const userId = typeof account === 'object' ? account.userId : undefined;
      if (secret !== undefined) {
        const header = (name: string) => request.header(name.toLowerCase());
        const parts = signatureParts(authorization, query, header);
        if (parts === undefined) {
          return respondError(new FrontEndError('MissingAuthenticationTokenException', 'Request is missing Authentication Token', 400));
        }
        if (parts instanceof FrontEndError) return respondError(parts);
        const refused = verifySignature({ method: request.method, path, query, header, body: decoded.signed }, parts, secret, sandboxes.now());
        if (refused) return respondError(refused);
      }
      const action = target.slice((streams ? STREAMS_TARGET_PREFIX : TARGET_PREFIX).length);
      let input: unknown;
      try {
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        return respondError(new SerializationException('Could not parse request body into json'));
      }
      if (input === null) return respondError(new SerializationException(NULL_PAYLOAD_MESSAGE));
      const pool = secret === undefined ? 'anonymous' : 'account';
      const to = simAction !== undefined ? 'sim' : streams ? 'streams' : dax ? 'dax' : 'dynamodb';
      const named = simAction ?? action;
      const answer = (outcome: DynamodbCallOutcome): WireAnswer => {
        if (!outcome.ok) return respondError(outcome.error);
        return outcome.dax ? respondDax(outcome.dax) : respond(200, outcome.response);
      };
      return store && userId !== undefined
        ? dispatchSaved(store, accessKeyId, userId, to, named, input, body.length, request.address).then(answer)
        : answer(dispatch(accessKeyId, pool, to, named, input, body.length, request.address));
    };
    const found = accounts(accessKeyId);
    return found instanceof Promise ? found.then(serveAs) : serveAs(found);
  };

  const failed = (error: unknown): WireAnswer => {
    logger.error('DynamoDB request failed', error);
    return respondError(new InternalServerError('Internal server error', {}, { cause: error }));
  };

  // In both servers: the server-wide limits first, before the body is read; then nothing a
  // request does may escape as anything but a DynamoDB-shaped answer.
  const serveContext = async (c: Context, dax = false): Promise<Response> => {
    const request: WireRequest = { method: c.req.method, target: rawTarget(c), header: (name) => headerOf(c, name), address: addressOf(c, trustProxy) };
    let refused: DynamoDBError | undefined;
    try {
      refused = limits.admit(request.address);
    } catch (error) {
      return asResponse(failed(error));
    }
    if (refused) return asResponse(respondError(refused));
    try {
      return asResponse(await serve(request, await readContextBody(c, maxBodyBytes), dax));
    } catch (error) {
      return asResponse(failed(error));
    } finally {
      limits.release();
    }
  };

  const serveIncoming = (incoming: IncomingMessage, outgoing: ServerResponse, address: string): void => {
    const write = (answer: WireAnswer) => {
      if (outgoing.destroyed) return;
      // Node's server closes the connection itself after an answer to a body it did not read (413).
      try {
        outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        outgoing.end(answer.body);
      } catch (error) {
        // Runs in a socket callback: a throw here would end the process.
        logger.error('DynamoDB answer could not be written', error);
        outgoing.destroy();
      }
    };
    let refused: DynamoDBError | undefined;
    try {
      refused = limits.admit(address);
    } catch (error) {
      write(failed(error));
      return;
    }
    if (refused) {
      write(respondError(refused));
      return;
    }
    let released = false;
    const release = () => {
      if (!released) limits.release();
      released = true;
    };
    const finish = (answer: WireAnswer) => {
      release();
      write(answer);
    };
    const fail = (error: unknown) => finish(failed(error));
    const target = incoming.url ?? '/';
    const request: WireRequest = { method: incoming.method ?? 'POST', target, header: (name) => incomingHeader(incoming, name), address };
    readIncoming(
      incoming,
      maxBodyBytes,
      (bytes) => {
        try {
          const answer = serve(request, decodeBody(bytes, decoderOf(request.header('content-encoding')), maxBodyBytes), isDaxPath(splitTarget(target).path));
          if (answer instanceof Promise) answer.then(finish, fail);
          else finish(answer);
        } catch (error) {
          fail(error);
        }
      },
      // The client left before its body arrived: nobody is left to answer.
      release,
    );
  };

  for (const path of DYNAMODB_PATHS) app.post(path, (c) => serveContext(c));
  for (const path of DAX_PATHS) app.post(path, (c) => serveContext(c, true));
  app.post('/', async (c, next) => {
    if (headerOf(c, 'x-amz-target') === undefined) return next();
    return serveContext(c);
  });
  app.get('/dynamodb', () => healthCheck());
  app.get('/dynamodb/', () => healthCheck());
  app.get('/', async (c, next) => (looksLikeAwsTool(c) ? healthCheck() : next()));
  return { routes: app, run, serveIncoming };
}

const DAX_PATH_SET: ReadonlySet<string> = new Set(DAX_PATHS);
const WIRE_PATHS: ReadonlySet<string> = new Set([...DYNAMODB_PATHS, ...DAX_PATHS]);

function isDaxPath(path: string): boolean {
  return DAX_PATH_SET.has(path);
}

/**
 * A request for the wire endpoint, as its routes above take it: a POST to /dynamodb or /dax, or
 * to / with an X-Amz-Target header (what the SDKs send to an endpoint given without a path).
 */
export function isWireRequest(method: string | undefined, target: string | undefined, header: (name: string) => string | undefined): boolean {
  if (method !== 'POST' || target === undefined) return false;
  const question = target.indexOf('?');
  const path = question < 0 ? target : target.slice(0, question);
  return WIRE_PATHS.has(path) || (path === '/' && header('x-amz-target') !== undefined);
}
