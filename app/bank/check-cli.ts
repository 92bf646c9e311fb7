/**
 * npm run content:check [-- --seeds 100] [--only <scenario id>] [--content <dir>] [--help]
 * Validates every scenario file, generates and grades each family for 500 seeds (issue 6's
 * gates), renders every variant through the text gate (articles, counts, "(s)", impossible
 * dates: issue 12), prints the coverage and topic tables and a per-family quality table, and
 * exits 1 on any error, each named by file and line. The language gates fail a family whose key
 * is strictly the longest or strictly the shortest option, alone qualified, or whose one
 * distractor alone carries an absolute, in more than half of its variants (quality-gates.ts).
 * With --only, coverage is not judged.
 */
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBank, DEFAULT_SEEDS, type FamilyStats } from './check.ts';
import { loadBank } from './index.ts';
import { ABSOLUTES, checkCoverage, HEDGES, MIN_FAMILIES_PER_OBJECTIVE, MIN_FAMILIES_PER_TOPIC, MOST_VARIANTS, POSITION_P_VALUE } from './quality-gates.ts';
import type { ContentError } from './types.ts';

export const USAGE = `Usage: npm run content:check [-- options]

Validates every scenario under the content directory, generates and grades each family over
its seeds, runs the text and language gates, prints the coverage, topic and quality tables,
and exits 1 on any error (each named by file and line), 2 on bad arguments.

Options:
  --seeds <n>       seeds per family (default ${DEFAULT_SEEDS})
  --only <id>       check one family, e.g. math.item-write-units (coverage is not judged)
  --content <dir>   the content directory (default content)
  -h, --help        print this help`;

