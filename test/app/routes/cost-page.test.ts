/** The /cost price table: sources as numbered footnotes, one per distinct source, each row linked to its note. */
import { afterAll, describe, expect, it } from 'vitest';
import { listPriceRows } from '../../../engine/index.ts';
import { numberPriceSources } from '../../../app/routes/cost/view.tsx';
import { createTestApp } from '../../helpers/test-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

describe('the price table on /cost', () => {
  const prices = listPriceRows('us-east-1');

  it('numbers each distinct source once, in order of first citation', () => {
    const { sources, numberOf } = numberPriceSources(prices);
    expect(sources.map((s) => s.number)).toEqual(sources.map((_, i) => i + 1));
    // Rows citing the same source, URL, date and note share a number; different ones never do.
    const seen = new Map<number, string>();
    for (const row of prices) {
      const key = JSON.stringify([row.price.source, row.price.sourceUrl, row.price.date, row.price.note ?? null]);
      const n = numberOf(row);
      expect(seen.get(n) ?? key, row.key).toBe(key);
      seen.set(n, key);
    }
    expect(seen.size).toBe(sources.length);
    expect(sources.length).toBeLessThan(prices.length);
  });

  it('shows each row with a numbered link to its footnote, and every footnote links to its source', async () => {
    const html = await (await t.app.request('/cost')).text();
    const table = html.split('<table class="price-table">')[1]!.split('</table>')[0]!;
    // No source text or address left in the table itself: it wrapped every few characters on a phone.
    expect(table).not.toContain('https://');
    const refs = [...table.matchAll(/<a href="#price-source-(\d+)" class="footnote-ref"><span class="visually-hidden">Source <\/span>\1<\/a>/g)].map((m) =>
      Number(m[1]),
    );
    expect(refs).toHaveLength(prices.length);
    const { sources, numberOf } = numberPriceSources(prices);
    expect(refs).toEqual(prices.map(numberOf));
    for (const source of sources) {
      const note = new RegExp(`<li id="price-source-${source.number}"><a href="([^"]+)">([^<]+)</a>, ([^.<]+)\\.`).exec(html);
      expect(note, `footnote ${source.number}`).not.toBeNull();
      expect(note![1]!.replaceAll('&amp;', '&')).toBe(source.sourceUrl);
      expect(note![3]).toBe(source.date);
    }
    expect(html).toContain(`<summary>All ${prices.length} prices, with their sources</summary>`);
  });
});
