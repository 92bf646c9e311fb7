/**
 * The progress page serves a learner's record from memory while the store is unchanged, and
 * its rendered content while the day and each card's recall are unchanged. Every figure must stay
 * what the page computed before the cache: the reference below is that computation (the queries
 * of summary.ts, mastery.ts and activity.ts, run afresh per request), and the page must equal it
 * after every kind of write and every move of the clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bank } from '../../../app/bank/types.ts';
import { createApp } from '../../../app/create-app.ts';
import { openSqlite } from '../../../app/db/connection.ts';
import { type Db, inTransaction, tablesOf } from '../../../app/db/store.ts';
import { selectActivitySummary } from '../../../app/progress/activity.ts';
import { buildAttemptsExport, importAttempts, parseAttemptsImportText } from '../../../app/progress/export.ts';
import { selectCalibration, selectReadinessReport } from '../../../app/progress/mastery.ts';
import { insertProfile, mergeProfileInto } from '../../../app/progress/profiles.ts';
import { DEFAULT_PASS_MARK } from '../../../app/progress/readiness.ts';
import { upsertStudySettings } from '../../../app/progress/review-cards.ts';
import { selectProgressSummary } from '../../../app/progress/summary.ts';
import { selectAllAttempts } from '../../../app/progress/attempts.ts';
import { selectRecentSubmittedExams } from '../../../app/routes/progress/queries.ts';
import { cachedProgressRecord, selectProgressRecord } from '../../../app/routes/progress/record.ts';
import { toRunningAccuracy } from '../../../app/routes/progress/route.tsx';
import { ProgressContent } from '../../../app/routes/progress/view.tsx';
import { openTestStore, queryNumber, queryRows } from '../../helpers/database.ts';
import { Browser, createTestApp, loadContentBank, type TestApp } from '../../helpers/test-app.ts';
import { answerGraded, insertHandMadeAttempt, insertSubmittedExam } from './history.ts';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-03-02T09:00:00Z');

/** The lists as they were read before they left out the JSON columns: whole rows. */
async function wholeRows(db: Db, profileId: number) {
  const { attempts } = tablesOf(db);
  const latestIds = db
    .select({ id: sql<number>`max(${attempts.id})` })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .groupBy(attempts.scenarioId);
  return {
    recent: await db.select().from(attempts).where(eq(attempts.profileId, profileId)).orderBy(desc(attempts.createdAt), desc(attempts.id)).limit(20),
    toReview: await db
      .select()
      .from(attempts)
      .where(and(inArray(attempts.id, latestIds), ne(attempts.verdict, 'correct')))
      .orderBy(desc(attempts.id))
      .limit(10),
    oldest: await db.select().from(attempts).where(eq(attempts.profileId, profileId)).orderBy(asc(attempts.createdAt), asc(attempts.id)).limit(50),
  };
}

/** The page's content as it was computed before the cache: every query run for this request. */
async function referenceContent(db: Db, bank: Bank, profileId: number | undefined, now: Date): Promise<string> {
  const summary = await selectProgressSummary(db, profileId);
  const rows = profileId === undefined ? { recent: [], toReview: [], oldest: [] } : await wholeRows(db, profileId);
  return String(
    ProgressContent({
      areas: bank.areas,
      totalAttempts: summary.totalAttempts,
      overall: summary.overall,
      readiness: await selectReadinessReport(db, bank, profileId, now, DEFAULT_PASS_MARK),
      calibration: await selectCalibration(db, profileId),
      activity: await selectActivitySummary(db, profileId, now),
      daily: summary.daily,
      running: toRunningAccuracy(rows.oldest),
      toReview: rows.toReview,
      exams: await selectRecentSubmittedExams(db, profileId),
      recent: rows.recent,
      scenarioTitle: (id) => bank.get(id)?.title,
    }),
  );
}

