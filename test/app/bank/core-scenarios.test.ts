import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../app/bank/random.ts';
import { coreDerivers } from '../../../app/bank/core-scenarios.ts';
import { itemSizeLimitVerdict } from '../../../engine/index.ts';
import { SLOTS } from '../../../app/bank/scenario-kit.ts';

const params = {
  'c.company': 'a digital bank',
  'c.table': 'Accounts',
  'c.items': 'accounts',
  'c.item': 'account',
  'c.attr': 'nickname',
  'c.secret': 'taxId',
};
const MULTI = new Set(['core-scale-claims', 'core-iam-actions', 'core-type-category', 'core-size-counts']);

describe('core derivers', () => {
  it.each(coreDerivers.map((d) => [d.name, d] as const))('%s: declared outputs, distinct options, one key (two for multi)', (_, deriver) => {
    for (let seed = 0; seed < 300; seed++) {
      const out = deriver.derive(params, createRandom(seed));
      for (const name of Object.keys(out)) expect(deriver.outputs).toContain(name);
      const slots = SLOTS.filter((s) => out[`action_${s}`] !== undefined);
      expect(slots).toEqual([...SLOTS]);
      expect(new Set(slots.map((s) => out[`action_${s}`])).size).toBe(slots.length);
      expect(slots.filter((s) => out[`reason_${s}`] === 'used').join(',')).toBe(out.correct);
      expect(String(out.correct).split(',').length).toBe(MULTI.has(deriver.name) ? 2 : 1);
    }
  });
});

describe('itemSizeLimitVerdict', () => {
  it.each([
    [[{ name: 'pk', bytes: 409_598 }], 409_600, true],
    [[{ name: 'pk', bytes: 409_599 }], 409_601, false],
    [[{ name: 'é', bytes: 10 }], 12, true],
  ])('%j is %d bytes', (attrs, bytes, fits) => {
    expect(itemSizeLimitVerdict(attrs)).toEqual({ bytes, fits });
  });
});
