/** /authoring's pages: the families list, the new-family form and the editor with its preview. */
import type { Preview } from '../../authoring/preview.ts';
import { TEMPLATE_DESCRIPTIONS, TEMPLATE_KINDS } from '../../authoring/templates.ts';
import type { Area, ContentError, ScenarioKind, ScenarioSummary } from '../../bank/types.ts';
import { MAX_SEED } from '../../bank/random.ts';
import type { QuestionReport } from '../../progress/question-reports.ts';
import { formatDateTime } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { questionPath } from '../practice/variant-address.ts';
import { CheckErrors, PreviewBody } from './preview-view.tsx';

export interface FamilyRow {
  readonly summary: ScenarioSummary;
  readonly openReports: number;
  /** The file's mtime; undefined when the file cannot be read. */
  readonly lastEdit: Date | undefined;
}

const KINDS: readonly ScenarioKind[] = ['choice', 'multi', 'numeric', 'request', 'design'];

export const editPath = (id: string): string => `/authoring/edit?id=${encodeURIComponent(id)}`;

function AuthoringNav() {
  return (
    <p class="authoring-nav">
      <a href="/authoring">Families</a> · <a href="/authoring/new">New family</a> · <a href="/authoring/reports">Reports</a>
    </p>
  );
}

export function NotLiveNotice() {
  return (
    <p class="error-box" role="note">
      This app was built without a reloadable bank (createApp's <code>authoring</code> option, which <code>npm start</code> passes), so it cannot preview or
      save files.
    </p>
  );
}

/**
 * The families list shows this many at a time: all 150-odd at once made a 110 KB page, 32,000 px
 * tall on a phone where each row stacks into a card.
 */
export const FAMILIES_PER_PAGE = 25;

/** Which slice of the matching families a page of the list shows. */
export interface FamiliesPaging {
  readonly page: number;
  readonly pages: number;
  /** The position of the page's first family among the matching ones, from 1. */
  readonly first: number;
  /** How many families the filter matches. */
  readonly matching: number;
}

function familiesPath(area: string | undefined, kind: string | undefined, page: number): string {
  const query = new URLSearchParams();
  if (area) query.set('area', area);
  if (kind) query.set('kind', kind);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text === '' ? '/authoring' : `/authoring?${text}`;
}

/** Previous, each page and next, as links that keep the filter (the list works without JavaScript). */
function FamiliesPager({ paging, area, kind }: { paging: FamiliesPaging; area: string | undefined; kind: string | undefined }) {
  if (paging.pages <= 1) return null;
  const numbers = Array.from({ length: paging.pages }, (_, i) => i + 1);
  return (
    <nav class="pager" aria-label="Pages of families">
      <ul>
        <li>{paging.page > 1 ? <a href={familiesPath(area, kind, paging.page - 1)}>Previous</a> : <span class="muted">Previous</span>}</li>
        {numbers.map((n) => (
          <li>
            <a href={familiesPath(area, kind, n)} aria-current={n === paging.page ? 'page' : undefined} aria-label={`Page ${n}`}>
              {n}
            </a>
          </li>
        ))}
        <li>{paging.page < paging.pages ? <a href={familiesPath(area, kind, paging.page + 1)}>Next</a> : <span class="muted">Next</span>}</li>
      </ul>
    </nav>
  );
}

export function FamiliesPage(props: {
  rows: readonly FamilyRow[];
  paging: FamiliesPaging;
  total: number;
  areas: readonly Area[];
  area: string | undefined;
  kind: string | undefined;
  loadErrors: readonly ContentError[];
  live: boolean;
}) {
  const { rows, paging, total, areas, area, kind, loadErrors, live } = props;
  const last = paging.first + rows.length - 1;
  return (
    <Layout title="Authoring">
      <h1>Authoring</h1>
      <AuthoringNav />
      {live ? null : <NotLiveNotice />}
      <form method="get" action="/authoring" class="authoring-filter">
        <div class="field">
          <label for="filter-area">Area</label>
          <select id="filter-area" name="area">
            <option value="">Every area</option>
            {areas.map((a) => (
              <option value={a.id} selected={a.id === area ? true : undefined}>
                {a.id}: {a.title}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-kind">Kind</label>
          <select id="filter-kind" name="kind">
            <option value="">Every kind</option>
            {KINDS.map((k) => (
              <option value={k} selected={k === kind ? true : undefined}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button-secondary">
          Filter
        </button>
      </form>
      <p class="muted" role="status">
        {paging.matching === total ? `${total} families` : `${paging.matching} of ${total} families`}
        {paging.pages > 1 ? `; ${paging.first}–${last} shown (page ${paging.page} of ${paging.pages}).` : '.'}
      </p>
      {loadErrors.length > 0 ? (
        <div class="error-box">
          <h2>Files left out</h2>
          <ul>
            {loadErrors.map((e) => (
              <li>
                <code>
                  {e.file}:{e.line}
                </code>{' '}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="table-scroll">
        <table class="families">
          <thead>
            <tr>
              <th scope="col">Family</th>
              <th scope="col">Area</th>
              <th scope="col">Kind</th>
              <th scope="col">Objectives</th>
              <th scope="col" class="num">
                Open reports
              </th>
              <th scope="col">Last edit</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ summary, openReports, lastEdit }) => (
              <tr data-family={summary.id}>
                <td>
                  <a href={editPath(summary.id)}>{summary.title}</a>
                  <br />
                  <code class="muted">{summary.id}</code>
                </td>
                <td data-label="Area">{summary.area}</td>
                <td data-label="Kind">{summary.kind}</td>
                <td data-label="Objectives">{summary.objectives.join(', ')}</td>
                <td class="num" data-label="Open reports" data-open-reports={String(openReports)}>
                  {openReports > 0 ? <a href={`${editPath(summary.id)}#reports`}>{openReports}</a> : '0'}
                </td>
                <td class="nowrap" data-label="Last edit">
                  {lastEdit ? formatDateTime(lastEdit) : '-'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FamiliesPager paging={paging} area={area} kind={kind} />
    </Layout>
  );
}

export function NewFamilyPage() {
  return (
    <Layout title="New family">
      <h1>New family</h1>
      <AuthoringNav />
      <p>Start from a template: a complete scenario of that kind that already passes content:check. Change its id, title and text in the editor.</p>
      <form method="get" action="/authoring/edit">
        <fieldset>
          <legend>Kind</legend>
          {TEMPLATE_KINDS.map((k, i) => (
            <div class="option">
              <input type="radio" id={`template-${k}`} name="template" value={k} required checked={i === 0 ? true : undefined} />
              <label for={`template-${k}`}>
                <strong>{k}</strong>: {TEMPLATE_DESCRIPTIONS[k]}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">Open in the editor</button>
      </form>
    </Layout>
  );
}

export interface EditorProps {
  readonly title: string;
  readonly source: string;
  readonly seed: number;
  /** The family being edited (its id when the page opened); undefined for a new one. */
  readonly editing: string | undefined;
  readonly preview: Preview | undefined;
  readonly areas: readonly Area[];
  readonly seeds: number;
  readonly write: boolean;
  readonly reports: readonly QuestionReport[];
  /** After a save or a refused one. */
  readonly message?: { readonly kind: 'saved' | 'refused'; readonly text: string; readonly practise?: string };
}

export function EditorPage({ title, source, seed, editing, preview, areas, seeds, write, reports, message }: EditorProps) {
  return (
    <Layout title={title} scripts={['/static/authoring-preview.js']}>
      <h1>{title}</h1>
      <AuthoringNav />
      {message ? (
        <div class={message.kind === 'saved' ? 'notice' : 'error-box'} role={message.kind === 'saved' ? 'status' : 'alert'} data-save-message={message.kind}>
          <p>
            {message.text}
            {message.practise ? (
              <>
                {' '}
                <a href={message.practise}>Practise it at {message.practise}</a>.
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {preview ? (
        <p class="muted">
          File: <code data-preview-file>{preview.file}</code>
        </p>
      ) : null}
      <div class="authoring-editor">
        <form method="post" action="/authoring/preview" class="authoring-source" data-authoring-form>
          {editing ? <input type="hidden" name="editing" value={editing} /> : null}
          <label for="source">Scenario markdown</label>
          <textarea id="source" name="source" rows={32} spellcheck={false} autocomplete="off" required aria-describedby="source-hint">
            {source}
          </textarea>
          <p id="source-hint" class="hint">
            The format is in content/README.md. The preview updates as you type (with JavaScript), or press Preview.
          </p>
          <div class="field">
            <label for="seed">Seed</label>
            <input id="seed" name="seed" type="number" inputmode="numeric" min={0} max={MAX_SEED} value={String(seed)} size={10} />
          </div>
          <div class="actions">
            <button type="submit" class="button-secondary">
              Preview
            </button>
            <button type="submit" formaction="/authoring/save" data-save>
              Save
            </button>
          </div>
          <p class="hint">
            {write
              ? 'Save writes the file to the content directory and reloads the bank; a file with errors is refused.'
              : 'Saving is off on this server (AUTHORING_WRITE): the preview works, Save is refused.'}
          </p>
        </form>
        <section class="authoring-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <p class="visually-hidden" role="status" data-preview-status></p>
          <div id="check-errors">{preview ? <CheckErrors preview={preview} seeds={seeds} /> : null}</div>
          <div id="preview-body">{preview ? <PreviewBody preview={preview} areas={areas} /> : null}</div>
        </section>
      </div>
      {editing ? (
        <section aria-labelledby="reports-heading" id="reports">
          <h2 id="reports-heading">Open reports ({reports.length})</h2>
          {reports.length === 0 ? (
            <p class="muted">No open reports on this family.</p>
          ) : (
            <ul class="family-reports">
              {reports.map((r) => (
                <li>
                  <a href={questionPath(r.scenarioId, r.seed)}>Seed {r.seed}</a>, {formatDateTime(r.createdAt)}: {r.message}{' '}
                  <a href={`/authoring/reports#report-${r.id}`}>Triage</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