/** The content inside the layout's <main>, from the first heading to the end of the reference's length. */
function contentOf(page: string, expectedLength: number): string {
  const start = page.indexOf('<h1>');
  return page.slice(start, start + expectedLength);
}

/** The count in the page's lead paragraph. */
function attemptsShown(page: string): number | undefined {
  const match = /<p class="lead">(\d+) attempts/.exec(page);
  return match ? Number(match[1]) : undefined;
}

/** Equal strings, or a failure that shows where they first differ rather than 100 KB of page. */
function expectSameHtml(actual: string, expected: string): void {
  if (actual === expected) return;
  let at = 0;
  while (at < Math.min(actual.length, expected.length) && actual[at] === expected[at]) at++;
  expect(actual.slice(Math.max(0, at - 120), at + 120)).toBe(expected.slice(Math.max(0, at - 120), at + 120));
  expect(actual.length).toBe(expected.length);
}

describe('the progress page with a cached record', () => {
  let now = START;
  let testApp: TestApp;
  let browser: Browser;
  let profileId: number;
  let other: number;

  async function expectPageAsBefore(who: number | undefined = profileId): Promise<string> {
    const response = await browser.request('/progress');
    expect(response.status).toBe(200);
    const page = await response.text();
    const reference = await referenceContent(testApp.database.db, testApp.bank, who, new Date(now));
    expectSameHtml(contentOf(page, reference.length), reference);
    expect(page.startsWith('</main>', page.indexOf('<h1>') + reference.length)).toBe(true);
    return page;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock: { now: () => new Date(now) } });
    browser = new Browser(testApp.app);
    const { bank, database } = testApp;
    const db = database.db;
    // The browser's profile comes from its first answer, through the form as a learner gives it.
    const first = bank.scenarios.find((s) => s.kind === 'choice')!;
    const { answerFields, readSubmissionToken } = await import('../../helpers/test-app.ts');
    const path = `/q/${encodeURIComponent(first.id)}/1`;
    const form = await (await browser.request(path)).text();
    await browser.postForm(path, [['token', readSubmissionToken(form)], ['shownAt', String(now)], ...answerFields(bank.referenceAnswer(first.id, 1))]);
    profileId = await queryNumber(database, 'select max(id) as id from profiles');
    other = (await insertProfile(db, 'other-learner', new Date(START))).id;

    // 300 graded answers over 40 days, several a day on some, none on others; every kind the
    // helper can answer wrongly, right and wrong, with and without a stated confidence.
    const families = bank.scenarios.filter((s) => s.kind === 'choice' || s.kind === 'multi' || s.kind === 'numeric').slice(0, 60);
    const confidences = ['sure', 'unsure', 'guess', null] as const;
    for (let i = 0; i < 300; i++) {
      const family = families[(i * 7) % families.length]!;
      const at = new Date(START + Math.floor(i / 9) * DAY + (i % 9) * 60 * 60 * 1000 + (i >= 200 ? 5 * DAY : 0));
      await answerGraded(db, bank, profileId, family.id, 100 + i, i % 3 !== 0 && i % 7 !== 0, at, confidences[i % 4]!);
    }
    // Answers the bank would not give: a "correct" verdict that failed an essential check, and partial credit.
    const objectives = bank.areas.flatMap((a) => a.objectives.map((o) => o.id));
    for (let i = 0; i < 30; i++) {
      await insertHandMadeAttempt(db, {
        profileId,
        at: new Date(START + 20 * DAY + i * 1000),
        objectives: [objectives[i % objectives.length]!, objectives[(i * 5 + 1) % objectives.length]!],
        verdict: i % 3 === 0 ? 'partial' : 'correct',
        essentialPassed: i % 2 === 0 ? false : null,
        confidence: i % 4 === 0 ? 'sure' : null,
      });
    }
    await insertSubmittedExam(db, profileId, new Date(START + 10 * DAY), 0.8);
    await insertSubmittedExam(db, profileId, new Date(START + 12 * DAY), 0.5);
    await insertSubmittedExam(db, profileId, new Date(START + 13 * DAY), 0.9, 'running');
    // Another learner's history, to import and to merge below.
    for (let i = 0; i < 40; i++) await answerGraded(db, bank, other, families[i % families.length]!.id, 900 + i, i % 2 === 0, new Date(START + i * DAY));
    now = START + 60 * DAY;
  });
  afterAll(() => testApp.close());

  it('shows the same figures as the uncached computation, request after request', async () => {
    const page = await expectPageAsBefore();
    expect(attemptsShown(page)).toBe(331);
    expect((await expectPageAsBefore()) === page).toBe(true);
  });

  it('moves with the clock: within the day, into the next day, and weeks later', async () => {
    now += 60 * 60 * 1000;
    await expectPageAsBefore();
    now += DAY;
    await expectPageAsBefore();
    now += 30 * DAY + 7 * 60 * 60 * 1000;
    await expectPageAsBefore();
  });

  it("stays as it was through another learner's answer", async () => {
    const before = await expectPageAsBefore();
    const family = testApp.bank.scenarios.find((s) => s.kind === 'choice')!;
    await answerGraded(testApp.database.db, testApp.bank, other, family.id, 4242, true, new Date(now));
    expect((await expectPageAsBefore()) === before).toBe(true);
  });

  it('shows an answer given since the last request', async () => {
    const before = await expectPageAsBefore();
    const family = testApp.bank.scenarios.find((s) => s.kind === 'numeric')!;
    await answerGraded(testApp.database.db, testApp.bank, profileId, family.id, 7777, false, new Date(now));
    const after = await expectPageAsBefore();
    expect(after === before).toBe(false);
    expect(attemptsShown(after)).toBe(332);
  });

  it('follows a change of study settings, a submitted exam, an import and a merge', async () => {
    const { db } = testApp.database;
    await upsertStudySettings(db, profileId, { targetRetention: 0.8, newPerDay: 5 });
    await expectPageAsBefore();
    await insertSubmittedExam(db, profileId, new Date(now), 0.66);
    await expectPageAsBefore();

    const exported = buildAttemptsExport(await selectAllAttempts(db, other), (id) => testApp.bank.get(id)?.title, new Date(now));
    const merged = (await insertProfile(db, 'to-merge', new Date(now))).id;
    const parsed = parseAttemptsImportText(JSON.stringify(exported));
    if (!parsed.ok) throw new Error('the export did not parse');
    // Into a third profile (another learner's tokens are refused), then that profile merged in.
    await queryRows(testApp.database, sql`update attempts set submission_token = 'copy-' || submission_token where profile_id = ${other} returning id`);
    await importAttempts(db, merged, parsed.rows);
    await expectPageAsBefore();
    await mergeProfileInto(db, merged, profileId);
    const page = await expectPageAsBefore();
    // The other learner's 40 answers and the one given above, imported and merged.
    expect(attemptsShown(page)).toBe(332 + 41);
  });

  it('shows the empty page to a visitor without a record', async () => {
    const visitor = new Browser(testApp.app);
    const page = await (await visitor.request('/progress')).text();
    const reference = await referenceContent(testApp.database.db, testApp.bank, undefined, new Date(now));
    expectSameHtml(contentOf(page, reference.length), reference);
  });
});

