/**
 * What a calculator is, apart from the registry (calculators.ts) that lists them, so the
 * modules that define calculators and the registry that imports them do not import each other.
 */
import type { z } from 'zod';
import type { Calculation } from '../../engine/index.ts';

/**
 * A known wrong method: the calculator's own engine rule with one step changed. Its words are not
 * here but in content/misconceptions.md, under `topic` then `id` (misconception-texts.ts loads
 * them and checks that every one a calculator can compute is written, and every one written is
 * used), so a mistake several calculators share is worded once.
 */
export interface CalculatorMisconception<A> {
  /** Stable id a grade records, e.g. `no-round-up`; a scenario may list ids to ignore. */
  readonly id: string;
  /** The group of its text in content/misconceptions.md, e.g. `reads`: the text is `reads.no-round-up`. */
  readonly topic: string;
  /** The figure the wrong method gives; NaN when the mistake does not apply to these arguments. */
  compute(args: A): number;
}

/** Where a misconception's name and explanation are found in content/misconceptions.md. */
export function misconceptionTextKey(m: { readonly id: string; readonly topic: string }): string {
  return `${m.topic}.${m.id}`;
}

export interface Calculator<A = unknown> {
  readonly name: string;
  /** One line for authors (content/README.md lists them). */
  readonly description: string;
  readonly args: z.ZodType<A>;
  calculate(args: A): Calculation;
  readonly misconceptions: readonly CalculatorMisconception<A>[];
  /**
   * Steps whose words belong to one family's situation, by id, with the values each label may
   * name: the words are in content/steps.md (step-labels.ts), and calculate returns stepLabel(id, values).
   */
  readonly stepLabels?: Readonly<Record<string, readonly string[]>>;
}

/** Keeps the argument type of one calculator while letting the registry hold them all. */
export function defineCalculator<A>(calculator: Calculator<A>): Calculator<unknown> {
  return calculator as unknown as Calculator<unknown>;
}
