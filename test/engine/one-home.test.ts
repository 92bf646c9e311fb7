/**
 * One home for each limit: a DynamoDB number (the 1 MB page, the 4 KB read block, 11 DAX nodes,
 * 3,000 RCU a partition...) is defined once and imported. This scans engine/ and app/ for
 * constants whose value is one of those numbers and fails when a second definition appears, so a
 * copy cannot creep back in unnoticed. A new constant that only happens to share a value (a
 * different concept) joins ALLOWED with the file that defines it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The watched values, each with every constant allowed to hold it: `file:NAME`. */
const ALLOWED: ReadonlyMap<number, readonly string[]> = new Map([
  // The Query/Scan page; GetRecords' own 1 MB response limit is a different rule.
  [1024 * 1024, ['engine/capacity/units.ts:PAGE_BYTES', 'engine/streams/operations.ts:GET_RECORDS_MAX_BYTES']],
  [4096, ['engine/capacity/units.ts:READ_BLOCK_BYTES', 'engine/expressions/parser.ts:MAX_EXPRESSION_BYTES']],
  [400 * 1024, ['engine/values/validate.ts:MAX_ITEM_SIZE']],
  [16 * 1024 * 1024, ['engine/operations/batch-get-item.ts:BATCH_GET_RESPONSE_BYTES', 'app/routes/dynamodb/index.ts:DEFAULT_MAX_BODY_BYTES']],
  [10 * 1024 ** 3, ['engine/operations/item-collections.ts:ITEM_COLLECTION_LIMIT_BYTES']],
  [3000, ['engine/capacity/units.ts:PARTITION_MAX_RCU']],
  [11, ['engine/rules/dax.ts:DAX_MAX_NODES']],
  // Five minutes of burst, DAX's default TTL and PITR's restore lag are three rules; the other two are not times.
  [
    300,
    [
      'engine/capacity/burst.ts:BURST_WINDOW_SECONDS',
      'engine/rules/dax.ts:DAX_DEFAULT_TTL_SECONDS',
      'engine/operations/continuous-backups.ts:LATEST_RESTORABLE_LAG_SECONDS',
      'engine/expressions/limits.ts:MAX_OPERATORS',
      'engine/storage/key-encoding.ts:EXPONENT_OFFSET',
    ],
  ],
  [300_000, []],
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The value of a constant's initialiser when it is plain arithmetic on number literals. */
function literalValue(expression: string): number | undefined {
  const cleaned = expression.replaceAll('_', '');
  if (!/^[\d\s*+()]+$/.test(cleaned) && !/^[\d\s*+()]*\*\*[\d\s*+()]*$/.test(cleaned)) return undefined;
  return Function(`"use strict"; return (${cleaned});`)() as number;
}

function definitions(): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const file of [...sourceFiles(join(ROOT, 'engine')), ...sourceFiles(join(ROOT, 'app'))]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:export )?const ([A-Z][A-Z0-9_]*)(?:: number)? = ([^;]+);/gm)) {
      const value = literalValue(match[2]!);
      if (value === undefined || !ALLOWED.has(value)) continue;
      const where = `${relative(ROOT, file)}:${match[1]}`;
      found.set(value, [...(found.get(value) ?? []), where]);
    }
  }
  return found;
}

describe('one home for each limit', () => {
  const found = definitions();

  it.each([...ALLOWED.keys()])('defines %d only where it is allowed', (value) => {
    expect((found.get(value) ?? []).sort()).toEqual([...ALLOWED.get(value)!].sort());
  });

  it('rounds to read and write blocks only through blocksFor (engine/capacity/units.ts), not a copy of the rule', () => {
    const copies: string[] = [];
    const rounding = /Math\.ceil\([^;]*\/\s*\(?(READ_BLOCK_BYTES|WRITE_BLOCK_BYTES|4096|4_096|1024)\)?\s*\)|ceilDiv\([^;]*(READ_BLOCK_BYTES|WRITE_BLOCK_BYTES)/;
    for (const file of [...sourceFiles(join(ROOT, 'engine')), ...sourceFiles(join(ROOT, 'app'))]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (rounding.test(line)) copies.push(`${relative(ROOT, file)}:${i + 1}`);
        });
    }
    expect(copies).toEqual([]);
  });

  it('reads arithmetic initialisers, so a copy written another way is still caught', () => {
    expect(literalValue('1024 * 1024')).toBe(1_048_576);
    expect(literalValue('1_048_576')).toBe(1_048_576);
    expect(literalValue('10 * 1024 ** 3')).toBe(10 * 1024 ** 3);
    expect(literalValue('DAX_DEFAULT_TTL_SECONDS * 1000')).toBeUndefined();
  });
});
