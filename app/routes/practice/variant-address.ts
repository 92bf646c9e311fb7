/** `/q/<scenario-id>/<seed>`: the permanent address of one generated question. */
import { InvalidInputError } from '../request-errors.ts';

export const MAX_SEED = 4_294_967_295;

/** The seed as written in a URL or a form: a whole number that fits a uint32. */
export function parseSeed(text: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_SEED) {
    throw new InvalidInputError('seed', `"${text}" is not a seed: use a whole number from 0 to ${MAX_SEED}.`);
  }
  return Number(text);
}

export function questionPath(scenarioId: string, seed: number): string {
  return `/q/${encodeURIComponent(scenarioId)}/${seed}`;
}
