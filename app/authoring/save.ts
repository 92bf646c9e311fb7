/**
 * Saving a scenario file from /authoring: where it goes (derived from its id, never from the
 * request), whether it may go there, and an atomic write so the watcher and the loader never
 * read half a file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Bank, ContentError } from '../bank/types.ts';

/** An id in a path: lowercase letters, digits and dashes only, so `..`, `/` and `\` cannot appear. */
const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;

export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
}

/**
 * `capacity.choose-mode` → `<contentDir>/capacity/choose-mode.md`. Throws UnsafePathError for an
 * id that could leave contentDir (`..`, separators, an absolute path) or is not `area.name`.
 */
export function contentPathFor(contentDir: string, id: string): string {
  const parts = id.split('.');
  if (parts.length !== 2 || !parts.every((p) => SEGMENT.test(p))) {
    throw new UnsafePathError(`The id "${id}" cannot name a file: use area.name in lowercase letters, digits and dashes (no "..", "/" or absolute paths).`);
  }
  const path = resolve(contentDir, parts[0]!, `${parts[1]!}.md`);
  assertInside(contentDir, path);
  return path;
}

/** Throws UnsafePathError unless path lies strictly inside dir. */
export function assertInside(dir: string, path: string): void {
  const rel = relative(resolve(dir), resolve(path));
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new UnsafePathError(`${path} is outside the content directory ${dir}; nothing was written.`);
  }
}

/** Temp file in the same directory (so the rename stays on one file system), fsync, rename. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.authoring.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export type SaveTarget = { readonly ok: true; readonly path: string; readonly created: boolean } | { readonly ok: false; readonly message: string };

/**
 * Where a file with this id is saved: the file the family already lives in when it is the one
 * being edited (some files predate the area/name convention), else the path its id derives.
 * Refused when the id belongs to another family, or another file already sits at the path.
 */
export function saveTargetFor(options: {
  bank: Bank;
  rootDir: string;
  contentDir: string;
  id: string;
  editing: string | undefined;
  exists: (path: string) => boolean;
}): SaveTarget {
  const { bank, rootDir, contentDir, id, editing } = options;
  const existing = bank.get(id);
  if (existing && editing !== id) {
    return { ok: false, message: `The id ${id} is already used by ${existing.file}: give this family an id of its own.` };
  }
  try {
    if (existing) {
      const path = resolve(rootDir, existing.file);
      assertInside(contentDir, path);
      return { ok: true, path, created: false };
    }
    const path = contentPathFor(contentDir, id);
    if (options.exists(path)) {
      return {
        ok: false,
        message: `${relative(rootDir, path)} already exists (a file the bank left out, or another id): edit that file, or choose another id.`,
      };
    }
    return { ok: true, path, created: true };
  } catch (error) {
    if (error instanceof UnsafePathError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The message shown when AUTHORING_WRITE is off. */
export const WRITE_OFF_MESSAGE =
  'Saving is off on this server: set AUTHORING_WRITE=true and restart to let authors write files to CONTENT_DIR. Nothing was written; copy your text from the editor.';

export function describeErrors(errors: readonly ContentError[]): string {
  return `${errors.length} error${errors.length === 1 ? '' : 's'} must be fixed before saving: nothing was written.`;
}
