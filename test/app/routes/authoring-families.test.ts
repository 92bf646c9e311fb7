/** The authoring families list in pages: the whole bank at once was a 110 KB page. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAMILIES_PER_PAGE } from '../../../app/routes/authoring/view.tsx';
import { type AccountTestApp, CookieBrowser, createAccountTestApp } from '../auth/account-app.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

let testApp: AccountTestApp;
let author: CookieBrowser;
const bank = loadContentBank();
const families = (html: string) => [...html.matchAll(/<tr data-family="([^"]+)">/g)].map((m) => m[1]);

beforeEach(async () => {
  testApp = await createAccountTestApp();
  author = new CookieBrowser(testApp.app);
  // The first account of a fresh database is its admin, which includes the author role.
  expect((await author.signUp('writer')).status).toBe(303);
});
afterEach(() => testApp.close());

describe('GET /authoring in pages', () => {
  it('shows one page of families at a time, in bank order, with links to every page', async () => {
    const pages = Math.ceil(bank.scenarios.length / FAMILIES_PER_PAGE);
    expect(pages).toBeGreaterThan(1);
    const first = await (await author.request('/authoring')).text();
    expect(families(first)).toEqual(bank.scenarios.slice(0, FAMILIES_PER_PAGE).map((s) => s.id));
    expect(first).toContain(`${bank.scenarios.length} families; 1–${FAMILIES_PER_PAGE} shown (page 1 of ${pages}).`);
    expect(first).toContain('<a href="/authoring?page=2">Next</a>');
    expect(first).toContain(`aria-label="Page ${pages}"`);
    expect(Buffer.byteLength(first)).toBeLessThan(60 * 1024);

    const second = await (await author.request('/authoring?page=2')).text();
    expect(families(second)).toEqual(bank.scenarios.slice(FAMILIES_PER_PAGE, 2 * FAMILIES_PER_PAGE).map((s) => s.id));
    expect(second).toContain('<a href="/authoring">Previous</a>');
    expect(second).toMatch(/<a href="\/authoring\?page=2" aria-current="page"/);
  });

  it('keeps the filter in the page links and counts pages of the matching families only', async () => {
    // No area has more than a page; a kind has.
    const kind = (['choice', 'multi', 'numeric', 'request', 'design'] as const).find(
      (k) => bank.scenarios.filter((s) => s.kind === k).length > FAMILIES_PER_PAGE,
    );
    expect(kind).toBeDefined();
    const matching = bank.scenarios.filter((s) => s.kind === kind);
    const html = await (await author.request(`/authoring?kind=${kind}&page=2`)).text();
    expect(families(html)).toEqual(matching.slice(FAMILIES_PER_PAGE, 2 * FAMILIES_PER_PAGE).map((s) => s.id));
    expect(html).toContain(`<a href="/authoring?kind=${kind}">Previous</a>`);
    expect(html).toContain(`${matching.length} of ${bank.scenarios.length} families`);
    const area = bank.areas[0]!.id;
    const inArea = await (await author.request(`/authoring?area=${area}`)).text();
    expect(families(inArea)).toEqual(bank.scenarios.filter((s) => s.area === area).map((s) => s.id));
    expect(inArea).not.toContain('aria-label="Pages of families"');
  });

  it('shows the last page for a page past the end, and refuses a page that is not a number', async () => {
    const pages = Math.ceil(bank.scenarios.length / FAMILIES_PER_PAGE);
    const past = await (await author.request('/authoring?page=999')).text();
    expect(families(past)).toEqual(bank.scenarios.slice((pages - 1) * FAMILIES_PER_PAGE).map((s) => s.id));
    for (const bad of ['0', 'two', '-1', '1.5']) {
      const response = await author.request(`/authoring?page=${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.text(), bad).toContain('pages count from 1');
    }
  });
});
