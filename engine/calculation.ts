/**
 * The result of every calculator in the engine (capacity units, item size, cost): the figure
 * and the working that produced it, step by step, so a learner can follow the arithmetic.
 */
export interface Step {
  /** What this step works out, in words: "Round the item size up to 4 KB blocks". */
  readonly label: string;
  /** The arithmetic with the numbers filled in: "ceil(6,500 / 4,096) = 2". */
  readonly formula?: string;
  /** The step's outcome with its unit: "2 blocks". */
  readonly value: string;
}

export interface Calculation {
  readonly value: number;
  readonly unit: string;
  readonly steps: readonly Step[];
}
