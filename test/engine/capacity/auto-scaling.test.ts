import { describe, expect, it } from 'vitest';
import { autoScalingCapacity } from '../../../engine/capacity/auto-scaling.ts';

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
