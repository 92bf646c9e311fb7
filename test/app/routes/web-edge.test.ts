import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crossSiteReason } from '../../../app/routes/cross-site.ts';
import { safeReturnPath } from '../../../app/routes/safe-redirect.ts';
import { answerFields, Browser, createTestApp, firstScenarioOfKind, readSubmissionToken, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';
import { queryNumber } from '../../helpers/database.ts';

let t: TestApp;
let browser: Browser;
beforeEach(async () => {
  t = await createTestApp();
  browser = new Browser(t.app);
});
afterEach(() => t.close());

// app.request() addresses the app as http://localhost.
const SAME_ORIGIN = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' };
const CROSS_SITE = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function count(table: 'attempts' | 'question_reports' | 'profiles'): Promise<number> {
  return queryNumber(t.database, `select count(*) from ${table}`);
}

function choiceScenario() {
  const scenario = firstScenarioOfKind(t.bank, 'choice');
  if (!scenario) throw new Error('The bank has no choice scenario');
  return scenario;
}

async function answerForm(seed: number): Promise<URLSearchParams> {
  const scenario = choiceScenario();
  const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/${seed}`)).text());
  return new URLSearchParams([['token', token], ...answerFields(wrongAnswer(t.bank, scenario.id, seed))]);
}

function multipart(boundary: string, parts: ReadonlyArray<readonly [string, string]>, close = true): string {
  const body = parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('');
  return close ? `${body}--${boundary}--\r\n` : body;
}

describe('cross-site requests', () => {
  it('refuses a cross-site form post of an answer with a 403 page saying why, and stores nothing', async () => {
    const scenario = choiceScenario();
    const response = await browser.request(`/q/${scenario.id}/3`, { method: 'POST', body: await answerForm(3), headers: { ...FORM, ...CROSS_SITE } });
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('refused because your browser says it came from a page on another site (Sec-Fetch-Site: cross-site). Nothing was stored.');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect([await count('attempts'), await count('profiles')]).toEqual([0, 0]);
  });

  it('refuses a cross-site report and stores nothing', async () => {
    const scenario = choiceScenario();
    const response = await browser.request(`/q/${scenario.id}/3/report`, {
      method: 'POST',
      body: new URLSearchParams([['message', 'forged']]),
      headers: { ...FORM, ...CROSS_SITE },
    });
    expect(response.status).toBe(403);
    expect([await count('question_reports'), await count('profiles')]).toEqual([0, 0]);
  });

  it.each([
    ['JSON', 'application/json'],
    ['text/plain, which a cross-site form can send without a preflight', 'text/plain'],
  ])('refuses a cross-site API answer sent as %s with a JSON 403, and stores nothing', async (_label, contentType) => {
    const scenario = choiceScenario();
    const body = JSON.stringify({ answer: wrongAnswer(t.bank, scenario.id, 3), submissionToken: 'forged-token-1' });
    const response = await browser.request(`/api/questions/${scenario.id}/3/answers`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': contentType, ...CROSS_SITE },
    });
    expect(response.status).toBe(403);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('CrossSiteRequest');
    expect(error.message).toContain('Sec-Fetch-Site: cross-site');
    expect([await count('attempts'), await count('profiles')]).toEqual([0, 0]);
  });

  it('refuses a post whose Origin names another site when the browser sends no Sec-Fetch-Site', async () => {
    const scenario = choiceScenario();
    const response = await browser.request(`/api/questions/${scenario.id}/3/reports`, {
      method: 'POST',
      body: JSON.stringify({ message: 'forged' }),
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('it came from https://evil.example, not this site');
    expect(await count('question_reports')).toBe(0);
  });

  it('stores a same-origin form answer, report and API answer', async () => {
    const scenario = choiceScenario();
    const answer = await browser.request(`/q/${scenario.id}/3`, { method: 'POST', body: await answerForm(3), headers: { ...FORM, ...SAME_ORIGIN } });
    expect(answer.status).toBe(303);
    const report = await browser.request(`/q/${scenario.id}/3/report`, {
      method: 'POST',
      body: new URLSearchParams([['message', 'typo']]),
      headers: { ...FORM, ...SAME_ORIGIN },
    });
    expect(report.status).toBe(303);
    const api = await browser.request(`/api/questions/${scenario.id}/4/answers`, {
      method: 'POST',
      body: JSON.stringify({ answer: wrongAnswer(t.bank, scenario.id, 4), submissionToken: 'same-origin-1' }),
      headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN },
    });
    expect(api.status).toBe(200);
    expect([await count('attempts'), await count('question_reports'), await count('profiles')]).toEqual([2, 1, 1]);
  });

  it('stores an API answer from a script that sends neither Origin nor Sec-Fetch-Site', async () => {
    const scenario = choiceScenario();
    const response = await browser.postJson(`/api/questions/${scenario.id}/3/answers`, {
      answer: wrongAnswer(t.bank, scenario.id, 3),
      submissionToken: 'script-token-1',
    });
    expect(response.status).toBe(200);
    expect(await count('attempts')).toBe(1);
  });

  it('serves the DynamoDB endpoint to an SDK whatever Origin it carries', async () => {
    const response = await t.app.request('/', {
      method: 'POST',
      body: '{}',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': 'DynamoDB_20120810.ListTables',
        Authorization: 'AWS4-HMAC-SHA256 Credential=edge/20260101/us-east-1/dynamodb/aws4_request',
        Origin: 'https://console.example',
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ TableNames: [] });
  });

  it('lets a cross-site link GET a page', async () => {
    const response = await browser.request('/practice', { headers: CROSS_SITE });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a same-origin post', 'POST', 'same-origin', undefined, undefined],
    ['a post typed in the address bar', 'POST', 'none', undefined, undefined],
    ['a post with neither header', 'POST', undefined, undefined, undefined],
    ['an older browser posting from this host', 'POST', undefined, 'http://localhost', undefined],
    ['this host behind a TLS proxy (scheme differs)', 'POST', undefined, 'https://localhost', undefined],
    ['a GET from another site', 'GET', 'cross-site', 'https://evil.example', undefined],
    ['a sibling subdomain', 'POST', 'same-site', 'http://sub.localhost', 'your browser says it came from a page on another site (Sec-Fetch-Site: same-site)'],
    ['a DELETE from another site', 'DELETE', 'cross-site', undefined, 'your browser says it came from a page on another site (Sec-Fetch-Site: cross-site)'],
    ['another port of this host', 'PUT', undefined, 'http://localhost:8080', 'it came from http://localhost:8080, not this site'],
    ['a sandboxed frame', 'PATCH', undefined, 'null', 'it came from a page with no origin, not this site'],
    ['an Origin that is not a URL', 'POST', undefined, 'garbage', 'it came from garbage, not this site'],
  ])('crossSiteReason: %s', (_label, method, secFetchSite, origin, reason) => {
    expect(crossSiteReason(method, 'http://localhost/q/x/1', secFetchSite, origin)).toBe(reason);
  });
});

describe('security headers', () => {
  it.each([
    ['a page', '/'],
    ['a JSON response', '/api/areas'],
    ['a 404 page', '/no/such/page'],
    ['a static file', '/static/style.css'],
  ])('sends the CSP and the other security headers on %s', async (_label, path) => {
    const response = await browser.request(path);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('X-Powered-By')).toBeNull();
    // Over plain HTTP (tests, loopback) HSTS would be wrong to send.
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('sends the headers on the 403 of a refused cross-site post', async () => {
    const response = await browser.request('/api/questions/x/1/answers', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json', ...CROSS_SITE },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('renders no inline script, style element or style attribute, and every script and stylesheet it links is served', async () => {
    const choice = choiceScenario();
    const request = firstScenarioOfKind(t.bank, 'request');
    if (!request) throw new Error('The bank has no request scenario');
    const resultOfRequest = await browser.request(`/q/${request.id}/1`, {
      method: 'POST',
      body: new URLSearchParams([
        ['token', readSubmissionToken(await (await browser.request(`/q/${request.id}/1`)).text())],
        ['json', '{"action": "Scan", "params": {"TableName": "Nope"}}'],
      ]),
      headers: FORM,
    });
    expect(resultOfRequest.status).toBe(303);
    const pages = [
      '/',
      '/practice',
      '/progress',
      `/q/${choice.id}/1`,
      `/q/${request.id}/1`,
      resultOfRequest.headers.get('Location')!,
      '/cost',
      '/cost/serverless',
      '/cost/traffic',
      '/no/such/page',
    ];
    const linked = new Set<string>();
    for (const path of pages) {
      const html = await (await browser.request(path)).text();
      expect(html, path).toContain('</html>');
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, path).not.toMatch(/<style[\s>]/);
      expect(html, path).not.toMatch(/<[^>]+\sstyle=/);
      for (const match of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)) linked.add(match[1]!);
    }
    expect([...linked].sort()).toEqual([
      '/cost/style.css',
      '/static/code-editor.js',
      '/static/json-editor.js',
      '/static/keyboard-shortcuts.js',
      '/static/style.css',
      '/static/theme-switch.js',
    ]);
    for (const path of linked) {
      const response = await browser.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Content-Type'), path).toMatch(path.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
  });

  it('serves the scripts with caching and revalidates them by ETag', async () => {
    const first = await browser.request('/static/json-editor.js');
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(await first.text()).toContain("document.querySelector('textarea[data-json-editor]')");
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await browser.request('/static/json-editor.js', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await browser.request('/static/nothing.js')).status).toBe(404);
  });

  it('serves the JSON editor and checks rules inside the one stylesheet', async () => {
    const css = await (await browser.request('/static/style.css')).text();
    expect(css).toContain('textarea[data-json-editor]');
    expect(css).toContain('.checks td.result');
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/q/core.x/3', '/q/core.x/3'],
    ['/attempts/12?area=core', '/attempts/12?area=core'],
    ['/q/x/1#report', '/q/x/1#report'],
    ['/caf\u00e9', '/caf%C3%A9'],
  ])('keeps the same-site path %j', (path, expected) => {
    expect(safeReturnPath(path, '/fallback')).toBe(expected);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['protocol-relative', '//evil.example'],
    ['backslash-relative', '/\\evil.example'],
    ['a tab that browsers strip into //', '/\t/evil.example'],
    ['a newline', '/q/x/1\nSet-Cookie: a=b'],
    ['a carriage return', '/q/x/1\r'],
    ['a space', '/q/x 1'],
    ['a non-breaking space', '/q/x\u00a01'],
    ['a zero-width joiner', '/\u200d/evil.example'],
    ['a NUL', '/q\u0000'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'q/x/1'],
    ['dot segments collapsing into //', '/.//evil.example'],
    ['backslashes collapsing into //', '/a/..\\/\\evil.example'],
    ['a very long path', `/${'a'.repeat(2001)}`],
  ])('falls back for %s', (_label, path) => {
    expect(safeReturnPath(path, '/fallback')).toBe('/fallback');
  });
});

describe('report returnTo', () => {
  async function report(returnTo: string) {
    const scenario = choiceScenario();
    return browser.postForm(`/q/${scenario.id}/5/report`, [
      ['message', 'Two options say the same thing'],
      ['returnTo', returnTo],
    ]);
  }

  it.each([
    ['/\t/evil.example', 'a tab'],
    ['/q/x/1\r\nSet-Cookie: a=b', 'a newline'],
    ['//evil.example', 'a protocol-relative URL'],
  ])('sends the learner back to the question, not to %j (%s), and stores the report once', async (returnTo) => {
    const response = await report(returnTo);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/q/${choiceScenario().id}/5?reported=1`);
    expect(await count('question_reports')).toBe(1);
    expect(t.loggedErrors).toEqual([]);
  });

  it('keeps a same-site returnTo with its query, adding reported=1 before any fragment', async () => {
    const response = await report('/attempts/7?area=core#feedback');
    expect(response.headers.get('Location')).toBe('/attempts/7?area=core&reported=1#feedback');
  });
});

