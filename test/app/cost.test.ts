import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calculateWorkloadCost } from '../../engine/index.ts';
import { formatUsd } from '../../engine/index.ts';
import { DEFAULT_WORKLOAD } from '../../engine/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const post = (body: unknown) => t.app.request('/api/cost', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

describe('POST /api/cost', () => {
  it('prices the default workload exactly as the model does', async () => {
    const response = await post({});
    expect(response.status).toBe(200);
    const body = await response.json();
    const model = calculateWorkloadCost(DEFAULT_WORKLOAD);
    expect(body.onDemand.total).toBe(model.onDemand.total.toFixed());
    expect(body.provisioned.total).toBe(model.provisioned.total.toFixed());
    expect(body.provisioned).toMatchObject({ rcu: 73, wcu: 58 });
    expect(body.breakEvenPercent).toBe(28.9);
    expect(body.cheaper).toBe('provisioned');
    expect(body.hoursPerMonth).toBe(730);
    expect(body.dax).toBeNull();
    expect(body.chart).toHaveLength(19);
  });

  it('prices the Infracost golden table: 20 WCU and 30 RCU provisioned', async () => {
    // 14 writes/s at 70 % → 20 WCU; 21 strong 4 KB reads/s → 30 RCU; no storage, no GSI.
    const body = await (await post({ writesPerSecond: 14, readsPerSecond: 21, readConsistency: 'strong', gsiCount: 0, storedItems: 0 })).json();
    const amounts = Object.fromEntries(body.provisioned.lines.map((l: { id: string; amountUsd: number }) => [l.id, l.amountUsd]));
    expect(amounts['provisioned.wcu']).toBe(9.49);
    expect(amounts['provisioned.rcu']).toBe(2.85);
  });

  it('adds a DAX cluster and its saving both ways', async () => {
    const body = await (await post({ readsPerSecond: 1000, daxNodeType: 'dax.t3.small', daxNodes: 3, daxHitRatioPercent: 80 })).json();
    expect(body.dax.clusterUsd).toBe(87.6);
    expect(body.dax.onDemand).toMatchObject({ savingUsd: 131.4, netUsd: 43.8, paysForItself: true });
  });

  it('adds replicated writes, replica storage and PITR when asked', async () => {
    const body = await (await post({ replicaRegions: 2, pointInTimeRecovery: true })).json();
    const ids = (bill: { lines: { id: string }[] }) => bill.lines.map((l) => l.id);
    expect(ids(body.onDemand)).toEqual(expect.arrayContaining(['ondemand.replicated.writes', 'replica.storage', 'pitr']));
    expect(ids(body.provisioned)).toEqual(expect.arrayContaining(['provisioned.rwcu', 'replica.storage', 'pitr']));
  });

  it.each([
    { body: { readsPerSecond: -1 }, field: 'readsPerSecond', message: 'Reads cannot be negative' },
    { body: { writeItemBytes: 409_601 }, field: 'writeItemBytes', message: 'an item is at most 400 KB (409,600 bytes)' },
    { body: { daxNodeType: 'dax.m9.huge' }, field: 'daxNodeType', message: 'unknown node type "dax.m9.huge"' },
    { body: { daxNodes: 12 }, field: 'daxNodes', message: 'a DAX cluster has 1 to 11 nodes' },
    { body: { targetUtilisationPercent: 95 }, field: 'targetUtilisationPercent', message: 'Auto-scaling target is between 20 and 90 %' },
    { body: { readsPerSecond: '5' }, field: 'readsPerSecond', message: 'must be a number' },
  ])('answers 400 naming $field', async ({ body, field, message }) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.field).toBe(field);
    expect(json.errors.find((e: { field: string }) => e.field === field).message).toContain(message);
  });

  it('lists one message per invalid field', async () => {
    const json = await (await post({ readsPerSecond: -1, writesPerSecond: -2, readItemBytes: 500_000 })).json();
    expect(json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['readItemBytes', 'readsPerSecond', 'writesPerSecond']);
  });

  it('rejects unknown fields', async () => {
    const response = await post({ readsPerSecnd: 5 });
    expect(response.status).toBe(400);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(doc.paths['/api/cost'].post.responses).toHaveProperty('400');
    expect(doc.paths['/api/cost/serverless'].post.responses).toHaveProperty('200');
    expect(doc.components.schemas).toHaveProperty('CostRequest');
  });
});