describe('the progress page over a bank that reloads', () => {
  it("renders again when the bank is reloaded with new titles, the learner's record unchanged", async () => {
    const loaded = loadContentBank();
    let reloaded = false;
    const renamedScenarios = loaded.scenarios.map((s) => ({ ...s, title: `Renamed: ${s.title}` }));
    // As a live bank does: the same object, whose lists and lookups switch to the new load.
    const bank = new Proxy(loaded, {
      get(target, property, receiver) {
        if (reloaded && property === 'scenarios') return renamedScenarios;
        if (reloaded && property === 'get') return (id: string) => renamedScenarios.find((s) => s.id === id);
        return Reflect.get(target, property, receiver);
      },
    });
    const store = await openTestStore();
    const { db, changeVersion } = store;
    try {
      const app = createApp({ db, changeVersion, bank, logger: { info: () => {}, error: () => {} }, clock: { now: () => new Date(START + DAY) } });
      await insertProfile(db, 'reader', new Date(START));
      const profile = await queryNumber(store, "select id from profiles where token = 'reader'");
      await answerGraded(db, loaded, profile, loaded.scenarios.find((s) => s.kind === 'choice')!.id, 1, false, new Date(START));
      const read = async () => (await app.request('/progress', { headers: { Cookie: 'learner=reader' } })).text();
      expect((await read()).includes('Renamed: ')).toBe(false);
      reloaded = true;
      expect((await read()).includes('Renamed: ')).toBe(true);
    } finally {
      await store.close();
    }
  });
});

