/**
 * Feedback for `request` and `design` grades: each check passed or failed with its detail, then
 * the learner's result beside the expected one (items, missing and extra items, capacity, the
 * engine's error in DynamoDB's words), or for a design each access pattern and the monthly cost.
 */
import type { GradeResult } from '../bank/types.ts';
import type { SimulationSummary } from '../grading/simulation.ts';
import { ItemLines } from './request-editor.tsx';
import { SimRunView } from './sim-chart.tsx';

type HandsOnResult = Extract<GradeResult, { kind: 'request' | 'design' }>;

interface RunSummary {
  readonly request?: unknown;
  readonly actions?: readonly string[];
  readonly items?: readonly unknown[];
  readonly capacity?: number;
  readonly error?: string;
}

/** Served within /static/style.css (see static-assets.ts), as the JSON editor's rules are. */
export const CHECKS_STYLE = `
.checks td.result { white-space: nowrap; font-weight: 700; }
.checks tr.is-passed td.result { color: var(--correct); }
.checks tr.is-failed td.result { color: var(--incorrect); }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.side-by-side > section { min-width: 0; }
.side-by-side h3, .diff h3 { font-size: 1.05rem; margin: .5rem 0; }
.essential-mark { display: inline-block; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: 0 .35rem; border: 1px solid currentColor; border-radius: .25rem; }
`;

const units = (n: number | undefined): string => `${Number((n ?? 0).toFixed(4))}`;

function CheckTable({ result }: { result: HandsOnResult }) {
  return (
    <table class="checks">
      <caption>
        {result.checks.filter((c) => c.passed).length} of {result.checks.length} checks passed
      </caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {result.checks.map((check) => (
          <tr class={check.passed ? 'is-passed' : 'is-failed'} data-check={check.id}>
            <th scope="row">
              {check.label}
              {check.essential ? (
                <>
                  {' '}
                  <span class="essential-mark" title="The check this task exists for: failing it makes the answer wrong for review and readiness">
                    essential
                  </span>
                </>
              ) : null}
            </th>
            <td class="result">{check.passed ? '✓ Passed' : '✗ Failed'}</td>
            <td>{check.detail ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Run({ title, run, reads }: { title: string; run: RunSummary; reads: boolean }) {
  return (
    <section>
      <h3>{title}</h3>
      <p>
        Calls: {run.actions && run.actions.length > 0 ? run.actions.join(', ') : 'none'} · consumed capacity: <strong>{units(run.capacity)}</strong>
      </p>
      {run.error ? <p class="error-box">{run.error}</p> : null}
      {run.items && run.items.length > 0 ? (
        <ItemLines items={run.items} label={`${title}: items returned`} />
      ) : reads ? (
        <p class="muted">No items returned.</p>
      ) : null}
    </section>
  );
}

/** The model answer, folded so the learner's own result comes first. */
function ReferenceJson({ value, what }: { value: unknown; what: string }) {
  return (
    <details>
      <summary>Show the reference {what}</summary>
      <pre class="item-lines" tabindex={0} role="region" aria-label={`The reference ${what}`}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

function ItemList({ title, items }: { title: string; items: readonly unknown[] | undefined }) {
  if (!items || items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ItemLines items={items} label={title} />
    </>
  );
}

function RequestDetails({ details }: { details: Record<string, unknown> }) {
  const learner = details.learner as RunSummary | undefined;
  const expected = details.expected as RunSummary | undefined;
  const itemsDiff = details.itemsDiff as { missing?: unknown[]; extra?: unknown[]; orderDiffers?: boolean } | undefined;
  const stateDiff = details.stateDiff as { missing?: unknown[]; extra?: unknown[] } | undefined;
  const reads = itemsDiff !== undefined || (expected?.items?.length ?? 0) > 0;
  return (
    <>
      {typeof details.parseError === 'string' ? <p class="error-box">{details.parseError}</p> : null}
      <h2>Your result beside the expected one</h2>
      <div class="side-by-side">
        {/* A write task returns no items: saying so under both runs would only distract. */}
        {learner ? <Run title="Yours" run={learner} reads={reads} /> : null}
        {expected ? <Run title="Expected (the reference request)" run={expected} reads={reads} /> : null}
      </div>
      {expected?.request !== undefined ? <ReferenceJson value={expected.request} what="request" /> : null}
      <div class="diff">
        <ItemList title="Items missing from your result" items={itemsDiff?.missing} />
        <ItemList title="Items your result should not have" items={itemsDiff?.extra} />
        {itemsDiff?.orderDiffers ? <p>Your items are the right ones, in another order.</p> : null}
        <ItemList title="Table state: expected items absent after your request" items={stateDiff?.missing} />
        <ItemList title="Table state: items your request left that should not be there" items={stateDiff?.extra} />
      </div>
      {/* Stored with the grade: the page draws the run without simulating it again. */}
      {details.simulation !== undefined ? <SimRunView summary={details.simulation as SimulationSummary} /> : null}
    </>
  );
}

interface PatternOutcomeView {
  readonly name: string;
  readonly passed: boolean;
  readonly request?: unknown;
  readonly capacity?: number;
  readonly detail: string;
}

function DesignDetails({ details }: { details: Record<string, unknown> }) {
  const patterns = (details.patterns as PatternOutcomeView[] | undefined) ?? [];
  const cost = details.cost as { mode: string; monthlyUsd: number; readUnitsPerSecond: number; writeUnitsPerSecond: number; working: string } | undefined;
  if (typeof details.error === 'string') return <p class="error-box">{details.error}</p>;
  return (
    <>
      <h2>How each access pattern runs on your table</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Pattern</th>
            <th scope="col">Request found</th>
            <th scope="col" class="num">
              Units per call
            </th>
          </tr>
        </thead>
        <tbody>
          {patterns.map((p) => (
            <tr>
              <th scope="row">
                <code>{p.name}</code>
              </th>
              <td>
                {p.passed ? '✓ ' : '✗ '}
                {p.detail}
              </td>
              <td class="num">{p.capacity !== undefined ? units(p.capacity) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cost ? (
        <p>
          Monthly cost ({cost.mode === 'PROVISIONED' ? 'provisioned' : 'on demand'}): <strong>${cost.monthlyUsd.toFixed(2)}</strong> — {cost.working}.
        </p>
      ) : null}
      {details.reference !== undefined ? <ReferenceJson value={details.reference} what="design" /> : null}
    </>
  );
}

export function ChecksView({ result }: { result: HandsOnResult }) {
  return (
    <>
      <h2>Checks</h2>
      <CheckTable result={result} />
      {result.kind === 'request' ? <RequestDetails details={result.details} /> : <DesignDetails details={result.details} />}
    </>
  );
}
