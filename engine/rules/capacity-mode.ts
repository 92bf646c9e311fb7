/**
 * Which capacity mode a traffic shape calls for, as AWS advises: on-demand for new tables with
 * unknown traffic, unpredictable spikes and tables idle most of the time; provisioned for
 * steady, predictable traffic (with reserved capacity on top when it is known for a year or
 * more); provisioned with auto scaling for predictable traffic that rises and falls gradually.
 * The one home of this decision: every family about choosing a mode keys its answer on it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html
 */

export const CAPACITY_TRAFFIC_SHAPES = ['steady', 'daily-cycle', 'steady-growth', 'spiky', 'new-unknown', 'mostly-idle'] as const;
export type TrafficShape = (typeof CAPACITY_TRAFFIC_SHAPES)[number];

export const CAPACITY_MODES = ['on-demand', 'provisioned', 'autoscaling'] as const;
export type CapacityMode = (typeof CAPACITY_MODES)[number];

/** On-demand where traffic cannot be forecast; provisioned where it can; auto scaling where it moves gradually. */
export function chooseCapacityMode(shape: TrafficShape): CapacityMode {
  switch (shape) {
    case 'new-unknown':
    case 'spiky':
    case 'mostly-idle':
      return 'on-demand';
    case 'steady':
      return 'provisioned';
    case 'daily-cycle':
    case 'steady-growth':
      return 'autoscaling';
  }
}
