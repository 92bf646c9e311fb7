/**
 * Browser scripts written in TypeScript with npm imports (the CodeMirror editor), bundled by
 * esbuild into one file each. Built once per set of sources and library versions and kept under
 * node_modules/.cache/client-bundles, so a restart or a test worker reads the file instead of
 * bundling again; a new source or a library upgrade changes the hash and builds afresh.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = new URL('../../', import.meta.url);
const CACHE_DIR = fileURLToPath(new URL('node_modules/.cache/client-bundles/', ROOT));
/** Their versions go into the hash, so an upgrade rebuilds. */
const LIBRARIES = [
  'esbuild',
  '@codemirror/state',
  '@codemirror/view',
  '@codemirror/commands',
  '@codemirror/language',
  '@codemirror/lang-json',
  '@codemirror/lint',
];

function librariesFingerprint(): string {
  const require = createRequire(import.meta.url);
  return LIBRARIES.map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  }).join(',');
}

/** The bundle of one entry (a path from the repository root), minified, as an IIFE. */
export function clientBundle(entry: string): string {
  const entryPath = fileURLToPath(new URL(entry, ROOT));
  const hash = createHash('sha256').update(readFileSync(entryPath)).update(librariesFingerprint()).digest('hex').slice(0, 16);
  const cached = `${CACHE_DIR}${entry.replaceAll('/', '_')}.${hash}.js`;
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not built yet.
  }
  const result = buildSync({ entryPoints: [entryPath], bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, legalComments: 'eof' });
  const code = result.outputFiles[0]!.text;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed, so a parallel worker never reads half a file.
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, cached);
  } catch {
    // A read-only tree still serves the bundle from memory.
  }
  return code;
}
