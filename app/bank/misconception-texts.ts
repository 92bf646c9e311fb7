/**
 * The words of the calculators' known wrong methods: content/misconceptions.md, YAML front
 * matter of `topic: { id: { name, explanation } }`. A calculator (calculator.ts) holds only the
 * arithmetic of each wrong method and names its text by topic and id; this module reads the
 * file, checks each entry, and checks the file against the registry both ways: every wrong
 * method a calculator can compute has its words, and every entry is some calculator's. Each
 * error names the file and line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { misconceptionTextKey, type Calculator } from './calculator.ts';
import { parseContentData } from './content-data-file.ts';
import type { ContentError } from './types.ts';

export const MISCONCEPTIONS_FILE_NAME = 'misconceptions.md';

/** The repository's own file: the words of the app's calculators, used by a content directory that has none. */
export const DEFAULT_MISCONCEPTIONS_FILE = fileURLToPath(new URL(`../../content/${MISCONCEPTIONS_FILE_NAME}`, import.meta.url));

export interface MisconceptionText {
  readonly name: string;
  readonly explanation: string;
  /** 1-based line of the entry's id in the file. */
  readonly line: number;
}

/** Keyed by `topic.id` (misconceptionTextKey). */
export type MisconceptionTexts = ReadonlyMap<string, MisconceptionText>;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const Slug = z.string().regex(SLUG);
const Sentence = z.string().trim().min(1, 'must not be empty');
const EntrySchema = z.strictObject({ name: Sentence, explanation: Sentence }, 'an entry is { name, explanation }');
const FileSchema = z.record(
  Slug,
  z.record(Slug, EntrySchema, 'a topic holds entries: id: { name, explanation }'),
  'the texts are topic: { id: { name, explanation } }',
);

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_key') return 'a topic or id is lower-case words joined by hyphens';
  return issue.message;
}

/** Parses one misconceptions file; errors carry `file` and the line of the entry or field at fault. */
export function parseMisconceptionTexts(source: string, file: string): { texts: Map<string, MisconceptionText>; errors: ContentError[] } {
  const texts = new Map<string, MisconceptionText>();
  const read = parseContentData(source, file, FileSchema, { noun: 'texts', rootName: 'texts', issueMessage });
  if (!read.ok) return { texts, errors: read.errors };
  for (const [topic, entries] of Object.entries(read.data)) {
    for (const [id, entry] of Object.entries(entries)) texts.set(misconceptionTextKey({ topic, id }), { ...entry, line: read.lineOf([topic, id]) });
  }
  return { texts, errors: [] };
}

/**
 * The file against the calculators, both ways: a wrong method without its words (reported at
 * line 1, naming the calculator and the entry to add) and an entry no calculator uses (at its line).
 */
export function checkMisconceptionTexts(texts: MisconceptionTexts, file: string, calculators: Iterable<Calculator<unknown>>): ContentError[] {
  const errors: ContentError[] = [];
  const used = new Set<string>();
  for (const calculator of calculators) {
    for (const m of calculator.misconceptions) {
      const key = misconceptionTextKey(m);
      used.add(key);
      if (typeof m.topic !== 'string') {
        // A calculator written before the words moved here (name and explanation inline).
        errors.push({
          file,
          line: 1,
          message: `Calculator ${calculator.name}'s misconception "${m.id}" has no topic: give it one, and its name and explanation in ${file}`,
        });
      } else if (!texts.has(key)) {
        errors.push({
          file,
          line: 1,
          message: `Calculator ${calculator.name} can name the misconception "${m.id}" but ${file} has no text for it: add ${m.topic}: { ${m.id}: { name, explanation } }`,
        });
      }
    }
  }
  for (const [key, text] of texts) {
    if (!used.has(key))
      errors.push({ file, line: text.line, message: `${key} is the text of no calculator's misconception: remove it, or fix its topic or id` });
  }
  return errors;
}

/**
 * The texts for a content directory: its own misconceptions.md when it has one, else the
 * repository's (the calculators are the app's, so their words ship with it). `file` is the path
 * errors name, relative to rootDir.
 */
export function loadMisconceptionTexts(
  contentDir: string,
  rootDir: string,
  calculators: Iterable<Calculator<unknown>>,
): { texts: MisconceptionTexts; errors: ContentError[]; file: string } {
  const own = join(contentDir, MISCONCEPTIONS_FILE_NAME);
  const path = existsSync(own) ? own : DEFAULT_MISCONCEPTIONS_FILE;
  const file = relative(rootDir, path);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    return { texts: new Map(), errors: [{ file, line: 1, message: `Cannot read misconception texts: ${(error as Error).message}` }], file };
  }
  const { texts, errors } = parseMisconceptionTexts(source, file);
  return { texts, errors: errors.length > 0 ? errors : checkMisconceptionTexts(texts, file, calculators), file };
}

let defaultTexts: MisconceptionTexts | undefined;

/** The repository's texts, read once: for a bank built from sources alone (the authoring preview). */
export function defaultMisconceptionTexts(): MisconceptionTexts {
  defaultTexts ??= parseMisconceptionTexts(readFileSync(DEFAULT_MISCONCEPTIONS_FILE, 'utf8'), MISCONCEPTIONS_FILE_NAME).texts;
  return defaultTexts;
}
