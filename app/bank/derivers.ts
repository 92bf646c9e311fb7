/**
 * Derivers: named pure functions that add parameters computed by rules from the generated
 * ones — the right option of a choice question, a generated DynamoDB item, a list of sizes.
 * A scenario names one in `derive:`. Each declares the parameters it outputs so the loader can
 * check placeholders without generating anything.
 *
 * To add one: write it (rules that decide answers belong in engine/rules/), then add an entry.
 */
import type { Random } from './random.ts';
import type { ParamValue, Params } from './types.ts';
import { itemDerivers } from './item-derivers.ts';
import { ruleDerivers } from './rule-derivers.ts';
import { adviceDerivers } from './advice-derivers.ts';
import { serverlessCostDerivers } from './serverless-cost-derivers.ts';
import { SIMULATION_DERIVERS } from '../grading/simulation.ts';

export interface Deriver {
  readonly name: string;
  readonly description: string;
  /** Every parameter name `derive` may return. */
  readonly outputs: readonly string[];
  /** Pure: the same params and random stream give the same output. */
  derive(params: Params, random: Random): Record<string, ParamValue>;
}

export type DeriverRegistry = ReadonlyMap<string, Deriver>;

export function createDeriverRegistry(list: readonly Deriver[]): DeriverRegistry {
  const registry = new Map<string, Deriver>();
  for (const deriver of list) {
    if (registry.has(deriver.name)) throw new Error(`Two derivers are named ${deriver.name}`);
    registry.set(deriver.name, deriver);
  }
  return registry;
}

export const DERIVERS: DeriverRegistry = createDeriverRegistry([
  ...itemDerivers,
  ...ruleDerivers,
  ...adviceDerivers,
  ...serverlessCostDerivers,
  ...SIMULATION_DERIVERS,
]);
