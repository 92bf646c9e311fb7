import { describe, expect, it } from 'vitest';
import { adviceDerivers } from '../../../app/bank/advice-derivers.ts';
import { createRandom } from '../../../app/bank/random.ts';

const iamActions = adviceDerivers.find((d) => d.name === 'iamActions')!;
const run = (seed: number) => iamActions.derive({}, createRandom(seed));

describe('iamActions', () => {
  it('declares every output it returns', () => {
    for (const key of Object.keys(run(7))) expect(iamActions.outputs).toContain(key);
  });

  it('draws two operations the function calls and a third it never calls', () => {
    for (let seed = 0; seed < 100; seed++) {
      const out = run(seed);
      expect(new Set([out.op_1, out.op_2, out.unused_op]).size).toBe(3);
    }
  });

  it('differs by seed', () => {
    const pairs = new Set(Array.from({ length: 30 }, (_, seed) => `${run(seed).op_1}+${run(seed).op_2}`));
    expect(pairs.size).toBeGreaterThan(5);
  });
});
