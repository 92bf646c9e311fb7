import { describe, expect, it } from 'vitest';
import { autoscaledCapacity, chooseCapacityMode } from '../../../engine/advice/capacity-mode.ts';

describe('chooseCapacityMode', () => {
  it.each([
    ['new-unknown', 'on-demand'],
    ['sudden-spikes', 'on-demand'],
    ['mostly-idle', 'on-demand'],
    ['steady', 'provisioned-fixed'],
    ['gradual-daily-cycle', 'provisioned-autoscaling'],
  ] as const)('%s → %s', (pattern, mode) => {
    expect(chooseCapacityMode(pattern)).toBe(mode);
  });
});

describe('autoscaledCapacity', () => {
  it('matches the AWS example: 150 consumed at 70 % → 215', () => {
    expect(autoscaledCapacity(150, 70, 5, 40_000)).toBe(215);
  });
  it.each([
    [140, 70, 5, 1000, 200],
    [10, 50, 25, 1000, 25],
    [900, 50, 5, 1000, 1000],
  ])('%i consumed at %i %% within [%i, %i] → %i', (consumed, target, min, max, expected) => {
    expect(autoscaledCapacity(consumed, target, min, max)).toBe(expected);
  });
  it('rejects a target outside 20–90 %', () => {
    expect(() => autoscaledCapacity(100, 95, 1, 100)).toThrow('Target utilization must be between 20 and 90 percent.');
  });
});
