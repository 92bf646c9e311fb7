/**
 * The table page's simulation panel (the `sim:` toggles, what the simulation holds now, the
 * picture of the learner's requests) and the badges beside a builder answer (a stale read, DAX's
 * hit or miss). The picture is the simulated questions' own (SimPicture).
 */
import type { Child } from 'hono/jsx';
import type { SimReport } from '../../../engine/index.ts';
import { SimPicture } from '../../views/sim-chart.tsx';
import { FormErrors, SelectField, TextField, type Values } from './fields.tsx';
import { JsonBlock } from './response-view.tsx';
import type { DynamodbOutcome } from '../dynamodb/index.ts';
import type { FieldError, PlaygroundRequest } from './requests.ts';
import { SIM_FIELDS, type SimNote, sandboxPicture } from './sim.ts';
import type { TableSummary } from './tables.ts';

interface Ran {
  readonly request: PlaygroundRequest;
  readonly outcome: DynamodbOutcome;
}

export interface SimPanelProps {
  readonly table: TableSummary;
  readonly tags: Readonly<Record<string, string>>;
  readonly report: SimReport | undefined;
  readonly values: Values;
  readonly errors: readonly FieldError[];
  /** The requests the form just sent, with their answers. */
  readonly sent?: readonly Ran[] | undefined;
  /** Under each request sent: its copy as CLI, JavaScript and Python. */
  readonly extra?: ((ran: Ran) => Child) | undefined;
}