describe('GET /cost', () => {
  it('renders the form with defaults, both totals, the break-even, the chart and the price table', async () => {
    const response = await t.app.request('/cost');
    expect(response.status).toBe(200);
    const html = await response.text();
    const model = calculateWorkloadCost(DEFAULT_WORKLOAD);
    expect(html).toContain(`data-testid="on-demand-total">${formatUsd(model.onDemand.total)}<`);
    expect(html).toContain(`data-testid="provisioned-total">${formatUsd(model.provisioned.total)}<`);
    expect(html).toContain('data-testid="break-even">28.9%<');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<legend>Traffic (average over the month)</legend>');
    expect(html).toContain('Infracost golden dynamodb_table_test');
    expect(html).toContain('aria-current="page"');
  });

  it('takes the workload from the query string', async () => {
    const html = await (
      await t.app.request(
        '/cost?readsPerSecond=0&writesPerSecond=0&gsiCount=0&storedItems=0&readItemBytes=4096&writeItemBytes=1024&readConsistency=eventual&transactionalReadPercent=0&transactionalWritePercent=0&storedItemBytes=1024&tableClass=standard&targetUtilisationPercent=70&daxNodeType=none&daxNodes=3&daxHitRatioPercent=80',
      )
    ).text();
    expect(html).toContain('data-testid="on-demand-total">$0.00<');
    // The minimum of 1 RCU and 1 WCU: 0.0949 + 0.4745.
    expect(html).toContain('data-testid="provisioned-total">$0.57<');
  });

  it('re-renders the form with a message per field and a 400', async () => {
    const response = await t.app.request('/cost?readsPerSecond=-5&readItemBytes=500000&daxNodeType=dax.x1');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Reads cannot be negative');
    expect(html).toContain('an item is at most 400 KB (409,600 bytes)');
    expect(html).toContain('unknown node type &quot;dax.x1&quot;');
    expect(html).toContain('<a href="#f-readsPerSecond">Reads per second</a>');
    expect(html).toMatch(/id="f-readsPerSecond"[^>]*aria-invalid="true"/);
    expect(html).not.toContain('data-testid="on-demand-total"');
  });
});

