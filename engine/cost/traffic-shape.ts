/**
 * Which capacity mode is cheaper for a day's traffic: a 24-hour profile of requests per second,
 * repeated for the 730-hour month. On-demand pays for what each hour uses; provisioned pays for
 * what is provisioned each hour, either following the profile (auto scaling) or held at the peak
 * (spikes too short for auto scaling, which needs about two minutes above target to react).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
 */
import type { Calculation, Step } from '../calculation.ts';
import { USD_PER_MONTH } from './line-item.ts';
import { Decimal, formatPercent, formatQuantity, formatUsd, roundToCents } from './money.ts';
import { HOURS_PER_MONTH, SECONDS_PER_HOUR, selectRegionPrices, type Region, type TableClass } from './prices.ts';
import { calculateBreakEven, provisionUnits } from './table-cost.ts';

export const TRAFFIC_SHAPES = ['steady', 'daily-peak', 'spiky'] as const;
export type TrafficShapeKind = (typeof TRAFFIC_SHAPES)[number];
export type Provisioning = 'auto-scaling' | 'fixed-peak';

/** Hours of the busy period in the daily-peak shape (09:00–17:59) and the spike hours. */
const DAILY_PEAK_HOURS = new Set([9, 10, 11, 12, 13, 14, 15, 16, 17]);
const SPIKE_HOURS = new Set([12, 20]);

/**
 * A 24-hour profile of requests per second: steady at `base`; daily-peak at `peak` during
 * business hours, `base` otherwise; spiky at `base` with two one-hour bursts of `peak`.
 */
export function buildTrafficProfile(kind: TrafficShapeKind, base: number, peak: number): number[] {
  return Array.from({ length: 24 }, (_, h) => rateAt(kind, h, base, peak));
}

function rateAt(kind: TrafficShapeKind, hour: number, base: number, peak: number): number {
  switch (kind) {
    case 'steady':
      return base;
    case 'daily-peak':
      return DAILY_PEAK_HOURS.has(hour) ? peak : base;
    case 'spiky':
      return SPIKE_HOURS.has(hour) ? peak : base;
  }
}

/** Spikes are shorter than auto scaling's reaction time, so provisioned capacity must hold the peak. */
export function defaultProvisioning(kind: TrafficShapeKind): Provisioning {
  return kind === 'spiky' ? 'fixed-peak' : 'auto-scaling';
}

export interface TrafficShapeInput {
  /** 24 values: each hour's average requests per second. */
  readonly profile: readonly number[];
  readonly readUnitsPerRequest: number;
  readonly writeUnitsPerRequest: number;
  readonly provisioning: Provisioning;
  readonly targetUtilisation: number;
  readonly tableClass: TableClass;
  readonly region?: Region;
}

export interface TrafficShapeComparison {
  readonly onDemand: Decimal;
  readonly provisioned: Decimal;
  readonly cheaper: 'on-demand' | 'provisioned' | 'equal';
  readonly difference: Decimal;
  /** On-demand minus provisioned: positive when provisioned is cheaper. */
  readonly signedDifference: Decimal;
  /** Consumed over provisioned capacity, by cost weight. */
  readonly averageUtilisation: Decimal;
  readonly breakEven: Decimal;
  /** Each hour: consumed units per second and the capacity provisioned for it. */
  readonly hours: readonly HourOfTraffic[];
  readonly calculation: Calculation;
}

export interface HourOfTraffic {
  readonly hour: number;
  readonly requestsPerSecond: number;
  readonly readUnits: Decimal;
  readonly writeUnits: Decimal;
  readonly rcu: number;
  readonly wcu: number;
}

