/**
 * The DynamoDB wire protocol (JSON 1.0): `POST /dynamodb`, and `POST /` when it carries an
 * `X-Amz-Target` header, so `--endpoint-url http://127.0.0.1:3000` works as with DynamoDB Local.
 * SigV4 signatures are accepted unchecked; the access key id in them picks the sandbox. A request
 * without one is refused with MissingAuthenticationTokenException, as DynamoDB refuses it.
 *
 *   aws dynamodb list-tables --endpoint-url http://127.0.0.1:3000
 *   new DynamoDBClient({ endpoint: 'http://127.0.0.1:3000/dynamodb', region: 'us-east-1',
 *                        credentials: { accessKeyId: 'me', secretAccessKey: 'anything' } })
 *
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html
 */
import { Hono, type Context } from 'hono';
import { DynamoDBError, InternalServerError, isDynamoDBError, SerializationException, ThrottlingException } from '../../../engine/index.ts';
import type { SandboxRegistry } from './sandboxes.ts';

export { SandboxRegistry } from './sandboxes.ts';

const TARGET_PREFIX = 'DynamoDB_20120810.';
/** DynamoDB Streams' actions arrive at the same endpoint (DynamoDBStreamsClient with a custom endpoint sends them here). */
const STREAMS_TARGET_PREFIX = 'DynamoDBStreams_20120810.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** BatchWriteItem and BatchGetItem requests may be up to 16 MB; nothing legitimate is larger. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface DynamodbRouteOptions {
  /** Largest request body accepted, in bytes (default 16 MB). */
  readonly maxBodyBytes?: number;
  readonly logger?: { error(message: string, error?: unknown): void };
}

/** An error the front end raises before any action runs, in the Coral service namespace. */
class FrontEndError extends DynamoDBError {
  override readonly name: string;
  readonly type: string;
  override readonly statusCode: number;
  constructor(name: string, message: string, statusCode: number) {
    super(message);
    this.name = name;
    this.type = `com.amazon.coral.service#${name}`;
    this.statusCode = statusCode;
  }
}

/**
 * The access key id from a SigV4 Authorization header or a presigned query, if any. The URL is
 * asked for only when the header has none, as building it costs on every request.
 */
export function accessKeyIdOf(authorization: string | undefined, url: string | (() => string)): string | undefined {
  const fromHeader = authorization ? /Credential=([^/,\s]+)\//.exec(authorization) : null;
  if (fromHeader) return fromHeader[1];
  const query = new URL(typeof url === 'string' ? url : url()).searchParams.get('X-Amz-Credential');
  return query ? query.split('/')[0] || undefined : undefined;
}

/** Request ids are unique per process: a start-time prefix and a counter, 52 characters as AWS's. */
const REQUEST_ID_PREFIX = Date.now().toString(36).toUpperCase();
let requestSerial = 0;
function requestId(): string {
  requestSerial = (requestSerial + 1) % 2 ** 52;
  return (REQUEST_ID_PREFIX + requestSerial.toString(36).toUpperCase().padStart(11, '0')).padEnd(52, '0');
}

/**
 * A string body and a plain header object keep @hono/node-server on its fast path, which writes
 * them with a Content-Length and builds no web Response.
 */
function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId() },
  });
}

function respondError(error: DynamoDBError): Response {
  return respond(error.statusCode, error.toJSON());
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

/** Reads at most `limit` bytes of the body; undefined when it is longer. */
async function readBody(request: Request, declared: string | undefined, limit: number): Promise<string | undefined> {
  if (declared !== undefined) {
    if (Number(declared) > limit) return undefined;
    // A declared length within the limit: read it whole. (Touching `request.body` first would
    // make @hono/node-server build a web stream and lose its direct fast path.)
    return request.text();
  }
  if (!request.body) return '';
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
  return new TextDecoder().decode(bytes);
}

export function dynamodbRoutes(sandboxes: SandboxRegistry, options: DynamodbRouteOptions = {}): Hono {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? { error: (message: string, error?: unknown) => console.error(message, error) };
  const app = new Hono();

  const serve = async (c: Context): Promise<Response> => {
    const target = headerOf(c, 'x-amz-target') ?? '';
    const body = await readBody(c.req.raw, headerOf(c, 'content-length'), maxBodyBytes);
    if (body === undefined) {
      return respondError(new FrontEndError('RequestEntityTooLarge', `Request body exceeds the limit of ${maxBodyBytes} bytes`, 413));
    }
    const accessKeyId = accessKeyIdOf(headerOf(c, 'authorization'), () => c.req.url);
    if (accessKeyId === undefined) {
      return respondError(new FrontEndError('MissingAuthenticationTokenException', 'Request is missing Authentication Token', 400));
    }
    const streams = target.startsWith(STREAMS_TARGET_PREFIX);
    if (!streams && !target.startsWith(TARGET_PREFIX)) {
      return respondError(new FrontEndError('UnknownOperationException', '', 400));
    }
    const action = target.slice((streams ? STREAMS_TARGET_PREFIX : TARGET_PREFIX).length);
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return respondError(new SerializationException('Could not parse request body into json'));
    }
    try {
      const database = sandboxes.enter(accessKeyId);
      if (database === undefined) {
        return respondError(new ThrottlingException('Rate of requests exceeds the allowed throughput.'));
      }
      return respond(200, streams ? database.executeStreams(action, input) : database.execute(action, input));
    } catch (error) {
      if (isDynamoDBError(error)) return respondError(error);
      logger.error(`DynamoDB ${action} failed`, error);
      return respondError(new InternalServerError('Internal server error', {}, { cause: error }));
    }
  };

  // Nothing a request does may escape as anything but a DynamoDB-shaped answer.
  const handle = async (c: Context): Promise<Response> => {
    try {
      return await serve(c);
    } catch (error) {
      logger.error('DynamoDB request failed', error);
      return respondError(new InternalServerError('Internal server error', {}, { cause: error }));
    }
  };

  app.post('/dynamodb', handle);
  // The SDK appends a slash to an endpoint's path.
  app.post('/dynamodb/', handle);
  app.post('/', async (c, next) => {
    if (headerOf(c, 'x-amz-target') === undefined) return next();
    return handle(c);
  });
  return app;
}
