import type { Context } from 'hono';
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { Bank } from '../../bank/types.ts';
import { selectAllAttempts, type Attempt } from '../../progress/attempts.ts';
import { attemptsToCsv, buildAttemptsExport, importAttempts, parseAttemptsImportText } from '../../progress/export.ts';
import { summariseActivity, utcDay } from '../../progress/activity.ts';
import { buildCalibration, buildReadinessReport, recallByFamily } from '../../progress/mastery.ts';
import { DEFAULT_PASS_MARK } from '../../progress/readiness.ts';
import type { ChartPoint } from '../../views/accuracy-chart.tsx';
import { verdictLabel } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import type { AppEnv } from '../app-env.ts';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import { InvalidInputError } from '../request-errors.ts';
import { cachedProgressRecord, type ProgressRecord } from './record.ts';
import { type ImportState, ProgressContent, ProgressPage, type ProgressPageProps } from './view.tsx';

/** Point n is the mean score of attempts 1..n. */
export function toRunningAccuracy(attempts: readonly Pick<Attempt, 'score' | 'verdict'>[]): ChartPoint[] {
  let total = 0;
  return attempts.map((a, i) => {
    total += a.score;
    return { label: `#${i + 1}`, value: total / (i + 1), detail: verdictLabel(a.verdict) };
  });
}

/** The page's props from the learner's record (undefined: no record yet) seen at `now`, recall already computed. */
function progressProps(
  bank: Bank,
  record: ProgressRecord | undefined,
  recall: ReadonlyMap<string, number>,
  now: Date,
  importState: ImportState | undefined,
): ProgressPageProps {
  return {
    areas: bank.areas,
    totalAttempts: record?.totalAttempts ?? 0,
    overall: record?.overall,
    readiness: buildReadinessReport(bank, record?.recentRight ?? new Map(), recall, DEFAULT_PASS_MARK),
    calibration: record?.calibration ?? EMPTY_CALIBRATION,
    activity: summariseActivity(record?.dayCounts ?? [], now),
    daily: record?.daily ?? [],
    running: toRunningAccuracy(record?.oldest ?? []),
    toReview: record?.toReview ?? [],
    exams: record?.exams ?? [],
    recent: record?.recent ?? [],
    scenarioTitle: (id) => bank.get(id)?.title,
    importState,
  };
}

const EMPTY_CALIBRATION = buildCalibration([]);

interface RenderedContent {
  /** The bank's lists as they were: a live bank keeps its identity across a reload, its lists do not. */
  readonly areas: Bank['areas'];
  readonly scenarios: Bank['scenarios'];
  readonly key: string;
  /** UTF-8, ready to send: @hono/node-server writes a body of bytes far faster than a 100 KB string. */
  readonly bytes: Buffer;
}

/**
 * The last content rendered from each record. The content is a function of the record, the
 * bank's content (a reload replaces its lists), the UTC day (the heatmap, the streaks) and the
 * predicted recall of each card; recall moves in whole days since each card's last review
 * (ts-fsrs counts elapsed days with Math.floor), so the same key comes back all day and the
 * content is served as it was rendered.
 */
const renderedContent = new WeakMap<ProgressRecord, RenderedContent>();

/** The whole page, rendered now: for the import's answer, and for a visitor without a record. */
async function renderProgress(c: Context<AppEnv>, importState?: ImportState) {
  const { db, bank, clock, changeVersion } = c.var.deps;
  const profileId = c.var.profile?.id;
  const now = clock.now();
  const record = profileId === undefined ? undefined : await cachedProgressRecord(db, changeVersion, profileId);
  const recall = record ? recallByFamily(record.reviewCards, now, record.targetRetention) : new Map<string, number>();
  return <ProgressPage {...progressProps(bank, record, recall, now, importState)} />;
}

/** Where the content goes in the layout rendered around it; a comment, so it can never be content. */
const CONTENT_SLOT = '<!--progress-content-->';

