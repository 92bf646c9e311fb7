import { describe, expect, it } from 'vitest';
import { surgeFix } from '../../../engine/rules/surge-fix.ts';

describe('surgeFix', () => {
  it.each([
    ['sudden-unpredictable', 'switch-to-on-demand'],
    ['scheduled-known-time', 'scheduled-scaling'],
    ['gradual-ramp', 'keep-target-tracking'],
  ] as const)('%s → %s', (shape, fix) => {
    expect(surgeFix(shape)).toBe(fix);
  });
});