/** About SQLite's change counters (Store.changeVersion), so on SQLite whatever the tests' store. */
describe('cachedProgressRecord', () => {
  const bank = loadContentBank();

  it('returns the record it read while nothing is written, and reads again after any write', async () => {
    const { db, changeVersion, close } = openSqlite(':memory:');
    try {
      const profile = (await insertProfile(db, 'p', new Date(START))).id;
      const scenario = bank.scenarios.find((s) => s.kind === 'choice')!.id;
      await answerGraded(db, bank, profile, scenario, 1, true, new Date(START));
      const first = await cachedProgressRecord(db, changeVersion, profile);
      expect(await cachedProgressRecord(db, changeVersion, profile)).toBe(first);
      // Another learner's answer makes it read again, and what reads the same is kept as it was.
      const someoneElse = (await insertProfile(db, 'q', new Date(START))).id;
      await answerGraded(db, bank, someoneElse, scenario, 1, false, new Date(START));
      expect(await cachedProgressRecord(db, changeVersion, profile)).toBe(first);
      await answerGraded(db, bank, profile, scenario, 2, false, new Date(START + DAY));
      const second = await cachedProgressRecord(db, changeVersion, profile);
      expect(second.totalAttempts).toBe(2);
      expect(second).toEqual(await selectProgressRecord(db, profile));
      expect(await cachedProgressRecord(db, changeVersion, profile)).toBe(second);
    } finally {
      await close();
    }
  });

  it('sees a write committed by another connection to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-cache-'));
    const path = join(dir, 'store.db');
    const reader = openSqlite(path);
    const writer = openSqlite(path);
    try {
      const profile = (await insertProfile(writer.db, 'p', new Date(START))).id;
      const scenario = bank.scenarios.find((s) => s.kind === 'choice')!.id;
      await answerGraded(writer.db, bank, profile, scenario, 1, true, new Date(START));
      expect((await cachedProgressRecord(reader.db, reader.changeVersion, profile)).totalAttempts).toBe(1);
      await answerGraded(writer.db, bank, profile, scenario, 2, true, new Date(START + DAY));
      expect((await cachedProgressRecord(reader.db, reader.changeVersion, profile)).totalAttempts).toBe(2);
    } finally {
      await reader.close();
      await writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never keeps what it read inside a transaction that is then rolled back', async () => {
    const { db, changeVersion, close } = openSqlite(':memory:');
    try {
      const profile = (await insertProfile(db, 'p', new Date(START))).id;
      const scenario = bank.scenarios.find((s) => s.kind === 'choice')!.id;
      await answerGraded(db, bank, profile, scenario, 1, true, new Date(START));
      await expect(
        inTransaction(db, async (tx) => {
          await insertHandMadeAttempt(tx, { profileId: profile, at: new Date(START), objectives: ['core.x'] });
          expect((await cachedProgressRecord(db, changeVersion, profile)).totalAttempts).toBe(2);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await cachedProgressRecord(db, changeVersion, profile)).totalAttempts).toBe(1);
    } finally {
      await close();
    }
  });
});
