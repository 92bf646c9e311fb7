import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../../app/db/connection.ts';

describe('openSqlite', async () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the missing data directory, turns on WAL and foreign keys, and applies the migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddb-study-'));
    dirs.push(dir);
    const opened = openSqlite(join(dir, 'nested', 'app.db'));
    try {
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      const tables = opened.sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
        .pluck()
        .all();
      expect(tables).toEqual([
        'api_tokens',
        'attempts',
        'exam_questions',
        'exams',
        'profiles',
        'question_reports',
        'rate_limit_windows',
        'review_cards',
        'sandbox_keys',
        'sandbox_snapshots',
        'sessions',
        'study_settings',
        'users',
      ]);
    } finally {
      await opened.close();
    }
  });

  it('applies migrations once: reopening an existing file keeps its rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddb-study-'));
    dirs.push(dir);
    const path = join(dir, 'app.db');
    const first = openSqlite(path);
    first.sqlite.prepare('insert into profiles (token, created_at) values (?, ?)').run('cookie-1', Date.now());
    await first.close();
    const second = openSqlite(path);
    try {
      expect(second.sqlite.prepare('select count(*) from profiles').pluck().get()).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('rejects an attempt whose profile does not exist (foreign keys enforced)', async () => {
    const opened = openSqlite(':memory:');
    try {
      expect(() =>
        opened.sqlite
          .prepare(
            `insert into attempts (profile_id, submission_token, scenario_id, seed, area, objectives, params, answer, verdict, score, created_at)
             values (999, 't', 's', 1, 'math', '[]', '{}', '{}', 'correct', 1, 0)`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      await opened.close();
    }
  });
});
