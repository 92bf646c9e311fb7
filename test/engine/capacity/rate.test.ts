import { describe, expect, it } from 'vitest';
import { perSecondRate, rateStep } from '../../../engine/capacity/rate.ts';

describe('perSecondRate', () => {
  it.each([
    [120, 'minute', 2],
    [7200, 'hour', 2],
    [172_800, 'day', 2],
    [5, 'second', 5],
  ] as const)('%i per %s is %d per second', (count, per, rate) => {
    expect(perSecondRate({ count, per }).value).toBe(rate);
  });
});

describe('rateStep', () => {
  it('has nothing to convert for a per-second rate', () => {
    expect(rateStep(10, 'second', 'writes')).toBeUndefined();
  });
});
