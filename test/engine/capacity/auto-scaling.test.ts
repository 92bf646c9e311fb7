import { describe, expect, it } from 'vitest';
import { autoScalingCapacity, autoScalingUnits, TARGET_TRACKING_RULE } from '../../../engine/capacity/auto-scaling.ts';

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
describe('autoScalingCapacity', () => {
  it.each([
    // AWS's example: 150 WCU consumed at a 70 % target → 215 WCU (150 / 215 = 69.77 %).
    [150, 70, 215],
    [140, 70, 200],
    [100, 50, 200],
    [1, 90, 2],
  ])('%i consumed at %i %% → %i', (consumed, target, expected) => {
    expect(autoScalingCapacity({ consumed, targetPercent: target, unit: 'WCU' }).value).toBe(expected);
  });
});

// AWS's example: 150 WCU consumed at a 70 % target → 215 WCU (AutoScaling.html).
describe('autoScalingUnits: target tracking with one step changed', () => {
  it.each([
    ['AWS’s rule', TARGET_TRACKING_RULE, 215],
    ['multiplied by the target', { ...TARGET_TRACKING_RULE, scale: 'multiply-by-target' }, 105],
    ['the headroom added', { ...TARGET_TRACKING_RULE, scale: 'add-headroom' }, 195],
    ['rounded down', { ...TARGET_TRACKING_RULE, round: 'down' }, 214],
  ] as const)('%s', (_what, rule, units) => {
    expect(autoScalingUnits({ consumed: 150, targetPercent: 70 }, rule)).toBe(units);
  });

  it('rounds an exact quotient to itself under AWS’s rule', () => {
    expect(autoScalingUnits({ consumed: 140, targetPercent: 70 })).toBe(200);
  });
});
