/**
 * Builds the web app from its dependencies. The server (main.ts) and the tests both call it:
 * the tests with an in-memory database, so they exercise the same routes without listening.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { loadLearner } from './auth/identity.ts';
import { PRODUCTION_SCRYPT_COST, type ScryptCost } from './auth/passwords.ts';
import { createRateLimiters, DEFAULT_RATE_LIMITS, type RateLimitSettings } from './auth/rate-limit.ts';
import { requireRole } from './auth/role.tsx';
import { InvalidAnswerError, UnknownScenarioError, type Bank } from './bank/types.ts';
import { type Db, dialectOf } from './db/store.ts';
import { accountRoutes } from './routes/account/route.tsx';
import { adminRoutes } from './routes/admin/route.tsx';
import { createApiRoutes } from './routes/api/index.ts';
import type { AppDeps, AppEnv, AuthoringDeps, Clock, Logger } from './routes/app-env.ts';
import { authoringRoutes } from './routes/authoring/route.tsx';
import { costPageRoutes } from './routes/cost/route.tsx';
import { refuseCrossSiteRequests } from './routes/cross-site.ts';
import { mayBeAccountKeyId, selectSandboxKeyById } from './auth/sandbox-keys.ts';
import { dynamodbEndpoint, incomingHeader, SandboxRegistry, SandboxStore, type SandboxSync } from './routes/dynamodb/index.ts';
import { DEFAULT_SNAPSHOT_MAX_BYTES } from './routes/dynamodb/sandbox-store.ts';
import { DEFAULT_NEW_SANDBOXES_PER_ADDRESS } from './routes/dynamodb/sandboxes.ts';
import { playgroundRoutes } from './routes/playground/route.tsx';
import { preparePlaygroundSandbox } from './routes/playground/sandbox.ts';
import { homeRoutes } from './routes/home/route.tsx';
import { examRoutes } from './routes/exams/route.tsx';
import { practiceRoutes } from './routes/practice/route.tsx';
import { progressRoutes } from './routes/progress/route.tsx';
import { reportsRoutes } from './routes/reports/route.tsx';
import { drillRoutes } from './routes/drill/route.tsx';
import { reviewRoutes } from './routes/review/route.tsx';
import { themeRoutes } from './routes/theme/route.tsx';
import { InvalidInputError, NotFoundError } from './routes/request-errors.ts';
import { renderErrorPage } from './views/render-error-page.tsx';
import { STATIC_ASSETS, STATIC_CACHE_CONTROL } from './views/static-assets.ts';
import { FORWARDED_CLIENT_HEADER, forwardSandboxRequests, relayTo } from './routes/sandbox-forward.ts';
import { frontDoor, type WireHandler } from './routes/dynamodb/front-door.ts';
import { htmlAsPlainString, limitBody as limitBodyTo } from './routes/response-path.ts';
import { addressOf, addressOfIncoming } from './auth/client-address.ts';

export type { AppDeps, AppEnv, AuthoringDeps, Clock, Logger } from './routes/app-env.ts';

export interface CreateAppOptions {
  readonly db: Db;
  /** The store's change counter (Store.changeVersion); without it nothing derived is cached. */
  readonly changeVersion?: (() => string) | undefined;
  readonly bank: Bank;
  /** The reloadable bank (pass the same LiveBank as bank) and AUTHORING_WRITE; without it /authoring can list but not edit. */
  readonly authoring?: AuthoringDeps;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly randomToken?: () => string;
  readonly logger?: Logger;
  /** Secure cookies (HTTPS); off by default for tests and loopback. */
  readonly cookieSecure?: boolean;
  /** Log-in, sign-up and answer limits (RATE_LIMIT_* settings). */
  readonly rateLimits?: RateLimitSettings;
  /** Read the client address from X-Forwarded-For (TRUST_PROXY). */
  readonly trustProxy?: boolean;
  /**
   * With several workers (app/cluster.ts), the sandbox owner's Unix socket: requests that touch
   * sandboxes are passed to it instead of served here (routes/sandbox-forward.ts).
   */
  readonly forwardSandboxesTo?: string;
  /** scrypt parameters for new password hashes; tests pass a cheap one. */
  readonly passwordCost?: ScryptCost;
  /** The /dynamodb endpoint's limits (DYNAMODB_* settings). */
  readonly dynamodb?: DynamodbSettings;
}

