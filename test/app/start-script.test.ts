import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let server: ChildProcess | undefined;
let url: string;
let output = '';

// `npm start` runs the bundle scripts/start.mjs builds: one start proves the bundle finds what
// its modules read beside their sources (migrations/, style.css) and serves the pages.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dynamodb-study-start-'));
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: dir,
    env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'app.db'), CONTENT_DIR: join(ROOT, 'content') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (listening) resolve(listening);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
}, 120_000);

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/start.mjs', () => {
  it('serves from the compiled bundle, from any working directory, with the migrations applied', async () => {
    expect(output).toMatch(/Loaded \d+ scenarios from .* in \d+ ms \(\d+ files parsed, \d+ from the cache\)/);
    const question = await fetch(`${url}/q/math.query-read-units/5`);
    expect(question.status).toBe(200);
    expect(await question.text()).toContain('<form');
    // An answer is stored: the tables the migrations create exist.
    const answered = await fetch(`${url}/api/questions/math.query-read-units/5/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer: { kind: 'numeric', value: 1 } }),
    });
    expect(answered.status).toBe(200);
  });

  it('serves the stylesheet its module reads beside its source', async () => {
    const css = await fetch(`${url}/static/style.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('--');
  });
});
