/**
 * A server-rendered line chart of accuracy (0–100%) over labelled points, drawn as SVG so it
 * needs no script. Screen readers get its title and description; the page beside it carries
 * the same figures as a table.
 */
import { CategoryAxis, ChartFrame, linearScale, PERCENT_TICKS, plotBox, ValueAxis } from './chart.tsx';
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
/** A character at the phone stylesheet's 15 px, where the chart is drawn at about half size. */
const CHAR_WIDTH = 9;

export function AccuracyChart({ id, title, description, points }: { id: string; title: string; description: string; points: readonly ChartPoint[] }) {
  const box = plotBox(WIDTH, HEIGHT, PAD);
  const step = linearScale([0, Math.max(1, points.length - 1)], [box.left + INSET, box.right - INSET]);
  const x = (i: number) => (points.length === 1 ? (box.left + box.right) / 2 : step(i));
  const y = linearScale([0, 1], [box.bottom, box.top]);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <ChartFrame id={id} title={title} description={description} width={WIDTH} height={HEIGHT} class="accuracy-chart">
      <ValueAxis box={box} ticks={PERCENT_TICKS} y={y} format={formatPercent} />
      {points.length > 1 ? <path class="line" d={path} /> : null}
      {points.map((p, i) => (
        <circle class="dot" cx={x(i)} cy={y(p.value)} r={4}>
          <title>{`${p.label}: ${formatPercent(p.value)} (${p.detail})`}</title>
        </circle>
      ))}
      <CategoryAxis labels={points.map((p, i) => ({ at: x(i), text: p.label }))} y={box.bottom + 20} charWidth={CHAR_WIDTH} />
    </ChartFrame>
  );
}
