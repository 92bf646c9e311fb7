/** Choosing what to practise next: a scenario from the chosen area or objective, and a seed. */
import type { Bank, ScenarioSummary } from '../bank/types.ts';

export interface PracticeFilter {
  /** An area id, or undefined for mixed practice over the whole bank. */
  readonly area?: string | undefined;
  readonly objective?: string | undefined;
  /** The scenario just answered or skipped. */
  readonly exclude?: string | undefined;
  /** Scenarios the learner saw lately, newest first: avoided while anything else qualifies. */
  readonly recent?: readonly string[] | undefined;
}

/** Seeds stay below a million so question addresses are short enough to read out. */
export const MAX_PICKED_SEED = 1_000_000;

export function selectPracticeScenarios(bank: Bank, filter: PracticeFilter): ScenarioSummary[] {
  return bank.scenarios.filter(
    (s) => (filter.area === undefined || s.area === filter.area) && (filter.objective === undefined || s.objectives.includes(filter.objective as never)),
  );
}

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/**
 * Undefined when nothing in the bank matches the filter. Skips the excluded and recent
 * scenarios while others remain (the excluded one first, then the oldest recent ones are let
 * back in). Mixed practice picks an area first, so an area with many scenarios does not crowd
 * out the others.
 */
export function pickNextQuestion(bank: Bank, filter: PracticeFilter, random: () => number): { scenarioId: string; seed: number } | undefined {
  const candidates = selectPracticeScenarios(bank, filter);
  if (candidates.length === 0) return undefined;
  const avoid = [...new Set([...(filter.exclude === undefined ? [] : [filter.exclude]), ...(filter.recent ?? [])])];
  let fresh = candidates;
  // Drop avoided scenarios from the oldest-seen end until something is left to choose from.
  for (let keep = avoid.length; keep >= 0; keep--) {
    const avoided = new Set(avoid.slice(0, keep));
    fresh = candidates.filter((s) => !avoided.has(s.id));
    if (fresh.length > 0) break;
  }
  let pool = fresh;
  if (filter.area === undefined && filter.objective === undefined) {
    const area = pick([...new Set(fresh.map((s) => s.area as string))], random);
    pool = fresh.filter((s) => s.area === area);
  }
  const scenario = pick(pool, random);
  if (!scenario) return undefined;
  return { scenarioId: scenario.id, seed: Math.floor(random() * MAX_PICKED_SEED) };
}
