/**
 * The question bank: load content/, then generate and grade variants.
 *
 *   const bank = loadBank('content');
 *   bank.errors            // files left out, with file, line and reason
 *   bank.variant(id, seed) // the question, options shuffled by the seed
 *   bank.grade(id, seed, answer)
 *   bank.prepare(id, seed)  // { variant, fingerprint, grade(answer) } from one generation
 */
import { createHash, randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { referenceJson } from '../grading/hands-on.ts';
import { gradeAnswer } from '../grading/index.ts';
import { CALCULATORS, type CalculatorRegistry } from './calculators.ts';
import type { ScenarioDefinition } from './definition.ts';
import { DERIVERS, type DeriverRegistry } from './derivers.ts';
import { createInstance, type Instance } from './instance.ts';
import { defaultMisconceptionTexts, loadMisconceptionTexts, MISCONCEPTIONS_FILE_NAME, type MisconceptionTexts } from './misconception-texts.ts';
import { parseObjectives } from './objectives.ts';
import { type ParseContext, type ParseResult, parseScenarioFile } from './parse.ts';
import { isSeed, MAX_SEED } from './random.ts';
import { defaultStepLabels, loadStepLabels, STEP_LABELS_FILE_NAME, type StepLabels } from './step-labels.ts';
import { checkUnusedSharedTexts, defaultSharedTexts, loadSharedTexts, SHARED_TEXTS_FILE_NAME, type SharedTexts, sharedTextsDigest } from './shared-texts.ts';
import {
  InvalidAnswerError,
  UnknownScenarioError,
  type Answer,
  type Area,
  type Bank,
  type ContentError,
  type GradeResult,
  type PreparedQuestion,
  type ScenarioSummary,
  type Seed,
  type Variant,
} from './types.ts';

export type * from './types.ts';
export { InvalidAnswerError, UnknownScenarioError } from './types.ts';
/** Thrown by variant/grade when content generates bad data for a seed (content:check prevents it). */
export { GenerationError } from './instance.ts';

export interface LoadBankOptions {
  /** Defaults to OBJECTIVES.md inside the content directory. */
  readonly objectivesFile?: string;
  /** Paths in errors and summaries are relative to this; defaults to the content dir's parent. */
  readonly rootDir?: string;
  readonly calculators?: CalculatorRegistry;
  readonly derivers?: DeriverRegistry;
  /** How each scenario file is parsed: the server passes its bank cache (bank-cache.ts). */
  readonly parse?: ParseScenario;
}

/** Bank plus what authors' tools and content:check need; pages use only Bank. */
export interface LoadedBank extends Bank {
  readonly definitions: readonly ScenarioDefinition[];
  /** The words this bank names calculators' mistakes with (content/misconceptions.md), by topic.id. */
  readonly misconceptionTexts: MisconceptionTexts;
  /** The tables families' `texts:` may `use:` (content/texts.md). */
  readonly sharedTexts: SharedTexts;
  /** The words of calculators' own step labels (content/steps.md), by calculator.step-id. */
  readonly stepLabels: StepLabels;
  /** The variant with its answer key. Throws UnknownScenarioError, InvalidAnswerError (bad seed). */
  instance(id: string, seed: number): Instance;
  /** An answer that scores full marks. */
  referenceAnswer(id: string, seed: number): Answer;
}

const SKIPPED = new Set(['README.md', 'OBJECTIVES.md', MISCONCEPTIONS_FILE_NAME, SHARED_TEXTS_FILE_NAME, STEP_LABELS_FILE_NAME]);

/**
 * Every .md file under dir, sorted for a stable order, except README.md, OBJECTIVES.md,
 * misconceptions.md, texts.md and steps.md at its root only: a family saved as
 * content/index/texts.md is a family, not silently skipped.
 */
export function listScenarioFiles(dir: string, atRoot = true): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listScenarioFiles(path, false));
    else if (entry.isFile() && entry.name.endsWith('.md') && !(atRoot && SKIPPED.has(entry.name))) files.push(path);
  }
  return files.sort();
}

export function loadBank(contentDir: string, options: LoadBankOptions = {}): LoadedBank {
  const rootDir = options.rootDir ?? dirname(contentDir);
  const calculators = options.calculators ?? CALCULATORS;
  const derivers = options.derivers ?? DERIVERS;
  const errors: ContentError[] = [];

  const objectivesFile = options.objectivesFile ?? join(contentDir, 'OBJECTIVES.md');
  let areas: Area[] = [];
  try {
    const parsed = parseObjectives(readFileSync(objectivesFile, 'utf8'));
    areas = parsed.areas;
    for (const e of parsed.errors) errors.push({ file: relative(rootDir, objectivesFile), ...e });
  } catch (error) {
    errors.push({ file: relative(rootDir, objectivesFile), line: 1, message: `Cannot read objectives: ${(error as Error).message}` });
  }

  const misconceptions = loadMisconceptionTexts(contentDir, rootDir, calculators.values());
  errors.push(...misconceptions.errors);
  const steps = loadStepLabels(contentDir, rootDir, calculators.values());
  errors.push(...steps.errors);
  const shared = loadSharedTexts(contentDir, rootDir);
  errors.push(...shared.errors);
  const sources = listScenarioFiles(contentDir).map((path) => ({ file: relative(rootDir, path), text: readFileSync(path, 'utf8') }));
  return bankFromSources(areas, sources, {
    calculators,
    derivers,
    errors,
    misconceptionTexts: misconceptions.texts,
    sharedTexts: shared.texts,
    stepLabels: steps.labels,
    checkUnusedSharedTexts: shared.checkUnused && shared.errors.length === 0,
    ...(options.parse ? { parse: options.parse } : {}),
  });
}

