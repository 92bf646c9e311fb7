import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../app/bank/random.ts';
import {
  ALL_INDEX_CASES,
  buildIndexChoice,
  indexDerivers,
  indexReasonValues,
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
  it.each<[IndexCase, string, Record<string, string>]>([
    ['own-key', 'table-key', {}],
    ['lsi-at-design', 'add-lsi', { index_attr: 'fare' }],
    ['gsi-at-design-big-collections', 'add-gsi-range', { eq_attr: 'riderId', range_attr: 'fare' }],
    ['gsi-on-live-table', 'add-gsi-range', { eq_attr: 'riderId', range_attr: 'fare' }],
    ['rebuild-for-strong', 'recreate-with-lsi', { index_attr: 'fare' }],
    ['gsi-other-key', 'add-gsi', { eq_attr: 'driverId' }],
    ['existing-gsi', 'existing-index', {}],
    ['scan-only', 'scan', { attr: 'notes' }],
  ])('%s puts the right option under the key', (indexCase, form, attributes) => {
    for (let seed = 0; seed < 20; seed++) {
      const out = buildIndexChoice(trips, indexCase, createRandom(seed));
      expect(out[`form_${out.correct}`]).toBe(form);
      expect(out.form_k).toBe(form);
      expect(out.reason_k).toBe(out[`reason_${out.correct}`]);
      expect(out).toMatchObject(attributes);
    }
  });

  it('keys an LSI only when the collection, doubled by ALL-projected LSI entries, stays under 10 GB', () => {
    for (let seed = 0; seed < 200; seed++) {
      for (const indexCase of ['lsi-at-design', 'rebuild-for-strong'] as const) {
        const out = buildIndexChoice(trips, indexCase, createRandom(seed));
        const gb = Number(out.gb);
        expect(2 * gb).toBeLessThan(10);
        if (indexCase === 'lsi-at-design') expect(out).toMatchObject({ reason_k: 'lsi', lsi_k: 'lsi-serves', gb_k: 2 * gb, limit_k: 10 });
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
      const slots = SLOTS.filter((s) => out[`choice_${s}`] !== undefined);
      expect(slots).toEqual([...SLOTS]);
      const texts = slots.map((s) => out[`choice_${s}`]);
      expect(new Set(texts).size).toBe(texts.length);
      const keys = String(out.correct).split(',');
      expect(keys.every((k) => slots.includes(k as (typeof SLOTS)[number]))).toBe(true);
      for (const s of slots) expect(String(out[`reason_${s}`])).not.toBe('');
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

describe('indexReasonValues', () => {
  it.each<[IndexReason, Record<string, string | number>]>([
    [{ kind: 'lsi-table-exists' }, { reason: 'lsi', lsi: 'lsi-table-exists' }],
    [
      { kind: 'lsi-collection-too-big', partitionKey: 'customerId', gb: 12, limitGb: 10 },
      { reason: 'lsi', lsi: 'lsi-collection-too-big', pk: 'customerId', gb: 12, limit: 10 },
    ],
    [
      { kind: 'lsi-quota', max: 5 },
      { reason: 'lsi', lsi: 'lsi-quota', max: 5 },
    ],
    [
      { kind: 'other-sort-order', partitionKey: 'customerId', sortKey: 'orderId', rangeOn: 'total' },
      { reason: 'other-sort-order', lsi: 'none', pk: 'customerId', sortkey: 'orderId', range: 'total' },
    ],
    [
      { kind: 'other-sort-order', partitionKey: 'customerId', sortKey: undefined, rangeOn: 'total' },
      { reason: 'other-sort-order-no-sk', range: 'total' },
    ],
    [
      { kind: 'not-table-partition-key', partitionKey: 'customerId', attribute: 'orderId', isSortKey: true },
      { reason: 'not-table-partition-key-sk', attr: 'orderId' },
    ],
    [
      { kind: 'unneeded-new', servedBy: 'status-index', gsi: true },
      { reason: 'unneeded-new-index-gsi', served: 'status-index' },
    ],
    [{ kind: 'unneeded-new', servedBy: undefined, gsi: false }, { reason: 'unneeded-new-table-index' }],
    [
      { kind: 'rebuild-no-help', lsi: { kind: 'lsi-no-sort' } },
      { reason: 'rebuild-no-help', lsi: 'lsi-no-sort' },
    ],
    [
      { kind: 'gsi-serves', partitionKey: 'email', sortKey: 'placedAt' },
      { reason: 'gsi-serves-sk', pk: 'email', sortkey: 'placedAt' },
    ],
    [
      { kind: 'index-serves', index: { name: 'email-index', kind: 'gsi', partitionKey: 'email' } },
      { reason: 'index-serves', ikind: 'GSI', iname: 'email-index' },
    ],
  ])('%j', (reason, values) => {
    expect(indexReasonValues(reason)).toMatchObject(values);
  });

  it('words no-index-keyed for one index without a sort key only', () => {
    const gsi = { name: 'a-index', kind: 'gsi', partitionKey: 'a' } as const;
    expect(indexReasonValues({ kind: 'no-index-keyed', indexes: [gsi] })).toMatchObject({ iname: 'a-index', ipk: 'a' });
    expect(() => indexReasonValues({ kind: 'no-index-keyed', indexes: [gsi, { ...gsi, name: 'b-index' }] })).toThrow(RangeError);
  });
});
