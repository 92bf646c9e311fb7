/**
 * The playground's pages: the sandbox's tables with the create form, one table (update, TTL,
 * streams, indexes, delete), its items (Scan and Query pages), one item as JSON, the operation
 * builder and the history. Every form posts and renders its result without JavaScript.
 */
import type { Child } from 'hono/jsx';
import { JsonEditor, CODE_EDITOR_SCRIPT } from '../../views/json-editor.tsx';
import { Layout } from '../../views/layout.tsx';
import type { DynamodbOutcome } from '../dynamodb/index.ts';
import { ACTION_FIELDS, type ActionGroup, type BuilderField, type FieldChoices } from './builder.ts';
import { isStreamAction } from '../../playground/requests.ts';
import { FormErrors, SelectField, TextField, type Values } from './fields.tsx';
import type { HistoryEntry } from './history.ts';
import { BILLING_MODES, type FieldError, GSI_ROWS, KEY_TYPES, LSI_ROWS, type PlaygroundRequest, PROJECTION_TYPES, STREAM_VIEW_TYPES } from './requests.ts';
import { type ItemActions, JsonBlock, pretty, RequestResult } from './response-view.tsx';
import type { SimNote } from './sim.ts';
import { SimBadges, SimulationPanel, type SimPanelProps } from './sim-view.tsx';
import type { TableSummary } from './tables.ts';

export const PLAYGROUND_SCRIPT = '/static/playground.js';
const SCRIPTS = [CODE_EDITOR_SCRIPT, PLAYGROUND_SCRIPT];

export interface Ran {
  readonly request: PlaygroundRequest;
  readonly outcome: DynamodbOutcome;
  /** What the simulation did with it (a stale read, a DAX hit), when the table is simulated or the request went to DAX. */
  readonly sim?: SimNote | undefined;
}

export interface SandboxInfo {
  readonly accessKeyId: string;
  readonly pool: 'account' | 'anonymous';
}

type Section = 'tables' | 'builder' | 'history';

