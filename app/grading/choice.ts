/** Choice: one option; full marks for the key, none otherwise. */
import type { Instance } from '../bank/instance.ts';
import type { GradeResult, OptionFeedback } from '../bank/types.ts';
import { InvalidAnswerError } from './answer-error.ts';

export function optionFeedback(instance: Instance, correct: ReadonlySet<string>, chosen: ReadonlySet<string>): OptionFeedback[] {
  if (instance.variant.kind !== 'choice' && instance.variant.kind !== 'multi') return [];
  return instance.variant.options.map((o) => ({
    id: o.id,
    html: o.html,
    correct: correct.has(o.id),
    chosen: chosen.has(o.id),
    whyHtml: instance.whyHtml.get(o.id) ?? '',
  }));
}

export function gradeChoice(instance: Instance, optionId: string): GradeResult {
  const { key, variant } = instance;
  if (key.kind !== 'choice' || variant.kind !== 'choice') throw new InvalidAnswerError('kind', 'This question is not a single-choice question');
  if (!variant.options.some((o) => o.id === optionId)) {
    throw new InvalidAnswerError('optionId', `"${optionId}" is not one of this question's options`);
  }
  const right = optionId === key.correct;
  return {
    kind: 'choice',
    verdict: right ? 'correct' : 'incorrect',
    score: right ? 1 : 0,
    explanationHtml: instance.explanationHtml,
    references: variant.references,
    options: optionFeedback(instance, new Set([key.correct]), new Set([optionId])),
  };
}
