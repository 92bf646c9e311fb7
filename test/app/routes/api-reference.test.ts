/** /api/reference: the JSON API's reference, rendered from the OpenAPI document the app serves. */
import { afterAll, describe, expect, it } from 'vitest';
import { anchorFor, groupOperations, type OpenApiDocument } from '../../../app/routes/api/reference-view.tsx';
import { createTestApp } from '../../helpers/test-app.ts';

const testApp = await createTestApp();
afterAll(() => testApp.close());

async function fetchBoth(): Promise<{ html: string; document: OpenApiDocument; csp: string | null }> {
  const page = await testApp.app.request('/api/reference');
  expect(page.status).toBe(200);
  const document = (await (await testApp.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  return { html: await page.text(), document, csp: page.headers.get('Content-Security-Policy') };
}

describe('the API reference page', () => {
  it('lists every operation of the OpenAPI document under its tag, each with its own anchor', async () => {
    const { html, document } = await fetchBoth();
    const operations = groupOperations(document).flatMap(([, ops]) => ops);
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) {
      expect(html, `${op.method} ${op.path}`).toContain(`id="${op.id}"`);
      expect(html).toContain(`>${op.method.toUpperCase()}</span>`);
    }
    expect(new Set(operations.map((op) => op.id)).size).toBe(operations.length);
  });

  it('links every schema it names to that schema on the same page', async () => {
    const { html, document } = await fetchBoth();
    const targets = [...html.matchAll(/href="#(schema-[^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(50);
    for (const target of new Set(targets)) expect(html, target).toContain(`id="${target}"`);
    expect(new Set(targets).size).toBeLessThanOrEqual(Object.keys(document.components?.schemas ?? {}).length);
  });

  it('needs no script or inline style, so the site-wide Content-Security-Policy holds', async () => {
    const { html, csp } = await fetchBoth();
    expect(csp).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it('is linked from every page footer and stays out of the document it describes', async () => {
    const home = await (await testApp.app.request('/')).text();
    expect(home).toContain('<a href="/api/reference">reference</a>');
    const { document } = await fetchBoth();
    expect(Object.keys(document.paths ?? {})).not.toContain('/api/reference');
  });
});

describe('anchorFor', () => {
  it.each([
    ['get', '/api/areas', 'get-api-areas'],
    ['post', '/api/exams/{examId}/questions/{position}', 'post-api-exams-examId-questions-position'],
  ])('%s %s is #%s', (method, path, id) => {
    expect(anchorFor(method, path)).toBe(id);
  });
});
