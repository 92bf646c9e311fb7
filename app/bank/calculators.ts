/**
 * The calculator registry: every calculator a numeric scenario may name in `answer.calculator`.
 * A calculator parses its arguments with zod, returns a Calculation (figure + working) from
 * engine/, and lists the known wrong methods a learner might use, so the grader can name them:
 * each the same engine function with one option changed, its words in content/misconceptions.md.
 *
 * To add calculators, write a module like capacity-calculators.ts that exports a list made with
 * defineCalculator, and spread it into CALCULATOR_LIST below: one line.
 */
import { capacityCalculators } from './capacity-calculators.ts';
import { costCalculators } from './cost-calculators.ts';
import { simulationCalculators } from '../grading/simulation.ts';
import type { Calculator } from './calculator.ts';

export { defineCalculator, type Calculator, type CalculatorMisconception } from './calculator.ts';

const CALCULATOR_LIST: readonly Calculator<unknown>[] = [...capacityCalculators, ...costCalculators, ...simulationCalculators];

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
