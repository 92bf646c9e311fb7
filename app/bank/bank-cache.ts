/**
 * Parsed scenario files kept on disk between starts, so a start (or a reload) with 1,000
 * scenarios does not parse and check 1,000 files again when they have not changed.
 *
 * An entry is found by a hash of everything its parse depends on: the file's path and text,
 * the objectives it was checked against, and the version of the code that parsed it (every
 * TypeScript file of app/, engine/ and content/, and Node's version for the serialisation). So a changed
 * file, a changed OBJECTIVES.md, a new calculator or a change to the scenario format
 * (schema.ts, parse.ts) can never be answered with an old parse: the entry is simply not found.
 * A family that uses shared text tables (content/texts.md) keeps beside its parse what those
 * tables said; when they say something else now, it is parsed again (the other families are not).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import type { ParseScenario } from './index.ts';
import { type ParseContext, type ParseResult, parseScenarioFile } from './parse.ts';
import { NO_SHARED_TEXTS, sharedTextsDigest } from './shared-texts.ts';

export interface BankCache {
  /** parseScenarioFile's result, from the cache when the same text was parsed by the same code. */
  readonly parse: ParseScenario;
  /**
   * Writes the entries used since the last save (files since deleted drop out), when any was
   * parsed anew. Never throws: a cache that cannot be written only costs the next start time.
   */
  save(): void;
  /** Files answered from the cache and parsed, since the last save. */
  readonly hits: number;
  readonly misses: number;
}

/** A parse, and for a family that uses shared tables, the digest of what they said then. */
interface CacheEntry {
  readonly result: ParseResult;
  readonly shared?: string;
}

interface CacheFile {
  readonly codeVersion: string;
  readonly entries: ReadonlyArray<readonly [string, CacheEntry]>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The repository's root: this file is app/bank/bank-cache.ts (the start script's bundle keeps that URL). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * A hash of every TypeScript file under app/ and engine/ (about 300 files, 3 MB: 20-30 ms), and
 * under the repository's content/ (a family's own code lives beside its markdown), and Node's version. Wider than the bank's own modules on purpose: the parse reaches calculators,
 * derivers, graders' specs and the engine's rules, and a missed dependency would serve a stale parse.
 */
export function bankCodeVersion(root: string = ROOT): string {
  const hash = createHash('sha256').update(process.version);
  const content = join(root, 'content');
  const families = existsSync(content) ? sourceFiles(content) : [];
  for (const file of [...sourceFiles(join(root, 'app')), ...sourceFiles(join(root, 'engine')), ...families].sort()) {
    hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function readCacheFile(path: string, codeVersion: string): Map<string, CacheEntry> {
  try {
    const data = deserialize(readFileSync(path)) as CacheFile;
    if (data.codeVersion === codeVersion && Array.isArray(data.entries)) return new Map(data.entries);
  } catch {
    // Missing, truncated or from another Node: parse everything, and the next save replaces it.
  }
  return new Map();
}

/** Survives serialisation unchanged: anything else (a function, a class instance) is parsed each time instead. */
function serialisable(result: ParseResult): boolean {
  try {
    return isDeepStrictEqual(deserialize(serialize(result)), result);
  } catch {
    return false;
  }
}

/**
 * The cache in `path` (created on the first save). `codeVersion` defaults to bankCodeVersion();
 * tests pass their own to show what a change of code does.
 */
export function openBankCache(path: string, codeVersion: string = bankCodeVersion()): BankCache {
  const stored = readCacheFile(path, codeVersion);
  let used = new Map<string, CacheEntry>();
  let hits = 0;
  let misses = 0;
  // One key per objectives set: the loader passes the same set for every file of a load.
  const objectiveKeys = new WeakMap<ReadonlySet<string>, string>();
  const objectivesKey = (context: ParseContext): string => {
    let key = objectiveKeys.get(context.objectives);
    if (key === undefined) {
      key = sha256([...context.objectives].sort().join('\n'));
      objectiveKeys.set(context.objectives, key);
    }
    return key;
  };

  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    parse(source, context) {
      const key = sha256(`${source.file}\0${objectivesKey(context)}\0${source.text}`);
      const sharedNow = (uses: readonly string[] | undefined): string | undefined =>
        uses === undefined ? undefined : sharedTextsDigest(context.sharedTexts ?? NO_SHARED_TEXTS, uses);
      let entry = used.get(key) ?? stored.get(key);
      if (entry !== undefined && entry.shared !== sharedNow(entry.result.uses)) entry = undefined;
      if (entry === undefined) {
        misses++;
        const result = parseScenarioFile(source.text, source.file, context);
        if (!serialisable(result)) return result;
        const shared = sharedNow(result.uses);
        entry = shared === undefined ? { result } : { result, shared };
      } else hits++;
      used.set(key, entry);
      return entry.result;
    },
    save() {
      const changed = misses > 0 || used.size !== stored.size;
      stored.clear();
      for (const [key, result] of used) stored.set(key, result);
      used = new Map();
      hits = 0;
      misses = 0;
      if (!changed) return;
      const temp = `${path}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(temp, serialize({ codeVersion, entries: [...stored] } satisfies CacheFile));
        // Atomic: another server starting at the same moment reads the old file or the new one.
        renameSync(temp, path);
      } catch {
        rmSync(temp, { force: true });
      }
    },
  };
}