describe('serverless stack', () => {
  it('prices the study guide’s 50 users by default and sets the guide’s claim beside it', async () => {
    const response = await t.app.request('/cost/serverless');
    expect(response.status).toBe(200);
    const html = await response.text();
    // 50 × 20 × 730 / 24 = 30,416.67 → 30,417 requests; everything but DynamoDB's writes is in the free tier or cents.
    expect(html).toContain('30,417 requests a month cost');
    expect(html).toContain('data-testid="serverless-dynamodb">$0.02<');
    expect(html).toContain('1,090,910');
  });

  it('answers POST /api/cost/serverless with the bill and the guide comparison', async () => {
    const response = await t.app.request('/api/cost/serverless', {
      method: 'POST',
      body: JSON.stringify({ users: 1000, requestsPerUserPerDay: 1000 / (730 / 24), freeTier: false }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    // 1,000,000 requests: $1.00 HTTP API + $0.20 + 12,500 GB-s × $0.0000166667 + $0.625 + $0.0625 + storage.
    expect(body.requestsPerMonth).toBe(1_000_000);
    expect(body.apiGatewayUsd).toBe(1);
    expect(body.lambdaUsd).toBe(0.41);
    expect(body.guide.requestsForClaimedDynamoDb).toBe(1_090_910);
  });

  it('rejects a Lambda longer than 15 minutes with the field named', async () => {
    const response = await t.app.request('/api/cost/serverless', {
      method: 'POST',
      body: JSON.stringify({ durationMs: 900_001 }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field: 'durationMs', message: 'a Lambda invocation lasts at most 900,000 ms (15 minutes)' }]);
  });

  it('re-renders its form with a message per field and a 400', async () => {
    const response = await t.app.request('/cost/serverless?users=0&memoryMb=64&api=soap');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Users is between 1 and 100,000,000');
    expect(html).toContain('Lambda memory is between 128 and 10,240');
    expect(html).toContain('choose http or rest');
  });
});

describe('traffic shape', () => {
  it('prices the default spiky day: bursts held at the peak all day make on-demand cheaper', async () => {
    const response = await t.app.request('/api/cost/traffic', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(200);
    const body = await response.json();
    // (22 × 20 + 2 × 1,000) × 3,600 = 8,784,000 requests a day × $0.0000006875 × 730 / 24.
    expect(body.onDemandUsd).toBe(183.69);
    // 500 RCU + 1,000 WCU all month: (500 × 0.00013 + 1,000 × 0.00065) × 730.
    expect(body.provisionedUsd).toBe(521.95);
    expect(body.cheaper).toBe('on-demand');
    expect(body.differenceUsd).toBe(338.26);
    expect(body.hours).toHaveLength(24);
    expect(body.hours[12]).toMatchObject({ requestsPerSecond: 1000, wcu: 1000 });
  });

  it('renders the page with the verdict and an accessible day chart', async () => {
    const html = await (
      await t.app.request(
        '/cost/traffic?shape=steady&baseRequestsPerSecond=100&peakRequestsPerSecond=100&readUnitsPerRequest=0&writeUnitsPerRequest=1&provisioning=auto-scaling&targetUtilisationPercent=70&tableClass=standard',
      )
    ).text();
    expect(html).toContain('Provisioned is cheaper by $96.30 a month.');
    expect(html).toContain('<title id="day-chart-title">');
  });

  it('rejects an unknown shape with the field named', async () => {
    const response = await t.app.request('/api/cost/traffic', {
      method: 'POST',
      body: JSON.stringify({ shape: 'bursty' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0]).toEqual({ field: 'shape', message: 'choose one of steady, daily-peak, spiky' });
  });
});

describe('reserved capacity on the calculator', () => {
  it('prices the default workload’s 73 RCU (72 + the GSI’s minimum 1) and 58 WCU with no whole block reserved, and a big one with blocks', async () => {
    const small = await (await post({})).json();
    // No block of 100: everything at the standard rate, 73 × 0.0949 + 58 × 0.4745.
    expect(small.reserved.total).toBe('34.4487');
    const big = await (await post({ writesPerSecond: 140, gsiCount: 0, readsPerSecond: 0 })).json();
    // 200 WCU reserved: 2 × (150 / 12 + 0.0128 × 730) = 43.688, plus the 1 RCU minimum.
    expect(big.provisioned.wcu).toBe(200);
    expect(big.reserved.total).toBe('43.7829');
  });

  it('is not offered for Standard-IA', async () => {
    expect((await (await post({ tableClass: 'standard-ia' })).json()).reserved).toBeNull();
  });
});

describe('cost pages', () => {
  it('serve their stylesheet and link it from each page', async () => {
    const css = await t.app.request('/cost/style.css');
    expect(css.headers.get('Content-Type')).toContain('text/css');
    expect(await css.text()).toContain('.field-error');
    for (const path of ['/cost', '/cost/serverless', '/cost/traffic']) {
      expect(await (await t.app.request(path)).text()).toContain('<link rel="stylesheet" href="/cost/style.css"/>');
    }
  });

  it('keeps a ticked checkbox ticked and applies it', async () => {
    const html = await (await t.app.request('/cost?freeTier=on&readsPerSecond=10')).text();
    expect(html).toMatch(/id="f-freeTier"[^>]*checked/);
    expect(html).toContain('Free tier: 25 WCU');
  });

  it('treats a submitted form without the checkbox as unticked', async () => {
    const html = await (await t.app.request('/cost/serverless?users=50')).text();
    expect(html).not.toMatch(/id="f-freeTier"[^>]*checked/);
  });
});
