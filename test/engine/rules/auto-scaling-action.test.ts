import { describe, expect, it } from 'vitest';
import { autoScalingAction } from '../../../engine/rules/auto-scaling-action.ts';

describe('autoScalingAction', () => {
  it.each([
    ['scale-out-earlier', 'change-target'],
    ['keep-a-floor', 'raise-minimum'],
    ['cap-spend', 'lower-maximum'],
    ['alarms-deleted', 'toggle-auto-scaling'],
  ] as const)('%s → %s', (goal, action) => {
    expect(autoScalingAction(goal)).toBe(action);
  });
});
