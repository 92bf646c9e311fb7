/**
 * A request the playground sent and DynamoDB's answer: the JSON as sent, the items as a table
 * (attributes as columns, each value's type marked) and as DynamoDB JSON, LastEvaluatedKey with a
 * button for the next page, ConsumedCapacity row by row with its working, or the error's AWS type
 * and message.
 */
import type { Child } from 'hono/jsx';
import { itemSize, PAGE_BYTES } from '../../../engine/index.ts';
import type { DynamodbOutcome } from '../dynamodb/index.ts';
import { Working } from '../cost/form-fields.tsx';
import { cellText, TYPE_NAMES } from './attribute-text.tsx';
import { describeCapacity } from './capacity.ts';
import type { PlaygroundRequest } from './requests.ts';
import { isStreamAction } from '../../playground/requests.ts';
import { StreamAnswer } from './stream-view.tsx';

type AttributeValue = Readonly<Record<string, unknown>>;
type Item = Readonly<Record<string, AttributeValue>>;

const formatBytes = (bytes: number): string => `${bytes.toLocaleString('en-US')} B`;

/** Rows drawn of one page: a 1 MB page of small items would be thousands. */
const MAX_ROWS = 500;

export const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** The attribute names of all items, key attributes first. */
function columns(items: readonly Item[], keyNames: readonly string[]): string[] {
  const names = new Set<string>(keyNames.filter((name) => items.some((item) => name in item)));
  for (const item of items) for (const name of Object.keys(item)) names.add(name);
  return [...names];
}

export interface ItemActions {
  readonly tableName: string;
  readonly keyNames: readonly string[];
}

export function keyOf(item: Item, keyNames: readonly string[]): Record<string, AttributeValue> {
  return Object.fromEntries(keyNames.filter((name) => item[name] !== undefined).map((name) => [name, item[name]!]));
}

