import type { DrillEntry } from '../../progress/drill.ts';
import { DRILL_RIGHT_IN_A_ROW } from '../../progress/drill.ts';
import { displayTitle, formatDateTime } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';

export interface DrillRow extends DrillEntry {
  readonly title: string;
  readonly areaTitle: string;
}

export function DrillPage({ queue, done }: { queue: readonly DrillRow[]; done: boolean }) {
  return (
    <Layout title="Mistakes drill" current="drill">
      <h1>Mistakes drill</h1>
      <p class="lead">
        Every family whose latest answer was not fully right, each served as a new variant until you answer it right {DRILL_RIGHT_IN_A_ROW} times in a row. A
        partly right answer, or one that fails an essential check, stays in the drill.
      </p>
      {queue.length === 0 ? (
        <section class="review-status" data-drill-empty aria-labelledby="drill-status">
          <h2 id="drill-status">{done ? 'Drill complete' : 'No mistakes to drill'}</h2>
          <p>
            {done ? 'Every mistake has been answered right twice in a row.' : 'Nothing you answered is waiting to be put right.'} Wrong answers from practice,
            review and exams land here.
          </p>
          <p class="actions">
            <a class="button" href="/practice">
              Practise
            </a>
            <a class="button button-secondary" href="/review">
              Review
            </a>
          </p>
        </section>
      ) : (
        <>
          <section class="review-status" aria-labelledby="drill-status">
            <h2 id="drill-status">
              <span data-drill-left={queue.length}>{queue.length} left</span>
            </h2>
            <p class="actions">
              <a class="button" href="/drill/next">
                Start the drill
              </a>
            </p>
          </section>
          <h2 id="drill-queue-heading">In the drill</h2>
          <table aria-labelledby="drill-queue-heading" class="drill-queue">
            <thead>
              <tr>
                <th scope="col">Question family</th>
                <th scope="col">Right in a row</th>
                <th scope="col">Last mistake</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((row) => (
                <tr data-drill-family={row.scenarioId}>
                  <th scope="row">
                    {row.title} <span class="muted">({displayTitle(row.areaTitle)})</span>
                  </th>
                  <td>
                    {row.rightInARow} of {DRILL_RIGHT_IN_A_ROW}
                  </td>
                  <td>
                    <a href={`/attempts/${row.lastWrongAttemptId}`}>{formatDateTime(row.lastWrongAt)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
