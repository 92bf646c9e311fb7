import type { Area, ScenarioSummary } from '../../bank/types.ts';
import type { ActivitySummary } from '../../progress/activity.ts';
import type { Accuracy, ListedAttempt } from '../../progress/attempts.ts';
import type { ImportIssue, ImportSummary } from '../../progress/export.ts';
import type { CalibrationRow, ReadinessReport } from '../../progress/mastery.ts';
import type { ChartPoint } from '../../views/accuracy-chart.tsx';
import { displayTitle, formatDateTime, formatPercent, formatSeconds, VerdictBadge } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { questionPath } from '../practice/variant-address.ts';
import { ActivitySection } from './activity-view.tsx';
import type { ExamHistoryRow } from './queries.ts';
import { CalibrationSection, MasterySection, ReadinessSection } from './readiness-view.tsx';

/** The outcome of POST /progress/import, shown at the top of the page it answers with. */
export type ImportState =
  | { readonly kind: 'imported'; readonly summary: ImportSummary }
  | { readonly kind: 'rejected'; readonly issues: readonly ImportIssue[]; readonly total: number };

/** Stated in the README too: create-app's limit for the import routes. */
export const IMPORT_LIMIT_TEXT = '20 MB';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function issueLocation(issue: ImportIssue): string {
  return issue.row === null ? issue.field : `attempts[${issue.row}].${issue.field}`;
}

function ImportOutcome({ state }: { state: ImportState }) {
  if (state.kind === 'imported') {
    const { imported, alreadyThere, refusedRows } = state.summary;
    return (
      <div class="notice" role="status" id="import-outcome">
        <p>
          Imported {plural(imported, 'attempt', 'attempts')}; {plural(alreadyThere, 'was', 'were')} already in your record.
          {refusedRows.length > 0
            ? ` ${plural(refusedRows.length, 'row was', 'rows were')} refused because another learner already holds their submission token (${refusedRows.map((r) => `attempts[${r}]`).join(', ')}).`
            : ''}
        </p>
      </div>
    );
  }
  return (
    <div class="error-box" role="alert" id="import-outcome">
      <p>
        <strong>Nothing was imported.</strong> {plural(state.total, 'problem', 'problems')} in the file:
      </p>
      <ul>
        {state.issues.map((issue) => (
          <li>
            <a href="#import-file">
              <code>{issueLocation(issue)}</code>
            </a>
            : {issue.message}
          </li>
        ))}
      </ul>
      {state.total > state.issues.length ? <p>…and {state.total - state.issues.length} more.</p> : null}
    </div>
  );
}

function RecordSection({ rejected }: { rejected: boolean }) {
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">Your record</h2>
      <p>
        Download every attempt as <a href="/progress/export.csv">CSV</a> (for a spreadsheet) or as <a href="/progress/export.json">JSON</a> (to import here or
        into another copy of this app; it keeps each result page).
      </p>
      <form method="post" action="/progress/import" enctype="multipart/form-data">
        <fieldset>
          <legend>Import a JSON export</legend>
          <div class="field">
            <label for="import-file">JSON file</label>
            <input
              type="file"
              id="import-file"
              name="file"
              accept=".json,application/json"
              aria-describedby="import-hint"
              aria-invalid={rejected ? 'true' : undefined}
            />
          </div>
          <label for="import-json">Or paste its text</label>
          <textarea id="import-json" name="json" rows={4} aria-describedby="import-hint" aria-invalid={rejected ? 'true' : undefined}></textarea>
          <p class="hint" id="import-hint">
            Up to {IMPORT_LIMIT_TEXT}. Attempts already in your record are skipped, so importing the same file twice adds nothing.
          </p>
          <button type="submit">Import</button>
        </fieldset>
      </form>
    </section>
  );
}

export interface ProgressPageProps {
  readonly areas: readonly Area[];
  readonly totalAttempts: number;
  readonly overall: Accuracy | undefined;
  readonly readiness: ReadinessReport;
  readonly calibration: readonly CalibrationRow[];
  readonly activity: ActivitySummary;
  readonly daily: readonly Accuracy[];
  /** Running accuracy after each of the oldest attempts, for the chart when there is one day. */
  readonly running: readonly ChartPoint[];
  readonly toReview: readonly ListedAttempt[];
  readonly exams: readonly ExamHistoryRow[];
  readonly recent: readonly ListedAttempt[];
  readonly scenarioTitle: (id: string) => ScenarioSummary['title'] | undefined;
  readonly importState?: ImportState | undefined;
}

