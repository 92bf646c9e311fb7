import type { Context } from 'hono';
import { Hono } from 'hono';
import { selectAllAttempts, type Attempt, selectOldestAttempts } from '../../progress/attempts.ts';
import { attemptsToCsv, buildAttemptsExport, importAttempts, parseAttemptsImportText } from '../../progress/export.ts';
import { selectActivitySummary } from '../../progress/activity.ts';
import { selectCalibration, selectReadinessReport } from '../../progress/mastery.ts';
import { DEFAULT_PASS_MARK } from '../../progress/readiness.ts';
import { selectProgressSummary } from '../../progress/summary.ts';
import type { ChartPoint } from '../../views/accuracy-chart.tsx';
import { verdictLabel } from '../../views/components.tsx';
import type { AppEnv } from '../app-env.ts';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import { InvalidInputError } from '../request-errors.ts';
import { selectRecentSubmittedExams } from './queries.ts';
import { type ImportState, ProgressPage } from './view.tsx';

const RUNNING_CHART_ATTEMPTS = 50;

/** Point n is the mean score of attempts 1..n. */
export function toRunningAccuracy(attempts: readonly Attempt[]): ChartPoint[] {
  let total = 0;
  return attempts.map((a, i) => {
    total += a.score;
    return { label: `#${i + 1}`, value: total / (i + 1), detail: verdictLabel(a.verdict) };
  });
}

function renderProgress(c: Context<AppEnv>, importState?: ImportState) {
  const { db, bank, clock } = c.var.deps;
  const profileId = c.var.profile?.id;
  const now = clock.now();
  const summary = selectProgressSummary(db, profileId);
  return (
    <ProgressPage
      areas={bank.areas}
      totalAttempts={summary.totalAttempts}
      overall={summary.overall}
      readiness={selectReadinessReport(db, bank, profileId, now, DEFAULT_PASS_MARK)}
      calibration={selectCalibration(db, profileId)}
      activity={selectActivitySummary(db, profileId, now)}
      daily={summary.daily}
      running={toRunningAccuracy(profileId !== undefined ? selectOldestAttempts(db, profileId, RUNNING_CHART_ATTEMPTS) : [])}
      toReview={summary.toReview}
      exams={selectRecentSubmittedExams(db, profileId)}
      recent={summary.recent}
      scenarioTitle={(id) => bank.get(id)?.title}
      importState={importState}
    />
  );
}

/** The learner's whole record, oldest first; empty (not an error) before the first answer. */
function exportOf(c: Context<AppEnv>) {
  const { db, bank, clock } = c.var.deps;
  const attempts = c.var.profile ? selectAllAttempts(db, c.var.profile.id) : [];
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
  .get('/progress', loadLearner, (c) => c.html(renderProgress(c)))
  .get('/progress/export.json', loadLearner, (c) => {
    c.header('Content-Disposition', `attachment; filename="${exportFileName(c.var.deps.clock.now(), 'json')}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(exportOf(c));
  })
  .get('/progress/export.csv', loadLearner, (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', `attachment; filename="${exportFileName(c.var.deps.clock.now(), 'csv')}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(attemptsToCsv(exportOf(c).attempts));
  })
  .post('/progress/import', loadLearner, async (c) => {
    let text: string;
    try {
      text = await readImportText(c);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return c.html(renderProgress(c, { kind: 'rejected', issues: [{ row: null, field: error.field, message: error.message }], total: 1 }), 400);
    }
    const parsed = parseAttemptsImportText(text);
    if (!parsed.ok) return c.html(renderProgress(c, { kind: 'rejected', issues: parsed.issues, total: parsed.total }), 400);
    // An empty export creates no profile: there is nothing to keep.
    const summary =
      parsed.rows.length === 0 ? { imported: 0, alreadyThere: 0, refusedRows: [] } : importAttempts(c.var.deps.db, ensureProfile(c).id, parsed.rows);
    return c.html(renderProgress(c, { kind: 'imported', summary }));
  });
