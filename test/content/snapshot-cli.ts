/**
 * npm run content:snapshot -- --out /tmp/before.jsonl [--seeds 500] [--only id,id]
 * npm run content:snapshot -- --compare /tmp/before.jsonl /tmp/after.jsonl [--show 20]
 *
 * Takes a snapshot of every family's variants (see variant-snapshot.ts), or compares two and
 * prints, per family, how many variants differ and in which fields, then the first differences
 * in full. Exits 1 when any key changed, so a port that moves text can be checked in one line.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBank } from '../../app/bank/index.ts';
import { compareSnapshots, snapshotLines } from './variant-snapshot.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    seeds: { type: 'string', default: '500' },
    only: { type: 'string' },
    content: { type: 'string', default: 'content' },
    compare: { type: 'boolean', default: false },
    show: { type: 'string', default: '10' },
  },
});

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n');
}

if (values.compare) {
  const [beforePath, afterPath] = positionals;
  if (beforePath === undefined || afterPath === undefined) {
    console.error('--compare needs two snapshot files: before and after');
    process.exit(2);
  }
  const result = compareSnapshots(readLines(beforePath), readLines(afterPath));
  console.log(`${result.compared} variants compared, ${result.differing} differ, ${result.keyChanges} key changes`);
  for (const [id, f] of [...result.byFamily].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${id}: ${f.variants} variants differ (${[...f.fields].sort().join(', ')})${f.keyChanges > 0 ? `, ${f.keyChanges} KEY CHANGES` : ''}`);
  }
  const show = Number(values.show);
  const ordered = [...result.differences].sort((a, b) => Number(b.keyChange) - Number(a.keyChange));
  for (const d of ordered.slice(0, show)) {
    console.log(`\n${d.id} seed ${d.seed} ${d.field}${d.keyChange ? ' (key)' : ''}\n  before: ${d.before}\n  after:  ${d.after}`);
  }
  process.exit(result.keyChanges > 0 ? 1 : 0);
}

if (values.out === undefined) {
  console.error('Give --out <file> to take a snapshot, or --compare <before> <after>');
  process.exit(2);
}
const seeds = Number(values.seeds);
if (!Number.isInteger(seeds) || seeds < 1) {
  console.error(`--seeds must be a positive integer, not ${values.seeds}`);
  process.exit(2);
}
const bank = loadBank(resolve(values.content), { rootDir: process.cwd() });
for (const e of bank.errors) console.error(`${e.file}:${e.line}: ${e.message}`);
const only = values.only === undefined ? undefined : new Set(values.only.split(','));
// Written line by line: the whole snapshot at 500 seeds is too large to hold as one string.
const fd = openSync(values.out, 'w');
let count = -1;
for (const line of snapshotLines(bank, seeds, only)) {
  writeSync(fd, `${line}\n`);
  count++;
}
closeSync(fd);
console.log(`${count} variants written to ${values.out}`);
