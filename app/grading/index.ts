/** One grader per question kind; gradeAnswer picks by the answer's kind. */
import type { Instance } from '../bank/instance.ts';
import type { Answer, GradeResult } from '../bank/types.ts';
import { InvalidAnswerError } from './answer-error.ts';
import { gradeChoice } from './choice.ts';
import { gradeHandsOn } from './hands-on.ts';
import { gradeMulti } from './multi.ts';
import { gradeNumeric } from './numeric.ts';

export { gradeChoice } from './choice.ts';
export { gradeMulti, scoreMulti } from './multi.ts';
export { findMisconception, gradeNumeric, withinTolerance } from './numeric.ts';

export function gradeAnswer(instance: Instance, answer: Answer): GradeResult {
  if (answer.kind !== instance.variant.kind) {
    throw new InvalidAnswerError('kind', `This question takes a ${instance.variant.kind} answer, not ${answer.kind}`);
  }
  switch (answer.kind) {
    case 'choice':
      return gradeChoice(instance, answer.optionId);
    case 'multi':
      return gradeMulti(instance, answer.optionIds);
    case 'numeric':
      return gradeNumeric(instance, answer.value);
    case 'request':
    case 'design': {
      const key = instance.key;
      if (key.kind !== 'request' && key.kind !== 'design') throw new InvalidAnswerError('kind', `This question has no ${answer.kind} key`);
      return gradeHandsOn(key, answer.json, { explanationHtml: instance.explanationHtml, references: instance.variant.references });
    }
  }
}