/** GET /progress: the layout rendered for this request around the learner's content, rendered once per key. */
async function progressPage(c: Context<AppEnv>) {
  const { db, bank, clock, changeVersion } = c.var.deps;
  const profileId = c.var.profile?.id;
  if (profileId === undefined) return c.html(await renderProgress(c));
  const now = clock.now();
  const record = await cachedProgressRecord(db, changeVersion, profileId);
  const recall = recallByFamily(record.reviewCards, now, record.targetRetention);
  const key = `${utcDay(now)} ${[...recall.values()].join()}`;
  const kept = renderedContent.get(record);
  let bytes = kept?.areas === bank.areas && kept.scenarios === bank.scenarios && kept.key === key ? kept.bytes : undefined;
  if (bytes === undefined) {
    const rendered = (<ProgressContent {...progressProps(bank, record, recall, now, undefined)} />).toString();
    // Every section renders synchronously; were one to turn async, render it in full rather than keep a promise.
    if (typeof rendered !== 'string') return c.html(await renderProgress(c));
    bytes = Buffer.from(rendered);
    renderedContent.set(record, { areas: bank.areas, scenarios: bank.scenarios, key, bytes });
  }
  // The layout itself awaits a query (the review count in its navigation): rendered per request.
  const frame = await (
    <Layout title="Progress" current="progress">
      {raw(CONTENT_SLOT)}
    </Layout>
  ).toString();
  const at = frame.indexOf(CONTENT_SLOT);
  const page = Buffer.concat([Buffer.from(frame.slice(0, at)), bytes, Buffer.from(frame.slice(at + CONTENT_SLOT.length))]);
  return c.body(page, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
}

/** The learner's whole record, oldest first; empty (not an error) before the first answer. */
async function exportOf(c: Context<AppEnv>) {
  const { db, bank, clock } = c.var.deps;
  const attempts = c.var.profile ? await selectAllAttempts(db, c.var.profile.id) : [];
  return buildAttemptsExport(attempts, (id) => bank.get(id)?.title, clock.now());
}

/** `attempts-2026-03-01.json`: the day in the name tells two downloads apart. */
export function exportFileName(now: Date, extension: 'csv' | 'json'): string {
  return `attempts-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** The uploaded file when one was chosen, else the pasted text. */
async function readImportText(c: Context<AppEnv>): Promise<string> {
  let body: Record<string, string | File>;
  try {
    body = await c.req.parseBody();
  } catch (error) {
    // A broken multipart body makes the parser throw a bare TypeError: say what it is instead of a 500.
    throw new InvalidInputError('file', 'The upload could not be read; choose the file again.', { cause: error });
  }
  const file = body.file;
  if (file instanceof File && file.size > 0) return file.text();
  const pasted = typeof body.json === 'string' ? body.json.trim() : '';
  if (pasted !== '') return pasted;
  throw new InvalidInputError('file', 'Choose the JSON file of an export, or paste its text.');
}

export const progressRoutes = new Hono<AppEnv>()
  .get('/progress', loadLearner, progressPage)
  .get('/progress/export.json', loadLearner, async (c) => {
    c.header('Content-Disposition', `attachment; filename="${exportFileName(c.var.deps.clock.now(), 'json')}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(await exportOf(c));
  })
  .get('/progress/export.csv', loadLearner, async (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', `attachment; filename="${exportFileName(c.var.deps.clock.now(), 'csv')}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(attemptsToCsv((await exportOf(c)).attempts));
  })
  .post('/progress/import', loadLearner, async (c) => {
    let text: string;
    try {
      text = await readImportText(c);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return c.html(await renderProgress(c, { kind: 'rejected', issues: [{ row: null, field: error.field, message: error.message }], total: 1 }), 400);
    }
    const parsed = parseAttemptsImportText(text);
    if (!parsed.ok) return c.html(await renderProgress(c, { kind: 'rejected', issues: parsed.issues, total: parsed.total }), 400);
    // An empty export creates no profile: there is nothing to keep.
    const summary =
      parsed.rows.length === 0
        ? { imported: 0, alreadyThere: 0, refusedRows: [] }
        : await importAttempts(c.var.deps.db, (await ensureProfile(c)).id, parsed.rows);
    return c.html(await renderProgress(c, { kind: 'imported', summary }));
  });
