/**
 * Burst capacity: DynamoDB keeps up to five minutes (300 s) of a partition's unused provisioned
 * capacity and spends it when traffic rises above the provisioned rate. It is best effort, not
 * a guarantee (burst-adaptive-capacity.html). AWS's example, from re:Post rather than the guide:
 * a table at 150 RCU left idle banks 45,000 RCU, enough for a spike to 200 RCU per second for
 * 900 seconds. https://repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals
 */
import type { Calculation } from '../calculation.ts';
import { formatNumber } from './format.ts';

export const BURST_WINDOW_SECONDS = 300;

/**
 * How the burst figure is reckoned: seconds of capacity banked, what is banked (the unused part
 * of the provisioned rate) and what the spike draws from the bank (only its excess over the
 * provisioned rate). A calculator explaining a mistake changes one of them.
 */
export interface BurstRule {
  readonly windowSeconds: number;
  readonly banked: 'unused' | 'provisioned';
  readonly drawn: 'excess' | 'whole-spike';
}

export const BURST_RULE: BurstRule = { windowSeconds: BURST_WINDOW_SECONDS, banked: 'unused', drawn: 'excess' };

/** The seconds alone, under a rule (BURST_RULE is AWS's). */
export function burstSecondsUnder(args: { provisioned: number; consumedBefore: number; spike: number }, rule: BurstRule = BURST_RULE): number {
  const saved = rule.windowSeconds * (rule.banked === 'unused' ? args.provisioned - args.consumedBefore : args.provisioned);
  const drain = rule.drawn === 'excess' ? args.spike - args.provisioned : args.spike;
  return Math.floor(saved / drain);
}

/** Seconds a spike above the provisioned rate can be served from burst capacity saved while consuming `consumedBefore`. */
export function burstSeconds(args: { provisioned: number; consumedBefore: number; spike: number; unit: 'RCU' | 'WCU' }): Calculation {
  const saved = BURST_WINDOW_SECONDS * (args.provisioned - args.consumedBefore);
  const drain = args.spike - args.provisioned;
  const value = burstSecondsUnder(args);
  const u = args.unit;
  return {
    value,
    unit: 'seconds',
    steps: [
      {
        label: `Unused capacity banked over the last ${BURST_WINDOW_SECONDS} seconds (the most DynamoDB keeps)`,
        formula: `${BURST_WINDOW_SECONDS} × (${formatNumber(args.provisioned)} − ${formatNumber(args.consumedBefore)})`,
        value: `${formatNumber(saved)} ${u}`,
      },
      {
        label: 'The spike uses the provisioned rate and draws only the excess from the bank',
        formula: `${formatNumber(args.spike)} − ${formatNumber(args.provisioned)}`,
        value: `${formatNumber(drain)} ${u} per second`,
      },
      {
        label: 'Seconds until the bank is empty, rounded down',
        formula: `floor(${formatNumber(saved)} / ${formatNumber(drain)})`,
        value: `${formatNumber(value)} seconds`,
      },
    ],
  };
}

/**
 * The working of a burst read off a simulated run (the grader's simulatedBurstSeconds): the bank
 * the run held after 300 s at the steady rate, the excess the spike draws from it each second,
 * and the seconds the run served before its first throttled write.
 */
export function burstRunCalculation(run: { bankUnits: number; provisioned: number; spike: number; seconds: number; unit: 'RCU' | 'WCU' }): Calculation {
  const u = run.unit;
  return {
    value: run.seconds,
    unit: 'seconds',
    steps: [
      {
        label: `Burst bank after ${BURST_WINDOW_SECONDS} s at the steady rate, read off the run (unused capacity, at most ${BURST_WINDOW_SECONDS} s of it)`,
        value: `${formatNumber(run.bankUnits)} ${u}`,
      },
      {
        label: 'Drawn from the bank each second of the spike: only the excess over the provisioned rate',
        formula: `${formatNumber(run.spike)} − ${formatNumber(run.provisioned)}`,
        value: `${formatNumber(run.spike - run.provisioned)} ${u} per second`,
      },
      { label: `Seconds the run served the spike before its first throttled ${u === 'WCU' ? 'write' : 'read'}`, value: `${formatNumber(run.seconds)} seconds` },
    ],
  };
}
