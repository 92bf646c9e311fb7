/**
 * One simulated run of a request scenario as a picture (issue 13): every request in order, one
 * lane per partition (a DAX hit answered by the cache has its own lane), marked stale, throttled,
 * cache hit or miss; below it the units consumed per second and partition against each
 * partition's provisioned share. Drawn from what the grade stored (SimRunPicture), so a stored
 * result page never runs the simulation again. Colours come from classes in style.css (the CSP
 * forbids inline styles); the same figures are in the tables behind it.
 */
import type { SimEvent, SimRunPicture, SimulationSummary } from '../grading/simulation.ts';
import { linearScale, plotBox } from './chart.tsx';

const PAD = { left: 130, right: 50, top: 12 };
const LANE = 36;

function outcomeOf(e: SimEvent): 'throttled' | 'stale' | 'hit' | 'miss' | 'ok' {
  if (e.throttled) return 'throttled';
  if (e.stale) return 'stale';
  if (e.cache === 'hit') return 'hit';
  if (e.cache === 'miss') return 'miss';
  return 'ok';
}

const OUTCOME_WORDS = {
  throttled: 'throttled',
  stale: 'stale (older than the table held)',
  hit: 'DAX cache hit',
  miss: 'DAX cache miss',
  ok: 'served',
} as const;
/** The outcome in words, with the cache's part when a stale or throttled mark hides it. */
const outcomeText = (e: SimEvent): string => {
  const outcome = outcomeOf(e);
  return `${OUTCOME_WORDS[outcome]}${e.cache && outcome !== e.cache ? `, DAX cache ${e.cache}` : ''}`;
};
const isWrite = (action: string): boolean => !['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems'].includes(action);

function describe(e: SimEvent): string {
  const who = e.who === 'answer' ? 'your' : "the application's";
  const mode = e.consistent === undefined ? '' : e.consistent ? ' strongly consistent' : ' eventually consistent';
  const units = e.units === undefined ? '' : `, ${e.units} unit${e.units === 1 ? '' : 's'}`;
  return `${e.at} ms: ${who}${mode} ${e.action}${e.partition === undefined ? '' : ` on partition ${e.partition}`}: ${outcomeText(e)}${units}`;
}

/** The lane of an event: its partition, or the DAX lane for a read the cache answered. */
const laneOf = (e: SimEvent): number => (e.cache === 'hit' || e.partition === undefined ? -1 : e.partition);

