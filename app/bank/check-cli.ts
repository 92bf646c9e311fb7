/**
 * npm run content:check [-- --seeds 500] [--only <scenario id>]
 * Validates every scenario file, generates and grades each family for many seeds, prints the
 * coverage table and per-family stats, and exits 1 on any error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBank, coverageRows } from './check.ts';
import { loadBank } from './index.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '200' },
    only: { type: 'string' },
    content: { type: 'string', default: 'content' },
  },
});
const seeds = Number(values.seeds);
if (!Number.isInteger(seeds) || seeds < 1) {
  console.error(`--seeds must be a positive integer, not ${values.seeds}`);
  process.exit(2);
}

const contentDir = resolve(values.content);
const started = performance.now();
const bank = loadBank(contentDir, { rootDir: process.cwd() });
const report = checkBank(bank, { seeds, ...(values.only === undefined ? {} : { only: values.only }) });

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const padStart = (s: string | number, n: number): string => String(s).padStart(n);

if (values.only === undefined) {
  console.log('Coverage\n');
  console.log(`${pad('objective', 28)} ${padStart('families', 8)}  kinds`);
  const rows = coverageRows(bank);
  for (const row of rows) console.log(`${pad(row.objective, 28)} ${padStart(row.families, 8)}  ${row.kinds}`);
  // Reported, not failed: issue 6 asks for two families per objective; until then this is a to-do list.
  const thin = rows.filter((r) => r.families < 2).map((r) => `${r.objective} (${r.families})`);
  console.log(thin.length === 0 ? '\nEvery objective has at least two families.' : `\nObjectives with fewer than two families: ${thin.join(', ')}`);
}
console.log(`\nFamilies (${seeds} seeds each)\n`);
console.log(`${pad('id', 40)} ${pad('kind', 8)} ${padStart('space', 12)} ${padStart('prompts', 8)}  key longest / key position`);
for (const f of report.families) {
  const { id, kind } = f.definition.summary;
  const space = f.definition.paramSpace >= 1e9 ? f.definition.paramSpace.toExponential(1) : f.definition.paramSpace;
  const key = kind === 'numeric' ? '' : `${Math.round((100 * f.keyLongest) / Math.max(1, f.generated))} % / ${f.keyPositions.join(' ')}`;
  console.log(`${pad(id, 40)} ${pad(kind, 8)} ${padStart(space, 12)} ${padStart(f.distinctPrompts, 8)}  ${key}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
// With --only, other files' load errors are noise.
const onlyFile = values.only === undefined ? undefined : bank.get(values.only)?.file;
if (values.only !== undefined && onlyFile === undefined) {
  console.error(`No scenario has the id ${values.only}`);
  process.exit(2);
}
const errors = onlyFile === undefined ? report.errors : report.errors.filter((e) => e.file === onlyFile);
if (errors.length > 0) {
  console.error(`\n${errors.length} error${errors.length === 1 ? '' : 's'}:\n`);
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  console.error(`\ncontent:check failed (${bank.scenarios.length} scenarios loaded, ${seconds} s)`);
  process.exit(1);
}
console.log(`\ncontent:check passed: ${bank.scenarios.length} scenarios, ${report.families.length} checked, ${seconds} s`);
