import type { Area, ScenarioSummary } from '../../bank/types.ts';
import type { Accuracy, Attempt } from '../../progress/attempts.ts';
import { AccuracyChart, type ChartPoint } from '../../views/accuracy-chart.tsx';
import { AccuracyMeter, displayTitle, formatDateTime, formatPercent, formatSeconds, VerdictBadge } from '../../views/components.tsx';
import type { ImportIssue, ImportSummary } from '../../progress/export.ts';
import { Layout } from '../../views/layout.tsx';
import { questionPath } from '../practice/variant-address.ts';

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
        Download every attempt as <a href="/progress/export.csv">CSV</a> (for a spreadsheet) or as <a href="/progress/export.json">JSON</a> (to import here or into
        another copy of this app; it keeps each result page).
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
  readonly byArea: ReadonlyMap<string, Accuracy>;
  readonly byObjective: ReadonlyMap<string, Accuracy>;
  readonly daily: readonly Accuracy[];
  readonly recent: readonly Attempt[];
  readonly toReview: readonly Attempt[];
  /** Running accuracy after each of the oldest attempts, for the chart when there is one day. */
  readonly running: readonly ChartPoint[];
  readonly scenarioTitle: (id: string) => ScenarioSummary['title'] | undefined;
  readonly importState?: ImportState | undefined;
}

function AccuracyTable({ caption, rows }: { caption: string; rows: ReadonlyArray<{ key: string; label: string; accuracy: Accuracy | undefined }> }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption.startsWith('By area') ? 'Area' : 'Objective'}</th>
          <th scope="col">Accuracy</th>
          <th scope="col" class="num">
            Correct
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">
              {row.label} <span class="muted">({row.key})</span>
            </th>
            <td>
              <AccuracyMeter accuracy={row.accuracy} />
            </td>
            <td class="num">{row.accuracy ? `${row.accuracy.correct} / ${row.accuracy.attempts}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProgressPage(props: ProgressPageProps) {
  const { areas, totalAttempts, overall, byArea, byObjective, daily, recent, toReview, running, scenarioTitle, importState } = props;
  const triedObjectives = areas.flatMap((a) => a.objectives).filter((o) => byObjective.has(o.id));
  return (
    <Layout title="Progress" current="progress">
      <h1>Your progress</h1>
      {importState ? <ImportOutcome state={importState} /> : null}
      {totalAttempts === 0 ? (
        <p class="lead">
          No attempts yet. <a href="/practice">Start practising</a> and your accuracy will appear here.
        </p>
      ) : (
        <p class="lead">
          {totalAttempts} {totalAttempts === 1 ? 'attempt' : 'attempts'}, {overall ? formatPercent(overall.accuracy) : '—'} accuracy overall ({overall?.correct ?? 0} fully correct).
        </p>
      )}
      {daily.length > 0 ? (
        <section aria-labelledby="over-time-heading">
          <h2 id="over-time-heading">Accuracy over time</h2>
          {daily.length >= 2 ? (
            <AccuracyChart
              id="daily-chart"
              title="Accuracy per day"
              description={`Mean score per day over ${daily.length} days, from ${daily[0]!.key} to ${daily[daily.length - 1]!.key}. The table below lists the same figures.`}
              points={daily.map((d) => ({ label: d.key.slice(5), value: d.accuracy, detail: `${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'}` }))}
            />
          ) : (
            // A single day is a single dot: show the day's trend attempt by attempt instead.
            <>
              <AccuracyChart
                id="running-chart"
                title="Running accuracy, attempt by attempt"
                description={`Accuracy over your first ${running.length} ${running.length === 1 ? 'attempt' : 'attempts'} after each one, oldest first. The table under "Figures of this chart" lists the same values.`}
                points={running}
              />
              <details>
                <summary>Figures of this chart</summary>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Attempt</th>
                      <th scope="col">Verdict</th>
                      <th scope="col" class="num">
                        Running accuracy
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {running.map((p) => (
                      <tr>
                        <th scope="row">{p.label}</th>
                        <td>{p.detail}</td>
                        <td class="num">{formatPercent(p.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </>
          )}
          <table>
            <caption>Accuracy per day (UTC)</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" class="num">
                  Attempts
                </th>
                <th scope="col" class="num">
                  Correct
                </th>
                <th scope="col" class="num">
                  Accuracy
                </th>
              </tr>
            </thead>
            <tbody>
              {daily.map((d) => (
                <tr>
                  <th scope="row">{d.key}</th>
                  <td class="num">{d.attempts}</td>
                  <td class="num">{d.correct}</td>
                  <td class="num">{formatPercent(d.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <h2>By area and objective</h2>
      <AccuracyTable caption="By area" rows={areas.map((a) => ({ key: a.id, label: displayTitle(a.title), accuracy: byArea.get(a.id) }))} />
      {triedObjectives.length > 0 ? (
        <AccuracyTable caption="By objective (those you have tried)" rows={triedObjectives.map((o) => ({ key: o.id, label: displayTitle(o.text), accuracy: byObjective.get(o.id) }))} />
      ) : null}
      {toReview.length > 0 ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Mistakes to review</h2>
          <p class="muted">Questions whose latest answer was not fully right. Try the same variant again, or read its result.</p>
          <ul class="review">
            {toReview.map((a) => (
              <li>
                <VerdictBadge verdict={a.verdict} /> <a href={questionPath(a.scenarioId, a.seed)}>{scenarioTitle(a.scenarioId) ?? a.scenarioId}</a>{' '}
                <span class="muted">#{a.seed}</span> · <a href={`/attempts/${a.id}`}>your result</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {recent.length > 0 ? (
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
              {recent.map((a) => (
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
        </section>
      ) : null}
      <RecordSection rejected={importState?.kind === 'rejected'} />
    </Layout>
  );
}
