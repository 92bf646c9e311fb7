import { describe, expect, it } from 'vitest';
import { perSecondRate, perSecondRateUnder, rateStep, SECONDS_PER } from '../../../engine/capacity/rate.ts';

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

describe('perSecondRateUnder: the conversion with one step changed', () => {
  it.each([
    ['AWS’s seconds', 7200, 'hour', SECONDS_PER, 2],
    ['an hour taken as 60 s', 7200, 'hour', { ...SECONDS_PER, hour: 60 }, 120],
    ['a day taken as its 1,440 minutes', 86_400, 'day', { ...SECONDS_PER, day: 1440 }, 60],
    ['no conversion', 90, 'minute', { second: 1, minute: 1, hour: 1, day: 1 }, 90],
  ] as const)('%s', (_what, count, per, secondsPer, rate) => {
    expect(perSecondRateUnder(count, per, secondsPer)).toBe(rate);
  });
});
