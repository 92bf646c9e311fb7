import { describe, expect, it } from 'vitest';
import { chooseCapacityMode } from '../../../engine/rules/capacity-mode.ts';

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html and
// on-demand-capacity-mode.html ("instantly accommodates up to double the previous peak traffic").
describe('chooseCapacityMode', () => {
  it.each([
    ['steady', 'provisioned'],
    ['daily-cycle', 'autoscaling'],
    ['steady-growth', 'autoscaling'],
    ['spiky', 'on-demand'],
    ['new-unknown', 'on-demand'],
    ['mostly-idle', 'on-demand'],
  ] as const)('%s traffic → %s', (shape, best) => {
    expect(chooseCapacityMode(shape)).toBe(best);
  });
});
