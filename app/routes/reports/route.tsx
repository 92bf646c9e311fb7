/** For authors: the problems learners reported, each linked to the exact variant they saw. */
import { Hono } from 'hono';
import { selectQuestionReports } from '../../progress/question-reports.ts';
import { formatDateTime } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import type { AppEnv } from '../app-env.ts';
import { loadLearner } from '../../auth/identity.ts';
import { questionPath } from '../practice/variant-address.ts';

export const reportsRoutes = new Hono<AppEnv>().get('/authoring/reports', loadLearner, (c) => {
  const { db, bank } = c.var.deps;
  const reports = selectQuestionReports(db);
  return c.html(
    <Layout title="Question reports" current="reports">
      <h1>Question reports</h1>
      <p>Problems learners reported, newest first. Each link opens the variant exactly as the learner saw it.</p>
      {reports.length === 0 ? (
        <p class="muted">No open reports.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Variant</th>
              <th scope="col">File</th>
              <th scope="col">Report</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>
                  <a href={questionPath(r.scenarioId, r.seed)}>
                    {r.scenarioId} #{r.seed}
                  </a>
                </td>
                <td>
                  <code>{bank.get(r.scenarioId)?.file ?? 'removed'}</code>
                </td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>,
  );
});