/** Up to `max` ids closest to `wanted`: ids containing it first, then by edit distance (at most half its length). */
export function nearestIds(wanted: string, ids: readonly string[], max = 5): string[] {
  const w = wanted.toLowerCase();
  const scored = ids.map((id) => {
    const l = id.toLowerCase();
    // An id that contains the text (or its part after the area) is nearer than any edit.
    const contains = l.includes(w) || (w.includes('.') && l.endsWith(w.slice(w.indexOf('.'))));
    return { id, score: contains ? -1 : editDistance(w, l) };
  });
  return scored
    .filter((s) => s.score <= Math.max(2, Math.floor(w.length / 2)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((s) => s.id);
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

export interface ContentCheckIo {
  /** Relative --content paths and the paths in messages start here; defaults to process.cwd(). */
  readonly cwd?: string;
  readonly log?: (line: string) => void;
  readonly error?: (line: string) => void;
}

/**
 * The command, callable in-process (the tests run it so, without starting a process per case):
 * returns the exit status, 0 passed, 1 errors, 2 bad arguments.
 */
export function contentCheck(args: readonly string[], io: ContentCheckIo = {}): number {
  const log = io.log ?? ((line: string) => console.log(line));
  const error = io.error ?? ((line: string) => console.error(line));
  const cwd = io.cwd ?? process.cwd();
  let values: { seeds: string; only?: string | undefined; content: string; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        seeds: { type: 'string', default: String(DEFAULT_SEEDS) },
        only: { type: 'string' },
        content: { type: 'string', default: 'content' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    // parseArgs names the unknown option or the missing value; the usage says what is allowed.
    error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const seeds = Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1) {
    error(`--seeds must be a positive integer, not ${values.seeds}`);
    return 2;
  }

  const contentDir = resolve(cwd, values.content);
  const rootDir = cwd;
  const started = performance.now();
  const bank = loadBank(contentDir, { rootDir });
  if (values.only !== undefined && bank.get(values.only) === undefined) {
    const nearest = nearestIds(
      values.only,
      bank.scenarios.map((s) => s.id as string),
    );
    error(
      `No scenario has the id ${values.only}. ${nearest.length > 0 ? `Nearest: ${nearest.join(', ')}` : `Ids look like ${bank.scenarios[0]?.id ?? 'area.name'}`} (${bank.scenarios.length} scenarios loaded from ${relative(cwd, contentDir) || '.'})`,
    );
    return 2;
  }
  const report = checkBank(bank, { seeds, rootDir, ...(values.only === undefined ? {} : { only: values.only }) });

  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  const padStart = (s: string | number, n: number): string => String(s).padStart(n);
  const pct = (n: number, of: number): string => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);

  const coverageErrors: ContentError[] = [];
  if (values.only === undefined) {
    const objectivesFile = join(contentDir, 'OBJECTIVES.md');
    const coverage = checkCoverage(bank, objectivesFile, relative(rootDir, objectivesFile));
    coverageErrors.push(...coverage.errors);
    log(`Coverage (each objective needs ${MIN_FAMILIES_PER_OBJECTIVE} families)\n`);
    log(`${pad('objective', 28)} ${padStart('families', 8)}  kinds`);
    for (const row of coverage.objectives) log(`${pad(row.objective, 28)} ${padStart(row.families, 8)}  ${row.kinds}`);
    log(`\nTopics (each needs ${MIN_FAMILIES_PER_TOPIC} families)\n`);
    log(`${pad('topic', 24)} ${padStart('families', 8)}  ${pad('kinds', 36)} a family counts when it`);
    for (const row of coverage.topics) log(`${pad(row.topic.name, 24)} ${padStart(row.families.length, 8)}  ${pad(row.kinds, 36)} ${row.topic.definition}`);
  }

  const positions = (f: FamilyStats): string => (f.tally.measured === 0 ? '' : f.tally.positions.join(' '));
  log(
    `\nQuality (${seeds} seeds each; fails: key strictly longest, key strictly shortest, key alone qualified or a distractor alone with an absolute in > ${100 * MOST_VARIANTS}% of variants, key position chi-square p < ${POSITION_P_VALUE}, any text problem)`,
  );
  log(`qualifiers: ${HEDGES.join(', ')}; absolutes: ${ABSOLUTES.join(', ')}\n`);
  log(
    `${pad('family', 46)} ${pad('kind', 8)} ${padStart('space', 8)} ${padStart('texts', 5)} ${padStart('long', 5)} ${padStart('+ties', 5)} ${padStart('short', 5)} ${padStart('qual', 5)} ${padStart('abs', 5)}  key positions`,
  );
  for (const f of report.families) {
    const { id, kind } = f.definition.summary;
    const space = f.definition.paramSpace >= 1e6 ? f.definition.paramSpace.toExponential(0) : f.definition.paramSpace;
    const t = f.tally;
    const language =
      t.measured === 0
        ? ''
        : `${padStart(pct(t.keyLongestStrict, t.measured), 5)} ${padStart(pct(t.keyLongestWithTies, t.measured), 5)} ${padStart(pct(t.keyShortestStrict, t.measured), 5)} ${padStart(pct(t.keyOnlyQualifier, t.measured), 5)} ${padStart(pct(t.distractorOnlyAbsolute, t.measured), 5)}  ${positions(f)}`;
    log(`${pad(id, 46)} ${pad(kind, 8)} ${padStart(space, 8)} ${padStart(f.distinctPrompts, 5)} ${language}`.trimEnd());
  }
  log('\ntexts: distinct question texts; long: key strictly the longest option; +ties: key among the longest; short: key strictly the shortest;');
  log('qual: only right options carry a qualifier; abs: one distractor alone carries an absolute.');

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // With --only, other files' load errors are noise.
  const onlyFile = values.only === undefined ? undefined : bank.get(values.only)?.file;
  const errors = [...(onlyFile === undefined ? report.errors : report.errors.filter((e) => e.file === onlyFile)), ...coverageErrors];
  if (errors.length > 0) {
    error(`\n${errors.length} error${errors.length === 1 ? '' : 's'}:\n`);
    for (const e of errors) error(`${e.file}:${e.line}: ${e.message}`);
    error(`\ncontent:check failed (${bank.scenarios.length} scenarios loaded, ${report.families.length} checked, ${seeds} seeds each, ${seconds} s)`);
    return 1;
  }
  log(`\ncontent:check passed: ${bank.scenarios.length} scenarios, ${report.families.length} checked, ${seeds} seeds each, ${seconds} s`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = contentCheck(process.argv.slice(2));
}
