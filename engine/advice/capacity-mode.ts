/**
 * Rules for choosing a table's capacity mode and for changing what provisioned auto scaling
 * does. (The capacity target tracking settles on is engine/capacity/auto-scaling.ts.)
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
 */

export type TrafficPattern = 'new-unknown' | 'sudden-spikes' | 'mostly-idle' | 'steady' | 'gradual-daily-cycle';

export type CapacityModeChoice = 'on-demand' | 'provisioned-reserved' | 'provisioned-autoscaling';

/**
 * On-demand for traffic that cannot be forecast (new, spiky, mostly idle); provisioned for
 * traffic that can: a flat load known for a year or more with reserved capacity on top, a
 * gradual daily cycle with auto scaling between a minimum and a maximum.
 */
export function chooseCapacityMode(pattern: TrafficPattern): CapacityModeChoice {
  switch (pattern) {
    case 'new-unknown':
    case 'sudden-spikes':
    case 'mostly-idle':
      return 'on-demand';
    case 'steady':
      return 'provisioned-reserved';
    case 'gradual-daily-cycle':
      return 'provisioned-autoscaling';
  }
}

export type AutoScalingGoal = 'scale-out-earlier' | 'keep-a-floor' | 'cap-spend' | 'alarms-deleted';
export type AutoScalingAction = 'change-target' | 'raise-minimum' | 'lower-maximum' | 'toggle-auto-scaling';

/**
 * What to change for a goal: always the scaling policy (target, minimum, maximum), never the
 * CloudWatch alarms auto scaling created; deleted alarms come back when auto scaling is turned
 * off and on again.
 * https://repost.aws/knowledge-center/dynamodb-auto-scaling
 */
export function autoScalingAction(goal: AutoScalingGoal): AutoScalingAction {
  switch (goal) {
    case 'scale-out-earlier':
      return 'change-target';
    case 'keep-a-floor':
      return 'raise-minimum';
    case 'cap-spend':
      return 'lower-maximum';
    case 'alarms-deleted':
      return 'toggle-auto-scaling';
  }
}

export type SurgeShape = 'sudden-unpredictable' | 'scheduled-known-time' | 'gradual-ramp';
export type SurgeFix = 'switch-to-on-demand' | 'scheduled-scaling' | 'keep-target-tracking';

/**
 * What handles a surge on an auto-scaled provisioned table. Target tracking adds capacity only
 * after about two minutes above target, so it follows gradual ramps but not sudden spikes; a
 * surge at a known time is met by a scheduled action that raises the minimum beforehand;
 * sudden unpredictable spikes need on-demand mode.
 * https://repost.aws/knowledge-center/dynamodb-auto-scaling
 */
export function surgeFix(shape: SurgeShape): SurgeFix {
  switch (shape) {
    case 'sudden-unpredictable':
      return 'switch-to-on-demand';
    case 'scheduled-known-time':
      return 'scheduled-scaling';
    case 'gradual-ramp':
      return 'keep-target-tracking';
  }
}