/** Monthly capacity charges for the profile in each mode, the cheaper one and by how much. */
export function compareModesForTraffic(input: TrafficShapeInput): TrafficShapeComparison {
  if (input.profile.length !== 24) throw new RangeError(`A traffic profile has 24 hourly values, not ${input.profile.length}.`);
  const p = selectRegionPrices(input.region).tableClass[input.tableClass];
  // Multiply by 730 before dividing by 24 so a whole-hour profile stays exact.
  const perMonth = (daily: Decimal): Decimal => daily.times(HOURS_PER_MONTH).div(24);
  const rrPrice = new Decimal(p.onDemandRead.usd).div(1_000_000);
  const wrPrice = new Decimal(p.onDemandWrite.usd).div(1_000_000);

  const readUnits = input.profile.map((rps) => new Decimal(rps).times(input.readUnitsPerRequest));
  const writeUnits = input.profile.map((rps) => new Decimal(rps).times(input.writeUnitsPerRequest));
  const requestsPerDay = input.profile.reduce((a, rps) => a.plus(new Decimal(rps).times(SECONDS_PER_HOUR)), new Decimal(0));

  const dailyOnDemand = requestsPerDay.times(input.readUnitsPerRequest).times(rrPrice).plus(requestsPerDay.times(input.writeUnitsPerRequest).times(wrPrice));
  const onDemand = perMonth(dailyOnDemand);

  const peakRead = Decimal.max(...readUnits);
  const peakWrite = Decimal.max(...writeUnits);
  const fixedRcu = provisionUnits(peakRead, 1);
  const fixedWcu = provisionUnits(peakWrite, 1);
  const hourlyRcu = readUnits.map((u) => (input.provisioning === 'fixed-peak' ? fixedRcu : provisionUnits(u, input.targetUtilisation)));
  const hourlyWcu = writeUnits.map((u) => (input.provisioning === 'fixed-peak' ? fixedWcu : provisionUnits(u, input.targetUtilisation)));
  const rcuHoursPerDay = hourlyRcu.reduce((a, b) => a + b, 0);
  const wcuHoursPerDay = hourlyWcu.reduce((a, b) => a + b, 0);
  const dailyProvisioned = new Decimal(rcuHoursPerDay).times(p.provisionedRcuHour.usd).plus(new Decimal(wcuHoursPerDay).times(p.provisionedWcuHour.usd));
  const provisioned = perMonth(dailyProvisioned);

  const consumedReadUnitHours = requestsPerDay.times(input.readUnitsPerRequest).div(SECONDS_PER_HOUR);
  const consumedWriteUnitHours = requestsPerDay.times(input.writeUnitsPerRequest).div(SECONDS_PER_HOUR);
  const provisionedWeight = new Decimal(rcuHoursPerDay).times(p.provisionedRcuHour.usd).plus(new Decimal(wcuHoursPerDay).times(p.provisionedWcuHour.usd));
  const consumedWeight = consumedReadUnitHours.times(p.provisionedRcuHour.usd).plus(consumedWriteUnitHours.times(p.provisionedWcuHour.usd));
  const averageUtilisation = provisionedWeight.isZero() ? new Decimal(0) : consumedWeight.div(provisionedWeight);
  const breakEven = calculateBreakEven({
    tableClass: input.tableClass,
    region: input.region,
    readUnitsPerSecond: consumedReadUnitHours,
    writeUnitsPerSecond: consumedWriteUnitHours,
  }).combined;

  const cmp = onDemand.comparedTo(provisioned);
  const cheaper = cmp === 0 ? 'equal' : cmp < 0 ? 'on-demand' : 'provisioned';
  const difference = onDemand.minus(provisioned).abs();
  const peak = Math.max(...input.profile);
  const steps: Step[] = [
    {
      label: 'Requests in a day (sum of each hour’s rate × 3,600 s)',
      formula: `Σ rps × 3,600 (peak ${formatQuantity(peak)}/s)`,
      value: `${formatQuantity(requestsPerDay)} requests`,
    },
    {
      label: 'On-demand per day',
      formula: `${formatQuantity(requestsPerDay)} × (${input.readUnitsPerRequest} RRU × $${rrPrice.toFixed()} + ${input.writeUnitsPerRequest} WRU × $${wrPrice.toFixed()})`,
      // Unrounded: a day rounded to cents is up to 15 cents off once multiplied by 30.42 days.
      value: `$${formatQuantity(dailyOnDemand, 6)}`,
    },
    {
      label: 'On-demand per 730-hour month (730 / 24 = 30.42 days)',
      formula: `$${formatQuantity(dailyOnDemand, 6)} × 730 / 24`,
      value: formatUsd(onDemand),
    },
    input.provisioning === 'fixed-peak'
      ? {
          label: 'Provisioned held at the peak all day (spikes are too short for auto scaling to follow)',
          formula: `ceil(peak units): ${fixedRcu} RCU, ${fixedWcu} WCU × 24 h`,
          value: `${formatQuantity(rcuHoursPerDay)} RCU-hours, ${formatQuantity(wcuHoursPerDay)} WCU-hours a day`,
        }
      : {
          label: `Auto scaling follows each hour at ${formatPercent(input.targetUtilisation, 0)} target: ceil(units / target), at least 1`,
          formula: `Σ ceil(hourly units / ${input.targetUtilisation})`,
          value: `${formatQuantity(rcuHoursPerDay)} RCU-hours, ${formatQuantity(wcuHoursPerDay)} WCU-hours a day`,
        },
    {
      label: 'Provisioned per 730-hour month',
      formula: `(${rcuHoursPerDay} × $${p.provisionedRcuHour.usd} + ${wcuHoursPerDay} × $${p.provisionedWcuHour.usd}) × 730 / 24`,
      value: formatUsd(provisioned),
    },
    {
      label: 'Average utilisation of the provisioned capacity, against the break-even',
      value: `${formatPercent(averageUtilisation)} vs ${formatPercent(breakEven)}`,
    },
    {
      label: cheaper === 'equal' ? 'Both modes cost the same' : `${cheaper === 'on-demand' ? 'On-demand' : 'Provisioned'} is cheaper by`,
      formula: `|${formatUsd(onDemand)} − ${formatUsd(provisioned)}|`,
      value: formatUsd(difference),
    },
  ];
  return {
    onDemand,
    provisioned,
    cheaper,
    difference,
    signedDifference: onDemand.minus(provisioned),
    averageUtilisation,
    breakEven,
    hours: input.profile.map((rps, hour) => ({
      hour,
      requestsPerSecond: rps,
      readUnits: readUnits[hour] ?? new Decimal(0),
      writeUnits: writeUnits[hour] ?? new Decimal(0),
      rcu: hourlyRcu[hour] ?? 0,
      wcu: hourlyWcu[hour] ?? 0,
    })),
    calculation: { value: roundToCents(difference), unit: USD_PER_MONTH, steps },
  };
}
