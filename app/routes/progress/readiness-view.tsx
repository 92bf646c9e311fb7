/** The progress page's first sections: readiness, mastery per objective, and calibration. */
import type { Area } from '../../bank/types.ts';
import { type CalibrationRow, CONFIDENCE_LABELS, READINESS_METHOD, type ReadinessReport } from '../../progress/mastery.ts';
import { type Interval, MIN_ANSWERS_FOR_ESTIMATE, type Readiness } from '../../progress/readiness.ts';
import { BarChart } from '../../views/bar-chart.tsx';
import { displayTitle, formatPercent } from '../../views/components.tsx';

export function formatRange(interval: Interval): string {
  return `${Math.round(interval.low * 100)}–${formatPercent(interval.high)}`;
}

/** "18 points below", "3 points above", "at": the estimate against the pass mark. */
export function comparePassMark(estimate: number, passMark: number): { text: string; short: string; below: boolean } {
  const points = Math.round(estimate * 100) - Math.round(passMark * 100);
  if (points === 0) return { text: 'at the pass mark', short: 'at pass', below: false };
  const side = points < 0 ? 'below' : 'above';
  return { text: `${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'} ${side}`, short: `${Math.abs(points)} ${side}`, below: points < 0 };
}

/** The uncertainty of a readiness figure, in words. */
export function describeUncertainty(r: Pick<Readiness, 'answers' | 'right' | 'interval'>): string {
  if (!r.interval) return `Too few answers to tell (${r.answers} of ${MIN_ANSWERS_FOR_ESTIMATE})`;
  return `${r.right} of ${r.answers} right, 90% range ${formatRange(r.interval)}`;
}

