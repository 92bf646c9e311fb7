/**
 * What handles a surge on an auto-scaled provisioned table. Target tracking adds capacity only
 * after about two minutes above target, so it follows gradual ramps but not sudden spikes; a
 * surge at a known time is met by a scheduled action that raises the minimum beforehand;
 * sudden unpredictable spikes need on-demand mode (chooseCapacityMode's 'spiky').
 * https://repost.aws/knowledge-center/dynamodb-auto-scaling
 */

export const SURGE_SHAPES = ['sudden-unpredictable', 'scheduled-known-time', 'gradual-ramp'] as const;
export type SurgeShape = (typeof SURGE_SHAPES)[number];
export type SurgeFix = 'switch-to-on-demand' | 'scheduled-scaling' | 'keep-target-tracking';

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
