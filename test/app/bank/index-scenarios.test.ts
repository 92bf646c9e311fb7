import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../app/bank/random.ts';
import {
  ALL_INDEX_CASES,
  buildIndexChoice,
  indexDerivers,
  indexReasonText,
  indexTopicDerivers,
  type IndexCase,
  type IndexDomain,
} from '../../../app/bank/index-scenarios.ts';
import { SLOTS } from '../../../app/bank/scenario-kit.ts';
import type { IndexReason } from '../../../engine/index.ts';
import { gsiWriteThrottle } from '../../../engine/rules/index-rules.ts';

const trips: IndexDomain = {
  company: 'a ride-sharing app',
  table: 'Trips',
  pk: 'riderId',
  sk: 'tripId',
  items: 'trips',
  owner: 'rider',
  skNeed: "one rider's trips",
  alt: 'fare',
  altNeed: "one rider's trips by fare",
  other: 'driverId',
  otherNeed: "one driver's trips",
  scanAttr: 'notes',
  scanNeed: 'trips whose notes mention a lost item',
};
const params = Object.fromEntries(Object.entries(trips).map(([k, v]) => [`d.${k}`, v]));

describe('buildIndexChoice', () => {
  it.each<[IndexCase, RegExp]>([
    ['own-key', /^Query `Trips` with a key condition on `riderId` and `tripId`$/],
    ['lsi-at-design', /^Add an LSI with partition key `riderId` and sort key `fare`$/],
    ['gsi-at-design-big-collections', /^Add a GSI with partition key `riderId` and sort key `fare`$/],
    ['gsi-on-live-table', /^Add a GSI with partition key `riderId` and sort key `fare`$/],
    ['rebuild-for-strong', /^Create a new table with an LSI on `fare`/],
    ['gsi-other-key', /^Add a GSI with partition key `driverId`$/],
    ['existing-gsi', /^Query the existing GSI `driverId-index`/],
    ['scan-only', /^Scan `Trips` with a FilterExpression on `notes`$/],
  ])('%s puts the right option under the key', (indexCase, text) => {
    for (let seed = 0; seed < 20; seed++) {
      const out = buildIndexChoice(trips, indexCase, createRandom(seed));
      expect(out[`opt_${out.correct}`]).toMatch(text);
      expect(out.right_choice).toMatch(text);
    }
  });

  it('keys an LSI only when the collection, doubled by ALL-projected LSI entries, stays under 10 GB', () => {
    for (let seed = 0; seed < 200; seed++) {
      for (const indexCase of ['lsi-at-design', 'rebuild-for-strong'] as const) {
        const out = buildIndexChoice(trips, indexCase, createRandom(seed));
        const gb = Number(out.gb);
        expect(2 * gb).toBeLessThan(10);
        if (indexCase === 'lsi-at-design') expect(out.verdict).toContain(`at most ${2 * gb} GB with the LSI's entries`);
      }
    }
  });

  it('states a live table when forced, whatever the case draws', () => {
    for (const indexCase of ALL_INDEX_CASES.filter((c) => c !== 'lsi-at-design' && c !== 'gsi-at-design-big-collections')) {
      const out = buildIndexChoice(trips, indexCase, createRandom(3), true);
      expect(out.created).toBe(true);
    }
  });
});

describe('index derivers', () => {
  it.each(indexDerivers.map((d) => [d.name, d] as const))('%s: one key per variant, distinct options, declared outputs', (_, deriver) => {
    for (let seed = 0; seed < 300; seed++) {
      const out = deriver.derive(params, createRandom(seed));
      for (const name of Object.keys(out)) expect(deriver.outputs).toContain(name);
      const slots = SLOTS.filter((s) => out[`opt_${s}`] !== undefined);
      const texts = slots.map((s) => out[`opt_${s}`]);
      expect(new Set(texts).size).toBe(texts.length);
      const keys = String(out.correct).split(',');
      expect(keys.every((k) => slots.includes(k as (typeof SLOTS)[number]))).toBe(true);
      for (const s of slots) expect(String(out[`why_${s}`])).not.toBe('');
      expect(keys.length).toBe(1);
    }
  });
});

describe('index-gsi-write-throttle', () => {
  const deriver = indexTopicDerivers.find((d) => d.name === 'index-gsi-write-throttle')!;
  it('keys throttling exactly when the gsiWriteThrottle rule does, and both keys occur', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const out = deriver.derive(params, createRandom(seed));
      for (const name of Object.keys(out)) expect(deriver.outputs).toContain(name);
      const rule = gsiWriteThrottle.apply({ writes: out.writes, share_pct: out.share_pct, entry_bytes: out.entry_bytes, gsi_wcu: out.gsi_wcu });
      expect(out.best).toBe(rule.best);
      expect(out.gsi_need).toBe(rule.need);
      seen.add(String(out.best));
    }
    expect(seen).toEqual(new Set(['throttled', 'keeps-up']));
  });
});

describe('indexReasonText', () => {
  it.each<[IndexReason, string]>([
    [{ kind: 'lsi-table-exists' }, 'LSIs can only be created together with the table'],
    [{ kind: 'lsi-collection-too-big', partitionKey: 'customerId', gb: 12, limitGb: 10 }, 'collections of up to 12 GB'],
    [{ kind: 'lsi-quota', max: 5 }, 'at most 5 LSIs'],
    [{ kind: 'other-sort-order', partitionKey: 'customerId', sortKey: 'orderId', rangeOn: 'total' }, 'sorts each `customerId` by `orderId`, not by `total`'],
    [{ kind: 'other-sort-order', partitionKey: 'customerId', sortKey: undefined, rangeOn: 'total' }, 'The table has no sort key'],
    [{ kind: 'not-table-partition-key', partitionKey: 'customerId', attribute: 'orderId', isSortKey: true }, '`orderId` is only the sort key'],
    [{ kind: 'unneeded-new', servedBy: 'status-index', gsi: true }, 'Unneeded: the existing index status-index already answers'],
    [{ kind: 'unneeded-new', servedBy: undefined, gsi: false }, 'Unneeded: the table itself already answers this query, and an extra index'],
    [{ kind: 'rebuild-no-help', lsi: { kind: 'lsi-no-sort' } }, 'Rebuilding does not help: An LSI only adds another sort key'],
    [{ kind: 'gsi-serves', partitionKey: 'email', sortKey: 'placedAt' }, 'A GSI with partition key `email` and sort key `placedAt` can be added'],
  ])('%j', (reason, text) => {
    expect(indexReasonText(reason)).toContain(text);
  });
});
