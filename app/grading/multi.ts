/**
 * Multi ("choose N"): partial credit. Each right option chosen earns 1/N, each wrong option
 * chosen costs 1/N, and the score never goes below 0. So choosing every option cannot beat
 * knowing the answer, and one right plus one wrong scores 0.
 */
import type { Instance } from '../bank/instance.ts';
import type { GradeResult } from '../bank/types.ts';
import { InvalidAnswerError } from './answer-error.ts';
import { optionFeedback } from './choice.ts';

export function scoreMulti(correct: ReadonlySet<string>, chosen: ReadonlySet<string>, choose: number): number {
  let hits = 0;
  let misses = 0;
  for (const id of chosen) {
    if (correct.has(id)) hits++;
    else misses++;
  }
  return Math.max(0, (hits - misses) / choose);
}

export function gradeMulti(instance: Instance, optionIds: readonly string[]): GradeResult {
  const { key, variant } = instance;
  if (key.kind !== 'multi' || variant.kind !== 'multi') throw new InvalidAnswerError('kind', 'This question is not a multiple-choice question');
  const known = new Set(variant.options.map((o) => o.id));
  const unknown = optionIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new InvalidAnswerError('optionIds', `"${unknown}" is not one of this question's options`);
  const chosen = new Set(optionIds);
  if (chosen.size !== optionIds.length) throw new InvalidAnswerError('optionIds', 'An option is chosen twice');
  const correct = new Set(key.correct);
  const score = scoreMulti(correct, chosen, key.choose);
  return {
    kind: 'multi',
    verdict: score === 1 ? 'correct' : score === 0 ? 'incorrect' : 'partial',
    score,
    explanationHtml: instance.explanationHtml,
    references: variant.references,
    options: optionFeedback(instance, correct, chosen),
    choose: key.choose,
  };
}
