/**
 * The playground works on the account's saved sandbox (app/routes/playground/sandbox.ts): a table
 * created there is still listed after the app restarts on the same SQLite file, and with
 * DYNAMODB_SANDBOX_SYNC=always another instance on that file lists it at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, sandboxStoreOf } from '../../../app/create-app.ts';
import { openSqlite } from '../../../app/db/connection.ts';
import type { SandboxSync } from '../../../app/routes/dynamodb/index.ts';
import { CookieBrowser, ManualClock, TEST_SCRYPT_COST } from '../auth/account-app.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

let dir: string;
const opened: { close(): Promise<void> }[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'playground-saved-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});

const clock = new ManualClock();

function instance(file: string, sync: SandboxSync) {
  const database = openSqlite(file);
  opened.push(database);
  const errors: unknown[] = [];
  const app = createApp({
    db: database.db,
    bank: loadContentBank(),
    clock,
    passwordCost: TEST_SCRYPT_COST,
    logger: { info: () => {}, error: (message, error) => errors.push([message, error]) },
    dynamodb: { sandboxSync: sync },
  });
  return { app, errors };
}

/** The same cookies, sent to another instance (sessions live in the database). */
function sameBrowserOn(browser: CookieBrowser, app: ReturnType<typeof createApp>): CookieBrowser {
  const moved = new CookieBrowser(app);
  for (const [name, value] of browser.cookies) moved.cookies.set(name, value);
  return moved;
}

describe('the playground on a saved account sandbox', () => {
  it('lists a table created before a restart on the same file', async () => {
    const file = join(dir, 'restart.db');
    const first = instance(file, 'off');
    const ada = new CookieBrowser(first.app);
    await ada.signUp('saved-ada');
    const created = await ada.postForm('/playground/tables', { tableName: 'Kept', pkName: 'pk' });
    expect(created.status).toBeLessThan(400);
    await sandboxStoreOf(first.app)!.flush();
    await opened.splice(0)[0]!.close();

    const second = instance(file, 'off');
    const html = await (await sameBrowserOn(ada, second.app).request('/playground')).text();
    expect(html).toContain('Kept');
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  it('shows a table created through one instance on another at once with sync always', async () => {
    const file = join(dir, 'two.db');
    const a = instance(file, 'always');
    const b = instance(file, 'always');
    const ada = new CookieBrowser(a.app);
    await ada.signUp('saved-bob');
    expect((await sameBrowserOn(ada, b.app).request('/playground')).status).toBe(200);
    await ada.postForm('/playground/tables', { tableName: 'Shared', pkName: 'pk' });
    const html = await (await sameBrowserOn(ada, b.app).request('/playground')).text();
    expect(html).toContain('Shared');
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
