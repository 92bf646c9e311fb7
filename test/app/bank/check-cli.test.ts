import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCheck, nearestIds, USAGE } from '../../../app/bank/check-cli.ts';
import { CHOICE, createContentDir, NUMERIC } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'app', 'bank', 'check-cli.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** The command in-process, as `content:check` would run in the directory above the fixture's content/. */
function run(files: Record<string, string>, ...args: string[]) {
  const content = createContentDir(files);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = contentCheck(['--content', 'content', '--seeds', '20', ...args], {
    cwd: dirname(content),
    log: (line) => stdout.push(line),
    error: (line) => stderr.push(line),
  });
  return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('npm run content:check', () => {
  it('prints the coverage, topic and quality tables, and fails objectives drilled by fewer than two families at their OBJECTIVES.md line', () => {
    const result = run({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^math\.rcu\s+1\s+numeric$/m);
    expect(result.stdout).toMatch(/^math\.wcu\s+0\s*$/m);
    expect(result.stdout).toMatch(/^capacity math\s+1\s+numeric\s+drills a math\.\* objective$/m);
    expect(result.stdout).toMatch(/^consistency\.gsi-fixture\s+choice\s+400\s+20\s+0%\s+0%\s+0%\s+0%\s+0%\s+(\d+ ){3}\d+$/m);
    expect(result.stderr).toContain('content/OBJECTIVES.md:5: [objective-coverage] math.wcu is drilled by 0 families; needs 2');
    expect(result.stderr).toContain(
      'content/OBJECTIVES.md:4: [topic-coverage] topic "capacity math" (drills a math.* objective) is drilled by 1 family; needs 6: math.read-fixture',
    );
    expect(result.stderr).toContain('content:check failed (2 scenarios loaded, 2 checked, 20 seeds each');
  });

  it('exits 0 for a good family checked alone (coverage is not judged with --only)', () => {
    const result = run({ 'math/read.md': NUMERIC }, '--only', 'math.read-fixture');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Coverage');
    expect(result.stdout).toContain('content:check passed: 1 scenarios, 1 checked, 20 seeds each');
  });

  it('exits 1 with the key line when the key is always the longest option', () => {
    const text = CHOICE.replace(
      '- {base} Read the base table with ConsistentRead.',
      '- {base} Read the item from the base table by its key with ConsistentRead set.',
    );
    const result = run({ 'consistency/gsi.md': text }, '--only', 'consistency.gsi-fixture');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^consistency\.gsi-fixture\s+choice\s+400\s+20\s+100%\s+100%/m);
    expect(result.stderr).toContain(
      'content/consistency/gsi.md:17: [key-longest] the right option is strictly the longest in 100% of 20 variants (most often {base})',
    );
  });

  it('exits 1 and names file and line for each error, while the good files still count', () => {
    const result = run({ 'math/read.md': NUMERIC, 'math/bad.md': NUMERIC.replace('math.read-fixture', 'math.bad').replace('provisionedReadUnits', 'nope') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/math/bad.md:15: Unknown calculator "nope"');
    expect(result.stderr).toContain('content:check failed (1 scenarios loaded');
  });

  it('prints its usage for --help and exits 0 without loading anything', () => {
    const result = run({}, '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(USAGE);
    expect(result.stdout).toMatch(/--only <id>/);
  });

  it('names an unknown option and prints the usage, exit 2', () => {
    const result = run({ 'math/read.md': NUMERIC }, '--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option '--bogus'/);
    expect(result.stderr).toContain(USAGE);
  });

  it('answers --only with an unknown id by naming the nearest ids', () => {
    const result = run({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE }, '--only', 'math.read-fixtur');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('No scenario has the id math.read-fixtur. Nearest: math.read-fixture (2 scenarios loaded from content)');
  });

  it.each([
    ['a typo', 'math.item-write-unit', ['math.item-write-units', 'math.batch-write-units']],
    ['the name without its area', 'item-write-units', ['math.item-write-units']],
    ['the wrong area', 'core.item-write-units', ['math.item-write-units', 'math.batch-write-units']],
    ['nothing alike', 'zzzzzz', []],
  ])('nearestIds: %s', (_what, wanted, expected) => {
    const ids = ['math.item-write-units', 'math.batch-write-units', 'core.item-size-names-count', 'dax.flow'];
    expect(nearestIds(wanted, ids)).toEqual(expected);
  });

  it('rejects a bad --seeds value', () => {
    const result = run({ 'math/read.md': NUMERIC }, '--seeds', 'many');
    expect(result.status).toBe(2);
  });

  it('runs as a command: tables on stdout, errors on stderr, exit status 1 (one real process)', () => {
    const content = createContentDir({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE });
    const result = spawnSync(tsx, [cli, '--content', 'content', '--seeds', '5'], { cwd: dirname(content), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^math\.rcu\s+1\s+numeric$/m);
    expect(result.stdout).not.toContain('content:check failed');
    expect(result.stderr).toContain('content/OBJECTIVES.md:5: [objective-coverage] math.wcu is drilled by 0 families; needs 2');
    expect(result.stderr).toContain('content:check failed (2 scenarios loaded, 2 checked, 5 seeds each');
  });
});
