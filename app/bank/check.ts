/**
 * content:check's gates, as a list of small checks. Variant checks run on every generated seed;
 * family checks run once per family on what the seeds gathered (distinct texts here, issue 6's
 * language and position gates in quality-gates.ts). Coverage is checkCoverage in quality-gates.ts.
 */
import { gradeAnswer } from '../grading/index.ts';
import { referenceJson, wrongAnswers } from '../grading/hands-on.ts';
import type { ScenarioDefinition } from './definition.ts';
import type { LoadedBank } from './index.ts';
import type { Instance } from './instance.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addTextToTally, addToTally, createTally, LANGUAGE_GATES, measureOptions, measureText, type OptionTally, type TextTally } from './quality-gates.ts';
import type { ContentError, GradeResult } from './types.ts';

export interface VariantContext {
  readonly bank: LoadedBank;
  readonly definition: ScenarioDefinition;
  readonly seed: number;
  readonly instance: Instance;
}

export interface VariantCheck {
  readonly id: string;
  /** The line a failure points at, from the definition's line table. */
  readonly at: (definition: ScenarioDefinition) => number;
  /** Problems found in one variant, as messages; empty when it passes. */
  run(context: VariantContext): string[];
}

// Grades the already generated instance: regenerating it per answer would multiply the run time.
const grade = (c: VariantContext, answer: Parameters<LoadedBank['grade']>[2]): GradeResult => gradeAnswer(c.instance, answer);

const normalise = (html: string): string => html.replace(/\s+/g, ' ').trim().toLowerCase();

export const VARIANT_CHECKS: readonly VariantCheck[] = [
  {
    id: 'reference-correct',
    at: (d) => d.lines.answer ?? 1,
    run(c) {
      const { key } = c.instance;
      // From the generated instance's key, as bank.referenceAnswer builds it, without generating the variant again.
      const reference =
        key.kind === 'choice'
          ? { kind: 'choice' as const, optionId: key.correct }
          : key.kind === 'multi'
            ? { kind: 'multi' as const, optionIds: key.correct }
            : key.kind === 'numeric'
              ? { kind: 'numeric' as const, value: key.calculation.value }
              : { kind: key.kind, json: referenceJson(key) };
      const result = grade(c, reference);
      return result.verdict === 'correct' && result.score === 1 ? [] : [`the reference answer grades ${result.verdict} (${result.score})`];
    },
  },
  {
    id: 'distractors-score-zero',
    at: (d) => d.lines.Options ?? d.lines.answer ?? 1,
    run(c) {
      const { key, variant } = c.instance;
      if (variant.kind !== 'choice' && variant.kind !== 'multi') return [];
      const correct = new Set(key.kind === 'choice' ? [key.correct] : key.kind === 'multi' ? key.correct : []);
      const problems: string[] = [];
      for (const option of variant.options) {
        if (correct.has(option.id)) continue;
        const answer = variant.kind === 'choice' ? { kind: 'choice' as const, optionId: option.id } : { kind: 'multi' as const, optionIds: [option.id] };
        const result = grade(c, answer);
        if (result.score !== 0) problems.push(`distractor {${option.id}} scores ${result.score}`);
      }
      if (key.kind === 'multi' && new Set(key.correct).size !== key.choose)
        problems.push(`the key ${key.correct.join(', ')} does not hold ${key.choose} distinct options`);
      return problems;
    },
  },
  {
    id: 'wrong-answers-score-less',
    at: (d) => d.lines.answer ?? 1,
    run(c) {
      const { key } = c.instance;
      if (key.kind !== 'request' && key.kind !== 'design') return [];
      const problems: string[] = [];
      for (const wrong of wrongAnswers(key)) {
        const result = grade(c, { kind: key.kind, json: wrong.json });
        if (result.score >= 1) problems.push(`the known wrong answer "${wrong.name}" scores full marks`);
      }
      return problems;
    },
  },
  {
    id: 'options-distinct',
    at: (d) => d.lines.Options ?? 1,
    run(c) {
      const { variant } = c.instance;
      if (variant.kind !== 'choice' && variant.kind !== 'multi') return [];
      const seen = new Map<string, string>();
      const problems: string[] = [];
      for (const option of variant.options) {
        const text = normalise(option.html);
        const other = seen.get(text);
        if (other !== undefined) problems.push(`options {${other}} and {${option.id}} render the same: ${option.html}`);
        seen.set(text, option.id);
      }
      return problems;
    },
  },
  {
    id: 'misconceptions-differ',
    at: (d) => d.lines.answer ?? 1,
    run(c) {
      const { key } = c.instance;
      if (key.kind !== 'numeric') return [];
      const expected = key.calculation.value;
      const problems: string[] = [];
      if (!Number.isFinite(expected)) return [`the calculator gives ${expected}`];
      const right = grade(c, { kind: 'numeric', value: expected });
      if (right.kind === 'numeric' && right.misconception) problems.push(`the right answer is blamed on "${right.misconception.name}"`);
      for (const m of key.misconceptions) {
        const result = grade(c, { kind: 'numeric', value: m.value });
        if (result.kind !== 'numeric' || !result.misconception) continue;
        if (Math.abs(result.misconception.value - expected) <= key.tolerance) {
          problems.push(`misconception "${result.misconception.name}" gives the right figure ${expected}`);
        }
      }
      return problems;
    },
  },
];

