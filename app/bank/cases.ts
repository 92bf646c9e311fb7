/**
 * `cases:` as written: situations, some grouped (`{ pick: [...] }`, one of the group picked in
 * turn, so a group of three shares one slot with a lone case: half the variants pick the lone
 * case), each with fields that are values or parameter specs drawn after the pick.
 */
import { generateParams } from './params.ts';
import type { Random } from './random.ts';
import type { CaseSpec, CasesSpec, ParamSpec } from './schema.ts';
import { fillText } from './template.ts';
import type { ParamValue } from './types.ts';

/** One case with where it is written (`['cases', 1, 'pick', 0]`), for error lines. */
export interface LocatedCase {
  readonly spec: CaseSpec;
  readonly path: readonly (string | number)[];
}

/** Every case, groups opened, in the order written. */
export function flattenCases(cases: CasesSpec | undefined): LocatedCase[] {
  return (cases ?? []).flatMap((c, i) =>
    'pick' in c && Array.isArray(c.pick)
      ? (c.pick as CaseSpec[]).map((g, j) => ({ spec: g, path: ['cases', i, 'pick', j] }))
      : [{ spec: c as CaseSpec, path: ['cases', i] }],
  );
}

export function isParamSpec(value: CaseSpec[string] | undefined): value is ParamSpec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A case's own pools: the option ids of its `right` and `wrong` lists, when it has them. */
export function casePools(c: CaseSpec): { right: readonly string[]; wrong: readonly string[] } | undefined {
  const { right, wrong } = c;
  return Array.isArray(right) && Array.isArray(wrong) ? { right, wrong } : undefined;
}

/**
 * Pick a case (a group, then one of it), then bind `case` and its fields in the order written:
 * text filled from the parameters above, a parameter spec drawn from the variant's stream.
 */
export function drawCase(cases: CasesSpec, random: Random, params: Record<string, ParamValue>): CaseSpec {
  const top = random.pick(cases);
  const chosen = ('pick' in top && Array.isArray(top.pick) ? random.pick(top.pick as CaseSpec[]) : top) as CaseSpec;
  const { id, ...fields } = chosen;
  params.case = String(id);
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) continue; // a case's pool: drawn with the options
    if (isParamSpec(value)) Object.assign(params, generateParams({ [name]: value }, random, params));
    else params[name] = typeof value === 'string' ? fillText(value, params) : value;
  }
  return chosen;
}