export function ItemsTable({ items, caption, actions }: { items: readonly Item[]; caption: string; actions?: ItemActions | undefined }) {
  const names = columns(items, actions?.keyNames ?? []);
  const base = actions ? `/playground/tables/${encodeURIComponent(actions.tableName)}` : '';
  return (
    <section class="scroll-table" aria-label={caption} tabindex={0}>
      <table class="items-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {names.map((name) => (
              <th scope="col">{name}</th>
            ))}
            {actions ? <th scope="col">Item</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const key = actions ? JSON.stringify(keyOf(item, actions.keyNames)) : '';
            return (
              <tr>
                {names.map((name) => {
                  const value = item[name];
                  if (!value) return <td class="muted">—</td>;
                  const cell = cellText(value);
                  return (
                    <td>
                      <span class="type-mark" title={TYPE_NAMES[cell.type] ?? cell.type}>
                        {cell.type}
                      </span>{' '}
                      {cell.text}
                    </td>
                  );
                })}
                {actions ? (
                  <td class="item-actions">
                    <a href={`${base}/item?key=${encodeURIComponent(key)}`}>Edit</a>
                    <form method="post" action={`${base}/item/delete`}>
                      <input type="hidden" name="key" value={key} />
                      <button type="submit" class="button-small button-secondary">
                        Delete
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A JSON block that may be wider than the screen: focusable so it can be scrolled by keyboard. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <section class="json-block" tabindex={0} aria-label={label}>
      <pre>{pretty(value)}</pre>
    </section>
  );
}

function Capacity({ request, response }: { request: PlaygroundRequest; response: unknown }) {
  const report = describeCapacity(request.action, request.input, response);
  if (!report) return null;
  return (
    <section class="capacity" aria-label="Consumed capacity">
      <table>
        <caption>ConsumedCapacity</caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col" class="num">
              Units
            </th>
            <th scope="col" class="num">
              Read
            </th>
            <th scope="col" class="num">
              Write
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr>
              <th scope="row">{row.scope}</th>
              <td class="num" data-capacity-units>
                {row.units}
              </td>
              <td class="num">{row.read ?? '—'}</td>
              <td class="num">{row.write ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.working ? <Working calculation={report.working.calculation} summary={report.working.summary} /> : null}
      {report.notes.map((note) => (
        <p class="hint">{note}</p>
      ))}
    </section>
  );
}

/** The next page: the same request with ExclusiveStartKey set to this page's LastEvaluatedKey. */
function NextPage({ request, lastKey, nextAction }: { request: PlaygroundRequest; lastKey: unknown; nextAction: string }) {
  const next = { ...request.input, ExclusiveStartKey: lastKey };
  return (
    <form method="post" action={nextAction}>
      <input type="hidden" name="action" value={request.action} />
      <input type="hidden" name="json" value={JSON.stringify(next)} />
      <input type="hidden" name="intent" value="run" />
      <p>
        <strong>LastEvaluatedKey</strong> — the page ended here (at the Limit or after 1 MB of items read); the next call starts after this key:
      </p>
      <JsonBlock value={lastKey} label="LastEvaluatedKey" />
      <button type="submit" data-next-page>
        Next page (ExclusiveStartKey)
      </button>
    </form>
  );
}

export function ResponseView({
  request,
  outcome,
  actions,
  nextAction = '/playground/run',
}: {
  request: PlaygroundRequest;
  outcome: DynamodbOutcome;
  actions?: ItemActions | undefined;
  nextAction?: string;
}) {
  if (!outcome.ok) {
    const error = outcome.error;
    return (
      <div class="error-box" role="alert" data-aws-error={error.name}>
        <p>
          <strong>{error.name}</strong> (HTTP {error.statusCode})
        </p>
        <p>{error.message || '(DynamoDB sends no message with this error.)'}</p>
        <p class="hint">Nothing was changed by a request that failed.</p>
      </div>
    );
  }
  const response = (outcome.response ?? {}) as Record<string, unknown>;
  const items = Array.isArray(response.Items) ? (response.Items as Item[]) : undefined;
  const single = (response.Item ?? response.Attributes) as Item | undefined;
  const input = request.input as Record<string, unknown>;
  // Only when the items returned are the items read (no filter, no projection) do their sizes say how much of the page was used.
  const pageBytes =
    items !== undefined && input.FilterExpression === undefined && input.ProjectionExpression === undefined
      ? items.reduce((sum, item) => sum + itemSize(item as never), 0)
      : undefined;
  const bytesNote =
    items !== undefined ? (
      <p class="hint" data-page-summary>
        Count {String(response.Count ?? items.length)}
        {response.ScannedCount !== undefined ? `, ScannedCount ${String(response.ScannedCount)}` : ''}.{' '}
        {pageBytes !== undefined ? `These items take ${formatBytes(pageBytes)}. ` : ''}A Query or Scan call stops reading once it has read{' '}
        {formatBytes(PAGE_BYTES)} (1 MB) of items, before any filter, or reached its Limit, and then returns LastEvaluatedKey to carry on from.
      </p>
    ) : null;
  return (
    <div class="response" data-response>
      {items !== undefined ? (
        items.length > 0 ? (
          <>
            <ItemsTable items={items.slice(0, MAX_ROWS)} caption={`${items.length} item${items.length === 1 ? '' : 's'}`} actions={actions} />
            {items.length > MAX_ROWS ? (
              <p class="hint">
                The table shows the first {MAX_ROWS}; the response JSON below has all {items.length}.
              </p>
            ) : null}
          </>
        ) : (
          <p>No items on this page.</p>
        )
      ) : null}
      {single ? <ItemsTable items={[single]} caption={response.Item ? 'Item' : 'Attributes returned'} actions={response.Item ? actions : undefined} /> : null}
      {bytesNote}
      {response.LastEvaluatedKey !== undefined ? <NextPage request={request} lastKey={response.LastEvaluatedKey} nextAction={nextAction} /> : null}
      {isStreamAction(request.action) ? <StreamAnswer request={request} response={response} nextAction={nextAction} /> : null}
      <Capacity request={request} response={response} />
      <details>
        <summary>The response as DynamoDB JSON</summary>
        <JsonBlock value={response} label="Response JSON" />
      </details>
    </div>
  );
}

/** The request as sent and its answer, with anything a page adds under the request (copy buttons). */
export function RequestResult({
  request,
  outcome,
  actions,
  extra,
  nextAction,
  requestOpen = true,
}: {
  request: PlaygroundRequest;
  outcome: DynamodbOutcome;
  actions?: ItemActions | undefined;
  extra?: Child;
  nextAction?: string;
  /** The item browser folds the request away, so the items come first. */
  requestOpen?: boolean;
}) {
  return (
    <section class="panel request-result" aria-labelledby="request-result-heading">
      <h2 id="request-result-heading">
        {request.action} {outcome.ok ? 'succeeded' : 'failed'}
      </h2>
      <details open={requestOpen || undefined}>
        <summary>The request sent</summary>
        <JsonBlock value={{ action: request.action, input: request.input }} label="Request JSON" />
        {/* A form, not a link: a request can be far longer than a URL may be. */}
        <form method="post" action="/playground/run" class="pg-edit-request">
          <input type="hidden" name="action" value={request.action} />
          <input type="hidden" name="json" value={pretty(request.input)} />
          <button type="submit" name="intent" value="edit" class="button-small button-secondary">
            Edit in the operation builder
          </button>
        </form>
        {extra}
      </details>
      <ResponseView request={request} outcome={outcome} actions={actions} {...(nextAction !== undefined && { nextAction })} />
    </section>
  );
}