export function SimTimeline({ id, picture, width = 640, title }: { id: string; picture: SimRunPicture; width?: number; title?: string }) {
  const events = picture.events;
  const lanes = [...new Set(events.map(laneOf))].sort((a, b) => a - b);
  const height = PAD.top + lanes.length * LANE + 34;
  // Requests in order, evenly spaced: a read 5 ms after a write would sit on it on a time axis.
  // One request sits in the middle (the scale of an empty domain).
  const x = linearScale([0, Math.max(0, events.length - 1)], [PAD.left, width - PAD.right]);
  const y = (lane: number): number => PAD.top + lanes.indexOf(lane) * LANE + LANE / 2;
  // At most six time labels: on a phone the chart is drawn at about half size with larger text.
  const every = Math.max(1, Math.ceil(events.length / 6));
  const stale = events.filter((e) => e.stale).length;
  const throttled = events.filter((e) => e.throttled).length;
  return (
    <svg class="chart sim-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title ?? `Run ${picture.seed}: requests in order, by partition`}</title>
      <desc id={`${id}-desc`}>
        {`${events.length} requests on ${picture.table}, ${picture.partitions} partition${picture.partitions === 1 ? '' : 's'}; ${stale} stale, ${throttled} throttled. The table below lists each request.`}
      </desc>
      {lanes.map((lane) => (
        <g>
          <line class="grid" x1={PAD.left} x2={width - PAD.right} y1={y(lane)} y2={y(lane)} />
          <text x={PAD.left - 8} y={y(lane) + 4} text-anchor="end">
            {lane === -1 ? 'DAX cache' : `partition ${lane}`}
          </text>
        </g>
      ))}
      {events.map((e, i) => {
        const cx = x(i);
        const cy = y(laneOf(e));
        const cls = `sim-mark sim-${outcomeOf(e)}${e.who === 'answer' ? ' sim-answer' : ''}`;
        return (
          <g class={cls}>
            <title>{describe(e)}</title>
            {isWrite(e.action) ? <rect x={cx - 6} y={cy - 6} width={12} height={12} /> : <circle cx={cx} cy={cy} r={6} />}
          </g>
        );
      })}
      {events.map((e, i) =>
        i % every === 0 ? (
          <text x={x(i)} y={height - 12} text-anchor="middle">
            {`${e.at} ms`}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** Consumed units per second, one bar per partition, against the partition's provisioned share (dashed). */
export function SimCapacityChart({ id, picture, kind, width = 640 }: { id: string; picture: SimRunPicture; kind: 'read' | 'write'; width?: number }) {
  const rows = picture.capacity.filter((r) => r.kind === kind);
  if (rows.length === 0 || rows.every((r) => r.share === null)) return null;
  const seconds = [...new Set(rows.map((r) => r.second))].sort((a, b) => a - b);
  const height = 200;
  const box = plotBox(width, height, { ...PAD, bottom: 28 });
  const top = Math.max(...rows.map((r) => Math.max(r.consumed, r.share ?? 0)), 1);
  const y = linearScale([0, top], [box.bottom, box.top]);
  const slot = box.plotWidth / seconds.length;
  const bar = Math.max(2, (slot * 0.8) / picture.partitions);
  const xOf = (second: number, partition: number): number => PAD.left + seconds.indexOf(second) * slot + slot * 0.1 + partition * bar;
  return (
    <svg class="chart sim-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{`${kind === 'read' ? 'Read' : 'Write'} units consumed per second and partition`}</title>
      <desc id={`${id}-desc`}>
        Bars are units consumed in a second by each partition; the dashed line over each is the partition's provisioned share. The table below gives the figures
        and the burst left.
      </desc>
      <line class="grid" x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} />
      <text x={PAD.left - 8} y={y(top) + 4} text-anchor="end">{`${Math.round(top)} units`}</text>
      <text x={PAD.left - 8} y={y(0) + 4} text-anchor="end">
        0
      </text>
      {rows.map((r) => (
        <g class="sim-ok">
          <title>{`second ${r.second}, partition ${r.partition}: ${r.consumed} ${kind} units consumed, share ${r.share ?? 'on demand'}`}</title>
          <rect class="sim-bar" x={xOf(r.second, r.partition)} y={y(r.consumed)} width={bar * 0.9} height={Math.max(0, y(0) - y(r.consumed))} />
          {r.share !== null ? (
            <line class="sim-share" x1={xOf(r.second, r.partition)} x2={xOf(r.second, r.partition) + bar * 0.9} y1={y(r.share)} y2={y(r.share)} />
          ) : null}
        </g>
      ))}
      {seconds.map((second, i) =>
        i % Math.max(1, Math.ceil(seconds.length / 8)) === 0 ? (
          <text x={PAD.left + i * slot + slot / 2} y={height - 8} text-anchor="middle">{`${second} s`}</text>
        ) : null,
      )}
    </svg>
  );
}

/** Units per second and partition against the partition's share: only when throughput is provisioned or units were consumed. */
function CapacityTable({ picture }: { picture: SimRunPicture }) {
  if (picture.capacity.length === 0) return null;
  return (
    <table class="sim-table">
      <caption>Capacity consumed per second and partition</caption>
      <thead>
        <tr>
          <th scope="col">Second</th>
          <th scope="col">Partition</th>
          <th scope="col">Units</th>
          <th scope="col">Consumed</th>
          <th scope="col">Partition's share</th>
          <th scope="col">Burst left</th>
        </tr>
      </thead>
      <tbody>
        {picture.capacity.map((row) => (
          <tr>
            <td>{row.second}</td>
            <td>{row.partition}</td>
            <td>{row.kind}</td>
            <td>{row.consumed}</td>
            <td>{row.share ?? 'on demand'}</td>
            <td>{row.burst ?? '-'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SimRunView({ summary }: { summary: SimulationSummary }) {
  const picture = summary.picture;
  return (
    <SimPicture
      id="sim-run"
      heading="The simulated run"
      intro={`Run ${picture.seed} of ${summary.runs} seeded runs, as the grade recorded it. Squares are writes, circles reads; outlined marks are your requests.`}
      picture={picture}
    />
  );
}

/**
 * A run drawn with its tables behind it: a graded run (SimRunView) or the requests a learner sent
 * to a simulated table of their sandbox (the playground), which differ only in their words.
 */
export function SimPicture({ id, heading, intro, picture, title }: { id: string; heading: string; intro: string; picture: SimRunPicture; title?: string }) {
  return (
    <section class="sim-run" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{intro}</p>
      <SimTimeline id={id} picture={picture} {...(title !== undefined && { title })} />
      <SimCapacityChart id={`${id}-write`} picture={picture} kind="write" />
      <SimCapacityChart id={`${id}-read`} picture={picture} kind="read" />
      <ul class="chart-legend sim-legend">
        {(['ok', 'stale', 'throttled', 'hit', 'miss'] as const).map((o) => (
          <li>
            <span class={`sim-swatch sim-${o}`} aria-hidden="true" />
            {OUTCOME_WORDS[o]}
          </li>
        ))}
      </ul>
      <details>
        <summary>The run as a table</summary>
        <table class="sim-table">
          <caption>Requests in order</caption>
          <thead>
            <tr>
              <th scope="col">Time (ms)</th>
              <th scope="col">Whose</th>
              <th scope="col">Request</th>
              <th scope="col">Partition</th>
              <th scope="col">Outcome</th>
              <th scope="col">Units</th>
            </tr>
          </thead>
          <tbody>
            {picture.events.map((e) => (
              <tr class={`sim-${outcomeOf(e)}`}>
                <td>{e.at}</td>
                <td>{e.who === 'answer' ? 'yours' : 'application'}</td>
                <td>{`${e.action}${e.consistent === undefined ? '' : e.consistent ? ' (strong)' : ' (eventual)'}`}</td>
                <td>{e.partition ?? '-'}</td>
                <td>{outcomeText(e)}</td>
                <td>{e.units ?? '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <CapacityTable picture={picture} />
      </details>
    </section>
  );
}