function PlaygroundFrame({ title, section, children }: { title: string; section: Section; children?: Child }) {
  const link = (id: Section, href: string, label: string) => (
    <li>
      <a href={href} aria-current={id === section ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <Layout title={title} current="playground" scripts={SCRIPTS}>
      <nav aria-label="Playground" class="pg-nav">
        <ul>
          {link('tables', '/playground', 'Tables')}
          {link('builder', '/playground/run', 'Operation builder')}
          {link('history', '/playground/history', 'History')}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}

const units = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

function Result({
  ran,
  actions,
  extra,
  nextAction,
  requestOpen,
}: {
  ran: Ran | undefined;
  actions?: ItemActions;
  extra?: (ran: Ran) => Child;
  nextAction?: string;
  requestOpen?: boolean;
}) {
  if (!ran) return null;
  return (
    <>
      {ran.sim ? <SimBadges note={ran.sim} /> : null}
      <RequestResult
        request={ran.request}
        outcome={ran.outcome}
        actions={actions}
        extra={extra?.(ran)}
        {...(nextAction !== undefined && { nextAction })}
        {...(requestOpen !== undefined && { requestOpen })}
      />
    </>
  );
}

function KeyFields({
  prefix,
  values,
  errors,
  legend,
  optional,
}: {
  prefix: string;
  values: Values;
  errors: readonly FieldError[];
  legend: string;
  optional?: boolean;
}) {
  return (
    <fieldset class="pg-row">
      <legend>{legend}</legend>
      <TextField name={`${prefix}Name`} label={`Attribute name${optional ? ' (optional)' : ''}`} values={values} errors={errors} />
      <SelectField name={`${prefix}Type`} label="Type" values={values} choices={KEY_TYPES} errors={errors} />
    </fieldset>
  );
}

function ProjectionFields({ prefix, values }: { prefix: string; values: Values }) {
  return (
    <>
      <SelectField name={`${prefix}projection`} label="Projection" values={values} choices={PROJECTION_TYPES} />
      <TextField name={`${prefix}nonKey`} label="Non-key attributes (INCLUDE)" values={values} hint="Comma-separated." />
    </>
  );
}

function ThroughputFields({ prefix, values, errors, note }: { prefix: string; values: Values; errors: readonly FieldError[]; note: string }) {
  return (
    <>
      <TextField name={`${prefix}rcu`} label="Read capacity units" values={values} errors={errors} inputmode="numeric" hint={note} />
      <TextField name={`${prefix}wcu`} label="Write capacity units" values={values} errors={errors} inputmode="numeric" />
    </>
  );
}

export function CreateTableForm({ values, errors }: { values: Values; errors: readonly FieldError[] }) {
  return (
    <form method="post" action="/playground/tables" class="pg-form" aria-labelledby="create-heading">
      <h2 id="create-heading">Create a table</h2>
      <p class="hint">The form mirrors CreateTable: key schema, attribute definitions (made from the keys), billing mode, indexes.</p>
      <FormErrors errors={errors} />
      <TextField name="tableName" label="Table name" values={values} errors={errors} hint="3 to 255 characters: letters, digits, _ - ." />
      <div class="pg-columns">
        <KeyFields prefix="pk" legend="Partition key" values={values} errors={errors} />
        <KeyFields prefix="sk" legend="Sort key" values={values} errors={errors} optional />
      </div>
      <fieldset>
        <legend>Capacity</legend>
        <SelectField
          name="billingMode"
          label="Billing mode"
          values={values}
          choices={BILLING_MODES.map((m) => [m, m === 'PAY_PER_REQUEST' ? 'On demand (PAY_PER_REQUEST)' : 'Provisioned (PROVISIONED)'] as const)}
        />
        <ThroughputFields prefix="" values={values} errors={errors} note="Provisioned mode only." />
      </fieldset>
      <details open={Array.from({ length: GSI_ROWS }, (_, i) => values[`gsi${i + 1}.name`]).some((v) => v) || undefined}>
        <summary>Global secondary indexes</summary>
        {Array.from({ length: GSI_ROWS }, (_, i) => {
          const prefix = `gsi${i + 1}.`;
          return (
            <fieldset>
              <legend>GSI {i + 1}</legend>
              <TextField name={`${prefix}name`} label="Index name" values={values} errors={errors} />
              <div class="pg-columns">
                <KeyFields prefix={`${prefix}pk`} legend="Partition key" values={values} errors={errors} />
                <KeyFields prefix={`${prefix}sk`} legend="Sort key" values={values} errors={errors} optional />
              </div>
              <ProjectionFields prefix={prefix} values={values} />
              <ThroughputFields prefix={prefix} values={values} errors={errors} note="A GSI has its own throughput in provisioned mode." />
            </fieldset>
          );
        })}
      </details>
      <details open={Array.from({ length: LSI_ROWS }, (_, i) => values[`lsi${i + 1}.name`]).some((v) => v) || undefined}>
        <summary>Local secondary indexes</summary>
        <p class="hint">Only at creation: an LSI keeps the table's partition key with another sort key.</p>
        {Array.from({ length: LSI_ROWS }, (_, i) => {
          const prefix = `lsi${i + 1}.`;
          return (
            <fieldset>
              <legend>LSI {i + 1}</legend>
              <TextField name={`${prefix}name`} label="Index name" values={values} errors={errors} />
              <KeyFields prefix={`${prefix}sk`} legend="Sort key" values={values} errors={errors} />
              <ProjectionFields prefix={prefix} values={values} />
            </fieldset>
          );
        })}
      </details>
      <div class="actions">
        <button type="submit" data-run>
          Create table
        </button>
      </div>
    </form>
  );
}

export interface OverviewProps {
  readonly sandbox: SandboxInfo;
  readonly tables: readonly TableSummary[];
  readonly values?: Values;
  readonly errors?: readonly FieldError[];
  readonly ran?: Ran | undefined;
  /** Extra panels (sample datasets, Workbench import and export). */
  readonly extras?: Child;
  readonly endpoint: string;
  readonly extra?: (ran: Ran) => Child;
  /** What a load (sample dataset, Workbench model) did. */
  readonly notice?: Child;
}

export function OverviewPage({ sandbox, tables, values = {}, errors = [], ran, extras, endpoint, extra, notice }: OverviewProps) {
  return (
    <PlaygroundFrame title="Playground" section="tables">
      <h1>Playground</h1>
      <p class="lead">
        Your own DynamoDB tables, on the same engine the grader uses and the same path as <code>POST /dynamodb</code>: whatever the wire allows, this allows.
      </p>
      <p class="hint" data-sandbox-key={sandbox.accessKeyId}>
        {sandbox.pool === 'account' ? (
          <>
            These are the tables of your account's sandbox: the CLI and SDKs reach them with your access key (see <a href="/account">your account</a>).
          </>
        ) : (
          <>
            An anonymous sandbox, kept for a day of idleness. The CLI reaches it at <code>{endpoint}</code> with access key id{' '}
            <code>{sandbox.accessKeyId}</code> and any secret. <a href="/login">Log in</a> to keep your tables with your account.
          </>
        )}
      </p>
      {notice}
      <Result ran={ran} extra={extra} />
      <section aria-labelledby="tables-heading">
        <h2 id="tables-heading">Your tables</h2>
        {tables.length === 0 ? (
          <p>No tables yet: create one below, or load a sample dataset.</p>
        ) : (
          <section class="scroll-table" aria-label="Tables" tabindex={0}>
            <table class="pg-tables">
              <caption>
                {tables.length} table{tables.length === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Table</th>
                  <th scope="col">Keys</th>
                  <th scope="col">Indexes</th>
                  <th scope="col">Billing</th>
                  <th scope="col" class="num">
                    Items
                  </th>
                  <th scope="col" class="num">
                    Size
                  </th>
                </tr>
              </thead>
              <tbody>
                {tables.map((t) => (
                  <tr data-table={t.name}>
                    <th scope="row">
                      <a href={`/playground/tables/${encodeURIComponent(t.name)}`}>{t.name}</a>
                    </th>
                    <td>{t.keys}</td>
                    <td>{t.indexes.length === 0 ? '—' : t.indexes.map((i) => `${i.kind} ${i.name}: ${i.keys}`).join('; ')}</td>
                    <td>{t.billing}</td>
                    <td class="num">{t.itemCount}</td>
                    <td class="num">{units(t.sizeBytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
      {extras}
      <CreateTableForm values={values} errors={errors} />
    </PlaygroundFrame>
  );
}

export interface TablePageProps {
  readonly table: TableSummary;
  readonly ttl: string;
  readonly ran?: Ran | undefined;
  readonly errors?: readonly FieldError[];
  readonly values?: Values;
  readonly extra?: (ran: Ran) => Child;
  /** The simulation panel; its form's values and errors are its own. */
  readonly sim?: Omit<SimPanelProps, 'table'> | undefined;
}

export function TablePage({ table, ttl, ran, errors = [], values = {}, extra, sim }: TablePageProps) {
  const base = `/playground/tables/${encodeURIComponent(table.name)}`;
  return (
    <PlaygroundFrame title={`Table ${table.name}`} section="tables">
      <h1>Table {table.name}</h1>
      <Result ran={ran} extra={extra} actions={{ tableName: table.name, keyNames: table.keyNames }} />

      <dl class="pg-facts">
        <dt>Keys</dt>
        <dd>{table.keys}</dd>
        <dt>Indexes</dt>
        <dd>{table.indexes.length === 0 ? 'None' : table.indexes.map((i) => `${i.kind} ${i.name}: ${i.keys}, projection ${i.projection}`).join('; ')}</dd>
        <dt>Billing</dt>
        <dd>{table.billing}</dd>
        <dt>Items</dt>
        <dd>
          {table.itemCount} ({units(table.sizeBytes)})
        </dd>
        <dt>Time to live</dt>
        <dd>{ttl}</dd>
        <dt>Stream</dt>
        <dd>{table.stream}</dd>
      </dl>
      <p class="actions">
        <a class="button" href={`${base}/items`}>
          Browse items
        </a>
        <a class="button button-secondary" href={`/playground/run?action=PutItem&table=${encodeURIComponent(table.name)}`}>
          Put an item
        </a>
        {table.streamEnabled ? (
          <a class="button button-secondary" href={`/playground/run?action=ListStreams&table=${encodeURIComponent(table.name)}`} data-read-stream>
            Read this table's stream
          </a>
        ) : null}
        {sim ? (
          <a class="button button-secondary" href="#sim-heading">
            Simulation{sim.report?.Simulated ? ' (on)' : ''}
          </a>
        ) : null}
      </p>
      <FormErrors errors={errors} />
      <div class="pg-grid">
        <form method="post" action={`${base}/capacity`} class="pg-form" aria-labelledby="capacity-heading">
          <h2 id="capacity-heading">Billing mode and throughput</h2>
          <SelectField
            name="billingMode"
            label="Billing mode"
            values={values}
            choices={BILLING_MODES}
            fallback={table.provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST'}
          />
          <ThroughputFields prefix="" values={values} errors={errors} note="Provisioned mode only." />
          <button type="submit">Update table</button>
        </form>
        <form method="post" action={`${base}/ttl`} class="pg-form" aria-labelledby="ttl-heading">
          <h2 id="ttl-heading">Time to live</h2>
          <SelectField
            name="enabled"
            label="TTL"
            values={values}
            choices={[
              ['true', 'Enable'],
              ['false', 'Disable'],
            ]}
          />
          <TextField name="attributeName" label="Attribute (epoch seconds)" values={values} errors={errors} />
          <button type="submit">Update TTL</button>
        </form>
        <form method="post" action={`${base}/streams`} class="pg-form" aria-labelledby="streams-heading">
          <h2 id="streams-heading">Stream</h2>
          <SelectField
            name="enabled"
            label="Stream"
            values={values}
            choices={[
              ['true', 'Enable'],
              ['false', 'Disable'],
            ]}
          />
          <SelectField name="viewType" label="View type" values={values} choices={STREAM_VIEW_TYPES} />
          <button type="submit">Update stream</button>
        </form>
        <form method="post" action={`${base}/gsi`} class="pg-form" aria-labelledby="gsi-heading">
          <h2 id="gsi-heading">Add a global secondary index</h2>
          <TextField name="name" label="Index name" values={values} errors={errors} />
          <KeyFields prefix="pk" legend="Partition key" values={values} errors={errors} />
          <KeyFields prefix="sk" legend="Sort key" values={values} errors={errors} optional />
          <ProjectionFields prefix="" values={values} />
          {table.provisioned ? <ThroughputFields prefix="" values={values} errors={errors} note="The index's own throughput." /> : null}
          <button type="submit">Add index</button>
        </form>
        {table.indexes.some((i) => i.kind === 'GSI') ? (
          <form method="post" action={`${base}/gsi/delete`} class="pg-form" aria-labelledby="gsi-delete-heading">
            <h2 id="gsi-delete-heading">Delete a global secondary index</h2>
            <SelectField name="name" label="Index" values={values} choices={table.indexes.filter((i) => i.kind === 'GSI').map((i) => i.name)} />
            <button type="submit" class="button-secondary">
              Delete index
            </button>
          </form>
        ) : null}
        <form method="post" action={`${base}/delete`} class="pg-form" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete the table</h2>
          <p class="hint">DeleteTable removes the table and every item in it.</p>
          <button type="submit" class="button-secondary">
            Delete {table.name}
          </button>
        </form>
      </div>
      {sim ? <SimulationPanel table={table} {...sim} /> : null}
    </PlaygroundFrame>
  );
}

export interface ItemsPageProps {
  readonly table: TableSummary;
  readonly values: Values;
  readonly errors?: readonly FieldError[];
  readonly ran?: Ran | undefined;
  readonly extra?: (ran: Ran) => Child;
}

export function ItemsPage({ table, values, errors = [], ran, extra }: ItemsPageProps) {
  const base = `/playground/tables/${encodeURIComponent(table.name)}`;
  return (
    <PlaygroundFrame title={`Items of ${table.name}`} section="tables">
      <h1>Items of {table.name}</h1>
      <p>
        <a href={base}>Table {table.name}</a> · keys {table.keys}
      </p>
      <form method="post" action={`${base}/items`} class="pg-form" aria-labelledby="read-heading">
        <h2 id="read-heading">Scan or Query</h2>
        <FormErrors errors={errors} />
        <div class="pg-columns">
          <SelectField name="mode" label="Read" values={values} choices={['Scan', 'Query']} />
          <SelectField
            name="IndexName"
            label="Index"
            values={values}
            choices={[['', '(the table)'] as const, ...table.indexes.map((i) => [i.name, `${i.kind} ${i.name}`] as const)]}
          />
        </div>
        <TextField name="KeyConditionExpression" label="Key condition (Query)" values={values} errors={errors} placeholder="pk = :pk" />
        <TextField
          name="FilterExpression"
          label="Filter"
          values={values}
          errors={errors}
          hint="Runs after the read: the items read are charged all the same."
        />
        <TextField name="ProjectionExpression" label="Projection" values={values} errors={errors} />
        <TextField name="ExpressionAttributeNames" label="Names (JSON)" values={values} errors={errors} placeholder='{"#n": "name"}' />
        <TextField name="ExpressionAttributeValues" label="Values (DynamoDB JSON)" values={values} errors={errors} placeholder='{":pk": {"S": "a"}}' />
        <TextField name="Limit" label="Limit" values={values} errors={errors} inputmode="numeric" hint="Empty: the page ends after 1 MB of items read." />
        <div class="actions">
          <button type="submit" data-run>
            Read the first page
          </button>
        </div>
      </form>
      <Result ran={ran} extra={extra} actions={{ tableName: table.name, keyNames: table.keyNames }} nextAction={`${base}/items`} requestOpen={false} />
    </PlaygroundFrame>
  );
}

export function ItemPage({
  table,
  json,
  error,
  ran,
  extra,
}: {
  table: TableSummary;
  json: string;
  error?: string;
  ran?: Ran | undefined;
  extra?: (ran: Ran) => Child;
}) {
  const base = `/playground/tables/${encodeURIComponent(table.name)}`;
  return (
    <PlaygroundFrame title={`Item of ${table.name}`} section="tables">
      <h1>Edit an item of {table.name}</h1>
      <p>
        <a href={`${base}/items`}>Back to the items</a>
      </p>
      <Result ran={ran} extra={extra} actions={{ tableName: table.name, keyNames: table.keyNames }} />
      <form method="post" action={`${base}/item`} class="pg-form">
        <JsonEditor
          id="item-json"
          name="item"
          label="The item (DynamoDB JSON)"
          value={json}
          rows={14}
          error={error}
          hint="Saving sends PutItem: it replaces the whole item with this one."
        />
        <div class="actions">
          <button type="submit" data-run>
            Save (PutItem)
          </button>
          <span class="hint">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves.
          </span>
        </div>
      </form>
    </PlaygroundFrame>
  );
}

function BuilderFieldInput({ field, values, errors, sources }: { field: BuilderField; values: Values; errors: readonly FieldError[]; sources: FieldChoices }) {
  const offered = field.source ? (sources[field.source] ?? []) : [];
  if (offered.length > 0) {
    const current = values[field.name] ?? '';
    // A value typed or carried in the JSON stays selectable even when the sandbox no longer lists it.
    const extra = current !== '' && !offered.some(([value]) => value === current) ? [[current, current] as const] : [];
    return (
      <SelectField
        name={field.name}
        label={field.name}
        values={values}
        errors={errors}
        choices={[['', '(choose)'] as const, ...extra, ...offered]}
        hint={field.hint}
      />
    );
  }
  if (field.kind === 'boolean') {
    return (
      <SelectField
        name={field.name}
        label={field.name}
        values={values}
        choices={[
          ['', '(default)'],
          ['true', 'true'],
          ['false', 'false'],
        ]}
        hint={field.hint}
      />
    );
  }
  if (field.kind === 'choice') {
    return (
      <SelectField
        name={field.name}
        label={field.name}
        values={values}
        choices={[['', field.required ? '(choose)' : '(default)'] as const, ...(field.choices ?? [])]}
        hint={field.hint}
      />
    );
  }
  return (
    <TextField
      name={field.name}
      label={field.name}
      values={values}
      errors={errors}
      hint={field.hint}
      {...(field.kind === 'integer' && { inputmode: 'numeric' as const })}
    />
  );
}

export interface BuilderPageProps {
  readonly actions: readonly ActionGroup[];
  readonly action: string;
  readonly values: Values;
  readonly json: string;
  readonly errors?: readonly FieldError[];
  readonly jsonError?: string | undefined;
  readonly ran?: Ran | undefined;
  readonly tableNames: readonly string[];
  readonly extra?: (ran: Ran) => Child;
  readonly sources?: FieldChoices;
}

/** The action picker, DynamoDB's actions and DynamoDB Streams' in groups of their own. */
function ActionSelect({ groups, action }: { groups: readonly ActionGroup[]; action: string }) {
  return (
    <div class="pg-field">
      <label for="f-action">Action</label>
      <select id="f-action" name="action">
        {groups.map((group) => (
          <optgroup label={group.label}>
            {group.actions.map((name) => (
              <option value={name} selected={name === action}>
                {name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function BuilderPage({ actions, action, values, json, errors = [], jsonError, ran, tableNames, extra, sources = {} }: BuilderPageProps) {
  const fields = ACTION_FIELDS[action] ?? [];
  const streams = isStreamAction(action);
  return (
    <PlaygroundFrame title={`${action} · Operation builder`} section="builder">
      <h1>Operation builder</h1>
      <form method="get" action="/playground/run" class="pg-action-picker">
        <ActionSelect groups={actions} action={action} />
        <button type="submit" class="button-secondary">
          Open
        </button>
      </form>
      <form method="post" action="/playground/run" class="pg-builder" data-builder>
        <input type="hidden" name="action" value={action} />
        <div class="pg-builder-fields">
          <h2>{action}</h2>
          <p class="hint">
            <a href={`https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_${streams ? 'streams_' : ''}${action}.html`}>
              {action} in the API reference
            </a>
            {tableNames.length > 0 ? <> · your tables: {tableNames.join(', ')}</> : null}
          </p>
          <FormErrors errors={errors} />
          {fields.length === 0 ? (
            <p>This action is written as JSON only: edit the request beside.</p>
          ) : (
            <>
              {fields.map((field) => (
                <BuilderFieldInput field={field} values={values} errors={errors} sources={sources} />
              ))}
              <button type="submit" name="intent" value="build" class="button-secondary" data-build>
                Build the JSON from these fields
              </button>
            </>
          )}
        </div>
        <div class="pg-builder-json">
          <JsonEditor
            id="request-json"
            name="json"
            label="The request (this JSON is what runs)"
            value={json}
            rows={16}
            error={jsonError}
            hint="DynamoDB JSON, as the wire protocol takes it. With JavaScript the fields rebuild it as you type."
          />
          {streams ? (
            <p class="hint" data-stream-steps>
              Reading a stream takes four calls: ListStreams, DescribeStream (its shards), GetShardIterator (a position in a shard), GetRecords. Each answer
              here offers the next. They go to /dynamodb under the DynamoDBStreams_20120810 target, as DynamoDBStreamsClient sends them.
            </p>
          ) : (
            <SelectField
              name="target"
              label="Send to"
              values={values}
              choices={[
                ['dynamodb', 'DynamoDB (/dynamodb)'],
                ['dax', 'A simulated DAX cluster in front of the table (/dax)'],
              ]}
              hint="Through DAX, GetItem is answered from the item cache and Query and Scan from the query cache when they hold it; the answer says hit or miss."
            />
          )}
          <div class="actions">
            <button type="submit" name="intent" value="run" data-run>
              Run {action}
            </button>
            <span class="hint">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs.
            </span>
          </div>
        </div>
      </form>
      <Result ran={ran} extra={extra} />
    </PlaygroundFrame>
  );
}

export function HistoryPage({ entries, extra }: { entries: readonly HistoryEntry[]; extra?: (entry: HistoryEntry) => Child }) {
  return (
    <PlaygroundFrame title="History · Playground" section="history">
      <h1>History</h1>
      <p class="hint">
        The requests you sent from the playground, newest first (the last 50), kept on the server beside your sandbox until it is freed. Run one again as it
        was, or open it in the builder to change it.
      </p>
      {entries.length === 0 ? <p>Nothing yet.</p> : null}
      <ol class="pg-history">
        {entries.map((entry) => (
          <li data-history-entry={entry.id}>
            <p>
              <strong>{entry.action}</strong>
              {entry.target === 'dax' ? ' through DAX' : ''}{' '}
              {entry.error ? <span class="field-error">failed: {entry.error}</span> : <span class="muted">succeeded</span>}
            </p>
            <JsonBlock value={entry.input} label={`Request ${entry.id}`} />
            <div class="actions">
              <form method="post" action="/playground/run">
                <input type="hidden" name="action" value={entry.action} />
                <input type="hidden" name="json" value={pretty(entry.input)} />
                {entry.target ? <input type="hidden" name="target" value={entry.target} /> : null}
                <button type="submit" name="intent" value="run" class="button-small">
                  Run again
                </button>
              </form>
              <a href={`/playground/run?history=${entry.id}`}>Edit in the builder</a>
            </div>
            {extra?.(entry)}
          </li>
        ))}
      </ol>
    </PlaygroundFrame>
  );
}

export interface DatasetChoice {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** Sample datasets, Workbench import and export: everything that loads or saves many tables at once. */
export function LoadPanels({ datasets, hasTables }: { datasets: readonly DatasetChoice[]; hasTables: boolean }) {
  return (
    <div class="pg-grid">
      <section class="pg-form" aria-labelledby="samples-heading">
        <h2 id="samples-heading">Sample datasets</h2>
        <p class="hint">The AWS documentation's example tables, with generated items.</p>
        <ul class="pg-samples">
          {datasets.map((d) => (
            <li>
              <form method="post" action="/playground/samples">
                <input type="hidden" name="dataset" value={d.id} />
                <button type="submit" class="button-small" data-dataset={d.id}>
                  Load {d.title}
                </button>
              </form>
              <span class="hint">{d.description}</span>
            </li>
          ))}
        </ul>
      </section>
      <form method="post" action="/playground/import" enctype="multipart/form-data" class="pg-form" aria-labelledby="import-heading">
        <h2 id="import-heading">NoSQL Workbench</h2>
        <p class="hint">Import a data model exported from NoSQL Workbench (its JSON: tables, keys, indexes, sample data), or export your tables as one.</p>
        <div class="pg-field">
          <label for="model-file">Model file (.json)</label>
          <input type="file" id="model-file" name="model" accept=".json,application/json" />
        </div>
        <div class="pg-field">
          <label for="model-json">Or paste the model's JSON</label>
          <textarea id="model-json" name="json" rows={4} spellcheck={false}></textarea>
        </div>
        <div class="actions">
          <button type="submit">Import the model</button>
          {hasTables ? (
            <a class="button button-secondary" href="/playground/export" download="playground-model.json">
              Export my tables
            </a>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/** The outcome of loading many requests: what was created, or where it stopped and why. */
export function LoadNotice({
  title,
  tables,
  failure,
  errors,
}: {
  title: string;
  tables: readonly string[];
  failure?: { action: string; name: string; message: string };
  errors?: readonly { path: string; message: string }[];
}) {
  if (errors && errors.length > 0) {
    return (
      <div class="error-box" role="alert" data-load-errors>
        <p>
          <strong>{title}: the model was refused</strong>, nothing was loaded.
        </p>
        <ul>
          {errors.map((e) => (
            <li>
              <code>{e.path || '(the file)'}</code>: {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (failure) {
    return (
      <div class="error-box" role="alert" data-aws-error={failure.name}>
        <p>
          <strong>{title}</strong> stopped at {failure.action}: <strong>{failure.name}</strong> {failure.message}
        </p>
        <p class="hint">The requests before it ran; delete the tables it created to start again.</p>
      </div>
    );
  }
  return (
    <p class="notice" role="status" data-loaded={tables.join(',')}>
      {title}: loaded {tables.join(', ')}.
    </p>
  );
}
