/** The address a request came from, for rate limits. */
import type { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../routes/app-env.ts';

/**
 * The socket's peer, or, behind a reverse proxy (TRUST_PROXY), the last X-Forwarded-For entry:
 * the one our proxy appended. Earlier entries are whatever the client chose to send.
 */
export function clientAddress(c: Context<AppEnv>): string {
  return addressOf(c, c.var.deps.trustProxy);
}

/** The same, for routes given `trustProxy` directly rather than through the app's deps (/dynamodb). */
export function addressOf(c: Context, trustProxy: boolean): string {
  // Set only by the sandbox owner's private socket (app/cluster.ts): the forwarding worker's view.
  const viaOwnerSocket = (c.env as { forwardedClient?: string } | undefined)?.forwardedClient;
  if (viaOwnerSocket) return viaOwnerSocket;
  const forwarded = trustProxy ? lastForwardedFor(c.req.header('X-Forwarded-For')) : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/** The same for a request served straight from Node's HTTP server (the wire's fast path). */
export function addressOfIncoming(incoming: IncomingMessage, trustProxy: boolean): string {
  const header = incoming.headers['x-forwarded-for'];
  const forwarded = trustProxy ? lastForwardedFor(Array.isArray(header) ? header.join(', ') : header) : undefined;
  return forwarded ?? incoming.socket.remoteAddress ?? 'unknown';
}

function lastForwardedFor(header: string | undefined): string | undefined {
  const last = header
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .at(-1);
  return last || undefined;
}
