/**
 * A question bank that can be read again without a restart: the app holds one LiveBank, whose
 * methods ask whichever LoadedBank the last (re)load produced. An author saving a file in
 * /authoring, or in an editor while the watcher runs, sees the change on the next request.
 *
 * A reload never changes a recorded verdict: attempts keep their grade and the file's
 * fingerprint, so a changed file only changes variants generated after it.
 */
import { type FSWatcher, watch } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gradeAnswer } from '../grading/index.ts';
import { openBankCache } from './bank-cache.ts';
import { bankFromSources, type LoadBankOptions, type LoadedBank, loadBank } from './index.ts';
import type { Instance } from './instance.ts';
import type { ContentError } from './types.ts';
import { LruCache } from '../lru-cache.ts';

export interface ReloadReport {
  readonly scenarios: number;
  /** Files left out, as at start-up: the rest still serve. */
  readonly errors: readonly ContentError[];
}

export interface WatchOptions {
  /** Editors save in bursts (temp file, rename, chmod): one reload after the burst settles. */
  readonly debounceMs?: number;
  readonly onReload?: (report: ReloadReport) => void;
  readonly onError?: (error: Error) => void;
}

export interface LiveBank extends LoadedBank {
  /** Absolute. */
  readonly contentDir: string;
  /** Absolute: summaries' and errors' `file` are relative to it. */
  readonly rootDir: string;
  /** Reloads finished since creation: tests wait on this count rather than on time. */
  readonly reloads: number;
  /** Files the last load parsed, and took parsed from the cache file (0 without one). */
  readonly lastLoad: { readonly parsed: number; readonly cached: number };
  /** Read CONTENT_DIR again and serve what loads. */
  reload(): ReloadReport;
  /**
   * One scenario text parsed and served exactly as the loader would (same objectives,
   * calculators and derivers), without touching the live bank: the authoring preview.
   */
  parseSource(file: string, text: string): LoadedBank;
  /** Reload on every change under contentDir (debounced); returns the function that stops it. */
  watch(options?: WatchOptions): () => void;
}

export const DEFAULT_WATCH_DEBOUNCE_MS = 200;

/**
 * Variants kept generated, most recently used last. A question's page, its answer and its
 * result page ask for the same (scenario, seed) within moments, and generating one costs
 * 0.5–20 ms of markdown, sanitising and calculators; a few MB of HTML and keys is cheaper.
 */
export const INSTANCE_CACHE_SIZE = 1000;

export interface LiveBankOptions extends LoadBankOptions {
  /** Variants kept generated (INSTANCE_CACHE_SIZE). */
  readonly instanceCacheSize?: number;
  /** Where parsed files are kept between starts (bank-cache.ts); without it every load parses every file. */
  readonly cacheFile?: string;
}

export function createLiveBank(contentDir: string, options: LiveBankOptions = {}): LiveBank {
  const absoluteContentDir = resolve(contentDir);
  const rootDir = resolve(options.rootDir ?? dirname(absoluteContentDir));
  const cache = options.cacheFile === undefined ? undefined : openBankCache(options.cacheFile);
  const loadOptions: LoadBankOptions = { ...options, rootDir, ...(cache ? { parse: cache.parse } : {}) };
  let lastLoad = { parsed: 0, cached: 0 };
  const load = (): LoadedBank => {
    const loaded = loadBank(absoluteContentDir, loadOptions);
    lastLoad = cache ? { parsed: cache.misses, cached: cache.hits } : { parsed: loaded.scenarios.length + loaded.errors.length, cached: 0 };
    cache?.save();
    return loaded;
  };
  let current = load();
  let reloads = 0;
  // Belongs to `current`: emptied whenever it is replaced, so no variant outlives its file.
  const instances = new LruCache<string, Instance>(options.instanceCacheSize ?? INSTANCE_CACHE_SIZE);
  const instance = (id: string, seed: number): Instance => {
    const key = `${seed}:${id}`;
    let generated = instances.get(key);
    if (generated === undefined) {
      generated = current.instance(id, seed);
      instances.set(key, generated);
    }
    return generated;
  };

  const reload = (): ReloadReport => {
    current = load();
    instances.clear();
    reloads++;
    return { scenarios: current.scenarios.length, errors: current.errors };
  };

  return {
    contentDir: absoluteContentDir,
    rootDir,
    get reloads() {
      return reloads;
    },
    get lastLoad() {
      return lastLoad;
    },
    get areas() {
      return current.areas;
    },
    get scenarios() {
      return current.scenarios;
    },
    get errors() {
      return current.errors;
    },
    get definitions() {
      return current.definitions;
    },
    get misconceptionTexts() {
      return current.misconceptionTexts;
    },
    get sharedTexts() {
      return current.sharedTexts;
    },
    get stepLabels() {
      return current.stepLabels;
    },
    get: (id) => current.get(id),
    variant: (id, seed) => instance(id, seed).variant,
    grade: (id, seed, answer) => gradeAnswer(instance(id, seed), answer),
    prepare(id, seed) {
      const generated = instance(id, seed);
      return { variant: generated.variant, fingerprint: current.fingerprint(id)!, grade: (answer) => gradeAnswer(generated, answer) };
    },
    fingerprint: (id) => current.fingerprint(id),
    instance,
    referenceAnswer: (id, seed) => current.referenceAnswer(id, seed),
    reload,
    parseSource: (file, text) =>
      bankFromSources(current.areas, [{ file, text }], {
        // The words the last (re)load read, so a preview names a mistake as the edited misconceptions.md does.
        misconceptionTexts: current.misconceptionTexts,
        sharedTexts: current.sharedTexts,
        stepLabels: current.stepLabels,
        ...(options.calculators ? { calculators: options.calculators } : {}),
        ...(options.derivers ? { derivers: options.derivers } : {}),
      }),
    watch(watchOptions = {}) {
      const debounceMs = watchOptions.debounceMs ?? DEFAULT_WATCH_DEBOUNCE_MS;
      let timer: NodeJS.Timeout | undefined;
      const schedule = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          try {
            const report = reload();
            watchOptions.onReload?.(report);
          } catch (error) {
            watchOptions.onError?.(error as Error);
          }
        }, debounceMs);
      };
      const watcher: FSWatcher = watch(absoluteContentDir, { recursive: true }, (_event, name) => {
        // Authoring's own temp files (.tmp) and editors' swap files are not scenarios; the rename
        // that follows them is what counts. A null name (some platforms) could be anything.
        if (name === null || String(name).endsWith('.md') || !String(name).includes('.')) schedule();
      });
      watcher.on('error', (error) => watchOptions.onError?.(error));
      return () => {
        clearTimeout(timer);
        watcher.close();
      };
    },
  };
}

/** The app is given a plain Bank; authoring needs to know whether it can reload. */
export function isLiveBank(bank: object): bank is LiveBank {
  return typeof (bank as Partial<LiveBank>).reload === 'function' && typeof (bank as Partial<LiveBank>).parseSource === 'function';
}
