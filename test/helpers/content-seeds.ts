/**
 * Seeds per family for the content gates inside `npm test`. content:check runs the same gates
 * at 500 seeds (DEFAULT_SEEDS) and CI runs it as a step of its own; here 50 keep every family's
 * generation, grading and distractor checks on many variants while the suite stays quick.
 * CONTENT_SEEDS=500 npm test runs them at content:check's depth.
 */
export const DEFAULT_TEST_SEEDS = 50;

export function contentSeeds(value: string | undefined = process.env.CONTENT_SEEDS): number {
  if (value === undefined || value === '') return DEFAULT_TEST_SEEDS;
  const seeds = Number(value);
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`CONTENT_SEEDS must be a positive integer, not ${value}`);
  return seeds;
}

export const CONTENT_SEEDS = contentSeeds();
