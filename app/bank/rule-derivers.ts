/**
 * Derivers backed by the rules in engine/rules/: the right option of a choice question is
 * computed from the generated requirement, never written per variant.
 */
import { chooseCapacityMode, type TrafficShape } from '../../engine/rules/capacity-mode.ts';
import { chooseRead, type ReadNeed, type ReadSource } from '../../engine/rules/read-mode.ts';
import { indexDerivers, indexTopicDerivers } from '../../engine/advice/index-scenarios.ts';
import { keyDerivers } from '../../engine/advice/key-scenarios.ts';
import { coreDerivers } from '../../engine/advice/core-scenarios.ts';
import type { Deriver } from './derivers.ts';
import type { ParamValue, Params } from './types.ts';

const READ_NEEDS: readonly ReadNeed[] = ['latest', 'stale-ok', 'snapshot'];
const SOURCES: readonly ReadSource[] = ['table', 'gsi'];
const SHAPES: readonly TrafficShape[] = ['steady', 'daily-cycle', 'steady-growth', 'spiky', 'new-unknown', 'mostly-idle'];

/** `name`, or a picked object's field `x.name`, so a requirement and its wording can be picked together. */
function readParam(params: Params, name: string): ParamValue | undefined {
  if (params[name] !== undefined) return params[name];
  const key = Object.keys(params).find((k) => k.endsWith(`.${name}`));
  return key === undefined ? undefined : params[key];
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new RangeError(`Parameter ${name} must be one of ${allowed.join(', ')}, not ${String(value)}`);
}

export const ruleDerivers: readonly Deriver[] = [
  {
    name: 'readModeRule',
    description: 'The read a requirement needs, from a parameter (or picked field) need (latest, stale-ok, snapshot) and source (table, gsi)',
    outputs: ['best', 'reason'],
    derive(params) {
      const decision = chooseRead(oneOf(readParam(params, 'need'), READ_NEEDS, 'need'), oneOf(readParam(params, 'source') ?? 'table', SOURCES, 'source'));
      return { best: decision.best, reason: decision.reason };
    },
  },
  {
    name: 'capacityModeRule',
    description: 'The capacity mode a traffic shape calls for, from a parameter (or picked field) shape (steady, daily-cycle, steady-growth, spiky, new-unknown, mostly-idle)',
    outputs: ['best', 'reason'],
    derive(params) {
      const decision = chooseCapacityMode(oneOf(readParam(params, 'shape'), SHAPES, 'shape'));
      return { best: decision.best, reason: decision.reason };
    },
  },
  // Index and key families (engine/advice): each deriver draws a case and lets the rules pick the key.
  ...indexDerivers,
  ...indexTopicDerivers,
  ...keyDerivers,
  ...coreDerivers,
];
