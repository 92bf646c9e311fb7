/**
 * The server: read the environment, open and migrate the database, load the question bank,
 * listen. The only file that wires real I/O into createApp.
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runPrimary, serveOwnerSocket, tellPrimary, type WorkerRole, workerRole } from './cluster.ts';
import { createLiveBank } from './bank/live-bank.ts';
import { consoleLogger, createApp, requestListenerOf, sandboxStoreOf } from './create-app.ts';
import { openStore, type Store } from './db/connection.ts';
import { type Env, parseEnv } from './env.ts';

/**
 * Parsed scenario files between starts (app/bank/bank-cache.ts), one file per content
 * directory, beside the other build caches: deleting node_modules/.cache only costs a slower start.
 */
function bankCacheFile(contentDir: string): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const name = createHash('sha256').update(contentDir).digest('hex').slice(0, 16);
  return join(root, 'node_modules', '.cache', 'dynamodb-study', `bank-${name}.bin`);
}

function start(env: Env, store: Store, role: WorkerRole): void {
  // Reloadable: /authoring saves and files edited on disk show without a restart.
  const contentDir = resolve(env.CONTENT_DIR);
  const loadStart = performance.now();
  const bank = createLiveBank(contentDir, { cacheFile: bankCacheFile(contentDir) });
  const loadMs = Math.round(performance.now() - loadStart);
  for (const error of bank.errors) console.error(`${error.file}:${error.line}: ${error.message}`);
  let stopWatching: () => void = () => {};
  try {
    stopWatching = bank.watch({
      onReload: (report) => {
        for (const error of report.errors) console.error(`${error.file}:${error.line}: ${error.message}`);
        console.log(
          `Reloaded ${report.scenarios} scenarios from ${env.CONTENT_DIR}${report.errors.length > 0 ? ` (${report.errors.length} problems left files out, see above)` : ''}.`,
        );
      },
      onError: (error) => console.error(`Watching ${env.CONTENT_DIR}: ${error.message}`),
    });
  } catch (error) {
    // Recursive watching is missing on some platforms: the bank still serves, and /authoring's saves still reload it.
    console.error(`Not watching ${env.CONTENT_DIR} for changes: ${error instanceof Error ? error.message : String(error)}`);
  }

  const authWindowMs = env.RATE_LIMIT_AUTH_WINDOW_MINUTES * 60 * 1000;
  const app = createApp({
    db: store.db,
    changeVersion: store.changeVersion,
    ...(role.kind === 'forwarder' && { forwardSandboxesTo: role.socketPath }),
    bank,
    authoring: { bank, write: env.AUTHORING_WRITE },
    logger: consoleLogger,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    dynamodb: {
      profile: env.DYNAMODB_PROFILE,
      maxTotalBytes: env.DYNAMODB_MAX_TOTAL_BYTES,
      maxConcurrent: env.DYNAMODB_MAX_CONCURRENT,
      requestsPerAddress: env.DYNAMODB_REQUESTS_PER_ADDRESS,
      requestsPerKey: env.DYNAMODB_REQUESTS_PER_KEY,
      anonymousSandboxes: env.DYNAMODB_ANONYMOUS_SANDBOXES,
      newSandboxesPerAddress: env.DYNAMODB_NEW_SANDBOXES_PER_ADDRESS,
      tablesPerSandbox: env.DYNAMODB_TABLES_PER_SANDBOX,
      bytesPerSandbox: env.DYNAMODB_BYTES_PER_SANDBOX,
      sandboxSync: env.DYNAMODB_SANDBOX_SYNC,
      snapshotMaxBytes: env.DYNAMODB_SNAPSHOT_MAX_BYTES,
    },
    rateLimits: {
      authPerAddress: { limit: env.RATE_LIMIT_AUTH_PER_ADDRESS, windowMs: authWindowMs },
      authPerUsername: { limit: env.RATE_LIMIT_AUTH_PER_USERNAME, windowMs: authWindowMs },
      answersPerLearner: { limit: env.RATE_LIMIT_ANSWERS_PER_MINUTE, windowMs: 60 * 1000 },
    },
  });

  const server = createServer(requestListenerOf(app));
  server.listen(env.PORT, env.HOST, () => {
    const info = server.address() as AddressInfo;
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    const summary = `Loaded ${bank.scenarios.length} scenarios from ${env.CONTENT_DIR} in ${loadMs} ms (${bank.lastLoad.parsed} files parsed, ${bank.lastLoad.cached} from the cache)${bank.errors.length > 0 ? `; ${bank.errors.length} problems left files out, see above` : ''}.`;
    const url = `http://${host}:${info.port}`;
    if (role.kind === 'single') {
      console.log(summary);
      console.log(`Listening on ${url}`);
    } else if (role.kind === 'forwarder') tellPrimary({ type: 'listening', url });
    else {
      serveOwnerSocket(requestListenerOf(app, { viaOwnerSocket: true }), role.socketPath).then(
        () => tellPrimary({ type: 'listening', url, summary }),
        (error: Error) => {
          console.error(`Cannot listen on ${role.socketPath}: ${error.message}`);
          process.exit(1);
        },
      );
    }
  });
  server.on('error', (error) => {
    console.error(`Cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    void closeStore().finally(() => process.exit(1));
  });

  let closing = false;
  const shutDown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing.`);
    stopWatching();
    // Stop accepting connections, let in-flight requests finish, then close the store (SQLite
    // checkpoints its WAL, PostgreSQL's pool ends); force the exit if a keep-alive connection holds on.
    // Account sandboxes' coalesced saves are written first (DYNAMODB_SANDBOX_SYNC=off).
    const exit = () => {
      void Promise.resolve(sandboxStoreOf(app)?.flush())
        .catch((error: unknown) => console.error(`Saving DynamoDB sandboxes: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => closeStore().finally(() => process.exit(0)));
    };
    server.close(exit);
    setTimeout(exit, 3000).unref();
  };
  let closed: Promise<void> | undefined;
  function closeStore(): Promise<void> {
    closed ??= store.close().catch((error: unknown) => console.error(`Closing the database: ${error instanceof Error ? error.message : String(error)}`));
    return closed;
  }
  process.on('SIGINT', () => shutDown('SIGINT'));
  process.on('SIGTERM', () => shutDown('SIGTERM'));
}

let env: Env;
let store: Store;
try {
  env = parseEnv();
  // DATABASE_URL (PostgreSQL) wins over DATABASE_PATH (the embedded SQLite file).
  store = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
} catch (error) {
  // A bad variable or an unwritable database path is the operator's to fix: say what, not where.
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const workers = env.WORKERS === 'auto' ? availableParallelism() : env.WORKERS;
if (workers > 1 && cluster.isPrimary) {
  // The migrations ran as the store opened; the workers find them applied.
  await store.close();
  runPrimary({ workers, log: (line) => console.log(line), error: (line) => console.error(line) });
} else start(env, store, workerRole());
