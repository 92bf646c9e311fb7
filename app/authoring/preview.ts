/**
 * The live preview of a scenario text: parsed by the loader's own parser (so errors carry the
 * lines content:check would give), content:check's gates run on this one family at a few seeds,
 * one seed rendered as the learner sees it, and the reference answer and every known wrong
 * answer graded by the real graders.
 */
import { relative } from 'node:path';
import { checkBank } from '../bank/check.ts';
import type { LiveBank } from '../bank/live-bank.ts';
import type { ContentError, GradeResult, ScenarioSummary, Variant } from '../bank/types.ts';
import { wrongAnswers } from '../grading/hands-on.ts';
import { contentPathFor, UnsafePathError } from './save.ts';

/** Seeds 0..19: every gate runs in a fraction of a second, even for request and design families. */
export const PREVIEW_SEEDS = 20;

export interface GradedAnswer {
  /** reference: the key; distractor: a wrong option; misconception: a known wrong method's figure; wrong: a known wrong request or design. */
  readonly role: 'reference' | 'distractor' | 'misconception' | 'wrong';
  readonly label: string;
  readonly result: GradeResult;
}

export interface Preview {
  /** The file the text would be saved as, relative to the repository (or "(new file)" before an id parses). */
  readonly file: string;
  /** Parse errors and content:check gate failures, each at its line. */
  readonly errors: readonly ContentError[];
  readonly summary?: ScenarioSummary;
  readonly seed: number;
  readonly variant?: Variant;
  readonly graded: readonly GradedAnswer[];
  /** Why the seed's variant could not be shown, when it could not. */
  readonly generationError?: string;
}

const ID_LINE = /^id:\s*["']?([^"'\s#]+)/m;

/** Where a text claiming this id lives or would live, for the errors' file names. */
export function fileForText(bank: LiveBank, text: string): string {
  const id = ID_LINE.exec(text)?.[1];
  if (id === undefined) return '(new file)';
  const existing = bank.get(id);
  if (existing) return existing.file;
  try {
    return relative(bank.rootDir, contentPathFor(bank.contentDir, id));
  } catch (error) {
    if (error instanceof UnsafePathError) return '(new file)';
    throw error;
  }
}

const plainText = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

export function previewScenario(bank: LiveBank, text: string, seed: number, seeds = PREVIEW_SEEDS): Preview {
  const file = fileForText(bank, text);
  const single = bank.parseSource(file, text);
  const definition = single.definitions[0];
  if (!definition) return { file, errors: single.errors, seed, graded: [] };
  const { id } = definition.summary;
  const report = checkBank(single, { seeds });
  const errors = [...report.errors].sort((a, b) => a.line - b.line);

  let prepared: ReturnType<typeof single.prepare>;
  let instance: ReturnType<typeof single.instance>;
  try {
    prepared = single.prepare(id, seed);
    instance = single.instance(id, seed);
  } catch (error) {
    return { file, errors, summary: definition.summary, seed, graded: [], generationError: (error as Error).message };
  }
  const { variant } = prepared;
  const graded: GradedAnswer[] = [];
  const grade = (role: GradedAnswer['role'], label: string, answer: Parameters<typeof prepared.grade>[0]): void => {
    try {
      graded.push({ role, label, result: prepared.grade(answer) });
    } catch (error) {
      // A broken answer spec is shown as a failed grade rather than hiding the rest.
      errors.push({ file, line: definition.lines.answer ?? 1, message: `grading "${label}" throws: ${(error as Error).message}` });
    }
  };
  const { key } = instance;
  const optionLabel = (optionId: string): string => {
    const option = variant.kind === 'choice' || variant.kind === 'multi' ? variant.options.find((o) => o.id === optionId) : undefined;
    return `{${optionId}} ${option ? plainText(option.html) : ''}`.trim();
  };
  const referenceLabel =
    key.kind === 'choice'
      ? optionLabel(key.correct)
      : key.kind === 'multi'
        ? key.correct.map(optionLabel).join(' + ')
        : key.kind === 'numeric'
          ? `${key.calculation.value} ${key.unit}`
          : `the reference ${key.kind === 'request' ? 'request' : 'CreateTable request'}`;
  grade('reference', referenceLabel, single.referenceAnswer(id, seed));
  switch (key.kind) {
    case 'choice':
    case 'multi': {
      const correct = new Set(key.kind === 'choice' ? [key.correct] : key.correct);
      const options = variant.kind === 'choice' || variant.kind === 'multi' ? variant.options : [];
      for (const option of options) {
        if (correct.has(option.id)) continue;
        grade(
          'distractor',
          optionLabel(option.id),
          key.kind === 'choice' ? { kind: 'choice', optionId: option.id } : { kind: 'multi', optionIds: [option.id] },
        );
      }
      break;
    }
    case 'numeric':
      for (const m of key.misconceptions) {
        // A wrong method that happens to give the right figure at this seed is not a wrong answer here (content:check's misconceptions-differ gate holds the grader to that).
        if (Math.abs(m.value - key.calculation.value) <= key.tolerance) continue;
        grade('misconception', `${m.name}: ${m.value} ${key.unit}`, { kind: 'numeric', value: m.value });
      }
      break;
    case 'request':
    case 'design':
      for (const wrong of wrongAnswers(key)) grade('wrong', wrong.name, { kind: key.kind, json: wrong.json });
      break;
  }
  return { file, errors, summary: definition.summary, seed, variant, graded };
}
