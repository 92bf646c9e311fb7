/**
 * The bank's entry to hands-on grading: grade a learner's JSON against a `request` or `design`
 * key, and give the reference answer as a learner would write it. (Filling a spec for one
 * variant is generation, in app/bank/hands-on-key.ts.)
 */
import { gradeDesign } from './design.ts';
import type { DesignAnswerSpec, RequestAnswerSpec } from './hands-on-spec.ts';
import { gradeRequest, type GradeContext } from './request.ts';

export type HandsOnKey = { readonly kind: 'request'; readonly spec: RequestAnswerSpec } | { readonly kind: 'design'; readonly spec: DesignAnswerSpec };

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
