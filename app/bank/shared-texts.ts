/**
 * Sentences several families share: content/texts.md, YAML front matter of
 * `table: { value: "sentence", ... }`. A family's `texts:` entry `{ use: table, by, each?, with? }`
 * takes a table's sentences instead of writing its own `of:` (content/README.md: Shared text
 * tables), so a sentence fixed once is fixed in every family that says it. The loader checks the
 * file (its path and line) and, when the content directory has its own, that every table is used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseContentData } from './content-data-file.ts';
import { findPlaceholders, solePlaceholder } from './template.ts';
import type { ContentError } from './types.ts';

export const SHARED_TEXTS_FILE_NAME = 'texts.md';

/** The repository's own file: what a bank built from sources alone (the authoring preview) uses. */
export const DEFAULT_SHARED_TEXTS_FILE = fileURLToPath(new URL(`../../content/${SHARED_TEXTS_FILE_NAME}`, import.meta.url));

export interface SharedTextTable {
  /** Sentence by value, placeholders as a family's texts write them (`@` for an `each:` slot). */
  readonly of: Readonly<Record<string, string>>;
  /** 1-based line of the table's name in the file. */
  readonly line: number;
}

export interface SharedTexts {
  /** The file errors name, relative to the root. */
  readonly file: string;
  readonly tables: ReadonlyMap<string, SharedTextTable>;
}

export const NO_SHARED_TEXTS: SharedTexts = { file: SHARED_TEXTS_FILE_NAME, tables: new Map() };

const TableName = z.string().regex(/^[A-Za-z_]\w*$/, 'a table name is letters, digits and _');
const FileSchema = z.record(
  TableName,
  z.record(z.string().min(1), z.string(), 'a table is value: "sentence"'),
  'the texts are table: { value: "sentence", ... }',
);

/** Parses one shared texts file; errors carry `file` and the line of the table or entry at fault. */
export function parseSharedTexts(source: string, file: string): { texts: SharedTexts; errors: ContentError[] } {
  const tables = new Map<string, SharedTextTable>();
  const texts = { file, tables };
  const read = parseContentData(source, file, FileSchema, {
    noun: 'tables',
    rootName: 'texts',
    issueMessage: (issue) => (issue.code === 'invalid_key' ? 'a table name is letters, digits and _' : issue.message),
  });
  if (!read.ok) return { texts, errors: read.errors };
  for (const [name, of] of Object.entries(read.data)) tables.set(name, { of, line: read.lineOf([name]) });
  return { texts, errors: [] };
}

/**
 * The tables for a content directory: its own texts.md when it has one (then `checkUnused` is
 * true: a table no family uses is an error), else the repository's, whose families may be absent.
 */
export function loadSharedTexts(contentDir: string, rootDir: string): { texts: SharedTexts; errors: ContentError[]; checkUnused: boolean } {
  const own = join(contentDir, SHARED_TEXTS_FILE_NAME);
  const checkUnused = existsSync(own);
  const path = checkUnused ? own : DEFAULT_SHARED_TEXTS_FILE;
  const file = relative(rootDir, path);
  if (!existsSync(path)) return { texts: { file, tables: new Map() }, errors: [], checkUnused: false };
  try {
    return { ...parseSharedTexts(readFileSync(path, 'utf8'), file), checkUnused };
  } catch (error) {
    return { texts: { file, tables: new Map() }, errors: [{ file, line: 1, message: `Cannot read shared texts: ${(error as Error).message}` }], checkUnused };
  }
}

let defaultTexts: SharedTexts | undefined;

/** The repository's tables, read once. */
export function defaultSharedTexts(): SharedTexts {
  defaultTexts ??= existsSync(DEFAULT_SHARED_TEXTS_FILE)
    ? parseSharedTexts(readFileSync(DEFAULT_SHARED_TEXTS_FILE, 'utf8'), SHARED_TEXTS_FILE_NAME).texts
    : NO_SHARED_TEXTS;
  return defaultTexts;
}

/** A table no family used, at its line. */
export function checkUnusedSharedTexts(texts: SharedTexts, used: ReadonlySet<string>): ContentError[] {
  return [...texts.tables]
    .filter(([name]) => !used.has(name))
    .map(([name, table]) => ({
      file: texts.file,
      line: table.line,
      message: `The shared text table ${name} is used by no family: remove it, or name it in a family's texts (use: ${name})`,
    }));
}

