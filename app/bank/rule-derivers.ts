/**
 * Derivers backed by the rules in engine/rules/: the right option of a choice question is
 * computed from the generated requirement, never written per variant.
 */
import { cheapestReadPlan, costReadPlans, PAGE_BYTES } from '../../engine/index.ts';
import { indexDerivers, indexTopicDerivers } from './index-scenarios.ts';
import { keyDerivers } from './key-scenarios.ts';
import { coreDerivers } from './core-scenarios.ts';
import type { Deriver } from './derivers.ts';
import type { ParamValue, Params } from './types.ts';

/** `name`, or a picked object's field `x.name`, so a requirement and its wording can be picked together. */
function readParam(params: Params, name: string): ParamValue | undefined {
  if (params[name] !== undefined) return params[name];
  const key = Object.keys(params).find((k) => k.endsWith(`.${name}`));
  return key === undefined ? undefined : params[key];
}

function readNumber(params: Params, name: string): number {
  const value = readParam(params, name);
  if (typeof value !== 'number') throw new RangeError(`Parameter ${name} must be a number, not ${String(value)}`);
  return value;
}

export const ruleDerivers: readonly Deriver[] = [
  {
    name: 'readPlanCosts',
    description:
      'RCU of five ways to read `wanted` items of `bytes` from one item collection, and the cheapest; draws the collection size so that no two plans tie',
    outputs: ['best', 'collection', 'cost_query', 'cost_batch', 'cost_get_strong', 'cost_transact', 'cost_scan'],
    derive(params, random) {
      const wanted = readNumber(params, 'wanted');
      const itemBytes = readNumber(params, 'bytes');
      const table = readNumber(params, 'table_items');
      const maxCollection = Math.max(wanted, Math.min(Math.floor(PAGE_BYTES / itemBytes), Math.floor(table / 2), wanted * 6));
      // Aim for a Query win or a BatchGetItem win with equal odds, so the key is not always the
      // same; draw collection sizes until one plan is strictly cheapest (the aimed one if we can).
      const aim = random.pick(['query', 'batch'] as const);
      let chosen: number | undefined;
      for (let attempt = 0; attempt < 60; attempt++) {
        const collection = random.int(wanted, maxCollection);
        const best = cheapestReadPlan({ wanted, collection, table, itemBytes });
        if (best === undefined) continue;
        if (best === aim) {
          chosen = collection;
          break;
        }
        chosen ??= collection;
      }
      if (chosen !== undefined) {
        const collection = chosen;
        const situation = { wanted, collection, table, itemBytes };
        const best = cheapestReadPlan(situation)!;
        const costs = costReadPlans(situation);
        return {
          best,
          collection,
          cost_query: costs.query,
          cost_batch: costs.batch,
          cost_get_strong: costs['get-strong'],
          cost_transact: costs.transact,
          cost_scan: costs.scan,
        };
      }
      throw new RangeError(`No collection size between ${wanted} and ${maxCollection} makes one read plan strictly cheapest`);
    },
  },
  // Index and key families (app/bank/*-scenarios.ts): each deriver draws a case and lets the rules pick the key.
  ...indexDerivers,
  ...indexTopicDerivers,
  ...keyDerivers,
  ...coreDerivers,
];
