/**
 * A DynamoDB Streams answer in the playground: the records of GetRecords as a table (event, keys,
 * old and new image with their types, sequence number), and the way on, each answer making the
 * next request (ListStreams → DescribeStream → GetShardIterator → GetRecords → next records).
 */
import { cellText, TypeMark } from './attribute-text.tsx';
import type { PlaygroundRequest } from './requests.ts';
import { nextRecords, nextStreamSteps, type StreamRecordRow, streamRecordRows, type StreamStep } from './streams.ts';

type AttributeMap = StreamRecordRow['keys'];

const STEP_TITLES: Readonly<Record<StreamStep['step'], string>> = {
  2: 'Step 2 of 4: describe the stream (DescribeStream), to see its shards',
  3: 'Step 3 of 4: get a shard iterator (GetShardIterator), a position in the shard to read from',
  4: 'Step 4 of 4: read the records (GetRecords) from that position',
};

/** An image or key as "name TYPE value" lines; a dash when the record has none (the view type leaves it out). */
function Attributes({ value }: { value: AttributeMap | undefined }) {
  if (!value) return <span class="muted">—</span>;
  return (
    <ul class="pg-attributes">
      {Object.entries(value).map(([name, attribute]) => {
        const cell = cellText(attribute);
        return (
          <li>
            {name} <TypeMark type={cell.type} /> {cell.text}
          </li>
        );
      })}
    </ul>
  );
}

export function RecordsTable({ rows }: { rows: readonly StreamRecordRow[] }) {
  const caption = `${rows.length} record${rows.length === 1 ? '' : 's'}`;
  return (
    <section class="scroll-table" aria-label={caption} tabindex={0}>
      <table class="items-table records-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Keys</th>
            <th scope="col">Old image</th>
            <th scope="col">New image</th>
            <th scope="col">Sequence number</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr data-event-name={row.eventName}>
              <td data-label="Event">
                <strong>{row.eventName}</strong>
                {row.byService ? <span class="hint"> (TTL deletion)</span> : null}
              </td>
              <td data-label="Keys">
                <Attributes value={row.keys} />
              </td>
              <td data-label="Old image">
                <Attributes value={row.oldImage} />
              </td>
              <td data-label="New image">
                <Attributes value={row.newImage} />
              </td>
              <td class="pg-sequence" data-label="Sequence number">
                {row.sequenceNumber}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Opens a request in the builder without running it: a form, since an iterator makes a long URL. */
function OpenInBuilder({ request, label }: { request: PlaygroundRequest; label: string }) {
  return (
    <form method="post" action="/playground/run" class="pg-stream-step">
      <input type="hidden" name="action" value={request.action} />
      <input type="hidden" name="json" value={JSON.stringify(request.input, null, 2)} />
      <button type="submit" name="intent" value="edit" data-stream-step={request.action}>
        {label}
      </button>
    </form>
  );
}

export function StreamAnswer({ request, response, nextAction }: { request: PlaygroundRequest; response: unknown; nextAction: string }) {
  const steps = nextStreamSteps(request, response);
  const rows = request.action === 'GetRecords' ? streamRecordRows(response) : undefined;
  const next = nextRecords(request, response);
  return (
    <div class="pg-stream" data-stream-answer={request.action}>
      {rows !== undefined ? rows.length > 0 ? <RecordsTable rows={rows} /> : <p>No records from this position yet.</p> : null}
      {request.action === 'ListStreams' && steps.length === 0 ? <p>No streams: enable one on a table's page (Stream), then list again.</p> : null}
      {steps.length > 0 ? (
        <section aria-labelledby="stream-next-heading">
          <h3 id="stream-next-heading">{STEP_TITLES[steps[0]!.step]}</h3>
          {steps.map((step) => (
            <OpenInBuilder request={step.request} label={`Open ${step.request.action} for ${step.subject}`} />
          ))}
        </section>
      ) : null}
      {next ? (
        <form method="post" action={nextAction}>
          <input type="hidden" name="action" value={next.action} />
          <input type="hidden" name="json" value={JSON.stringify(next.input)} />
          <input type="hidden" name="intent" value="run" />
          <p class="hint">
            <strong>NextShardIterator</strong>: where this read ended. An open shard always returns one, even with no records; read from it for what is written
            next.
          </p>
          <button type="submit" data-next-records>
            Next records (NextShardIterator)
          </button>
        </form>
      ) : request.action === 'GetRecords' ? (
        <p class="hint">No NextShardIterator: the shard is closed (its stream was turned off) and read to its end.</p>
      ) : null}
    </div>
  );
}
