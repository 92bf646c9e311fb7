/** Choosing what to practise next: a scenario from the chosen area or objective, and a seed. */
import type { Bank, ScenarioSummary } from '../bank/types.ts';

export interface PracticeFilter {
  /** An area id, or undefined for mixed practice over the whole bank. */
  readonly area?: string | undefined;
  readonly objective?: string | undefined;
  /** The scenario just answered: skipped when anything else qualifies, so the next one differs. */
  readonly exclude?: string | undefined;
}

/** Seeds stay below a million so question addresses are short enough to read out. */
export const MAX_PICKED_SEED = 1_000_000;

export function selectPracticeScenarios(bank: Bank, filter: PracticeFilter): ScenarioSummary[] {
  return bank.scenarios.filter(
    (s) => (filter.area === undefined || s.area === filter.area) && (filter.objective === undefined || s.objectives.includes(filter.objective as never)),
  );
}

/** Undefined when nothing in the bank matches the filter. */
export function pickNextQuestion(bank: Bank, filter: PracticeFilter, random: () => number): { scenarioId: string; seed: number } | undefined {
  const candidates = selectPracticeScenarios(bank, filter);
  const fresh = candidates.length > 1 ? candidates.filter((s) => s.id !== filter.exclude) : candidates;
  const scenario = fresh[Math.floor(random() * fresh.length)];
  if (!scenario) return undefined;
  return { scenarioId: scenario.id, seed: Math.floor(random() * MAX_PICKED_SEED) };
}
