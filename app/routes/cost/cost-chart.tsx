/**
 * Server-rendered SVG: monthly request/capacity charge against the average utilisation of
 * provisioned capacity. On-demand is flat (it bills what is used); provisioned falls as
 * utilisation rises; they cross at the break-even. A table below carries the same numbers.
 */
import { ChartFrame, ChartLegend, linearScale, niceCeiling, PERCENT_TICKS, plotBox, ValueAxis } from '../../views/chart.tsx';
import type { CostResponse } from './schemas.ts';

// The chart helper is their home; traffic-view.tsx imports them from here.
export { ChartLegend, niceCeiling };

const W = 640;
const H = 320;
const PAD = { left: 64, right: 16, top: 16, bottom: 44 };

function usd(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function CostChart({ report, targetPercent }: { report: CostResponse; targetPercent: number }) {
  const points = report.chart;
  const maxY = niceCeiling(Math.max(...points.map((p) => Math.max(p.onDemandUsd, p.provisionedUsd))));
  const box = plotBox(W, H, PAD);
  // The chart starts at 10 % utilisation, the lowest the report computes.
  const x = linearScale([10, 100], [box.left, box.right]);
  const y = linearScale([0, maxY], [box.bottom, box.top]);
  const path = (pick: (p: (typeof points)[number]) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.utilisationPercent).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const yTicks = PERCENT_TICKS.map((f) => f * maxY);
  const xTicks = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const be = report.breakEvenPercent;
  return (
    <figure>
      <ChartFrame
        id="cost-chart"
        title="Monthly request and capacity charge against utilisation of provisioned capacity"
        description={`On-demand costs ${usd(points[0]?.onDemandUsd ?? 0)} a month whatever the utilisation. Provisioned costs ${usd(points[0]?.provisionedUsd ?? 0)} at 10 % utilisation and ${usd(points.at(-1)?.provisionedUsd ?? 0)} at 100 %. The lines cross at the break-even, ${be} %.`}
        width={W}
        height={H}
        class="cost-chart"
      >
        <ValueAxis box={box} ticks={yTicks} y={y} format={usd} />
        {xTicks.map((t) => (
          <text x={x(t)} y={box.bottom + 16} text-anchor="middle">
            {`${t}%`}
          </text>
        ))}
        <text x={(box.left + box.right) / 2} y={H - 6} text-anchor="middle">
          Average utilisation of provisioned capacity
        </text>
        <line class="marker marker-break-even" x1={x(be)} x2={x(be)} y1={box.top} y2={box.bottom} />
        <text x={x(be) + 4} y={box.top + 12} class="break-even">{`break-even ${be}%`}</text>
        <line class="marker marker-target" x1={x(targetPercent)} x2={x(targetPercent)} y1={box.top} y2={box.bottom} />
        <text x={x(targetPercent) + 4} y={box.top + 28}>{`target ${targetPercent}%`}</text>
        <path class="series series-b" d={path((p) => p.onDemandUsd)} />
        <path class="series series-a" d={path((p) => p.provisionedUsd)} />
      </ChartFrame>
      <ChartLegend
        items={[
          { series: 'series-b', label: 'On-demand' },
          { series: 'series-a', label: 'Provisioned' },
        ]}
      />
      <figcaption class="hint">
        Storage and backups are the same in both modes and left out of the chart. Units are not rounded up here, so the lines cross exactly at the break-even.
      </figcaption>
      <details>
        <summary>The chart as a table</summary>
        <table>
          <caption>Monthly request or capacity charge by utilisation</caption>
          <thead>
            <tr>
              <th scope="col">Utilisation</th>
              <th scope="col" class="num">
                On-demand
              </th>
              <th scope="col" class="num">
                Provisioned
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr>
                <th scope="row">{`${p.utilisationPercent}%`}</th>
                <td class="num">{usd(p.onDemandUsd)}</td>
                <td class="num">{usd(p.provisionedUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