/** What the named tables say now: a parse of a family that uses them holds only while this is unchanged. */
export function sharedTextsDigest(texts: SharedTexts, names: readonly string[]): string {
  const hash = createHash('sha256');
  for (const name of [...names].sort())
    hash
      .update(name)
      .update('\0')
      .update(JSON.stringify(texts.tables.get(name)?.of ?? null))
      .update('\0');
  return hash.digest('hex');
}

const UseSchema = z.strictObject({
  use: TableName,
  by: z.string().min(1),
  each: z.unknown().optional(),
  with: z.record(z.string().min(1), z.string(), 'with: { placeholder: "text" }').optional(),
});

/** Replaces `{{name}}` (and `{{name|filter}}` when the text is one placeholder) in `text`. */
function substitute(text: string, name: string, value: string): string | { problem: string } {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sole = solePlaceholder(value);
  let problem: string | undefined;
  const out = text.replace(new RegExp(`\\{\\{\\s*${escaped}\\s*(?:\\|\\s*([^}]*?))?\\s*\\}\\}`, 'g'), (_m, filter: string | undefined) => {
    if (filter === undefined) return value;
    if (sole === undefined) problem = `{{${name}|${filter}}} needs a text that is one placeholder, not ${JSON.stringify(value)}`;
    return `{{${sole}|${filter}}}`;
  });
  return problem === undefined ? out : { problem };
}

/**
 * A family's raw `texts:` with each `{ use, by, each?, with? }` replaced by the table it names:
 * its sentences with `with` substituted, or, for a `by` without placeholders, the one sentence of
 * that value. Runs before the front matter's schema, so the rest of the parse sees plain tables.
 */
export function resolveSharedTexts(
  texts: unknown,
  shared: SharedTexts,
  lineOf: (path: readonly PropertyKey[]) => number,
  fail: (line: number, message: string) => void,
): { texts: unknown; uses: string[] } {
  const uses: string[] = [];
  if (texts === null || typeof texts !== 'object' || Array.isArray(texts)) return { texts, uses };
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(texts)) {
    out[name] = entry;
    if (entry === null || typeof entry !== 'object' || !('use' in entry)) continue;
    const parsed = UseSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
        const what = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : issue.message;
        fail(
          lineOf(['texts', name, ...path]),
          `texts.${name}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}: ${what} (a shared table is used as { use, by, each?, with? })`,
        );
      }
      continue;
    }
    const { use, by, each, with: replacements } = parsed.data;
    uses.push(use);
    const table = shared.tables.get(use);
    if (!table) {
      const known = [...shared.tables.keys()].join(', ') || 'none';
      fail(lineOf(['texts', name, 'use']), `texts.${name}.use names ${use}, which ${shared.file} does not define; known: ${known}`);
      continue;
    }
    let of: Record<string, string> = { ...table.of };
    if (findPlaceholders(by).length === 0 && !by.includes('@')) {
      const text = table.of[by];
      if (text === undefined) {
        fail(lineOf(['texts', name, 'by']), `texts.${name}.by is ${JSON.stringify(by)}, which the shared table ${use} has no text for`);
        continue;
      }
      of = { [by]: text };
    }
    let failed = false;
    for (const [placeholder, value] of Object.entries(replacements ?? {})) {
      if (!Object.values(of).some((t) => t.includes(`{{${placeholder}`)))
        fail(lineOf(['texts', name, 'with', placeholder]), `texts.${name}.with: no text of ${use} used here says {{${placeholder}}}`);
      for (const [value_, text] of Object.entries(of)) {
        const result = substitute(text, placeholder, value);
        if (typeof result === 'string') of[value_] = result;
        else if (!failed) {
          failed = true;
          fail(lineOf(['texts', name, 'with', placeholder]), `texts.${name}.with: ${result.problem}`);
        }
      }
    }
    const slotLeft = each === undefined ? Object.values(of).find((t) => /\{\{[^}]*@[^}]*\}\}/.test(t)) : undefined;
    if (slotLeft !== undefined && !failed)
      fail(
        lineOf(['texts', name, 'use']),
        `texts.${name}: without each:, give every {{..._@}} of ${use} a text in with: (${slotLeft.match(/\{\{[^}]*@[^}]*\}\}/)?.[0]})`,
      );
    out[name] = { by, of, ...(each === undefined ? {} : { each }) };
  }
  return { texts: out, uses };
}
