/**
 * The HTTP bench's two servers, ours and dynalite, in a process of their own. In the bench's
 * process they would share one thread with the AWS SDK client, whose work (signing, serialising,
 * parsing) is most of a GetItem's cost, so the client would decide the figures; here the
 * parent can also read how much CPU the servers spent per operation.
 * Run by engine.ts (fork); it answers 'cpu' with its CPU milliseconds so far.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { dynamodbRoutes } from '../../app/routes/dynamodb/index.ts';
import { SandboxRegistry } from '../../app/routes/dynamodb/sandboxes.ts';

/**
 * Both servers keep idle connections for a minute: with Node's default of 5 seconds, a socket
 * left idle while the other server is measured can close just as the client reuses it, and the
 * request fails with "socket hang up".
 */
const KEEP_ALIVE_MS = 60_000;

function startOurs(): Promise<string> {
  // As DYNAMODB_PROFILE=local serves it: with the per-address rate (2,000/s by default) in
  // place, a fast round would be throttled, and maxAttempts 1 would fail it.
  const app = dynamodbRoutes(new SandboxRegistry({ now: () => Date.now(), requestsPerSecond: Number.POSITIVE_INFINITY }), {
    limits: { requestsPerAddress: Number.POSITIVE_INFINITY },
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
    (server as Server).keepAliveTimeout = KEEP_ALIVE_MS;
  });
}

function startDynalite(): Promise<string> {
  const require = createRequire(import.meta.url);
  const dynalite = require('dynalite') as (options: Record<string, number>) => Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/**
 * The floor for the wrk rows: Node's own HTTP server reading each request body and answering a
 * fixed GetItem response with DynamoDB's headers. Any server on node:http spends at least this.
 */
const FIXED_GET_ITEM = JSON.stringify({ Item: { pk: { S: 'user#1' }, name: { S: 'name 1' }, score: { N: '7' }, active: { BOOL: false } } });

function startFloor(): Promise<string> {
  const server = createServer((request, response) => {
    request.on('data', () => {});
    request.on('end', () => {
      response.writeHead(200, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': '0'.repeat(52),
        'content-length': Buffer.byteLength(FIXED_GET_ITEM),
      });
      response.end(FIXED_GET_ITEM);
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

type Message = { readonly urls: { readonly ours: string; readonly dynalite: string; readonly floor: string } } | { readonly cpuMs: number };

export interface ServerProcess {
  readonly ours: string;
  readonly dynalite: string;
  /** Bare node:http with a fixed answer (startFloor). */
  readonly floor: string;
  /** CPU milliseconds the server process has used so far. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the servers' process and waits until both listen. */
export function startServerProcess(): Promise<ServerProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting: ((ms: number) => void)[] = [];
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: Message) => {
      if ('cpuMs' in message) waiting.shift()?.(message.cpuMs);
      else {
        resolve({
          ...message.urls,
          cpuMs: () =>
            new Promise((answer) => {
              waiting.push(answer);
              child.send('cpu');
            }),
          close: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill();
            }),
        });
      }
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.send) {
  const [ours, dynalite, floor] = await Promise.all([startOurs(), startDynalite(), startFloor()]);
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpuMs: cpuMs() });
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ urls: { ours, dynalite, floor } });
}
