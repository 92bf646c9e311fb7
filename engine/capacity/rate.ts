/**
 * Per-second rates from volumes per minute, hour or day: capacity units are per second, so
 * every volume is converted first.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html
 */
import type { Calculation, Step } from '../calculation.ts';
import { formatNumber } from './format.ts';

export type Period = 'second' | 'minute' | 'hour' | 'day';

export const SECONDS_PER: Readonly<Record<Period, number>> = { second: 1, minute: 60, hour: 3600, day: 86400 };

/** The step that converts `count` per `period` into a per-second rate; none when already per second. */
export function rateStep(count: number, per: Period, noun: string): Step | undefined {
  if (per === 'second') return undefined;
  const seconds = SECONDS_PER[per];
  return {
    label: `Convert ${noun} per ${per} into ${noun} per second (1 ${per} = ${formatNumber(seconds)} s)`,
    formula: `${formatNumber(count)} / ${formatNumber(seconds)}`,
    value: `${formatNumber(count / seconds)} ${noun}/s`,
  };
}

/**
 * The rate alone: `count` over the seconds in one `per`. A calculator explaining a mistake passes
 * another table (an hour of 60, a day of 1,440, no conversion at all).
 */
export function perSecondRateUnder(count: number, per: Period, secondsPer: Readonly<Record<Period, number>> = SECONDS_PER): number {
  return count / secondsPer[per];
}

/** Average requests per second of a volume per period. */
export function perSecondRate(args: { count: number; per: Period }): Calculation {
  const seconds = SECONDS_PER[args.per];
  const value = perSecondRateUnder(args.count, args.per);
  return {
    value,
    unit: 'per second',
    steps: [
      {
        label: `Divide the volume by the seconds in one ${args.per}`,
        formula: `${formatNumber(args.count)} / ${formatNumber(seconds)}`,
        value: `${formatNumber(value)} per second`,
      },
    ],
  };
}
