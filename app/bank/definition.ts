/** A scenario file once parsed and validated: everything needed to generate its variants. */
import type { DesignAnswerSpec, RequestAnswerSpec } from '../grading/hands-on-spec.ts';
import type { FrontMatter, ChoiceAnswerSpec, MultiAnswerSpec, NumericAnswerSpec } from './schema.ts';
import type { ScenarioSummary } from './types.ts';

export interface OptionDefinition {
  readonly id: string;
  /** Markdown with placeholders. */
  readonly text: string;
  readonly why: string;
  /** Set by `why-not:`: the why shown when the option is not the key (`why` is then shown when it is). */
  readonly whyNot?: string;
  readonly line: number;
}

/** Option ids of a pool family's drawn statements, right ones first (so its key is a, b...). */
export const POOL_SLOTS: readonly string[] = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** A statement of an answer pool: shown as an option when drawn, with why it is right or wrong. */
export interface PoolEntry {
  readonly text: string;
  readonly why: string;
  readonly line: number;
}

/** The "## Right" and "## Wrong" pools of a pool family, and how many of each a variant shows. */
export interface PoolDefinition {
  readonly right: readonly PoolEntry[];
  readonly wrong: readonly PoolEntry[];
  readonly show: { readonly right: number; readonly wrong: number };
  /** Drawn from `## Options` by the picked case's `right` and `wrong` lists (right and wrong are then empty). */
  readonly byCase?: boolean;
}

export type AnswerDefinition =
  | { readonly kind: 'numeric'; readonly spec: NumericAnswerSpec }
  | { readonly kind: 'choice'; readonly spec: ChoiceAnswerSpec }
  | { readonly kind: 'multi'; readonly spec: MultiAnswerSpec; readonly choose: number }
  | { readonly kind: 'request'; readonly spec: RequestAnswerSpec }
  | { readonly kind: 'design'; readonly spec: DesignAnswerSpec };

export interface ScenarioDefinition {
  readonly summary: ScenarioSummary;
  readonly frontMatter: FrontMatter;
  readonly answer: AnswerDefinition;
  readonly prompt: string;
  readonly options: readonly OptionDefinition[];
  /** Set when the options are drawn from pools (answer: { pool: ... }); `options` is then empty. */
  readonly pool?: PoolDefinition;
  /** `answer.wrong-pool`: `show` wrong statements drawn from `## Wrong` beside the written options. */
  readonly wrongPool?: { readonly entries: readonly PoolEntry[]; readonly show: number };
  readonly explanation: string;
  /** Product of the parameters' counts (derived ones count once). */
  readonly paramSpace: number;
  /** Line of each front-matter key and body section, so later checks can name a line. */
  readonly lines: Readonly<Record<string, number>>;
}
