/**
 * The HTTP bench's servers. Ours is the app as `npm start` runs it (compiled, on a temporary
 * SQLite file, DYNAMODB_PROFILE=local), so the figures are what a user gets, front door and all.
 * Its peers, dynalite and the node:http floor, share a process of their own: in the bench's
 * process they would share one thread with the AWS SDK client, whose work (signing, serialising,
 * parsing) is most of a GetItem's cost, so the client would decide the figures. The parent reads
 * how much CPU each server process spent per operation: ours from /proc (Linux), the peers'
 * process answers 'cpu' with its CPU milliseconds so far.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuMicros, startServer } from './load.ts';

/**
 * Both servers keep idle connections for a minute: with Node's default of 5 seconds, a socket
 * left idle while the other server is measured can close just as the client reuses it, and the
 * request fails with "socket hang up".
 */
const KEEP_ALIVE_MS = 60_000;

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

type Message = { readonly urls: { readonly dynalite: string; readonly floor: string } } | { readonly cpuMs: number };

export interface ServerProcess {
  /** The app's origin (its wire endpoint is `${ours}/dynamodb`). */
  readonly ours: string;
  readonly dynalite: string;
  /** Bare node:http with a fixed answer (startFloor). */
  readonly floor: string;
  /** CPU milliseconds our server's process has used so far (NaN where /proc is missing). */
  oursCpuMs(): Promise<number>;
  /** The same for the process of dynalite and the floor. */
  peersCpuMs(): Promise<number>;
  close(): Promise<void>;
}

/** Starts our server and the peers' process, and waits until all listen. */
export async function startServerProcess(): Promise<ServerProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting: ((ms: number) => void)[] = [];
  const peers = new Promise<{ readonly dynalite: string; readonly floor: string }>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: Message) => {
      if ('cpuMs' in message) waiting.shift()?.(message.cpuMs);
      else resolve(message.urls);
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-app-'));
  const [urls, ours] = await Promise.all([peers, startServer(join(dir, 'bench.db'), { DYNAMODB_PROFILE: 'local', WORKERS: '1' })]);
  return {
    ...urls,
    ours: ours.url,
    oursCpuMs: async () => (cpuMicros(ours.process.pid) ?? Number.NaN) / 1000,
    peersCpuMs: () =>
      new Promise((answer) => {
        waiting.push(answer);
        child.send('cpu');
      }),
    close: async () => {
      const exited = (process: ChildProcess) => new Promise<void>((done) => (process.exitCode !== null ? done() : process.once('exit', () => done())));
      const both = [exited(child), exited(ours.process)];
      child.kill();
      ours.process.kill();
      await Promise.all(both);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.send) {
  const [dynalite, floor] = await Promise.all([startDynalite(), startFloor()]);
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpuMs: cpuMs() });
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ urls: { dynalite, floor } });
}