/** DYNAMODB_* settings; `profile: 'local'` lifts the per-key and per-address rates. */
export interface DynamodbSettings {
  readonly profile?: 'shared' | 'local';
  readonly maxTotalBytes?: number;
  readonly maxConcurrent?: number;
  readonly requestsPerAddress?: number;
  readonly requestsPerKey?: number;
  readonly anonymousSandboxes?: number;
  /** New anonymous sandboxes per client address per 10 minutes. */
  readonly newSandboxesPerAddress?: number;
  readonly tablesPerSandbox?: number;
  readonly bytesPerSandbox?: number;
  /** Whether account sandboxes are checked against the stored version before each request (default: always on PostgreSQL, off on SQLite). */
  readonly sandboxSync?: SandboxSync | undefined;
  /** Largest account sandbox snapshot saved, in bytes of JSON (default DEFAULT_SNAPSHOT_MAX_BYTES). */
  readonly snapshotMaxBytes?: number | undefined;
}

export const MAX_BODY_BYTES = 64 * 1024;
/** About 4,000 attempts: a choice or multi attempt exports as 4-6 KB with its variant and grade. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const IMPORT_PATHS = new Set(['/api/attempts/import', '/progress/import']);

export const systemClock: Clock = { now: () => new Date() };

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => console.error(message, error),
};

const HTTP_ERROR_CODES: Partial<Record<number, string>> = { 405: 'MethodNotAllowed', 413: 'PayloadTooLarge', 415: 'UnsupportedMediaType' };

interface ErrorReply {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly title: string;
  readonly message: string;
  readonly field?: string | undefined;
  readonly errorId?: string | undefined;
}

/** Known errors become their own 4xx; anything else a 500 whose id is logged, never its stack. */
function classifyError(error: unknown, logger: Logger, c: Context): ErrorReply {
  if (error instanceof InvalidAnswerError) {
    return { status: 400, code: 'InvalidInput', title: 'Please check your answer', message: error.message, field: error.field };
  }
  if (error instanceof InvalidInputError) {
    return { status: 400, code: 'InvalidInput', title: 'Please check your input', message: error.message, field: error.field };
  }
  if (error instanceof ZodError) {
    const input = InvalidInputError.fromZod(error);
    return { status: 400, code: 'InvalidInput', title: 'Please check your input', message: input.message, field: input.field };
  }
  if (error instanceof UnknownScenarioError) {
    return { status: 404, code: 'UnknownScenario', title: 'No such question', message: error.message };
  }
  if (error instanceof NotFoundError) {
    return { status: 404, code: 'NotFound', title: 'Not found', message: error.message };
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = HTTP_ERROR_CODES[status] ?? (status < 500 ? 'BadRequest' : 'ServerError');
    return { status, code, title: status < 500 ? 'Bad request' : 'Something went wrong', message: error.message || 'The request could not be handled.' };
  }
  const errorId = randomBytes(6).toString('hex');
  logger.error(`[${errorId}] ${c.req.method} ${c.req.path} failed`, error);
  return {
    status: 500,
    code: 'InternalError',
    title: 'Something went wrong',
    message: 'The server failed to handle this request. It has been logged.',
    errorId,
  };
}

function isApiRequest(c: Context): boolean {
  return c.req.path === '/api' || c.req.path.startsWith('/api/');
}

/** What main.ts needs of an app beside its fetch: its sandbox store and how its wire requests are served. */
interface Served {
  readonly sandboxStore: SandboxStore | undefined;
  readonly wire: WireHandler;
  readonly trustProxy: boolean;
}
const served = new WeakMap<object, Served>();

/**
 * Node's request listener for the app (main.ts serves it): a DynamoDB wire request is served
 * straight from the socket (routes/dynamodb/front-door.ts), or relayed to the sandbox owner by
 * a worker that forwards; everything else goes through the app. On the owner's private socket
 * (`viaOwnerSocket`) the client's address is the one the forwarding worker saw.
 */
