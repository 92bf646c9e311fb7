/**
 * The bank's entry to hands-on grading: resolve a `request` or `design` answer spec for one
 * variant (placeholders filled, fixture built), grade a learner's JSON against it, and give
 * the reference answer as a learner would write it.
 */
import type { Params } from '../bank/types.ts';
import { describeDesign, gradeDesign } from './design.ts';
import { fillPlaceholders, type DesignAnswerSpec, type RequestAnswerSpec } from './hands-on-spec.ts';
import { describeRequestFixture, gradeRequest, type GradeContext } from './request.ts';

export type HandsOnKey = { readonly kind: 'request'; readonly spec: RequestAnswerSpec } | { readonly kind: 'design'; readonly spec: DesignAnswerSpec };

/** The variant's key and the context its page shows (table, sample items, patterns...). */
export function resolveHandsOn(answer: HandsOnKey, params: Params): { key: HandsOnKey; context: Record<string, unknown> } {
  if (answer.kind === 'request') {
    const spec = fillPlaceholders(answer.spec, params);
    return { key: { kind: 'request', spec }, context: describeRequestFixture(spec) };
  }
  const spec = fillPlaceholders(answer.spec, params);
  return { key: { kind: 'design', spec }, context: describeDesign(spec) };
}

export function gradeHandsOn(key: HandsOnKey, json: string, context: GradeContext) {
  return key.kind === 'request' ? gradeRequest(key.spec, json, context) : gradeDesign(key.spec, json, context);
}

/** The reference as the JSON a learner would submit. */
export function referenceJson(key: HandsOnKey): string {
  return JSON.stringify(key.kind === 'request' ? key.spec.reference : key.spec.reference, null, 2);
}

/** The scenario's known wrong answers, as JSON, for content:check. */
export function wrongAnswers(key: HandsOnKey): { name: string; json: string }[] {
  return key.kind === 'request'
    ? key.spec.wrong.map((w) => ({ name: w.name, json: JSON.stringify(w.request) }))
    : key.spec.wrong.map((w) => ({ name: w.name, json: JSON.stringify(w.design) }));
}