export function ReadinessSection({ areas, report }: { areas: readonly Area[]; report: ReadinessReport }) {
  const { overall, passMark, coverage } = report;
  const versus = comparePassMark(overall.estimate, passMark);
  const titles = new Map<string, string>(areas.map((a) => [a.id, displayTitle(a.title)]));
  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Exam readiness</h2>
      <div class="readiness-summary">
        <p class="readiness-figure">
          <strong id="readiness-overall">{formatPercent(overall.estimate)}</strong> <span>ready overall</span>
        </p>
        <ul class="readiness-facts">
          <li>
            Pass mark {formatPercent(passMark)}: <strong class={versus.below ? 'below-pass' : 'above-pass'}>{versus.text}</strong>
          </li>
          <li>
            Recent answers per objective: <span id="readiness-uncertainty">{describeUncertainty(overall)}</span>
          </li>
          <li>
            Coverage: <strong id="readiness-coverage">{`${coverage.practised} of ${coverage.total}`}</strong> objectives of the study guide practised
          </li>
        </ul>
      </div>
      <table class="readiness-table">
        <caption>Readiness by area, points against the {formatPercent(passMark)} pass mark</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" class="num">
              Ready
            </th>
            <th scope="col">Recent answers per objective</th>
          </tr>
        </thead>
        <tbody>
          {report.byArea.map((r) => {
            const vs = comparePassMark(r.estimate, passMark);
            return (
              <tr id={`readiness-${r.key}`}>
                <th scope="row">
                  {titles.get(r.key) ?? r.key} <span class="muted">({r.key})</span>
                  <span class="cell-note">{`${r.practised} of ${r.objectives} objectives practised`}</span>
                </th>
                <td class="num">
                  {formatPercent(r.estimate)}
                  <span class={`cell-note nowrap ${vs.below ? 'below-pass' : 'above-pass'}`}>{vs.short}</span>
                </td>
                <td>
                  {r.interval ? (
                    <>
                      {`${r.right} of ${r.answers} right`}
                      <span class="cell-note">90% range {formatRange(r.interval)}</span>
                    </>
                  ) : (
                    <>
                      {`${r.right} of ${r.answers} right`}
                      <span class="cell-note">too few to tell</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint method" id="readiness-method">
        <strong>How this is worked out.</strong> {READINESS_METHOD}
      </p>
    </section>
  );
}

export function MasterySection({ areas, report }: { areas: readonly Area[]; report: ReadinessReport }) {
  const byArea = areas.map((a) => ({ area: a, objectives: report.objectives.filter((o) => o.area === a.id) }));
  const practised = report.objectives.filter((o) => o.practised).length;
  return (
    <section aria-labelledby="mastery-heading">
      <h2 id="mastery-heading">Mastery per objective</h2>
      <BarChart
        id="mastery-chart"
        class="mastery-chart"
        title="Mastery per objective, grouped by area"
        description={`One bar per objective of the study guide (${report.objectives.length}), grouped by area; ${practised} practised. A flat stub is an objective not practised yet. The dashed line is the ${formatPercent(report.passMark)} pass mark. The table under "Mastery table" lists the same figures.`}
        groups={byArea.map(({ area, objectives }) => ({
          label: area.id,
          bars: objectives.map((o) => ({
            value: o.practised ? o.mastery : null,
            title: o.practised
              ? `${o.objectiveId}: ${formatPercent(o.mastery)} (${o.right} of ${o.answers} recent answers right${o.recall === null ? '' : `, recall ${formatPercent(o.recall)}`})`
              : `${o.objectiveId}: not practised yet`,
          })),
        }))}
        reference={{ value: report.passMark, label: `pass ${formatPercent(report.passMark)}` }}
      />
      <details id="mastery-details">
        <summary>Mastery table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col" class="num">
                Mastery
              </th>
              <th scope="col" class="num">
                Recent right
              </th>
              <th scope="col" class="num">
                Recall now
              </th>
            </tr>
          </thead>
          {byArea.map(({ area, objectives }) => (
            <tbody>
              <tr>
                <th scope="colgroup" colspan={4} class="group-row">
                  {displayTitle(area.title)} <span class="muted">({area.id})</span>
                </th>
              </tr>
              {objectives.map((o) => (
                <tr id={`mastery-${o.objectiveId}`}>
                  <th scope="row">
                    <a href={`/practice/next?objective=${encodeURIComponent(o.objectiveId)}`}>{o.objectiveId}</a>{' '}
                    <span class="muted objective-text">{o.text}</span>
                  </th>
                  <td class="num">{o.practised ? formatPercent(o.mastery) : 'Not practised'}</td>
                  <td class="num">{o.practised ? `${o.right} / ${o.answers}` : '—'}</td>
                  <td class="num">{o.recall === null ? '—' : formatPercent(o.recall)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </details>
    </section>
  );
}

export function CalibrationSection({ rows }: { rows: readonly CalibrationRow[] }) {
  const stated = rows.filter((r) => r.confidence !== 'none').reduce((n, r) => n + r.answers, 0);
  return (
    <section aria-labelledby="calibration-heading">
      <h2 id="calibration-heading">Confidence and accuracy</h2>
      <p class="hint">
        {stated === 0
          ? 'Say how sure you are when you answer (sure, unsure or a guess) and this shows whether your confidence can be trusted.'
          : 'Well calibrated means your "sure" answers are nearly always right and your guesses less often.'}
      </p>
      <div class="calibration">
        <BarChart
          id="calibration-chart"
          class="calibration-chart"
          width={420}
          height={200}
          title="Accuracy by stated confidence"
          description={
            rows
              .map((r) => `${CONFIDENCE_LABELS[r.confidence]}: ${r.accuracy === null ? 'no answers' : `${formatPercent(r.accuracy)} of ${r.answers}`}`)
              .join('; ') + '. The table beside it lists the same figures.'
          }
          groups={[
            {
              bars: rows.map((r) => ({
                label: CONFIDENCE_LABELS[r.confidence],
                value: r.accuracy,
                note: r.answers === 0 ? 'none' : `${formatPercent(r.accuracy ?? 0)} of ${r.answers}`,
                title: `${CONFIDENCE_LABELS[r.confidence]}: ${r.right} of ${r.answers} fully right`,
              })),
            },
          ]}
        />
        <table id="calibration-table">
          <thead>
            <tr>
              <th scope="col">Confidence</th>
              <th scope="col" class="num">
                Answers
              </th>
              <th scope="col" class="num">
                Right
              </th>
              <th scope="col" class="num">
                Accuracy
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{CONFIDENCE_LABELS[r.confidence]}</th>
                <td class="num">{r.answers}</td>
                <td class="num">{r.right}</td>
                <td class="num">{r.accuracy === null ? '—' : formatPercent(r.accuracy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
