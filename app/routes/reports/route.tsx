/**
 * For authors: the problems learners reported, each linked to the exact variant they saw, and
 * their triage: an open report is marked resolved (the file was fixed) or dismissed (nothing to
 * fix), with a note saying which change or why not.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { loadLearner } from '../../auth/identity.ts';
import {
  type QuestionReport,
  selectQuestionReports,
  selectTriagedQuestionReports,
  TRIAGE_STATUSES,
  triageQuestionReport,
} from '../../progress/question-reports.ts';
import { formatDateTime } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import type { AppEnv } from '../app-env.ts';
import { editPath } from '../authoring/view.tsx';
import { parseFormBody } from '../form-body.ts';
import { questionPath } from '../practice/variant-address.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';

const MAX_NOTE_CHARS = 2000;

const TriageSchema = z.object({
  status: z.enum(TRIAGE_STATUSES, { error: 'Choose resolved or dismissed.' }),
  note: z
    .string({ error: 'Write a note: what was changed, or why nothing was.' })
    .trim()
    .min(1, 'Write a note: what was changed, or why nothing was.')
    .max(MAX_NOTE_CHARS, `A note is at most ${MAX_NOTE_CHARS} characters.`),
});

const ReportIdSchema = z.coerce.number().int().positive();

function TriageForm({ report }: { report: QuestionReport }) {
  const prefix = `triage-${report.id}`;
  return (
    <form method="post" action={`/authoring/reports/${report.id}/triage`} class="triage-form">
      <fieldset>
        <legend>Triage report {report.id}</legend>
        <div class="option">
          <input type="radio" id={`${prefix}-resolved`} name="status" value="resolved" required />
          <label for={`${prefix}-resolved`}>Resolved: the file was fixed</label>
        </div>
        <div class="option">
          <input type="radio" id={`${prefix}-dismissed`} name="status" value="dismissed" required />
          <label for={`${prefix}-dismissed`}>Dismissed: nothing to fix</label>
        </div>
        <div class="field">
          <label for={`${prefix}-note`}>Note</label>
          <textarea id={`${prefix}-note`} name="note" required maxlength={MAX_NOTE_CHARS} rows={2} />
        </div>
        <button type="submit" class="button-secondary">
          Save triage
        </button>
      </fieldset>
    </form>
  );
}

export const reportsRoutes = new Hono<AppEnv>()
  .get('/authoring/reports', loadLearner, async (c) => {
    const { db, bank } = c.var.deps;
    const reports = await selectQuestionReports(db);
    const triaged = await selectTriagedQuestionReports(db);
    const justTriaged = Number(c.req.query('triaged'));
    return c.html(
      <Layout title="Question reports" current="reports">
        <h1>Question reports</h1>
        <p class="authoring-nav">
          <a href="/authoring">Families</a> · <a href="/authoring/new">New family</a> · <a href="/authoring/reports">Reports</a>
        </p>
        {Number.isInteger(justTriaged) && justTriaged > 0 ? (
          <p class="notice" role="status">
            Report {justTriaged} triaged.
          </p>
        ) : null}
        <p>
          Problems learners reported, newest first. Each link opens the variant exactly as the learner saw it; the family link opens its file in the editor.
        </p>
        {reports.length === 0 ? (
          <p class="muted">No open reports.</p>
        ) : (
          <ol class="report-list">
            {reports.map((r) => {
              const summary = bank.get(r.scenarioId);
              return (
                <li id={`report-${r.id}`} data-report={String(r.id)}>
                  <p>
                    <strong>{formatDateTime(r.createdAt)}</strong>:{' '}
                    <a href={questionPath(r.scenarioId, r.seed)}>
                      {r.scenarioId} #{r.seed}
                    </a>{' '}
                    {summary ? (
                      <>
                        (<a href={editPath(r.scenarioId)}>edit</a> <code>{summary.file}</code>)
                      </>
                    ) : (
                      <span class="muted">(removed)</span>
                    )}
                  </p>
                  <blockquote>{r.message}</blockquote>
                  <TriageForm report={r} />
                </li>
              );
            })}
          </ol>
        )}
        <h2>Triaged</h2>
        {triaged.length === 0 ? (
          <p class="muted">None yet.</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Variant</th>
                  <th scope="col">Report</th>
                  <th scope="col">Status</th>
                  <th scope="col">Note</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {triaged.map((r) => (
                  <tr data-triaged={String(r.id)}>
                    <td>
                      <a href={questionPath(r.scenarioId, r.seed)}>
                        {r.scenarioId} #{r.seed}
                      </a>
                    </td>
                    <td>{r.message}</td>
                    <td>{r.status}</td>
                    <td>{r.triageNote ?? ''}</td>
                    <td class="nowrap">{r.triagedAt ? formatDateTime(r.triagedAt) : '-'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Layout>,
    );
  })
  .post('/authoring/reports/:id/triage', loadLearner, async (c) => {
    const id = ReportIdSchema.safeParse(c.req.param('id'));
    if (!id.success) throw new InvalidInputError('id', 'A report id is a positive whole number.');
    const parsed = TriageSchema.safeParse(await parseFormBody(c));
    if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
    const { db, clock } = c.var.deps;
    const updated = await triageQuestionReport(db, {
      id: id.data,
      status: parsed.data.status,
      note: parsed.data.note,
      userId: c.var.user!.id,
      at: clock.now(),
    });
    if (!updated) throw new NotFoundError(`No open report has the id ${id.data}: it may have been triaged already.`);
    return c.redirect(`/authoring/reports?triaged=${updated.id}`, 303);
  });