/** What the seeds of one family gathered, for family checks and the report. */
export interface FamilyStats {
  readonly definition: ScenarioDefinition;
  readonly seeds: number;
  readonly generated: number;
  readonly distinctPrompts: number;
  /** choice/multi: how often a right option is (one of) the longest. */
  readonly keyLongest: number;
  /** choice/multi: how often the right options sat at each display position. */
  readonly keyPositions: readonly number[];
  /** choice/multi: the language and position measures of issue 6 (quality-gates.ts). */
  readonly tally: OptionTally;
  /** Every kind: article, count, "(s)" and date problems in the rendered text (quality-gates.ts). */
  readonly text: TextTally;
  /** The file's text, when it could be read, so a gate can point at the line that rendered a problem. */
  readonly source?: string;
}

/** A problem a family check found: a message at the family's params line, or at a line of its own. */
export type FamilyProblem = string | { readonly line: number; readonly message: string };

export interface FamilyCheck {
  readonly id: string;
  run(stats: FamilyStats): FamilyProblem[];
}

/** Fewer distinct prompts than this, out of the seeds tried, needs `distinct:` in the front matter. */
export const MIN_DISTINCT_PROMPTS = 50;

/** content:check's default: issue 6 asks for 500 seeds per family. */
export const DEFAULT_SEEDS = 500;

export const FAMILY_CHECKS: readonly FamilyCheck[] = [
  {
    id: 'distinct-prompts',
    run(s) {
      if (s.generated === 0) return [];
      const stated = s.definition.frontMatter.distinct;
      // 50 (or the stated number) of 500 seeds; with fewer seeds (--seeds), a quarter of them, so 10 of 40.
      const needed = Math.min(MIN_DISTINCT_PROMPTS, stated ?? MIN_DISTINCT_PROMPTS, Math.ceil(s.generated / 4));
      return s.distinctPrompts >= needed
        ? []
        : [
            `only ${s.distinctPrompts} distinct prompts in ${s.generated} seeds (needs ${needed}; state a smaller "distinct:" if the family is small on purpose)`,
          ];
    },
  },
  ...LANGUAGE_GATES,
];

export interface CheckReport {
  readonly errors: ContentError[];
  readonly families: FamilyStats[];
}

export interface CheckOptions {
  readonly seeds?: number;
  readonly only?: string;
  readonly variantChecks?: readonly VariantCheck[];
  readonly familyChecks?: readonly FamilyCheck[];
  /** Where the files named in the definitions are (the bank's rootDir), to read their lines. */
  readonly rootDir?: string;
}

