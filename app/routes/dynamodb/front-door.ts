/**
 * The request listener Node's HTTP server runs. A DynamoDB wire request (`isWireRequest`) goes
 * straight to its handler, which reads the socket's request and writes the answer itself; the
 * rest goes to the app through @hono/node-server. Through the app, a GetItem cost about twice
 * its own work: routing, the page middleware (security headers for HTML, the request context),
 * and a web Request and Response around each call. `npm run bench` (`BENCH_ONLY=engine`) shows
 * what is left beside bare node:http.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { addressOfIncoming } from '../../auth/client-address.ts';
import { type DynamodbEndpoint, incomingHeader, isWireRequest } from './index.ts';

/** Serves one wire request from the socket; `client` is the address its rate is counted against. */
export type WireHandler = (incoming: IncomingMessage, outgoing: ServerResponse, client: string) => void | Promise<void>;

type Fetch = Parameters<typeof getRequestListener>[0];

export function frontDoor(fetch: Fetch, wire: WireHandler, clientOf: (incoming: IncomingMessage) => string): RequestListener {
  const app = getRequestListener(fetch);
  return (incoming, outgoing) => {
    if (!isWireRequest(incoming.method, incoming.url, (name) => incomingHeader(incoming, name))) return void app(incoming, outgoing);
    // The handler answers every request itself, errors included.
    void wire(incoming, outgoing, clientOf(incoming));
  };
}

/** The endpoint alone as a server's listener (the SDK suites, the bench): the same front door main.ts serves. */
export function endpointListener(endpoint: DynamodbEndpoint, { trustProxy = false } = {}): RequestListener {
  return frontDoor(endpoint.routes.fetch, endpoint.serveIncoming, (incoming) => addressOfIncoming(incoming, trustProxy));
}