export function requestListenerOf(app: OpenAPIHono<AppEnv>, { viaOwnerSocket = false } = {}): RequestListener {
  const door = served.get(app);
  if (door === undefined) throw new Error('requestListenerOf takes an app made by createApp.');
  if (!viaOwnerSocket) return frontDoor(app.fetch, door.wire, (incoming) => addressOfIncoming(incoming, door.trustProxy));
  return frontDoor(
    (request: Request, env: object) => app.fetch(request, { ...env, forwardedClient: request.headers.get(FORWARDED_CLIENT_HEADER) ?? undefined }),
    door.wire,
    (incoming) => incomingHeader(incoming, FORWARDED_CLIENT_HEADER) ?? addressOfIncoming(incoming, false),
  );
}

/**
 * The app's store of account sandboxes, whose `flush()` writes the saves still pending (with
 * DYNAMODB_SANDBOX_SYNC=off they are coalesced to one per second): main.ts awaits it on SIGTERM.
 */
export function sandboxStoreOf(app: object): SandboxStore | undefined {
  return served.get(app)?.sandboxStore;
}

export function createApp(options: CreateAppOptions): OpenAPIHono<AppEnv> {
  const sandboxes = new SandboxRegistry({
    now: () => (options.clock ?? systemClock).now().getTime(),
    ...(options.dynamodb?.anonymousSandboxes !== undefined && { maxSandboxes: options.dynamodb.anonymousSandboxes }),
    ...(options.dynamodb?.newSandboxesPerAddress !== undefined && {
      newSandboxesPerAddress: { ...DEFAULT_NEW_SANDBOXES_PER_ADDRESS, limit: options.dynamodb.newSandboxesPerAddress },
    }),
    limits: {
      ...(options.dynamodb?.tablesPerSandbox !== undefined && { maxTables: options.dynamodb.tablesPerSandbox }),
      ...(options.dynamodb?.bytesPerSandbox !== undefined && { maxBytes: options.dynamodb.bytesPerSandbox }),
    },
    // A developer's own tests may start a sandbox per key id as fast as they like.
    ...(options.dynamodb?.profile === 'local'
      ? { requestsPerSecond: Number.POSITIVE_INFINITY, newSandboxesPerAddress: { limit: Number.POSITIVE_INFINITY, windowMs: 1 } }
      : options.dynamodb?.requestsPerKey !== undefined && { requestsPerSecond: options.dynamodb.requestsPerKey }),
  });
  // Account sandboxes are saved in the store; with several instances on one database each checks
  // the stored version before serving (DYNAMODB_SANDBOX_SYNC; README, "The DynamoDB endpoint").
  const sandboxStore = new SandboxStore(sandboxes, {
    db: options.db,
    sync: options.dynamodb?.sandboxSync ?? (dialectOf(options.db) === 'postgres' ? 'always' : 'off'),
    maxSnapshotBytes: options.dynamodb?.snapshotMaxBytes ?? DEFAULT_SNAPSHOT_MAX_BYTES,
    logger: options.logger ?? consoleLogger,
  });
  const deps: AppDeps = {
    db: options.db,
    changeVersion: options.changeVersion,
    bank: options.bank,
    authoring: options.authoring ?? { bank: undefined, write: false },
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    randomToken: options.randomToken ?? (() => randomUUID()),
    logger: options.logger ?? consoleLogger,
    cookieSecure: options.cookieSecure ?? false,
    rateLimiters: createRateLimiters(options.rateLimits ?? DEFAULT_RATE_LIMITS, () => (options.clock ?? systemClock).now().getTime()),
    trustProxy: options.trustProxy ?? false,
    passwordCost: options.passwordCost ?? PRODUCTION_SCRYPT_COST,
    sandboxes,
    sandboxStore,
  };
  const app = new OpenAPIHono<AppEnv>();
  // One relay per worker that forwards, for the app's sandbox routes and the wire's front door.
  const relay = options.forwardSandboxesTo ? relayTo(options.forwardSandboxesTo) : undefined;
  // Before anything reads the body: the owner gets the request exactly as the client sent it.
  if (relay)
    app.use(
      '*',
      forwardSandboxRequests(relay, (c) => addressOf(c, deps.trustProxy)),
    );
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', htmlAsPlainString);
  // The layout's navigation reads the logged-in user from the request's context.
  app.use('*', contextStorage());

  // Every response, errors included: scripts and styles only from our own files (nothing inline),
  // never framed. HSTS only when served over HTTPS, as Secure cookies mean.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      strictTransportSecurity: deps.cookieSecure,
    }),
  );
  // Before anything reads a body or stores a row.
  app.use('*', refuseCrossSiteRequests());

  // Answers, reports and API calls are small; a larger body is refused before it is read.
  const limitBody = limitBodyTo({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.` });
    },
  });
  const limitImport = limitBodyTo({
    maxSize: MAX_IMPORT_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: `The import is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split the file.` });
    },
  });
  app.use('/api/*', (c, next) => (IMPORT_PATHS.has(c.req.path) ? limitImport(c, next) : limitBody(c, next)));
  app.use('/q/*', limitBody);
  app.use('/review/*', limitBody);
  app.use('/drill/*', limitBody);
  app.use('/exams/*', limitBody);
  app.use('/authoring/*', limitBody);
  // The playground sends what /dynamodb takes (400 KB items, 16 MB batches) and Workbench models.
  app.use('/playground/*', limitImport);
  app.use('/progress/import', limitImport);

  app.get('/static/:file', (c, next) => {
    const asset = STATIC_ASSETS.get(c.req.param('file'));
    if (!asset) return next();
    c.header('Cache-Control', STATIC_CACHE_CONTROL);
    c.header('ETag', asset.etag);
    if (
      c.req
        .header('If-None-Match')
        ?.split(',')
        .some((tag) => tag.trim() === asset.etag)
    )
      return c.body(null, 304);
    c.header('Content-Type', asset.contentType);
    return c.body(asset.body);
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));

  const dynamodb = options.dynamodb ?? {};
  const local = dynamodb.profile === 'local';
  const endpoint = dynamodbEndpoint(sandboxes, {
    logger: deps.logger,
    trustProxy: deps.trustProxy,
    // An account's key id is looked up on every request, so a rotated key stops working at once;
    // one of another shape is anonymous at once.
    accounts: (accessKeyId) => (mayBeAccountKeyId(accessKeyId) ? selectSandboxKeyById(deps.db, accessKeyId) : undefined),
    sandboxStore,
    limits: {
      ...(dynamodb.maxTotalBytes !== undefined && { maxTotalBytes: dynamodb.maxTotalBytes }),
      ...(dynamodb.maxConcurrent !== undefined && { maxConcurrent: dynamodb.maxConcurrent }),
      ...(local
        ? { requestsPerAddress: Number.POSITIVE_INFINITY }
        : dynamodb.requestsPerAddress !== undefined && { requestsPerAddress: dynamodb.requestsPerAddress }),
    },
  });
  app.route('/', endpoint.routes);
  served.set(app, { sandboxStore, wire: relay ?? endpoint.serveIncoming, trustProxy: deps.trustProxy });
  const api = createApiRoutes();
  app.route('/', api);

  // Page routers attach loadLearner to each of their own routes, so unrelated paths such as
  // /static or /dynamodb never look up a session.
  // Every authoring and admin route, present and future, is guarded here rather than per route.
  app.use('/authoring/*', loadLearner, requireRole('author'));
  app.use('/admin/*', loadLearner, requireRole('admin'));
  app.route('/', accountRoutes).route('/', adminRoutes);
  app.route('/', homeRoutes).route('/', practiceRoutes).route('/', progressRoutes).route('/', reportsRoutes).route('/', costPageRoutes);
  app.route('/', reviewRoutes).route('/', drillRoutes);
  app.route('/', themeRoutes);
  app.route('/', examRoutes);
  app.route('/', authoringRoutes);
  // Before the playground's own routes: an account's saved sandbox is loaded, and saved after.
  app.use('/playground', loadLearner, preparePlaygroundSandbox);
  app.use('/playground/*', loadLearner, preparePlaygroundSandbox);
  app.route('/', playgroundRoutes(endpoint.run));

  app.notFound((c) => {
    const reply: ErrorReply = { status: 404, code: 'NotFound', title: 'Page not found', message: `Nothing lives at ${c.req.path}.` };
    return isApiRequest(c) ? c.json({ error: { code: reply.code, message: reply.message } }, 404) : c.html(renderErrorPage(reply), 404);
  });

  app.onError((error, c) => {
    const reply = classifyError(error, deps.logger, c);
    if (isApiRequest(c)) {
      return c.json({ error: { code: reply.code, message: reply.message, field: reply.field, errorId: reply.errorId } }, reply.status);
    }
    return c.html(renderErrorPage(reply), reply.status);
  });
  return app;
}
