/**
 * Target tracking: auto scaling sets provisioned capacity so that consumed / provisioned is at
 * the target utilisation. AWS's own example: 150 WCU consumed at a 70 % target → 215 WCU.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
 */
import type { Calculation } from '../calculation.ts';
import { ceilDiv, formatNumber } from './format.ts';

export function autoScalingCapacity(args: { consumed: number; targetPercent: number; unit: 'RCU' | 'WCU' }): Calculation {
  const value = ceilDiv(args.consumed * 100, args.targetPercent);
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
