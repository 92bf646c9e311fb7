/**
 * Several workers on one port (WORKERS): node:cluster's primary forks them, hands each new
 * connection to the next, prints the address once all listen, starts a new worker when one dies,
 * and passes SIGTERM on. Learners' state is in the database, so any worker serves any page; the
 * DynamoDB sandboxes live in worker 1, the sandbox owner, which also listens on a private Unix
 * socket that the other workers forward sandbox requests to (routes/sandbox-forward.ts).
 */
import cluster, { type Worker } from 'node:cluster';
import { rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type WorkerRole =
  /** One process serves everything (WORKERS=1). */
  | { readonly kind: 'single' }
  /** Worker 1: holds the sandboxes and serves them on `socketPath` too. */
  | { readonly kind: 'owner'; readonly index: number; readonly socketPath: string }
  /** Workers 2..N: forward sandbox requests to the owner's socket. */
  | { readonly kind: 'forwarder'; readonly index: number; readonly socketPath: string };

const OWNER_INDEX = 1;

/** What the primary told this process when it forked it; `single` outside a cluster. */
export function workerRole(): WorkerRole {
  if (!cluster.isWorker) return { kind: 'single' };
  const index = Number(process.env.WORKER_INDEX);
  const socketPath = process.env.SANDBOX_SOCKET ?? '';
  return index === OWNER_INDEX ? { kind: 'owner', index, socketPath } : { kind: 'forwarder', index, socketPath };
}

/** Messages a worker sends the primary. */
export type WorkerMessage = { readonly type: 'listening'; readonly url: string; readonly summary?: string };

export function tellPrimary(message: WorkerMessage): void {
  process.send?.(message);
}

/**
 * The owner's second door: the same app on a Unix socket only this machine's workers reach. A
 * request arriving here carries the client's address as the forwarding worker saw it
 * (`requestListenerOf(app, { viaOwnerSocket: true })` reads it).
 */
export function serveOwnerSocket(listener: RequestListener, socketPath: string): Promise<Server> {
  rmSync(socketPath, { force: true });
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve(server));
  });
}

export interface PrimaryOptions {
  readonly workers: number;
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
}

/** Runs the primary: forks the workers and looks after them until a signal ends it. */
export function runPrimary({ workers, log, error }: PrimaryOptions): void {
  const socketPath = join(tmpdir(), `dynamodb-study-${process.pid}.sock`);
  const indexOf = new Map<number, number>();
  const listening = new Set<number>();
  let announced = false;
  let closing = false;

  const fork = (index: number): Worker => {
    const worker = cluster.fork({ WORKER_INDEX: String(index), SANDBOX_SOCKET: socketPath });
    indexOf.set(worker.id, index);
    return worker;
  };

  cluster.on('message', (worker, message: WorkerMessage) => {
    if (message?.type !== 'listening') return;
    const index = indexOf.get(worker.id)!;
    listening.add(index);
    if (index === OWNER_INDEX && message.summary) log(message.summary);
    if (!announced && listening.size === workers) {
      announced = true;
      log(`Listening on ${message.url} (${workers} workers)`);
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const index = indexOf.get(worker.id)!;
    indexOf.delete(worker.id);
    if (closing) {
      if (indexOf.size === 0) {
        rmSync(socketPath, { force: true });
        process.exit(0);
      }
      return;
    }
    if (!listening.has(index)) {
      // It never got as far as listening: a bad setting or an unusable port, which another fork would repeat.
      error(`Worker ${index} stopped before it was ready (${signal ?? `exit code ${code}`}); stopping.`);
      closing = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (indexOf.size === 0) process.exit(1);
      return;
    }
    // The sandbox owner's sandboxes die with it (account sandboxes are saved: they come back).
    error(`Worker ${index} exited (${signal ?? `exit code ${code}`}); starting another.`);
    listening.delete(index);
    fork(index);
  });

  const shutDown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    log(`${signal} received: closing ${indexOf.size} workers.`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutDown('SIGINT'));
  process.on('SIGTERM', () => shutDown('SIGTERM'));

  for (let index = 1; index <= workers; index++) fork(index);
}
