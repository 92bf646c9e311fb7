/**
 * An exam's score per area as horizontal bars (area names are long; sideways they fit a phone),
 * with the pass mark as a vertical line. Server-rendered SVG; the report carries the same
 * figures in a table.
 */
import { ChartFrame, linearScale, plotBox } from './chart.tsx';
import { formatPercent } from './components.tsx';

export interface AreaBar {
  readonly label: string;
  /** 0..1. */
  readonly value: number;
  readonly detail: string;
}

const WIDTH = 640;
// Room above each bar for its label at the phone's larger type.
const ROW = 46;
const PAD = { left: 8, right: 76, top: 30, bottom: 8 };

export function ExamAreaChart({
  id,
  title,
  description,
  bars,
  passMark,
}: {
  id: string;
  title: string;
  description: string;
  bars: readonly AreaBar[];
  passMark: number;
}) {
  const box = plotBox(WIDTH, PAD.top + bars.length * ROW + PAD.bottom, PAD);
  const x = linearScale([0, 1], [box.left, box.right]);
  return (
    <ChartFrame id={id} title={title} description={description} width={box.width} height={box.height} class="exam-area-chart">
      {bars.map((bar, i) => {
        const top = box.top + i * ROW;
        return (
          <g>
            <title>{`${bar.label}: ${formatPercent(bar.value)} (${bar.detail})`}</title>
            <rect class="track" x={x(0)} y={top + 24} width={box.plotWidth} height={14} />
            <rect class="bar" x={x(0)} y={top + 24} width={Math.max(1, bar.value * box.plotWidth)} height={14} />
            <text x={x(0)} y={top + 18}>
              {bar.label}
            </text>
            <text class="figure" x={x(1) + 6} y={top + 36}>
              {formatPercent(bar.value)}
            </text>
          </g>
        );
      })}
      {/* The pass mark's label sits above the first row's label, clear of every bar. */}
      <line class="pass-line" x1={x(passMark)} x2={x(passMark)} y1={box.top - 6} y2={box.bottom} />
      <text class="pass-label" x={x(passMark)} y={box.top - 12} text-anchor="middle">
        pass {formatPercent(passMark)}
      </text>
    </ChartFrame>
  );
}
