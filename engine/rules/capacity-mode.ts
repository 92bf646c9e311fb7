/**
 * Which capacity mode a traffic shape calls for, as AWS advises: on-demand for unknown, spiky
 * or mostly idle traffic; provisioned for steady, predictable traffic; provisioned with auto
 * scaling for predictable traffic that rises and falls gradually.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html
 */
export type TrafficShape = 'steady' | 'daily-cycle' | 'steady-growth' | 'spiky' | 'new-unknown' | 'mostly-idle';
export type CapacityChoice = 'on-demand' | 'provisioned' | 'autoscaling';

export interface CapacityDecision {
  readonly best: CapacityChoice;
  readonly reason: string;
}

export function chooseCapacityMode(shape: TrafficShape): CapacityDecision {
  switch (shape) {
    case 'steady':
      return {
        best: 'provisioned',
        reason: 'Traffic is steady and known, so capacity provisioned a little above it is used almost fully, and per unit it is far cheaper than on-demand.',
      };
    case 'daily-cycle':
      return {
        best: 'autoscaling',
        reason:
          'Traffic is predictable but rises and falls gradually through the day, which target-tracking auto scaling follows, so provisioned capacity stays well used.',
      };
    case 'steady-growth':
      return {
        best: 'autoscaling',
        reason:
          'Traffic is predictable and grows slowly, so auto scaling keeps provisioned capacity just above it week after week, cheaper per unit than on-demand.',
      };
    case 'spiky':
      return {
        best: 'on-demand',
        reason:
          'Traffic jumps suddenly and unpredictably; auto scaling reacts only after minutes, while on-demand instantly serves up to double the previous peak and bills only the requests.',
      };
    case 'new-unknown':
      return {
        best: 'on-demand',
        reason: 'Nobody knows the traffic yet, so there is nothing to provision against; on-demand needs no planning and bills only what is used.',
      };
    case 'mostly-idle':
      return {
        best: 'on-demand',
        reason: 'The table is idle most of the time; provisioned capacity would be billed every hour for nothing, while on-demand bills only the requests.',
      };
  }
}