function MistakesSection({ toReview, scenarioTitle }: Pick<ProgressPageProps, 'toReview' | 'scenarioTitle'>) {
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Mistakes to review</h2>
      {toReview.length > 0 ? (
        <p class="actions">
          <a class="button" href="/drill">
            Drill your mistakes
          </a>
          <span class="hint">Each comes back as a new variant until you answer it right twice in a row.</span>
        </p>
      ) : null}
      {toReview.length === 0 ? (
        <p class="muted">No mistakes waiting: the latest answer to every question you tried was fully right.</p>
      ) : (
        <>
          <p class="muted">Questions whose latest answer was not fully right. Try the same variant again, or read its result.</p>
          <ul class="review">
            {toReview.map((a) => (
              <li>
                <VerdictBadge verdict={a.verdict} /> <a href={questionPath(a.scenarioId, a.seed)}>{scenarioTitle(a.scenarioId) ?? a.scenarioId}</a>{' '}
                <span class="muted">#{a.seed}</span> · <a href={`/attempts/${a.id}`}>your result</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ExamHistorySection({ exams, areaTitle }: { exams: readonly ExamHistoryRow[]; areaTitle: (id: string) => string }) {
  return (
    <section aria-labelledby="exams-heading">
      <h2 id="exams-heading">Mock exams</h2>
      {exams.length === 0 ? (
        <p class="muted">
          No mock exam submitted yet. <a href="/exams">Take a timed mock exam</a> to see a score by area.
        </p>
      ) : (
        <table id="exam-history">
          <caption>
            Your last {exams.length === 1 ? 'exam' : `${exams.length} exams`} · <a href="/exams">all exams</a>
          </caption>
          <thead>
            <tr>
              <th scope="col">Submitted</th>
              <th scope="col">Scope</th>
              <th scope="col" class="num">
                Score
              </th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {exams.map((e) => (
              <tr>
                <td>
                  <a href={`/exams/${e.id}`}>{formatDateTime(e.submittedAt)}</a>
                </td>
                <td>
                  {e.area ? areaTitle(e.area) : 'Whole guide'}, {e.questionCount} questions{e.timedOut ? ' (time ran out)' : ''}
                </td>
                <td class="num">{formatPercent(e.score)}</td>
                <td>
                  <span class={`badge ${e.passed ? 'badge-correct' : 'badge-incorrect'}`}>{e.passed ? 'Passed' : 'Failed'}</span>{' '}
                  <span class="muted">pass mark {formatPercent(e.passMark)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The API lists more; the page keeps to a screenful and points to the full export. */
export const RECENT_ON_PAGE = 10;

function RecentSection({ recent, scenarioTitle }: Pick<ProgressPageProps, 'recent' | 'scenarioTitle'>) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent attempts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Question</th>
            <th scope="col">Verdict</th>
            <th scope="col" class="num">
              Score
            </th>
            <th scope="col" class="num">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {recent.slice(0, RECENT_ON_PAGE).map((a) => (
            <tr>
              <td>
                <a href={`/attempts/${a.id}`}>{formatDateTime(a.createdAt)}</a>
              </td>
              <td>
                <a href={questionPath(a.scenarioId, a.seed)}>{scenarioTitle(a.scenarioId) ?? a.scenarioId}</a> <span class="muted">#{a.seed}</span>
              </td>
              <td>
                <VerdictBadge verdict={a.verdict} />
              </td>
              <td class="num">{formatPercent(a.score)}</td>
              <td class="num">{formatSeconds(a.secondsTaken)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {recent.length > RECENT_ON_PAGE ? (
        <p class="hint">
          The latest {RECENT_ON_PAGE}; every attempt is in the <a href="#record-heading">download of your record</a>.
        </p>
      ) : null}
    </section>
  );
}

export function ProgressPage(props: ProgressPageProps) {
  return (
    <Layout title="Progress" current="progress">
      <ProgressContent {...props} />
    </Layout>
  );
}

/** Everything inside the layout: a function of the props alone (it reads no request), so the route may keep its HTML. */
export function ProgressContent(props: ProgressPageProps) {
  const { areas, totalAttempts, overall, readiness, importState } = props;
  const areaTitle = (id: string) => displayTitle(areas.find((a) => a.id === id)?.title ?? id);
  return (
    <>
      <h1>Your progress</h1>
      {importState ? <ImportOutcome state={importState} /> : null}
      {totalAttempts === 0 ? (
        <>
          <p class="lead">
            No attempts yet. <a href="/practice">Start practising</a>: your exam readiness, mastery of each objective and your activity appear here.
          </p>
          <p class="muted" id="readiness-coverage">
            {`0 of ${readiness.coverage.total} objectives`} of the study guide practised so far; readiness counts every one of them.
          </p>
        </>
      ) : (
        <>
          <p class="lead">
            {totalAttempts} {totalAttempts === 1 ? 'attempt' : 'attempts'}, {overall ? formatPercent(overall.accuracy) : '—'} accuracy overall (
            {overall?.correct ?? 0} fully correct).
          </p>
          <ReadinessSection areas={areas} report={readiness} />
          <MasterySection areas={areas} report={readiness} />
          <CalibrationSection rows={props.calibration} />
          <ActivitySection activity={props.activity} daily={props.daily} running={props.running} />
          <MistakesSection toReview={props.toReview} scenarioTitle={props.scenarioTitle} />
          <ExamHistorySection exams={props.exams} areaTitle={areaTitle} />
          <RecentSection recent={props.recent} scenarioTitle={props.scenarioTitle} />
        </>
      )}
      <RecordSection rejected={importState?.kind === 'rejected'} />
    </>
  );
}
