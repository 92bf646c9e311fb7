/**
 * A server-rendered line chart of accuracy (0–100%) over labelled points, drawn as SVG so it
 * needs no script. Screen readers get its title and description; the page beside it carries
 * the same figures as a table.
 */
import { formatPercent } from './components.tsx';

export interface ChartPoint {
  readonly label: string;
  /** 0..1. */
  readonly value: number;
  readonly detail: string;
}

const WIDTH = 640;
const HEIGHT = 240;
// The left pad holds "100%" at the 15 px the phone stylesheet gives the labels.
const PAD = { left: 54, right: 16, top: 16, bottom: 36 };
/** Keeps the first and last dots clear of the axis labels. */
const INSET = 14;

export function AccuracyChart({ id, title, description, points }: { id: string; title: string; description: string; points: readonly ChartPoint[] }) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + INSET + (points.length === 1 ? (plotWidth - 2 * INSET) / 2 : (i * (plotWidth - 2 * INSET)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - v) * plotHeight;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  // Label at most about eight points on the axis so labels never overlap.
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg class="chart accuracy-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g>
          <line class="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
            {formatPercent(v)}
          </text>
        </g>
      ))}
      {points.length > 1 ? <path class="line" d={path} /> : null}
      {points.map((p, i) => (
        <circle class="dot" cx={x(i)} cy={y(p.value)} r={4}>
          <title>{`${p.label}: ${formatPercent(p.value)} (${p.detail})`}</title>
        </circle>
      ))}
      {points.map((p, i) =>
        i % labelEvery === 0 || i === points.length - 1 ? (
          <text x={x(i)} y={HEIGHT - PAD.bottom + 20} text-anchor="middle">
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
