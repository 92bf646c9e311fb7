/**
 * Target tracking: auto scaling sets provisioned capacity so that consumed / provisioned is at
 * the target utilisation. AWS's own example: 150 WCU consumed at a 70 % target → 215 WCU.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
 */
import type { Calculation } from '../calculation.ts';
import { ceilDiv, formatNumber } from './format.ts';

/**
 * How target tracking's capacity is reckoned: consumption divided by the target, rounded up. A
 * calculator explaining a mistake changes one step (multiplied by the target, the headroom added,
 * rounded down).
 */
export interface TargetTrackingRule {
  readonly scale: 'divide-by-target' | 'multiply-by-target' | 'add-headroom';
  readonly round: 'up' | 'down';
}

export const TARGET_TRACKING_RULE: TargetTrackingRule = { scale: 'divide-by-target', round: 'up' };

/** The capacity alone, under a rule (TARGET_TRACKING_RULE is AWS's). */
export function autoScalingUnits(args: { consumed: number; targetPercent: number }, rule: TargetTrackingRule = TARGET_TRACKING_RULE): number {
  const { consumed, targetPercent } = args;
  // AWS's rule as an exact integer ceiling; the mistakes in floating point, a hair under each whole number forgiven.
  if (rule.scale === 'divide-by-target' && rule.round === 'up') return ceilDiv(consumed * 100, targetPercent);
  const raw =
    rule.scale === 'divide-by-target'
      ? (consumed * 100) / targetPercent
      : rule.scale === 'multiply-by-target'
        ? (consumed * targetPercent) / 100
        : (consumed * (200 - targetPercent)) / 100;
  return rule.round === 'up' ? Math.ceil(raw - 1e-9) : Math.floor(raw);
}

export function autoScalingCapacity(args: { consumed: number; targetPercent: number; unit: 'RCU' | 'WCU' }): Calculation {
  const value = autoScalingUnits(args);
  return {
    value,
    unit: args.unit,
    steps: [
      {
        label: 'Capacity that puts consumption at the target utilisation',
        formula: `${formatNumber(args.consumed)} / ${args.targetPercent} %`,
        value: `${formatNumber((args.consumed * 100) / args.targetPercent)} ${args.unit}`,
      },
      {
        label: 'Round up to whole units (rounding down would put utilisation above the target)',
        formula: `ceil(${formatNumber((args.consumed * 100) / args.targetPercent)})`,
        value: `${formatNumber(value)} ${args.unit}`,
      },
    ],
  };
}
