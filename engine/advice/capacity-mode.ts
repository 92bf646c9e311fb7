/**
 * Rules for choosing a table's capacity mode and for what provisioned auto scaling does.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
 */

export type TrafficPattern =
  | 'new-unknown'
  | 'sudden-spikes'
  | 'mostly-idle'
  | 'steady'
  | 'gradual-daily-cycle';

export type CapacityModeChoice = 'on-demand' | 'provisioned-fixed' | 'provisioned-autoscaling';

/**
 * On-demand for traffic that cannot be forecast (new, spiky, mostly idle); provisioned for
 * traffic that can: fixed for flat load, with auto scaling for a gradual daily cycle.
 */
export function chooseCapacityMode(pattern: TrafficPattern): CapacityModeChoice {
  switch (pattern) {
    case 'new-unknown':
    case 'sudden-spikes':
    case 'mostly-idle':
      return 'on-demand';
    case 'steady':
      return 'provisioned-fixed';
    case 'gradual-daily-cycle':
      return 'provisioned-autoscaling';
  }
}

export const AUTOSCALING_MIN_TARGET = 20;
export const AUTOSCALING_MAX_TARGET = 90;
export const AUTOSCALING_CONSOLE_DEFAULT_TARGET = 70;

/**
 * The provisioned capacity target tracking settles on: consumed / target, rounded up, kept
 * within the policy's minimum and maximum. AWS's example: 150 consumed at 70 % gives 215.
 */
export function autoscaledCapacity(consumed: number, targetPercent: number, min: number, max: number): number {
  if (targetPercent < AUTOSCALING_MIN_TARGET || targetPercent > AUTOSCALING_MAX_TARGET) {
    throw new RangeError(`Target utilization must be between ${AUTOSCALING_MIN_TARGET} and ${AUTOSCALING_MAX_TARGET} percent.`);
  }
  const wanted = Math.ceil((consumed * 100) / targetPercent);
  return Math.min(max, Math.max(min, wanted));
}
