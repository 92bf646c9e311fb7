/**
 * Two things in the request path that cost a page more than its own rendering, found with
 * --cpu-prof under load (issue 17):
 *
 * - Hono's JSX renders to a `String` object, and @hono/node-server writes a response straight
 *   to the socket only when its body is a primitive string; any other body becomes a WHATWG
 *   Response read through a ReadableStream, about a fifth of a question page's CPU.
 * - bodyLimit asks for the request's body stream first, which makes node-server build a full
 *   WHATWG Request (even for a GET) and then read the body through it, instead of reading it
 *   straight from the socket when the route asks for it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { resolveCallback, HtmlEscapedCallbackPhase } from 'hono/utils/html';

type Html = Context['html'];

/** c.html with the rendered page handed on as a primitive string (same bytes, the fast write). */
export const htmlAsPlainString: MiddlewareHandler = async (c, next) => {
  const html: Html = c.html;
  c.html = ((body: unknown, ...rest: unknown[]) => {
    const respond = (text: unknown) => (html as (...args: unknown[]) => Response | Promise<Response>)(`${text}`, ...rest);
    if (typeof body === 'string') return respond(body);
    return resolveCallback(body as string, HtmlEscapedCallbackPhase.Stringify, false, {}).then(respond);
  }) as Html;
  await next();
};

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * hono/body-limit's rule without touching the body when it need not: no body for a GET, and a
 * declared Content-Length (without Transfer-Encoding) decides by itself, as bodyLimit decides
 * it; a chunked body goes through bodyLimit, which counts it as it streams.
 */
export function limitBody(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const streamed = bodyLimit(options);
  return async (c, next) => {
    if (BODYLESS.has(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > options.maxSize ? options.onError(c) : next();
    }
    return streamed(c, next);
  };
}
