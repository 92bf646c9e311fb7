/** The progress page's activity section: streaks, the calendar heatmap, and accuracy over time. */
import type { ActivitySummary } from '../../progress/activity.ts';
import { HEATMAP_WEEKS } from '../../progress/activity.ts';
import type { Accuracy } from '../../progress/attempts.ts';
import { AccuracyChart, type ChartPoint } from '../../views/accuracy-chart.tsx';
import { formatPercent } from '../../views/components.tsx';
import { HeatmapChart } from '../../views/heatmap-chart.tsx';

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

export function ActivitySection({ activity, daily, running }: { activity: ActivitySummary; daily: readonly Accuracy[]; running: readonly ChartPoint[] }) {
  const busiest = activity.days.reduce<{ date: string; answers: number } | undefined>(
    (best, d) => (best === undefined || d.answers > best.answers ? d : best),
    undefined,
  );
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <ul class="streaks">
        <li>
          Current streak <strong id="streak-current">{days(activity.currentStreak)}</strong>
        </li>
        <li>
          Longest streak <strong id="streak-longest">{days(activity.longestStreak)}</strong>
        </li>
        <li>
          Last {HEATMAP_WEEKS} weeks{' '}
          <strong id="activity-window">
            {activity.answersInWindow} {activity.answersInWindow === 1 ? 'answer' : 'answers'} on {days(activity.activeDaysInWindow)}
          </strong>
        </li>
      </ul>
      <p class="hint">
        A streak counts UTC days with at least one answer; it survives until a whole day passes without one.
        {busiest ? ` Your busiest day was ${busiest.date} (${busiest.answers} answers).` : ''}
      </p>
      <HeatmapChart id="activity-heatmap" from={activity.from} today={activity.today} days={activity.days} />
      <details>
        <summary>Days with answers</summary>
        <table id="activity-table">
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col" class="num">
                Answers
              </th>
            </tr>
          </thead>
          <tbody>
            {[...activity.days].reverse().map((d) => (
              <tr>
                <th scope="row">{d.date}</th>
                <td class="num">{d.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {daily.length > 0 ? <AccuracyOverTime daily={daily} running={running} /> : null}
    </section>
  );
}

function AccuracyOverTime({ daily, running }: { daily: readonly Accuracy[]; running: readonly ChartPoint[] }) {
  return (
    <details id="accuracy-over-time">
      <summary>Accuracy over time</summary>
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
            description={`Accuracy over your first ${running.length} ${running.length === 1 ? 'attempt' : 'attempts'} after each one, oldest first. The table "Running accuracy" lists the same values.`}
            points={running}
          />
          <table>
            <caption>Running accuracy</caption>
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
    </details>
  );
}
