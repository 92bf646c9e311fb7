/** The address a request came from, for rate limits. */
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
  if (trustProxy) {
    const forwarded = c.req
      .header('X-Forwarded-For')
      ?.split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    const last = forwarded?.at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
