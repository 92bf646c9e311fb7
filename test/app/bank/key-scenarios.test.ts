import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../app/bank/random.ts';
import { keyDerivers } from '../../../app/bank/key-scenarios.ts';
import { SLOTS } from '../../../app/bank/scenario-kit.ts';

const params = {
  'k.company': 'an online retailer',
  'k.table': 'Orders',
  'k.entity': 'order',
  'k.items': 'orders',
  'k.idAttr': 'orderId',
  'k.owner': 'customer',
  'k.ownerAttr': 'customerId',
  'k.timeAttr': 'placedAt',
  'k.statusAttr': 'orderStatus',
  'k.dateAttr': 'orderDate',
  'k.regionAttr': 'shipCountry',
};
const derive = (name: string, seed: number) => {
  const deriver = keyDerivers.find((d) => d.name === name);
  if (!deriver) throw new Error(`no deriver ${name}`);
  return deriver.derive(params, createRandom(seed));
};

describe('key derivers', () => {
  it.each(keyDerivers.map((d) => [d.name, d] as const))('%s: declared outputs, distinct options, keys among them', (_, deriver) => {
    for (let seed = 0; seed < 300; seed++) {
      const out = deriver.derive(params, createRandom(seed));
      for (const name of Object.keys(out)) expect(deriver.outputs).toContain(name);
      const text = 'shards';
      const slots = SLOTS.filter((s) => out[`${text}_${s}`] !== undefined);
      expect(slots).toEqual([...SLOTS]);
      expect(new Set(slots.map((s) => out[`${text}_${s}`])).size).toBe(slots.length);
      const keys = String(out.correct).split(',');
      expect(keys.length).toBe(1);
    }
  });

  it('keys-write-sharding: the key is ceil(writes × KB / 1,000)', () => {
    for (let seed = 0; seed < 100; seed++) {
      const out = derive('keys-write-sharding', seed);
      const expected = Math.ceil((Number(out.writes) * Math.ceil(Number(out.item_bytes) / 1024)) / 1000);
      expect(out[`n_${out.correct}`]).toBe(expected);
      expect(out[`reason_${out.correct}`]).toBe('right');
      // Every wrong count differs from the key, and the one-shard option is always offered.
      const wrong = SLOTS.filter((s) => s !== out.correct);
      for (const s of wrong) expect(out[`n_${s}`]).not.toBe(expected);
      expect(wrong.filter((s) => out[`form_${s}`] === 'no-shard').map((s) => out[`n_${s}`])).toEqual([1]);
    }
  });
});