/** Parses one scenario file: parseScenarioFile, or a cache in front of it (bank-cache.ts) that returns what it would. */
export type ParseScenario = (source: ScenarioSource, context: ParseContext) => ParseResult;

const parseSource: ParseScenario = (source, context) => parseScenarioFile(source.text, source.file, context);

/** One scenario file's text, and its path as errors and summaries name it. */
export interface ScenarioSource {
  readonly file: string;
  readonly text: string;
}

/**
 * What loadBank does once the files are read: parse each text, drop the ones with errors (and
 * ids already taken), and serve the rest. The authoring preview calls it with one posted text,
 * so the preview parses and grades exactly as the loader does.
 */
export function bankFromSources(
  areas: readonly Area[],
  sources: readonly ScenarioSource[],
  options: {
    readonly calculators?: CalculatorRegistry;
    readonly derivers?: DeriverRegistry;
    readonly errors?: ContentError[];
    /** Defaults to the repository's content/misconceptions.md. */
    readonly misconceptionTexts?: MisconceptionTexts;
    /** Defaults to the repository's content/texts.md. */
    readonly sharedTexts?: SharedTexts;
    /** Defaults to the repository's content/steps.md. */
    readonly stepLabels?: StepLabels;
    /** A table of sharedTexts no source uses is an error (a content directory's own file). */
    readonly checkUnusedSharedTexts?: boolean;
    readonly parse?: ParseScenario;
  } = {},
): LoadedBank {
  const calculators = options.calculators ?? CALCULATORS;
  const misconceptionTexts = options.misconceptionTexts ?? defaultMisconceptionTexts();
  const derivers = options.derivers ?? DERIVERS;
  const sharedTexts = options.sharedTexts ?? defaultSharedTexts();
  const stepLabels = options.stepLabels ?? defaultStepLabels();
  const usedSharedTexts = new Set<string>();
  const errors: ContentError[] = options.errors ?? [];
  const objectives = new Set(areas.flatMap((a) => a.objectives.map((o) => o.id as string)));
  const definitions = new Map<string, ScenarioDefinition>();
  const fingerprints = new Map<string, string>();
  for (const { file, text } of sources) {
    const result = (options.parse ?? parseSource)({ file, text }, { objectives, calculators, derivers, sharedTexts });
    for (const name of result.uses ?? []) usedSharedTexts.add(name);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const { definition } = result;
    const existing = definitions.get(definition.summary.id);
    if (existing) {
      errors.push({ file, line: definition.lines.id ?? 1, message: `The id ${definition.summary.id} is already used by ${existing.summary.file}` });
      continue;
    }
    definitions.set(definition.summary.id, definition);
    // A changed shared table changes what the family says, so it changes the family's fingerprint too.
    const hash = createHash('sha256').update(text);
    if (result.uses !== undefined) hash.update('\0').update(sharedTextsDigest(sharedTexts, result.uses));
    fingerprints.set(definition.summary.id, hash.digest('hex'));
  }
  if (options.checkUnusedSharedTexts) errors.push(...checkUnusedSharedTexts(sharedTexts, usedSharedTexts));

  const scenarios: ScenarioSummary[] = [...definitions.values()].map((d) => d.summary);
  const context = { calculators, derivers, misconceptionTexts, stepLabels };
  const instance = (id: string, seed: number): Instance => {
    const definition = definitions.get(id);
    if (!definition) throw new UnknownScenarioError(id);
    if (!isSeed(seed)) throw new InvalidAnswerError('seed', `A seed is an integer from 0 to ${MAX_SEED}`);
    return createInstance(definition, seed, context);
  };
  return {
    areas,
    scenarios,
    errors,
    definitions: [...definitions.values()],
    misconceptionTexts,
    sharedTexts,
    stepLabels,
    get: (id: string) => definitions.get(id)?.summary,
    variant: (id: string, seed: number): Variant => instance(id, seed).variant,
    grade: (id: string, seed: number, answer: Answer): GradeResult => gradeAnswer(instance(id, seed), answer),
    prepare(id: string, seed: number): PreparedQuestion {
      const generated = instance(id, seed);
      return { variant: generated.variant, fingerprint: fingerprints.get(id)!, grade: (answer: Answer) => gradeAnswer(generated, answer) };
    },
    fingerprint: (id: string) => fingerprints.get(id),
    instance,
    referenceAnswer(id: string, seed: number): Answer {
      const { key } = instance(id, seed);
      switch (key.kind) {
        case 'choice':
          return { kind: 'choice', optionId: key.correct };
        case 'multi':
          return { kind: 'multi', optionIds: key.correct };
        case 'numeric':
          return { kind: 'numeric', value: key.calculation.value };
        case 'request':
        case 'design':
          return { kind: key.kind, json: referenceJson(key) };
      }
    },
  };
}

/** A fresh random seed for a new variant (the only randomness outside the seeded PRNG). */
export function newSeed(): Seed {
  return randomInt(0, MAX_SEED + 1) as Seed;
}
