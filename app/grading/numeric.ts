/**
 * Numeric: right when within the scenario's tolerance of the calculator's figure. When wrong,
 * the learner's figure is compared with each known wrong method's; the first that matches (and
 * differs from the right figure, so a mistake that happens to give the right answer is never
 * blamed) is named.
 */
import type { Instance } from '../bank/instance.ts';
import type { GradeResult, Misconception } from '../bank/types.ts';
import { InvalidAnswerError } from './answer-error.ts';

/** Learners round: a wrong method's 1.5869 is matched by 1.59. */
const MISCONCEPTION_MATCH = 0.01;
/** Float noise in figures such as 0.1 + 0.2. */
const EPSILON = 1e-9;

export function withinTolerance(given: number, expected: number, tolerance: number): boolean {
  return Math.abs(given - expected) <= tolerance + EPSILON;
}

export function findMisconception(given: number, expected: number, tolerance: number, misconceptions: readonly Misconception[]): Misconception | undefined {
  if (withinTolerance(given, expected, tolerance)) return undefined;
  return misconceptions.find(
    (m) => !withinTolerance(m.value, expected, tolerance) && withinTolerance(given, m.value, Math.max(tolerance, MISCONCEPTION_MATCH)),
  );
}

export function gradeNumeric(instance: Instance, value: number): GradeResult {
  const { key, variant } = instance;
  if (key.kind !== 'numeric' || variant.kind !== 'numeric') throw new InvalidAnswerError('kind', 'This question does not take a number');
  if (!Number.isFinite(value)) throw new InvalidAnswerError('value', 'The answer must be a finite number');
  const expected = key.calculation.value;
  const right = withinTolerance(value, expected, key.tolerance);
  const misconception = findMisconception(value, expected, key.tolerance, key.misconceptions);
  return {
    kind: 'numeric',
    verdict: right ? 'correct' : 'incorrect',
    score: right ? 1 : 0,
    explanationHtml: instance.explanationHtml,
    references: variant.references,
    given: value,
    expected,
    tolerance: key.tolerance,
    unit: key.unit,
    working: key.calculation,
    ...(misconception ? { misconception } : {}),
  };
}