describe('malformed form bodies', () => {
  const boundary = 'xYzBoundary';
  const cases: ReadonlyArray<readonly [string, string | undefined, (fields: ReadonlyArray<readonly [string, string]>) => string, string]> = [
    [
      'a multipart body with another boundary',
      `multipart/form-data; boundary=${boundary}`,
      (f) => multipart('other', f),
      'does not contain the boundary its Content-Type names',
    ],
    [
      'a truncated multipart body',
      `multipart/form-data; boundary=${boundary}`,
      (f) => multipart(boundary, f, false).slice(0, -10),
      'ends before its closing boundary: it was cut short',
    ],
    ['a multipart Content-Type without a boundary', 'multipart/form-data', (f) => multipart(boundary, f), 'has no boundary in its Content-Type'],
    ['a JSON body', 'application/json', (f) => JSON.stringify(Object.fromEntries(f)), 'not application/json'],
    ['a text/plain body', 'text/plain', (f) => f.map(([k, v]) => `${k}=${v}`).join('\n'), 'not text/plain'],
    // A string body would get text/plain from fetch; only an empty one comes without a type.
    ['an empty body without a Content-Type', undefined, () => '', 'the request has no Content-Type'],
  ];

  it.each(cases)('answers an answer post of %s with a 400 naming the body, and stores nothing', async (_label, contentType, build, message) => {
    const scenario = choiceScenario();
    const fields = [...(await answerForm(6))] as Array<[string, string]>;
    const response = await browser.request(`/q/${scenario.id}/6`, {
      method: 'POST',
      body: contentType ? build(fields) : null,
      headers: contentType ? { 'Content-Type': contentType } : {},
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<strong>body</strong>');
    expect(html).toContain(message);
    expect([await count('attempts'), await count('profiles')]).toEqual([0, 0]);
    expect(t.loggedErrors).toEqual([]);
  });

  it.each(cases)('answers a report post of %s with a 400 naming the body, and stores nothing', async (_label, contentType, build, message) => {
    const scenario = choiceScenario();
    const response = await browser.request(`/q/${scenario.id}/6/report`, {
      method: 'POST',
      body: contentType ? build([['message', 'a problem']]) : null,
      headers: contentType ? { 'Content-Type': contentType } : {},
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await count('question_reports')).toBe(0);
    expect(t.loggedErrors).toEqual([]);
  });

  it('reads a well-formed multipart answer', async () => {
    const scenario = choiceScenario();
    const fields = [...(await answerForm(6))] as Array<[string, string]>;
    const response = await browser.request(`/q/${scenario.id}/6`, {
      method: 'POST',
      body: multipart(boundary, fields),
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(response.status).toBe(303);
    expect(await count('attempts')).toBe(1);
  });
});
