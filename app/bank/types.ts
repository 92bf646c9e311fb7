/**
 * The question bank's contract with the rest of the app: what a scenario is once loaded,
 * what a variant (scenario + seed) looks like to a page, what a learner may answer, and what
 * grading returns. Pages, the JSON API, the progress store and content:check all speak
 * these types; the loader and the graders produce them.
 */
import type { Calculation } from '../../engine/index.ts';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** `math.rcu-strong-single`: stable, used in URLs and stored attempts. */
export type ScenarioId = Brand<string, 'ScenarioId'>;
/** A uint32 that fixes every parameter of a variant. */
export type Seed = Brand<number, 'Seed'>;
/** `math.rcu`, from OBJECTIVES.md. */
export type ObjectiveId = Brand<string, 'ObjectiveId'>;
/** `math`: the part of an objective id before the dot. */
export type AreaId = Brand<string, 'AreaId'>;

export type ScenarioKind = 'choice' | 'multi' | 'numeric' | 'request' | 'design';
export type Difficulty = 1 | 2 | 3;

export interface Reference {
  readonly title: string;
  readonly url: string;
}

export interface Objective {
  readonly id: ObjectiveId;
  readonly area: AreaId;
  readonly text: string;
}

export interface Area {
  readonly id: AreaId;
  readonly title: string;
  readonly objectives: readonly Objective[];
}

/** A scenario as listed: enough to count, filter and link, without generating anything. */
export interface ScenarioSummary {
  readonly id: ScenarioId;
  readonly title: string;
  readonly kind: ScenarioKind;
  readonly area: AreaId;
  readonly objectives: readonly ObjectiveId[];
  readonly difficulty: Difficulty;
  /** Path relative to the repository root, for authors and error messages. */
  readonly file: string;
}

/** A parameter value after generation. */
export type ParamValue = string | number | boolean;
export type Params = Readonly<Record<string, ParamValue>>;

export interface ChoiceOption {
  /** Stable within the scenario (`gsi`, `lsi`...), independent of display order. */
  readonly id: string;
  readonly html: string;
}

interface VariantBase {
  readonly scenarioId: ScenarioId;
  readonly seed: Seed;
  readonly title: string;
  readonly area: AreaId;
  readonly objectives: readonly ObjectiveId[];
  readonly difficulty: Difficulty;
  readonly params: Params;
  /** The question, rendered from markdown and sanitised. */
  readonly promptHtml: string;
  readonly references: readonly Reference[];
}

/** One generated question. Options are already in display order (shuffled by the seed). */
export type Variant =
  | (VariantBase & { readonly kind: 'choice'; readonly options: readonly ChoiceOption[] })
  | (VariantBase & { readonly kind: 'multi'; readonly options: readonly ChoiceOption[]; readonly choose: number })
  | (VariantBase & { readonly kind: 'numeric'; readonly unit: string })
  | (VariantBase & { readonly kind: 'request'; readonly context: Readonly<Record<string, unknown>> })
  | (VariantBase & { readonly kind: 'design'; readonly context: Readonly<Record<string, unknown>> });

/** What a learner submits, by kind. */
export type Answer =
  | { readonly kind: 'choice'; readonly optionId: string }
  | { readonly kind: 'multi'; readonly optionIds: readonly string[] }
  | { readonly kind: 'numeric'; readonly value: number }
  | { readonly kind: 'request'; readonly json: string }
  | { readonly kind: 'design'; readonly json: string };

export type Verdict = 'correct' | 'partial' | 'incorrect';

export interface OptionFeedback {
  readonly id: string;
  readonly html: string;
  readonly correct: boolean;
  readonly chosen: boolean;
  /** Why this option is right or wrong, rendered markdown. */
  readonly whyHtml: string;
}

/** A known wrong method whose figure the learner's answer matched. */
export interface Misconception {
  readonly id: string;
  readonly name: string;
  readonly explanation: string;
  readonly value: number;
}

/** One check of a request or design grade. */
export interface Check {
  readonly id: string;
  readonly label: string;
  readonly passed: boolean;
  readonly weight: number;
  readonly detail?: string;
  /**
   * The check the task exists for (the condition of a conditional put, the index of an index
   * query): failing it makes the answer wrong for the schedule and readiness, however many
   * other checks pass.
   */
  readonly essential?: boolean;
}

interface GradeBase {
  readonly verdict: Verdict;
  /** 0..1. */
  readonly score: number;
  readonly explanationHtml: string;
  readonly references: readonly Reference[];
}

export type GradeResult =
  | (GradeBase & { readonly kind: 'choice'; readonly options: readonly OptionFeedback[] })
  | (GradeBase & { readonly kind: 'multi'; readonly options: readonly OptionFeedback[]; readonly choose: number })
  | (GradeBase & {
      readonly kind: 'numeric';
      readonly given: number;
      readonly expected: number;
      readonly tolerance: number;
      readonly unit: string;
      readonly working: Calculation;
      readonly misconception?: Misconception;
    })
  | (GradeBase & { readonly kind: 'request' | 'design'; readonly checks: readonly Check[]; readonly details: Readonly<Record<string, unknown>> });

/** A problem found while loading content: always names the file and the line. */
export interface ContentError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export class UnknownScenarioError extends Error {
  override readonly name = 'UnknownScenarioError';
  constructor(readonly scenarioId: string) {
    super(`No scenario has the id "${scenarioId}".`);
  }
}

// Thrown by the graders, which import nothing from the bank at run time.
export { InvalidAnswerError } from '../grading/answer-error.ts';

/**
 * One generated variant, ready to show and to grade: `grade` uses the instance that produced
 * `variant`, so answering a question generates it once and grades it once.
 */
export interface PreparedQuestion {
  readonly variant: Variant;
  /** The scenario file's fingerprint (see Bank.fingerprint) when this variant was generated. */
  readonly fingerprint: string;
  /** Throws InvalidAnswerError. */
  grade(answer: Answer): GradeResult;
}

/** The loaded question bank: what the app holds after reading content/. */
export interface Bank {
  readonly areas: readonly Area[];
  readonly scenarios: readonly ScenarioSummary[];
  /** Files left out, with the reason. */
  readonly errors: readonly ContentError[];
  get(id: string): ScenarioSummary | undefined;
  /** Throws UnknownScenarioError. Same id and seed, same variant, always. */
  variant(id: string, seed: number): Variant;
  /** Throws UnknownScenarioError or InvalidAnswerError. Pure: grading twice gives the same result. */
  grade(id: string, seed: number, answer: Answer): GradeResult;
  /** The variant and its grader from one generation. Throws UnknownScenarioError, InvalidAnswerError (bad seed). */
  prepare(id: string, seed: number): PreparedQuestion;
  /**
   * SHA-256 (hex) of the scenario file's text as loaded, so a stored grade can tell whether
   * the file has changed since. Undefined when no scenario has this id.
   */
  fingerprint(id: string): string | undefined;
}
