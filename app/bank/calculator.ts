/**
 * What a calculator is, apart from the registry (calculators.ts) that lists them, so the
 * modules that define calculators and the registry that imports them do not import each other.
 */
import type { z } from 'zod';
import type { Calculation } from '../../engine/index.ts';

export interface CalculatorMisconception<A> {
  /** Stable id, e.g. `no-round-up`; a scenario may list ids to ignore. */
  readonly id: string;
  /** Short name shown to the learner: "Forgot to round up to 4 KB blocks". */
  readonly name: string;
  /** One or two sentences: what the method does wrong and what the rule is. */
  readonly explanation: string;
  /** The figure the wrong method gives; NaN when the mistake does not apply to these arguments. */
  compute(args: A): number;
}

export interface Calculator<A = unknown> {
  readonly name: string;
  /** One line for authors (content/README.md lists them). */
  readonly description: string;
  readonly args: z.ZodType<A>;
  calculate(args: A): Calculation;
  readonly misconceptions: readonly CalculatorMisconception<A>[];
}

/** Keeps the argument type of one calculator while letting the registry hold them all. */
export function defineCalculator<A>(calculator: Calculator<A>): Calculator<unknown> {
  return calculator as unknown as Calculator<unknown>;
}
