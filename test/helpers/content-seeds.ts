/**
 * Seeds per family for the content gates inside `npm test`. content:check runs the same gates
 * at 500 seeds (DEFAULT_SEEDS) and CI runs it as a step of its own; here 50 keep the suite quick
 * and still catch what breaks a family: a generation or grading fault on one seed in 16 shows in
 * 50 seeds 19 times out of 20, and a language share over 50% is measured to about ±7 points.
 * Rarer faults are content:check's to find. CONTENT_SEEDS=500 npm test runs them at its depth.
 */
export const DEFAULT_TEST_SEEDS = 50;

export function contentSeeds(value: string | undefined = process.env.CONTENT_SEEDS): number {
  if (value === undefined || value === '') return DEFAULT_TEST_SEEDS;
  const seeds = Number(value);
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`CONTENT_SEEDS must be a positive integer, not ${value}`);
  return seeds;
}

export const CONTENT_SEEDS = contentSeeds();