function readSource(rootDir: string | undefined, file: string): { source?: string } {
  if (rootDir === undefined) return {};
  try {
    return { source: readFileSync(join(rootDir, file), 'utf8') };
  } catch {
    // A file gone since loading: gates fall back to the section's line.
    return {};
  }
}

/** Run every check over every family; errors name the file and line, and the first failing seed. */
export function checkBank(bank: LoadedBank, options: CheckOptions = {}): CheckReport {
  const seeds = options.seeds ?? DEFAULT_SEEDS;
  const variantChecks = options.variantChecks ?? VARIANT_CHECKS;
  const familyChecks = options.familyChecks ?? FAMILY_CHECKS;
  const errors: ContentError[] = [...bank.errors];
  const families: FamilyStats[] = [];
  for (const definition of bank.definitions) {
    const { id, file } = definition.summary;
    if (options.only !== undefined && id !== options.only) continue;
    const failures = new Map<string, { seed: number; message: string; count: number; line: number }>();
    const note = (checkId: string, line: number, seed: number, message: string): void => {
      const existing = failures.get(checkId);
      if (existing) existing.count++;
      else failures.set(checkId, { seed, message, count: 1, line });
    };
    const prompts = new Set<string>();
    let generated = 0;
    const tally = createTally();
    const text: TextTally = new Map();
    for (let seed = 0; seed < seeds; seed++) {
      let instance: Instance;
      try {
        instance = bank.instance(id, seed);
      } catch (error) {
        note('generates', definition.lines.params ?? 1, seed, `does not generate: ${(error as Error).message}`);
        continue;
      }
      generated++;
      const { variant, key } = instance;
      // The question text: the prompt and the options in id order (their shuffled order is not a new question).
      const optionTexts =
        variant.kind === 'choice' || variant.kind === 'multi' ? [...variant.options].sort((a, b) => a.id.localeCompare(b.id)).map((o) => o.html) : [];
      prompts.add([variant.promptHtml, ...optionTexts].join('\n'));
      const measures = measureOptions(variant, key);
      if (measures) addToTally(tally, measures);
      addTextToTally(text, seed, variant.params, measureText(instance));
      for (const check of variantChecks) {
        let problems: string[];
        try {
          problems = check.run({ bank, definition, seed, instance });
        } catch (error) {
          problems = [`throws ${(error as Error).name}: ${(error as Error).message}`];
        }
        for (const message of problems) note(check.id, check.at(definition), seed, message);
      }
    }
    const stats: FamilyStats = {
      definition,
      seeds,
      generated,
      distinctPrompts: prompts.size,
      keyLongest: tally.keyLongestWithTies,
      keyPositions: tally.positions.map((n) => n ?? 0),
      tally,
      text,
      ...readSource(options.rootDir, file),
    };
    families.push(stats);
    for (const [checkId, f] of failures) {
      const more = f.count > 1 ? ` (and ${f.count - 1} more in ${seeds} seeds)` : '';
      errors.push({ file, line: f.line, message: `[${checkId}] seed ${f.seed}: ${f.message}${more}` });
    }
    for (const check of familyChecks) {
      for (const problem of check.run(stats)) {
        const { line, message } = typeof problem === 'string' ? { line: definition.lines.params ?? 1, message: problem } : problem;
        errors.push({ file, line, message: `[${check.id}] ${message}` });
      }
    }
  }
  return { errors, families };
}

/** Rows of the coverage table: every objective, with its families and their kinds. */
export function coverageRows(bank: LoadedBank): { objective: string; families: number; kinds: string }[] {
  return bank.areas.flatMap((area) =>
    area.objectives.map((objective) => {
      const families = bank.scenarios.filter((s) => s.objectives.includes(objective.id));
      const kinds = [...new Set(families.map((f) => f.kind))].sort().join(', ');
      return { objective: objective.id, families: families.length, kinds };
    }),
  );
}
