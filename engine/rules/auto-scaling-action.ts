/**
 * What to change for an auto scaling goal: always the scaling policy (target, minimum,
 * maximum), never the CloudWatch alarms auto scaling created; deleted alarms come back when
 * auto scaling is turned off and on again. (The capacity target tracking settles on is
 * engine/capacity/auto-scaling.ts.)
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
 * https://repost.aws/knowledge-center/dynamodb-auto-scaling
 */

export const AUTO_SCALING_GOALS = ['scale-out-earlier', 'keep-a-floor', 'cap-spend', 'alarms-deleted'] as const;
export type AutoScalingGoal = (typeof AUTO_SCALING_GOALS)[number];
export type AutoScalingAction = 'change-target' | 'raise-minimum' | 'lower-maximum' | 'toggle-auto-scaling';

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
