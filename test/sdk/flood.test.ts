/**
 * A bounded loopback flood: one client address cycling through many access key ids floods the
 * endpoint while another client address is served. The flooder must be throttled (400
 * ThrottlingException) and every request of the other client must succeed, on a clock that
 * does not move (the limits' windows are counted, not timed). Latencies are
 * printed, not asserted (timings belong in test/bench).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointListener } from '../../app/routes/dynamodb/front-door.ts';
import { dynamodbEndpoint, SandboxRegistry } from '../../app/routes/dynamodb/index.ts';
import { listen } from '../helpers/listen.ts';

const FLOOD_REQUESTS = 1500;
const FLOOD_PARALLEL = 32;
const OTHER_REQUESTS = 200;

let url = '';
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  // The client address comes from X-Forwarded-For (as behind a proxy), so both clients can share
  // loopback. The clock stands still, so the per-address window never rolls over: the flooder is
  // throttled after its 500th request however slowly a loaded machine serves them.
  const frozen = Date.UTC(2026, 0, 1);
  const endpoint = dynamodbEndpoint(new SandboxRegistry({ now: () => frozen }), {
    trustProxy: true,
    limits: { requestsPerAddress: 500, maxConcurrent: 64 },
    logger: { error: () => {} },
  });
  const server = await listen(endpointListener(endpoint, { trustProxy: true }));
  url = `${server.url}/dynamodb`;
  close = server.close;
});
afterAll(() => close());

function listTables(address: string, key: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      'x-forwarded-for': address,
      authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: '{}',
  });
}

describe('a flood from one address', () => {
  it('throttles the flooding address and serves every request of another', async () => {
    const floodStatuses = new Map<number, number>();
    let throttleType = '';
    let sent = 0;
    const flooder = async () => {
      while (sent < FLOOD_REQUESTS) {
        const n = sent++;
        const response = await listTables('203.0.113.9', `FLOOD${n % 500}`);
        const body = (await response.json()) as { __type?: string };
        if (response.status === 400) throttleType = body.__type ?? '';
        floodStatuses.set(response.status, (floodStatuses.get(response.status) ?? 0) + 1);
      }
    };
    const latencies: number[] = [];
    const otherStatuses: number[] = [];
    const other = async () => {
      for (let i = 0; i < OTHER_REQUESTS; i++) {
        const started = performance.now();
        const response = await listTables('198.51.100.7', 'CALM');
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        otherStatuses.push(response.status);
        if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    await Promise.all([...Array.from({ length: FLOOD_PARALLEL }, flooder), other()]);
    expect(floodStatuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(throttleType).toBe('com.amazon.coral.availability#ThrottlingException');
    expect(otherStatuses.every((status) => status === 200)).toBe(true);
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    console.log(
      `flood: ${JSON.stringify(Object.fromEntries(floodStatuses))}; other client p50 ${at(0.5)} ms, p99 ${at(0.99)} ms over ${OTHER_REQUESTS} requests`,
    );
  });
});
