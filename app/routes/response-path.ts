/**
 * Two things in the request path that cost a page more than its own rendering, found with
 * --cpu-prof under load (issue 17):
 *
 * - Hono's JSX renders to a `String` object, and @hono/node-server writes a response straight
 *   to the socket only when its body is a primitive string; any other body becomes a WHATWG
 *   Response read through a ReadableStream, about a fifth of a question page's CPU.
 * - bodyLimit asks for the request's body stream, which makes node-server build a full WHATWG
 *   Request even for a GET that has no body.
 */
import type { Context, MiddlewareHandler } from 'hono';
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

/** Runs `middleware` only for requests that may carry a body. */
export function forRequestsWithBody(middleware: MiddlewareHandler): MiddlewareHandler {
  return (c, next) => (BODYLESS.has(c.req.method) ? next() : middleware(c, next));
}
