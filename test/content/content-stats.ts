/**
 * npm run content:stats: how many families need TypeScript of their own (issue 12's measure).
 * A family needs its own TypeScript when it names a deriver or a calculator that no other
 * family names: that code exists for it alone, so an author could not have written the family
 * in markdown. Shared machinery (a deriver or calculator two families use) does not count.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBank, type LoadedBank } from '../../app/bank/index.ts';

export interface FamilyCode {
  readonly id: string;
  readonly area: string;
  /** The deriver used by this family only, if any. */
  readonly ownDeriver?: string;
  /** The calculator used by this family only, if any. */
  readonly ownCalculator?: string;
}

export interface AreaStats {
  readonly area: string;
  readonly families: number;
  readonly needCode: number;
  readonly ownDeriver: number;
  readonly ownCalculator: number;
}

export interface ContentStats {
  readonly families: readonly FamilyCode[];
  readonly areas: readonly AreaStats[];
  readonly total: AreaStats;
}

export function contentStats(bank: LoadedBank): ContentStats {
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
        ...(calculator !== undefined && calculators.get(calculator) === 1 ? { ownCalculator: calculator } : {}),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const tally = (area: string, list: readonly FamilyCode[]): AreaStats => ({
    area,
    families: list.length,
    needCode: list.filter((f) => f.ownDeriver !== undefined || f.ownCalculator !== undefined).length,
    ownDeriver: list.filter((f) => f.ownDeriver !== undefined).length,
    ownCalculator: list.filter((f) => f.ownCalculator !== undefined).length,
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

/** The table content:stats prints. */
export function formatContentStats(stats: ContentStats, verbose = false): string[] {
  const pct = (n: number, of: number): string => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);
  const row = (s: AreaStats): string =>
    `${s.area.padEnd(12)} ${String(s.families).padStart(8)} ${String(s.needCode).padStart(9)} ${String(s.ownDeriver).padStart(11)} ${String(s.ownCalculator).padStart(14)} ${pct(s.families - s.needCode, s.families).padStart(9)}`;
  const lines = [
    `${'area'.padEnd(12)} ${'families'.padStart(8)} ${'need code'.padStart(9)} ${'own deriver'.padStart(11)} ${'own calculator'.padStart(14)} ${'code-free'.padStart(9)}`,
    ...stats.areas.map(row),
    row(stats.total),
    '',
    `${stats.total.families - stats.total.needCode} of ${stats.total.families} families (${pct(stats.total.families - stats.total.needCode, stats.total.families)}) need no TypeScript of their own; ` +
      `without counting single-use calculators (engine arithmetic any family could name): ${stats.total.families - stats.total.ownDeriver} (${pct(stats.total.families - stats.total.ownDeriver, stats.total.families)}).`,
  ];
  if (verbose) {
    lines.push('', 'Families with code of their own:');
    for (const f of stats.families) {
      if (f.ownDeriver !== undefined || f.ownCalculator !== undefined) {
        lines.push(`  ${f.id}: ${[f.ownDeriver && `deriver ${f.ownDeriver}`, f.ownCalculator && `calculator ${f.ownCalculator}`].filter(Boolean).join(', ')}`);
      }
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
  for (const line of formatContentStats(contentStats(bank), args.includes('--list'))) console.log(line);
}
