/**
 * Drawing a mock exam: N questions across the areas in proportion to their objectives (the
 * study guide's weight), or from one area, each a distinct family with a fresh seed. Pure.
 */
import type { Bank, ScenarioKind, ScenarioSummary } from '../bank/types.ts';
import { MAX_PICKED_SEED } from './next-question.ts';

export const DEFAULT_EXAM_QUESTIONS = 25;
/** AWS associate exams allow 130 minutes for 65 questions: two minutes a question. */
export const DEFAULT_EXAM_MINUTES = 50;
export const DEFAULT_EXAM_KINDS: readonly ScenarioKind[] = ['choice', 'multi', 'numeric'];

export interface ExamPlanOptions {
  readonly questions: number;
  readonly area?: string | undefined;
  readonly kinds: readonly ScenarioKind[];
}

export interface PlannedQuestion {
  readonly scenarioId: string;
  readonly seed: number;
  readonly area: string;
}

/**
 * Splits `total` over weights by the largest-remainder method: the shares add up to `total`
 * exactly and each is within one of its exact proportion.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, remainder: e - Math.floor(e) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The exam's questions in the order they are asked. An area with fewer eligible families than
 * its share repeats families (each with another seed) rather than shrink the exam.
 */
export function planExam(bank: Bank, options: ExamPlanOptions, random: () => number): PlannedQuestion[] {
  const kinds = new Set(options.kinds);
  const eligible = (area: string): ScenarioSummary[] => bank.scenarios.filter((s) => s.area === area && kinds.has(s.kind));
  const areas = bank.areas.filter((a) => (options.area === undefined || a.id === options.area) && eligible(a.id).length > 0);
  const shares = apportion(
    options.questions,
    areas.map((a) => a.objectives.length),
  );
  const planned: PlannedQuestion[] = [];
  areas.forEach((area, i) => {
    const families = eligible(area.id);
    let deck: ScenarioSummary[] = [];
    for (let n = 0; n < shares[i]!; n++) {
      if (deck.length === 0) deck = shuffle(families, random);
      const family = deck.pop()!;
      planned.push({ scenarioId: family.id, seed: Math.floor(random() * MAX_PICKED_SEED), area: area.id });
    }
  });
  return shuffle(planned, random);
}
