/**
 * What the learner chose to practise (mixed, an area, an objective). It travels in the query
 * string from question to result to the next question, so no session state is needed.
 */
import { z } from 'zod';
import type { Bank } from '../../bank/types.ts';
import type { PracticeFilter } from '../../progress/next-question.ts';
import { InvalidInputError } from '../request-errors.ts';

export interface PracticeMode {
  readonly area: string | undefined;
  readonly objective: string | undefined;
}

export const PracticeQuerySchema = z.object({
  area: z.string().max(100).optional(),
  objective: z.string().max(100).optional(),
  exclude: z.string().max(200).optional(),
});

/** Empty strings and "mixed" mean no filter; unknown ids are a 400 naming the field. */
export function parsePracticeMode(bank: Bank, query: { area?: string | undefined; objective?: string | undefined }): PracticeMode {
  const area = query.area && query.area !== 'mixed' ? query.area : undefined;
  const objective = query.objective ? query.objective : undefined;
  if (area !== undefined && !bank.areas.some((a) => a.id === area)) {
    throw new InvalidInputError('area', `There is no area "${area}". Choose one of: mixed, ${bank.areas.map((a) => a.id).join(', ')}.`);
  }
  if (objective !== undefined && !bank.areas.some((a) => a.objectives.some((o) => o.id === objective))) {
    throw new InvalidInputError('objective', `There is no objective "${objective}". Objective ids look like math.rcu.`);
  }
  // An objective pins its area, so a stale area selection does not empty the pool.
  return { area: objective ? objective.split('.')[0] : area, objective };
}

/** How many of the learner's latest scenarios the next pick avoids while others remain. */
export const AVOID_RECENT_ATTEMPTS = 5;

export function toPracticeFilter(mode: PracticeMode, exclude: string | undefined, recent: readonly string[]): PracticeFilter {
  return { area: mode.area, objective: mode.objective, exclude, recent };
}

/** `?area=math&objective=math.rcu`, or '' for mixed practice. */
export function practiceQueryString(mode: PracticeMode, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (mode.area) params.set('area', mode.area);
  if (mode.objective) params.set('objective', mode.objective);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function describePracticeMode(bank: Bank, mode: PracticeMode): string {
  if (mode.objective) return `objective ${mode.objective}`;
  if (mode.area) return bank.areas.find((a) => a.id === mode.area)?.title ?? mode.area;
  return 'mixed practice';
}
