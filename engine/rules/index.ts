/**
 * The exam's decision rules, one decision per file: each takes a situation and returns the
 * answer AWS's guidance gives, so a question's key is computed, never typed. No wording lives
 * here: the reasons and situations learners read are in content/ and app/bank/.
 */
export * from './capacity-mode.ts';
export * from './auto-scaling-action.ts';
export * from './surge-fix.ts';
export * from './read-consistency.ts';
export * from './read-mode.ts';
export * from './read-plan.ts';
export * from './dax.ts';
export * from './dax-rules.ts';
export * from './serverless.ts';
export * from './serverless-rules.ts';
export * from './index-choice.ts';
export * from './index-rules.ts';
export * from './key-design.ts';
export * from './item-limits.ts';
export * from './strong-read-cost.ts';
export * from './partition-key.ts';
export * from './payload-placement.ts';
export * from './item-size-limit.ts';
export * from './key-condition-outcome.ts';
export * from './registry.ts';
