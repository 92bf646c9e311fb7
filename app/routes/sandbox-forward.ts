/**
 * With several workers (WORKERS, app/cluster.ts) every DynamoDB sandbox lives in one of them,
 * the sandbox owner: node:cluster hands connections to workers in turn, and a sandbox split
 * between workers would show a table on one request and not on the next. Every other worker
 * passes the requests that touch sandboxes (the wire endpoint, DAX, the playground, rotating an
 * account's sandbox key) to the owner over a private Unix socket, unchanged, and sends its answer
 * back as it comes. Pages, answers and the API are served by whichever worker took the
 * connection: their state is in the database.
 */
import { type IncomingMessage, type OutgoingHttpHeaders, Agent, request, type ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, MiddlewareHandler } from 'hono';
import { DAX_PATHS, DYNAMODB_PATHS } from './dynamodb/index.ts';

const ENDPOINT_PATHS: ReadonlySet<string> = new Set([...DYNAMODB_PATHS, ...DAX_PATHS]);

/**
 * The client's address as the forwarding worker saw it, on the owner's socket only: the public
 * port never reads it, so no client can set it (client-address.ts).
 */
export const FORWARDED_CLIENT_HEADER = 'x-study-forwarded-client';

/** Paths whose handlers read or change a sandbox. */
export function touchesSandboxes(method: string, path: string, headers: { get(name: string): string | undefined }): boolean {
  if (ENDPOINT_PATHS.has(path)) return method === 'POST';
  if (path === '/playground' || path.startsWith('/playground/')) return true;
  if (path === '/account/sandbox-key/rotate') return true;
  // The SDKs post to the endpoint URL itself when it is given without a path.
  return path === '/' && method === 'POST' && headers.get('x-amz-target') !== undefined;
}

/** Passes a request to the owner's socket as it came and its answer back. */
export type Relay = (incoming: IncomingMessage, outgoing: ServerResponse, client: string) => Promise<void>;

/**
 * Middleware of a worker that does not own the sandboxes: first in the chain, before anything
 * reads the body. `relay` is the worker's one (relayTo), which the wire's front door also uses.
 */
export function forwardSandboxRequests(relay: Relay, clientAddress: (c: Context) => string): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return async (c, next) => {
    if (!touchesSandboxes(c.req.method, c.req.path, { get: (name) => c.req.header(name) })) return next();
    const { incoming, outgoing } = c.env;
    await relay(incoming, outgoing, clientAddress(c));
    return RESPONSE_ALREADY_SENT;
  };
}

/** A worker's relay to the owner's socket, over one pool of kept-alive connections. */
export function relayTo(socketPath: string): Relay {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return (incoming, outgoing, client) => relay(incoming, outgoing, socketPath, agent, client);
}

/** Hop-by-hop headers belong to the socket between the workers, not to the client's connection. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

function endToEnd(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  return kept;
}

function relay(incoming: IncomingMessage, outgoing: ServerResponse, socketPath: string, agent: Agent, client: string): Promise<void> {
  return new Promise((resolve) => {
    const headers: OutgoingHttpHeaders = { ...incoming.headers, [FORWARDED_CLIENT_HEADER]: client };
    delete headers.connection;
    const upstream = request({ socketPath, agent, method: incoming.method, path: incoming.url, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, endToEnd(answer.rawHeaders));
      answer.pipe(outgoing);
      answer.on('end', resolve);
      answer.on('error', () => {
        outgoing.destroy();
        resolve();
      });
    });
    upstream.on('error', (error) => {
      // The owner is restarting (app/cluster.ts forks a new one): a 503, which the SDKs retry.
      if (outgoing.headersSent) outgoing.destroy();
      else if (incoming.url?.startsWith('/playground') || incoming.url?.startsWith('/account')) {
        outgoing.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
        outgoing.end('The sandbox worker is restarting; reload the page in a moment.');
      } else {
        outgoing.writeHead(503, { 'content-type': 'application/x-amz-json-1.0', 'retry-after': '1' });
        outgoing.end(
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
            message: `The sandbox worker is unavailable (${error.message}); try again.`,
          }),
        );
      }
      resolve();
    });
    incoming.pipe(upstream);
  });
}
