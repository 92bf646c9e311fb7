import { describe, expect, it } from 'vitest';
import { autoScalingAction, chooseCapacityMode, surgeFix } from '../../../engine/advice/capacity-mode.ts';

describe('chooseCapacityMode', () => {
  it.each([
    ['new-unknown', 'on-demand'],
    ['sudden-spikes', 'on-demand'],
    ['mostly-idle', 'on-demand'],
    ['steady', 'provisioned-reserved'],
    ['gradual-daily-cycle', 'provisioned-autoscaling'],
  ] as const)('%s → %s', (pattern, mode) => {
    expect(chooseCapacityMode(pattern)).toBe(mode);
  });
});

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

describe('surgeFix', () => {
  it.each([
    ['sudden-unpredictable', 'switch-to-on-demand'],
    ['scheduled-known-time', 'scheduled-scaling'],
    ['gradual-ramp', 'keep-target-tracking'],
  ] as const)('%s → %s', (shape, fix) => {
    expect(surgeFix(shape)).toBe(fix);
  });
});
