/**
 * The words of calculators' working steps that belong to one family's situation (the simulated
 * runs of app/grading/sim-calculators.ts): content/steps.md, YAML front matter of
 * `calculator: { step-id: "label with {{value}}" }`. A calculator declares its labels' ids and the
 * values each may name (`stepLabels`), and returns `stepLabel(id, values)` (app/grading/step-label.ts) where a step's words go;
 * the instance fills the label in from this file. The file is checked against the calculators both
 * ways, with its path and line: a declared label without words, words no calculator declares, a
 * placeholder the step does not give.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Calculation } from '../../engine/index.ts';
import { readStepLabel } from '../grading/step-label.ts';
import type { Calculator } from './calculator.ts';
import { parseContentData } from './content-data-file.ts';
import { fillText, findPlaceholders } from './template.ts';
import type { ContentError } from './types.ts';

export const STEP_LABELS_FILE_NAME = 'steps.md';

export const DEFAULT_STEP_LABELS_FILE = fileURLToPath(new URL(`../../content/${STEP_LABELS_FILE_NAME}`, import.meta.url));

export interface StepLabel {
  readonly text: string;
  /** 1-based line of the step's id in the file. */
  readonly line: number;
}

/** Keyed by `calculator.step-id`. */
export type StepLabels = ReadonlyMap<string, StepLabel>;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FileSchema = z.record(
  z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a calculator name'),
  z.record(z.string().regex(SLUG, 'a step id is lower-case words joined by hyphens'), z.string().trim().min(1, 'must not be empty')),
  'the labels are calculator: { step-id: "label" }',
);

export { stepLabel } from '../grading/step-label.ts';

/** The calculation with each `stepLabel` replaced by its words (the id itself when the file lacks them: a load error). */
export function withStepLabels(calculation: Calculation, calculator: string, labels: StepLabels): Calculation {
  if (!calculation.steps.some((s) => readStepLabel(s.label) !== undefined)) return calculation;
  return {
    ...calculation,
    steps: calculation.steps.map((step) => {
      const named = readStepLabel(step.label);
      if (named === undefined) return step;
      const { id, values } = named;
      const text = labels.get(`${calculator}.${id}`)?.text;
      return { ...step, label: text === undefined ? id : fillText(text, values, { raw: true }) };
    }),
  };
}

export function parseStepLabels(source: string, file: string): { labels: Map<string, StepLabel>; errors: ContentError[] } {
  const labels = new Map<string, StepLabel>();
  const read = parseContentData(source, file, FileSchema, {
    noun: 'labels',
    rootName: 'labels',
    issueMessage: (issue) => (issue.code === 'invalid_key' ? 'a calculator name, then step ids of lower-case words joined by hyphens' : issue.message),
  });
  if (!read.ok) return { labels, errors: read.errors };
  for (const [calculator, steps] of Object.entries(read.data))
    for (const [id, text] of Object.entries(steps)) labels.set(`${calculator}.${id}`, { text, line: read.lineOf([calculator, id]) });
  return { labels, errors: [] };
}

/** The file against the calculators, both ways, and each label's placeholders against the values its step gives. */
export function checkStepLabels(labels: StepLabels, file: string, calculators: Iterable<Calculator<unknown>>): ContentError[] {
  const errors: ContentError[] = [];
  const declared = new Set<string>();
  for (const calculator of calculators) {
    for (const [id, values] of Object.entries(calculator.stepLabels ?? {})) {
      const key = `${calculator.name}.${id}`;
      declared.add(key);
      const label = labels.get(key);
      if (label === undefined) {
        errors.push({
          file,
          line: 1,
          message: `Calculator ${calculator.name} names the step "${id}" but ${file} has no label for it: add ${calculator.name}: { ${id}: "..." }`,
        });
        continue;
      }
      for (const p of findPlaceholders(label.text))
        if (!values.includes(p))
          errors.push({
            file,
            line: label.line,
            message: `${key} uses {{${p}}}, which the step does not give; it gives ${values.map((v) => `{{${v}}}`).join(', ') || 'none'}`,
          });
    }
  }
  for (const [key, label] of labels)
    if (!declared.has(key))
      errors.push({ file, line: label.line, message: `${key} is the label of no calculator's step: remove it, or fix its calculator or id` });
  return errors;
}

/** The labels for a content directory: its own steps.md when it has one, else the repository's. */
export function loadStepLabels(
  contentDir: string,
  rootDir: string,
  calculators: Iterable<Calculator<unknown>>,
): { labels: StepLabels; errors: ContentError[] } {
  const own = join(contentDir, STEP_LABELS_FILE_NAME);
  const path = existsSync(own) ? own : DEFAULT_STEP_LABELS_FILE;
  const file = relative(rootDir, path);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    return { labels: new Map(), errors: [{ file, line: 1, message: `Cannot read step labels: ${(error as Error).message}` }] };
  }
  const { labels, errors } = parseStepLabels(source, file);
  return { labels, errors: errors.length > 0 ? errors : checkStepLabels(labels, file, calculators) };
}

let defaultLabels: StepLabels | undefined;

/** The repository's labels, read once: for a bank built from sources alone. */
export function defaultStepLabels(): StepLabels {
  defaultLabels ??= parseStepLabels(readFileSync(DEFAULT_STEP_LABELS_FILE, 'utf8'), STEP_LABELS_FILE_NAME).labels;
  return defaultLabels;
}
