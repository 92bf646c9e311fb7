/**
 * Cross-site request forgery: a page on another site must not be able to post an answer, a
 * report or an API call with the learner's cookies. The rule follows Go's
 * net/http.CrossOriginProtection (Go 1.25), which reads the headers browsers set themselves:
 *
 * - GET, HEAD and OPTIONS change nothing and always pass.
 * - `Sec-Fetch-Site` (every current browser sends it): `same-origin` or `none` (typed in the
 *   address bar, a bookmark) passes; `same-site` and `cross-site` are refused, since a sibling
 *   subdomain is not necessarily ours.
 * - Without it, an `Origin` (older browsers send one with every POST) must name this host.
 * - With neither, the request did not come from a browser page (curl, scripts, the AWS SDK,
 *   a Bearer API client) and passes: a browser cannot be made to omit both.
 *
 * Hono's `csrf` middleware only checks form content types, so a `text/plain` or JSON post to
 * /api/ would slip by it; this checks every content type.
 *
 * The DynamoDB wire endpoint is exempt: it serves SDKs, keys its sandboxes by the access key in
 * the Authorization header (which a cross-site form cannot set), and holds no learner's data.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { renderErrorPage } from '../views/render-error-page.tsx';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isDynamoDbEndpoint(c: Context): boolean {
  const path = c.req.path;
  return path === '/dynamodb' || path === '/dynamodb/' || (path === '/' && c.req.header('X-Amz-Target') !== undefined);
}

/** Why the request is cross-site, or undefined when it may proceed. */
export function crossSiteReason(method: string, requestUrl: string, secFetchSite: string | undefined, origin: string | undefined): string | undefined {
  if (SAFE_METHODS.has(method.toUpperCase())) return undefined;
  if (secFetchSite !== undefined) {
    const site = secFetchSite.trim().toLowerCase();
    return site === 'same-origin' || site === 'none' ? undefined : `your browser says it came from a page on another site (Sec-Fetch-Site: ${site})`;
  }
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  // The host only: behind a TLS-terminating proxy the scheme we see differs from the browser's.
  return host !== undefined && host !== '' && host === new URL(requestUrl).host
    ? undefined
    : `it came from ${origin === 'null' ? 'a page with no origin' : origin}, not this site`;
}

export function refuseCrossSiteRequests(): MiddlewareHandler {
  return async (c, next) => {
    if (isDynamoDbEndpoint(c)) return next();
    const reason = crossSiteReason(c.req.method, c.req.url, c.req.header('Sec-Fetch-Site'), c.req.header('Origin'));
    if (reason === undefined) return next();
    const message = `This request was refused because ${reason}. Nothing was stored. If you sent it yourself, open the page on this site and send it again.`;
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return c.json({ error: { code: 'CrossSiteRequest', message } }, 403);
    }
    return c.html(renderErrorPage({ status: 403, title: 'Request refused', message }), 403);
  };
}
