/**
 * An exam's score per area as horizontal bars (area names are long; sideways they fit a phone),
 * with the pass mark as a vertical line. Server-rendered SVG; the report carries the same
 * figures in a table.
 */
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
  const height = PAD.top + bars.length * ROW + PAD.bottom;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const x = (v: number) => PAD.left + v * plotWidth;
  return (
    <svg class="chart exam-area-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const top = PAD.top + i * ROW;
        return (
          <g>
            <title>{`${bar.label}: ${formatPercent(bar.value)} (${bar.detail})`}</title>
            <rect class="track" x={x(0)} y={top + 24} width={plotWidth} height={14} />
            <rect class="bar" x={x(0)} y={top + 24} width={Math.max(1, bar.value * plotWidth)} height={14} />
            <text x={x(0)} y={top + 18}>
              {bar.label}
            </text>
            <text class="figure" x={x(1) + 6} y={top + 36}>
              {formatPercent(bar.value)}
            </text>
          </g>
        );
      })}
      <line class="pass-line" x1={x(passMark)} x2={x(passMark)} y1={PAD.top - 6} y2={height - PAD.bottom} />
      <text class="pass-label" x={x(passMark)} y={PAD.top - 12} text-anchor="middle">
        pass {formatPercent(passMark)}
      </text>
    </svg>
  );
}
