/**
 * A small content folder in a temporary directory, for tests that write or reload files:
 * OBJECTIVES.md and two families (the choice and numeric templates, under ids of their own),
 * so saving never touches the repository's content/.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
export const TEMPLATES_DIR = join(root, 'app', 'authoring', 'templates');

export function template(kind: string): string {
  return readFileSync(join(TEMPLATES_DIR, `${kind}.md`), 'utf8');
}

/** The template's text under another id. */
export function withId(text: string, id: string): string {
  return text.replace(/^id: .*$/m, `id: ${id}`);
}

export interface TempContent {
  /** The repository-like root: errors and summaries name files relative to it (content/...). */
  readonly rootDir: string;
  readonly contentDir: string;
  write(relativePath: string, text: string): string;
  remove(): void;
}

export function createTempContent(): TempContent {
  const rootDir = mkdtempSync(join(tmpdir(), 'dynamodb-study-authoring-'));
  const contentDir = join(rootDir, 'content');
  mkdirSync(contentDir);
  cpSync(join(root, 'content', 'OBJECTIVES.md'), join(contentDir, 'OBJECTIVES.md'));
  const write = (relativePath: string, text: string): string => {
    const path = join(contentDir, relativePath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  write('core/payload-home.md', withId(template('choice'), 'core.payload-home'));
  write('math/writes-per-period.md', withId(template('numeric'), 'math.writes-per-period'));
  return { rootDir, contentDir, write, remove: () => rmSync(rootDir, { recursive: true, force: true }) };
}