/** Each request the form sent and DynamoDB's answer in AWS's words. */
function Sent({ sent, extra }: { sent: readonly Ran[]; extra?: ((ran: Ran) => Child) | undefined }) {
  return (
    <div class="pg-sim-sent" data-sim-sent>
      {sent.length === 0 ? <p>The table already has these settings: nothing was sent.</p> : null}
      {sent.map((ran) => (
        <div>
          <p>
            <strong>{ran.request.action}</strong> {ran.outcome.ok ? 'succeeded' : 'failed'}
          </p>
          <JsonBlock value={{ action: ran.request.action, input: ran.request.input }} label={`${ran.request.action} request JSON`} />
          {extra?.(ran)}
          {ran.outcome.ok ? null : (
            <div class="error-box" role="alert" data-aws-error={ran.outcome.error.name}>
              <p>
                <strong>{ran.outcome.error.name}</strong>: {ran.outcome.error.message}
              </p>
              <p class="hint">Nothing was changed.</p>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

const lagText = (lag: { kind: 'fixed'; ms: number } | { kind: 'uniform'; minMs: number; maxMs: number } | undefined, fallback: string): string =>
  lag === undefined ? fallback : lag.kind === 'fixed' ? `${lag.ms} ms` : `${lag.minMs}-${lag.maxMs} ms`;

const count = (n: number, word: 'hit' | 'miss'): string => `${n} ${n === 1 ? word : word === 'hit' ? 'hits' : 'misses'}`;

function CurrentSettings({ table, tags, report }: Omit<SimPanelProps, 'values' | 'errors'>) {
  const simTags = Object.entries(tags).filter(([key]) => key.startsWith('sim:'));
  const settings = report?.Settings;
  return (
    <dl class="pg-facts" data-sim-settings>
      <dt>Simulation</dt>
      <dd data-sim-state={report?.Simulated ? 'on' : 'off'}>
        {report?.Simulated ? 'On' : 'Off: the plain engine serves this table (every read fresh, nothing throttled)'}
      </dd>
      <dt>Tags</dt>
      <dd>{simTags.length === 0 ? 'No sim: tags' : simTags.map(([key, value]) => `${key}=${value}`).join(', ')}</dd>
      {report?.Simulated && settings ? (
        <>
          <dt>Replication lag</dt>
          <dd>{lagText(settings.replicationLag as never, '10-1000 ms (default)')}</dd>
          <dt>Throughput</dt>
          <dd>{settings.enforceThroughput ? `Enforced: ${table.billing}` : 'Not enforced'}</dd>
          <dt>Partitions</dt>
          <dd>{report.Partitions ?? 1}</dd>
          {report.Capacity ? (
            <>
              <dt>Burst banked</dt>
              <dd data-sim-burst>
                {`reads ${report.Capacity.Read.Burst.map((b) => Math.round(b)).join(' / ')} RCU, writes ${report.Capacity.Write.Burst.map((b) => Math.round(b)).join(' / ')} WCU (per partition; up to 300 seconds of unused capacity)`}
              </dd>
            </>
          ) : null}
        </>
      ) : null}
      {report?.Dax ? (
        <>
          <dt>DAX cache</dt>
          <dd data-sim-dax>
            {`item cache ${count(report.Dax.itemHits, 'hit')}, ${count(report.Dax.itemMisses, 'miss')}; query cache ${count(report.Dax.queryHits, 'hit')}, ${count(report.Dax.queryMisses, 'miss')}`}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function SimulationPanel({ table, tags, report, values, errors, sent, extra }: SimPanelProps) {
  const base = `/playground/tables/${encodeURIComponent(table.name)}`;
  const picture = report ? sandboxPicture(report, table.provisioned) : undefined;
  return (
    <section class="pg-sim" aria-labelledby="sim-heading">
      <h2 id="sim-heading">Simulation</h2>
      <p class="hint">
        Off by default. On, reads can come back stale (an eventually consistent read goes to one of three copies, one of which lags) and, with throughput
        enforced, requests over the table's capacity are throttled. Saving sends TagResource and UntagResource with the table's <code>sim:</code> tags, as the
        CLI would; changing a tag starts a fresh simulation.
      </p>
      <CurrentSettings table={table} tags={tags} report={report} />
      <form method="post" action={`${base}/sim`} class="pg-form pg-sim-form" aria-labelledby="sim-form-heading">
        <h3 id="sim-form-heading">Simulation settings</h3>
        <FormErrors errors={errors} />
        {sent ? <Sent sent={sent} extra={extra} /> : null}
        <div class="pg-columns">
          {SIM_FIELDS.map((field) =>
            field.choices ? (
              <SelectField name={field.key} label={field.label} values={values} choices={field.choices} errors={errors} hint={field.hint} />
            ) : (
              <TextField name={field.key} label={field.label} values={values} errors={errors} hint={field.hint} />
            ),
          )}
        </div>
        <button type="submit">Save simulation settings</button>
      </form>
      {picture ? (
        <SimPicture
          id="sim-sandbox"
          heading="Your requests on this table"
          title={`Your last ${picture.events.length} requests on ${table.name}, by partition`}
          intro="The simulation's timeline of the requests sent to this table (the last 100), times from the first one shown. Squares are writes, circles reads."
          picture={picture}
        />
      ) : report?.Simulated ? (
        <p class="hint">No requests yet since the simulation started: put or read items and their timeline appears here.</p>
      ) : null}
    </section>
  );
}

/** What the simulation did with the request, above its answer. */
export function SimBadges({ note }: { note: SimNote }) {
  return (
    <p class="pg-sim-badges" data-sim-note>
      {note.stale !== undefined ? (
        note.stale ? (
          <>
            <span class="badge pg-badge-stale" data-stale>
              stale
            </span>{' '}
            {`This eventually consistent read went to copy ${note.replica ?? '?'}, which had not received the latest write yet: it returned older data than the table holds.`}
          </>
        ) : (
          <>
            <span class="badge pg-badge-fresh">fresh</span> The simulation served this read with the latest data.
          </>
        )
      ) : null}
      {note.dax ? (
        <>
          <span class={`badge pg-badge-dax-${note.dax.cache}`} data-dax-cache={note.dax.cache}>
            {`DAX ${note.dax.cache}`}
          </span>{' '}
          {note.dax.cache === 'hit'
            ? `Answered from the ${note.dax.kind ?? ''} cache: DynamoDB was not read.`
            : note.dax.cache === 'miss'
              ? `Not in the ${note.dax.kind ?? ''} cache: DAX read DynamoDB and kept the answer for its TTL.`
              : 'Sent on to DynamoDB: a write (DAX writes through, updating its item cache), a strongly consistent read (never cached), or an action DAX does not cache.'}
        </>
      ) : null}
    </p>
  );
}
