/**
 * The server: read the environment, open and migrate the database, load the question bank,
 * listen. The only file that wires real I/O into createApp.
 */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { loadBank } from './bank/index.ts';
import { consoleLogger, createApp } from './create-app.ts';
import { openDatabase } from './db/connection.ts';
import { parseEnv } from './env.ts';

const env = parseEnv();
const database = openDatabase(env.DATABASE_PATH);
const bank = loadBank(resolve(env.CONTENT_DIR));
for (const error of bank.errors) console.error(`${error.file}:${error.line}: ${error.message}`);

const app = createApp({ db: database.db, bank, logger: consoleLogger });

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  console.log(`Loaded ${bank.scenarios.length} scenarios from ${env.CONTENT_DIR}${bank.errors.length > 0 ? ` (${bank.errors.length} left out, see above)` : ''}.`);
  console.log(`Listening on http://${host}:${info.port}`);
});

let closing = false;
function shutDown(signal: string): void {
  if (closing) return;
  closing = true;
  console.log(`${signal} received: closing.`);
  // Stop accepting connections, let in-flight requests finish, then close SQLite so the WAL
  // is checkpointed; force the exit if a keep-alive connection holds on.
  server.close(() => {
    database.close();
    process.exit(0);
  });
  setTimeout(() => {
    database.close();
    process.exit(0);
  }, 3000).unref();
}
process.on('SIGINT', () => shutDown('SIGINT'));
process.on('SIGTERM', () => shutDown('SIGTERM'));
