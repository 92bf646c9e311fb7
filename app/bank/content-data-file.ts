/**
 * The content directory's data files (misconceptions.md, texts.md, steps.md): YAML front matter
 * between "---" lines, checked by a zod schema, every error at its file and line. One reader for
 * the three, so a file's framing, YAML errors and line numbers read the same in each.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentError } from './types.ts';

export interface ContentDataOptions {
  /** What the YAML holds, for the framing error: "the YAML of the <noun>". */
  readonly noun: string;
  /** Names the whole file in an error about its root. */
  readonly rootName: string;
  /** The message for one schema issue (default: the issue's own). */
  issueMessage?(issue: z.core.$ZodIssue): string;
}

export type ContentData<T> =
  | { readonly ok: true; readonly data: T; lineOf(path: readonly PropertyKey[]): number }
  | { readonly ok: false; readonly errors: ContentError[] };

/** Parses one data file; on failure every error carries `file` and the line at fault. */
export function parseContentData<T>(source: string, file: string, schema: z.ZodType<T>, options: ContentDataOptions): ContentData<T> {
  const lines = source.split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (lines[0]?.trim() !== '---' || close === -1) {
    return {
      ok: false,
      errors: [{ file, line: 1, message: `The file must start with front matter: a line "---", the YAML of the ${options.noun}, then "---"` }],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter, prettyErrors: false });
  // The YAML starts on file line 2; the yaml library rejects a key written twice.
  const yamlErrors = doc.errors.map((error) => ({ file, line: lineCounter.linePos(error.pos[0]).line + 1, message: `YAML: ${error.message.split('\n')[0]}` }));
  if (yamlErrors.length > 0) return { ok: false, errors: yamlErrors };
  const lineOf = (path: readonly PropertyKey[]): number => keyLine(doc, lineCounter, path) + 1;
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { ok: true, data: parsed.data, lineOf };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      // An unknown field is pointed at itself, not at the entry holding it.
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      return {
        file,
        line: lineOf(path),
        message: `${issue.path.map(String).join('.') || options.rootName}: ${options.issueMessage?.(issue) ?? issue.message}`,
      };
    }),
  };
}

/** 0-based line of the key at `path` (or of its nearest ancestor that exists). */
export function keyLine(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as unknown[], true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[n - 1]));
    const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    if (offset !== undefined) return lineCounter.linePos(offset).line;
  }
  return 1;
}
