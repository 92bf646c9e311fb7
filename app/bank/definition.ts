/** A scenario file once parsed and validated: everything needed to generate its variants. */
import type { DesignAnswerSpec, RequestAnswerSpec } from '../grading/hands-on-spec.ts';
import type { FrontMatter, ChoiceAnswerSpec, MultiAnswerSpec, NumericAnswerSpec } from './schema.ts';
import type { ScenarioSummary } from './types.ts';

export interface OptionDefinition {
  readonly id: string;
  /** Markdown with placeholders. */
  readonly text: string;
  readonly why: string;
  readonly line: number;
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
  readonly explanation: string;
  /** Product of the parameters' counts (derived ones count once). */
  readonly paramSpace: number;
  /** Line of each front-matter key and body section, so later checks can name a line. */
  readonly lines: Readonly<Record<string, number>>;
}
