/**
 * npm run content:stats [-- --list]: how many families need TypeScript of their own (issue 12's
 * measure). A family needs its own TypeScript when it names a deriver that no other family names
 * (that code exists for it alone, so an author could not have written the family in markdown),
 * or a calculator that no other family names unless that calculator is a named engine rule: a
 * thin adapter over an engine export with no sentences in its module, which calculator-code.ts
 * verifies by parsing the source. Shared machinery (a deriver or calculator two families use)
 * does not count.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CALCULATORS } from '../../app/bank/calculators.ts';
import { loadBank, type LoadedBank } from '../../app/bank/index.ts';
import { type CalculatorCode, inspectCalculators } from './calculator-code.ts';

export interface FamilyCode {
  readonly id: string;
  readonly area: string;
  /** The deriver used by this family only, if any. */
  readonly ownDeriver?: string;
  /** The calculator used by this family only, if any. */
  readonly ownCalculator?: string;
  /** Whether that calculator is a named engine rule (so the family needs no code for it). */
  readonly ownCalculatorIsEngineRule?: boolean;
}

const needsCode = (f: FamilyCode): boolean => f.ownDeriver !== undefined || (f.ownCalculator !== undefined && f.ownCalculatorIsEngineRule !== true);

/** The calculator modules of the registry, inspected from their source (app/bank and app/grading). */
export function inspectRegistry(rootDir: string): Map<string, CalculatorCode> {
  const dirs = ['app/bank', 'app/grading'].map((d) => join(rootDir, d));
  const paths = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(d, f)),
  );
  return inspectCalculators(paths, rootDir);
}

export interface AreaStats {
  readonly area: string;
  readonly families: number;
  readonly needCode: number;
  readonly ownDeriver: number;
  /** Single-use calculators that are code of their own (not a named engine rule). */
  readonly ownCalculator: number;
  /** Single-use calculators that are named engine rules, so code-free. */
  readonly engineRuleCalculator: number;
}

export interface ContentStats {
  readonly families: readonly FamilyCode[];
  readonly areas: readonly AreaStats[];
  readonly total: AreaStats;
}

export function contentStats(bank: LoadedBank, calculatorCode: ReadonlyMap<string, CalculatorCode> = new Map()): ContentStats {
  const uses = (name: string | undefined, counts: Map<string, number>): void => {
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  const derivers = new Map<string, number>();
  const calculators = new Map<string, number>();
  const calculatorOf = (d: LoadedBank['definitions'][number]): string | undefined => (d.answer.kind === 'numeric' ? d.answer.spec.calculator : undefined);
  for (const d of bank.definitions) {
    uses(d.frontMatter.derive, derivers);
    uses(calculatorOf(d), calculators);
  }
  const families: FamilyCode[] = bank.definitions
    .map((d) => {
      const deriver = d.frontMatter.derive;
      const calculator = calculatorOf(d);
      return {
        id: d.summary.id as string,
        area: d.summary.area as string,
        ...(deriver !== undefined && derivers.get(deriver) === 1 ? { ownDeriver: deriver } : {}),
        ...(calculator !== undefined && calculators.get(calculator) === 1
          ? { ownCalculator: calculator, ownCalculatorIsEngineRule: calculatorCode.get(calculator)?.engineRule === true }
          : {}),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const tally = (area: string, list: readonly FamilyCode[]): AreaStats => ({
    area,
    families: list.length,
    needCode: list.filter(needsCode).length,
    ownDeriver: list.filter((f) => f.ownDeriver !== undefined).length,
    ownCalculator: list.filter((f) => f.ownCalculator !== undefined && f.ownCalculatorIsEngineRule !== true).length,
    engineRuleCalculator: list.filter((f) => f.ownCalculatorIsEngineRule === true).length,
  });
  const areaIds = [...new Set(families.map((f) => f.area))].sort();
  return {
    families,
    areas: areaIds.map((a) =>
      tally(
        a,
        families.filter((f) => f.area === a),
      ),
    ),
    total: tally('all', families),
  };
}

/** The table content:stats prints; with `verbose`, the families with code and every calculator's verdict. */
export function formatContentStats(stats: ContentStats, verbose = false, calculatorCode: ReadonlyMap<string, CalculatorCode> = new Map()): string[] {
  const pct = (n: number, of: number): string => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);
  const row = (s: AreaStats): string =>
    `${s.area.padEnd(12)} ${String(s.families).padStart(8)} ${String(s.needCode).padStart(9)} ${String(s.ownDeriver).padStart(11)} ${String(s.ownCalculator).padStart(14)} ${String(s.engineRuleCalculator).padStart(11)} ${pct(s.families - s.needCode, s.families).padStart(9)}`;
  const t = stats.total;
  const lines = [
    `${'area'.padEnd(12)} ${'families'.padStart(8)} ${'need code'.padStart(9)} ${'own deriver'.padStart(11)} ${'own calculator'.padStart(14)} ${'engine rule'.padStart(11)} ${'code-free'.padStart(9)}`,
    ...stats.areas.map(row),
    row(t),
    '',
    `${t.families - t.needCode} of ${t.families} families (${pct(t.families - t.needCode, t.families)}) need no TypeScript of their own.`,
    `A single-use calculator counts as code-free when it is a named engine rule (one call of an engine export, no sentences in its module): ${t.engineRuleCalculator} are; ${t.ownCalculator} are not.`,
  ];
  if (verbose) {
    lines.push('', 'Families with code of their own:');
    for (const f of stats.families) {
      if (needsCode(f)) {
        const calculator = f.ownCalculator !== undefined && f.ownCalculatorIsEngineRule !== true ? `calculator ${f.ownCalculator}` : undefined;
        lines.push(`  ${f.id}: ${[f.ownDeriver && `deriver ${f.ownDeriver}`, calculator].filter(Boolean).join(', ')}`);
      }
    }
    lines.push('', 'Calculators (engine rule: one call of an engine export, no sentences in its module):');
    const shown = new Set<string>();
    for (const name of [...CALCULATORS.keys()].sort()) {
      const code = calculatorCode.get(name);
      if (code === undefined) {
        lines.push(`  ${name}: code (its definition was not found in app/bank or app/grading)`);
        continue;
      }
      lines.push(`  ${name}: ${code.engineRule ? 'engine rule' : 'code'} (${code.file}:${code.line})`);
      // A module's sentences are the same for each calculator in it: list them once.
      for (const p of code.problems) if (!shown.has(p)) lines.push(`      ${p}`);
      for (const p of code.problems) shown.add(p);
    }
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const contentAt = args.indexOf('--content');
  const dir = resolve(contentAt >= 0 ? (args[contentAt + 1] ?? 'content') : 'content');
  const bank = loadBank(dir, { rootDir: process.cwd() });
  for (const e of bank.errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  const code = inspectRegistry(process.cwd());
  for (const line of formatContentStats(contentStats(bank, code), args.includes('--list'), code)) console.log(line);
}
