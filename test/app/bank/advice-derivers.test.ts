import { describe, expect, it } from 'vitest';
import { adviceDerivers } from '../../../app/bank/advice-derivers.ts';
import { createRandom } from '../../../app/bank/random.ts';
import type { ParamValue } from '../../../app/bank/types.ts';

const deriver = (name: string) => {
  const found = adviceDerivers.find((d) => d.name === name);
  if (!found) throw new Error(`no deriver ${name}`);
  return found;
};
const run = (name: string, params: Record<string, ParamValue>, seed = 1) => deriver(name).derive(params, createRandom(seed));

describe('advice derivers', () => {
  it('declare every output they return', () => {
    const samples: Record<string, Record<string, ParamValue>> = {};
    for (const d of adviceDerivers) {
      const out = d.derive(samples[d.name] ?? {}, createRandom(7));
      for (const key of Object.keys(out)) expect(d.outputs, `${d.name} returns ${key}`).toContain(key);
    }
  });

  it('slot derivers put the right statements in a and b, and differ by seed', () => {
    const one = run('iamActions', {}, 1);
    const other = run('iamActions', {}, 2);
    expect(String(one.why_a)).toMatch(/^Right: /);
    expect(String(one.why_b)).toMatch(/^Right: /);
    for (const slot of ['c', 'd', 'e']) expect(String(one[`why_${slot}`])).not.toMatch(/^Right: /);
    expect([one.opt_a, one.opt_b, one.opt_c]).not.toEqual([other.opt_a, other.opt_b, other.opt_c]);
  });

  it('iamActions asks for exactly the actions of the two operations it names', () => {
    const out = run('iamActions', {}, 3);
    const named = [...String(out.ops_text).matchAll(/`(\w+)`/g)].map((m) => `\`dynamodb:${m[1]}\``).sort();
    expect([out.opt_a, out.opt_b].sort()).toEqual(named);
  });
});
