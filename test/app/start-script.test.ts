import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

let dir: string;
let server: ServerProcess | undefined;
let url: string;
let output = '';

// `npm start` runs the bundle scripts/start.mjs builds: one start proves the bundle finds what
// its modules read beside their sources (migrations/, style.css) and serves the pages.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dynamodb-study-start-'));
  server = await startServerProcess(dir, { DATABASE_PATH: join(dir, 'app.db') });
  url = server.url;
  output = server.output();
}, 120_000);

afterAll(() => {
  server?.process.kill();
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
