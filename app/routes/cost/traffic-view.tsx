/**
 * /cost/traffic: a day of traffic priced both ways. The chart shows, hour by hour, the write
 * units the table consumes and the WCU provisioned for them: the gap between the two is what
 * provisioned mode pays for and does not use.
 */
import { Layout } from '../../views/layout.tsx';
import { ChartLegend, niceCeiling } from './cost-chart.tsx';
import { CostStylesheet, ErrorSummary, Field, Select, usd, Working } from './form-fields.tsx';
import type { TrafficResponse } from './traffic-schemas.ts';

export interface TrafficPageProps {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly report: TrafficResponse | null;
}

const W = 640;
const H = 280;
const PAD = { left: 64, right: 16, top: 16, bottom: 44 };

function DayChart({ report }: { report: TrafficResponse }) {
  const maxY = niceCeiling(Math.max(...report.hours.map((h) => Math.max(h.writeUnits, h.wcu))));
  const x = (hour: number) => PAD.left + (hour / 24) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / maxY) * (H - PAD.top - PAD.bottom);
  const steps = (pick: (h: TrafficResponse['hours'][number]) => number) =>
    report.hours
      .map((h, i) => `${i === 0 ? 'M' : 'L'}${x(h.hour).toFixed(1)},${y(pick(h)).toFixed(1)} L${x(h.hour + 1).toFixed(1)},${y(pick(h)).toFixed(1)}`)
      .join(' ');
  const peak = Math.max(...report.hours.map((h) => h.wcu));
  return (
    <figure>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="day-chart-title day-chart-desc">
        <title id="day-chart-title">Write units consumed and WCU provisioned, hour by hour</title>
        <desc id="day-chart-desc">{`Provisioned capacity peaks at ${peak} WCU; the table consumes on average ${report.averageUtilisationPercent} % of what is provisioned (break-even ${report.breakEvenPercent} %).`}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g>
            <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(f * maxY)} y2={y(f * maxY)} />
            <text x={PAD.left - 6} y={y(f * maxY) + 4} text-anchor="end">
              {(f * maxY).toLocaleString('en-US')}
            </text>
          </g>
        ))}
        {[0, 3, 6, 9, 12, 15, 18, 21, 24].map((hour) => (
          <text x={x(hour)} y={H - PAD.bottom + 16} text-anchor="middle">{`${String(hour).padStart(2, '0')}:00`}</text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 6} text-anchor="middle">
          Hour of the day (write units per second)
        </text>
        <path class="series series-a" d={steps((h) => h.wcu)} />
        <path class="series series-b series-dashed" d={steps((h) => h.writeUnits)} />
      </svg>
      <ChartLegend
        items={[
          { series: 'series-a', label: 'WCU provisioned' },
          { series: 'series-b series-dashed', label: 'Write units consumed' },
        ]}
      />
      <details>
        <summary>The day as a table</summary>
        {/* Six figures a row are wider than a 320 px phone: the table scrolls inside its own
            region (focusable, so a keyboard can scroll it) instead of widening the page. */}
        <section class="table-scroll" aria-labelledby="day-table-caption" tabindex={0}>
          <table>
            <caption id="day-table-caption">Traffic and capacity by hour</caption>
            <thead>
              <tr>
                <th scope="col">Hour</th>
                <th scope="col" class="num">
                  Requests/s
                </th>
                <th scope="col" class="num">
                  Read units/s
                </th>
                <th scope="col" class="num">
                  RCU
                </th>
                <th scope="col" class="num">
                  Write units/s
                </th>
                <th scope="col" class="num">
                  WCU
                </th>
              </tr>
            </thead>
            <tbody>
              {report.hours.map((h) => (
                <tr>
                  <th scope="row">{`${String(h.hour).padStart(2, '0')}:00`}</th>
                  <td class="num">{h.requestsPerSecond.toLocaleString('en-US')}</td>
                  <td class="num">{h.readUnits.toLocaleString('en-US')}</td>
                  <td class="num">{h.rcu.toLocaleString('en-US')}</td>
                  <td class="num">{h.writeUnits.toLocaleString('en-US')}</td>
                  <td class="num">{h.wcu.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}

/** Field names to their labels, for the error summary. */
const LABELS: Readonly<Record<string, string>> = {
  shape: 'Shape',
  baseRequestsPerSecond: 'Off-peak rate',
  peakRequestsPerSecond: 'Peak rate',
  readUnitsPerRequest: 'Read units per request',
  writeUnitsPerRequest: 'Write units per request',
  provisioning: 'Capacity',
  targetUtilisationPercent: 'Auto-scaling target',
  tableClass: 'Table class',
};

export function TrafficPage({ values, errors, report }: TrafficPageProps) {
  const props = { values, errors };
  const verdict =
    report === null
      ? ''
      : report.cheaper === 'equal'
        ? 'Both modes cost the same.'
        : `${report.cheaper === 'on-demand' ? 'On-demand' : 'Provisioned'} is cheaper by ${usd(report.differenceUsd)} a month.`;
  return (
    <Layout title="Capacity mode for a traffic shape" current="cost">
      <CostStylesheet />
      <h1>On-demand or provisioned for this day’s traffic?</h1>
      <p class="lead">
        A day of traffic, repeated for a 730-hour month, priced both ways. <a href="/cost">Price a whole table workload</a> or{' '}
        <a href="/cost/serverless">a serverless stack</a>.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form class="cost-form" method="get" action="/cost/traffic" novalidate>
        <fieldset>
          <legend>Traffic over a day</legend>
          <Select
            name="shape"
            label="Shape"
            options={[
              ['steady', 'Steady: the off-peak rate all day'],
              ['daily-peak', 'Daily peak: the peak rate 09:00–18:00'],
              ['spiky', 'Spiky: the peak rate for one hour at 12:00 and at 20:00'],
            ]}
            {...props}
          />
          <Field name="baseRequestsPerSecond" label="Off-peak rate" unit="requests/s" min={0} {...props} />
          <Field name="peakRequestsPerSecond" label="Peak rate" unit="requests/s" min={0} {...props} />
          <Field name="readUnitsPerRequest" label="Read units per request" unit="RRU/RCU (0.5 = one eventual read ≤ 4 KB)" min={0} {...props} />
          <Field name="writeUnitsPerRequest" label="Write units per request" unit="WRU/WCU (1 = one write ≤ 1 KB)" min={0} {...props} />
        </fieldset>
        <fieldset>
          <legend>Provisioned mode</legend>
          <Select
            name="provisioning"
            label="Capacity"
            options={[
              ['auto-scaling', 'Auto scaling follows each hour'],
              ['fixed-peak', 'Held at the peak all day (spikes too fast for auto scaling)'],
            ]}
            {...props}
          />
          <Field name="targetUtilisationPercent" label="Auto-scaling target" unit="% (20–90)" min={20} max={90} {...props} />
          <Select
            name="tableClass"
            label="Table class"
            options={[
              ['standard', 'Standard'],
              ['standard-ia', 'Standard-IA'],
            ]}
            {...props}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">Compare</button>
        </div>
      </form>
      {report ? (
        <section aria-labelledby="traffic-results-h">
          <h2 id="traffic-results-h">Per month</h2>
          <p class="lead" role="status" data-testid="traffic-verdict">
            {`On-demand ${usd(report.onDemandUsd)}, provisioned ${usd(report.provisionedUsd)}. ${verdict} Provisioned capacity would be ${report.averageUtilisationPercent} % used on average; the break-even is ${report.breakEvenPercent} %.`}
          </p>
          <DayChart report={report} />
          <Working calculation={report.calculation} summary="Show the working" />
          <p class="hint">
            Hourly averages: auto scaling is assumed to follow each hour exactly, at its target, at least 1 unit; in reality it needs about two minutes above
            target to react and scales in slowly, so short spikes must be provisioned in advance (the “held at the peak” option, without extra headroom).
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
