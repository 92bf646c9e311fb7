import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUser, selectOptionalUserByUsername } from '../../../app/auth/users.ts';
import { runUserCommand } from '../../../app/cli/user.ts';
import { openSqlite, type SqliteStore } from '../../../app/db/connection.ts';

let dir: string;
let database: SqliteStore;
let out: string[];
let err: string[];
const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'user-cli-'));
  database = openSqlite(join(dir, 'app.db'));
  out = [];
  err = [];
});
afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run user', () => {
  it('grants a role by username in any case, and lists the accounts', async () => {
    const now = new Date(Date.UTC(2026, 0, 5));
    await insertUser(database.db, { username: 'root', passwordHash: 'h', now });
    await insertUser(database.db, { username: 'Ada', passwordHash: 'h', now });
    expect(await runUserCommand(['--role', 'author', 'ada'], database, io)).toBe(0);
    expect(out).toEqual(['Ada: learner -> author.']);
    expect((await selectOptionalUserByUsername(database.db, 'ada'))?.role).toBe('author');
    out = [];
    expect(await runUserCommand(['--list'], database, io)).toBe(0);
    expect(out).toEqual(['username  role     created', 'Ada       author   2026-01-05', 'root      admin    2026-01-05']);
  });

  it('says so for an unknown user, changing nothing', async () => {
    expect(await runUserCommand(['--role', 'author', 'nobody'], database, io)).toBe(1);
    expect(err).toEqual(['No account is named "nobody". List them with: npm run user -- --list']);
  });

  it('names the roles for an unknown role', async () => {
    expect(await runUserCommand(['--role', 'owner', 'ada'], database, io)).toBe(2);
    expect(err).toEqual(['Unknown role "owner": use one of learner, author, admin.']);
  });

  it('prints the usage for anything else', async () => {
    expect(await runUserCommand([], database, io)).toBe(2);
    expect(err[0]).toMatch(/^Usage:/);
  });

  it('lists an empty database helpfully', async () => {
    expect(await runUserCommand(['--list'], database, io)).toBe(0);
    expect(out).toEqual(['No accounts yet. The first one to sign up becomes admin.']);
  });
});
