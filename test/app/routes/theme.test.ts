/** The colour-scheme switch: POST /theme sets a validated cookie and the layout renders it. */
import { afterAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp } from '../../helpers/test-app.ts';
import { queryNumber } from '../../helpers/database.ts';

const t = await createTestApp();
afterAll(() => t.close());

async function post(fields: Record<string, string>, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (cookie) headers.Cookie = cookie;
  return t.app.request('/theme', { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' });
}

describe('POST /theme', () => {
  it('remembers dark in a year-long cookie and goes back to the page the switch was on', async () => {
    const response = await post({ theme: 'dark', returnTo: '/cost/traffic?peakRequestsPerSecond=10' });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/cost/traffic?peakRequestsPerSecond=10');
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^theme=dark;/);
    expect(cookie).toContain('Max-Age=31536000');
    expect(cookie).toContain('HttpOnly');
  });

  it('sends a return address on another site home instead', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const response = await post({ theme: 'light', returnTo });
      expect(response.status, returnTo).toBe(303);
      expect(response.headers.get('Location'), returnTo).toBe('/');
    }
  });

  it('refuses an unknown theme with a 400 naming the field and sets no cookie', async () => {
    const response = await post({ theme: 'sepia', returnTo: '/' });
    expect(response.status).toBe(400);
    expect(response.headers.get('Set-Cookie')).toBeNull();
    const html = await response.text();
    expect(html).toContain('theme');
    expect(html).toContain('sepia');
    const missing = await post({ returnTo: '/' });
    expect(missing.status).toBe(400);
  });

  it('creates no profile', async () => {
    const before = await queryNumber(t.database, 'select count(*) as n from profiles');
    await post({ theme: 'dark' });
    const after = await queryNumber(t.database, 'select count(*) as n from profiles');
    expect(after).toBe(before);
  });
});

describe('data-theme on <html>', () => {
  it('follows the cookie, with system for no cookie or a tampered one', async () => {
    const html = async (cookie?: string) => (await t.app.request('/cost', cookie ? { headers: { Cookie: cookie } } : {})).text();
    expect(await html()).toContain('<html lang="en" data-theme="system">');
    expect(await html('theme=dark')).toContain('<html lang="en" data-theme="dark">');
    expect(await html('theme=light')).toContain('<html lang="en" data-theme="light">');
    expect(await html('theme=%22%3E%3Cscript%3E')).toContain('<html lang="en" data-theme="system">');
  });

  it('marks the chosen theme in the header switch, which posts back to the current page', async () => {
    const browser = new Browser(t.app);
    await browser.postForm('/theme', [['theme', 'light']]);
    const page = await (await browser.request('/cost/serverless?users=5')).text();
    expect(page).toMatch(/<option value="light" selected="">Theme: light<\/option>/);
    expect(page).toContain('<input type="hidden" name="returnTo" value="/cost/serverless?users=5"/>');
    expect(page).toContain('<script src="/static/theme-switch.js" defer=""></script>');
  });
});
