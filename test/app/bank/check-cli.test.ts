import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentDir, NUMERIC } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'app', 'bank', 'check-cli.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(files: Record<string, string>, ...args: string[]) {
  const content = createContentDir(files);
  return spawnSync(tsx, [cli, '--content', 'content', '--seeds', '20', ...args], { cwd: dirname(content), encoding: 'utf8' });
}

describe('npm run content:check', () => {
  it('exits 0 and prints the coverage table for good content', () => {
    const result = run({ 'math/read.md': NUMERIC });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^math\.rcu\s+1\s+numeric$/m);
    expect(result.stdout).toMatch(/^math\.wcu\s+0\s+$/m);
    expect(result.stdout).toContain('content:check passed: 1 scenarios, 1 checked');
  });

  it('exits 1 and names file and line for each error, while the good files still count', () => {
    const result = run({ 'math/read.md': NUMERIC, 'math/bad.md': NUMERIC.replace('math.read-fixture', 'math.bad').replace('provisionedReadUnits', 'nope') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/math/bad.md:15: Unknown calculator "nope"');
    expect(result.stderr).toContain('content:check failed (1 scenarios loaded');
  });

  it('rejects a bad --seeds value', () => {
    const result = run({ 'math/read.md': NUMERIC }, '--seeds', 'many');
    expect(result.status).toBe(2);
  });
});
