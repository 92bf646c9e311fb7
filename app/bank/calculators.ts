/**
 * The calculator registry: every calculator a numeric scenario may name in `answer.calculator`.
 * A calculator parses its arguments with zod, returns a Calculation (figure + working) from
 * engine/, and lists the known wrong methods a learner might use, so the grader can name them.
 *
 * To add calculators, write a module like capacity-calculators.ts that exports a list made with
 * defineCalculator, and spread it into CALCULATOR_LIST below: one line.
 */
import type { z } from 'zod';
import type { Calculation } from '../../engine/index.ts';
import { capacityCalculators } from './capacity-calculators.ts';
import { costCalculators } from './cost-calculators.ts';

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

const CALCULATOR_LIST: readonly Calculator<unknown>[] = [...capacityCalculators, ...costCalculators];

export type CalculatorRegistry = ReadonlyMap<string, Calculator<unknown>>;

export function createCalculatorRegistry(list: readonly Calculator<unknown>[]): CalculatorRegistry {
  const registry = new Map<string, Calculator<unknown>>();
  for (const calculator of list) {
    if (registry.has(calculator.name)) throw new Error(`Two calculators are named ${calculator.name}`);
    registry.set(calculator.name, calculator);
  }
  return registry;
}

export const CALCULATORS: CalculatorRegistry = createCalculatorRegistry(CALCULATOR_LIST);
