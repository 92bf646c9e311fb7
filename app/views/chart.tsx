/**
 * What every server-rendered chart shares: the SVG frame with its accessible name, the plot box,
 * linear scales, round axis tops, a value axis with grid lines, and label placement that never
 * lets two labels overlap (thinning a row of labels, or dropping one to a second row). Colours
 * come from classes (style.css), never fixed fills, so both colour schemes work; a chart's key
 * goes outside the plot (ChartLegend), and its figures in a table (ChartTable) or the page's own.
 */
import type { Child } from 'hono/jsx';

/** Margins around the plot, in the SVG's own units. */
export interface Padding {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface PlotBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
}

/** The plot inside a drawing of `width` × `height` less its padding; never negative. */
export function plotBox(width: number, height: number, pad: Padding): PlotBox {
  return {
    width,
    height,
    left: pad.left,
    right: width - pad.right,
    top: pad.top,
    bottom: height - pad.bottom,
    plotWidth: Math.max(0, width - pad.left - pad.right),
    plotHeight: Math.max(0, height - pad.top - pad.bottom),
  };
}

/**
 * Maps `domain` linearly onto `range` (either may run backwards: a y axis maps 0 to the bottom).
 * A domain of zero width maps everything to the middle of the range.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `max`, so axis labels are round figures; 1 for nothing. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** The fractions 0, 25, 50, 75 and 100 %: the value axis of every percentage chart. */
export const PERCENT_TICKS: readonly number[] = [0, 0.25, 0.5, 0.75, 1];

/** A label to place along an axis: `at` is its centre (text-anchor middle). */
export interface AxisLabel {
  readonly at: number;
  readonly text: string;
}

/** The label's half width at `charWidth` per character (a safe estimate: SVG text has no layout before it is drawn). */
const halfWidth = (text: string, charWidth: number): number => (text.length * charWidth) / 2;

/**
 * The labels to draw along a horizontal axis so that no two overlap (at least `gap` apart): the
 * first and the last always, then every k-th between them for the smallest k that fits. When
 * even the first and last collide, only the first.
 */
export function thinLabels(labels: readonly AxisLabel[], charWidth: number, gap = 6): AxisLabel[] {
  if (labels.length <= 1) return [...labels];
  const fits = (chosen: readonly AxisLabel[]) =>
    chosen.every((l, i) => i === 0 || l.at - halfWidth(l.text, charWidth) >= chosen[i - 1]!.at + halfWidth(chosen[i - 1]!.text, charWidth) + gap);
  for (let every = 1; every < labels.length; every++) {
    const chosen = labels.filter((_, i) => i % every === 0 && i < labels.length - 1);
    // The last label replaces the every-th one before it when the two would touch.
    while (chosen.length > 1 && !fits([chosen.at(-1)!, labels.at(-1)!])) chosen.pop();
    chosen.push(labels.at(-1)!);
    if (fits(chosen)) return chosen;
  }
  return [labels[0]!];
}

/** A label with the row it was given: 0 on the axis line, 1 a line below. */
export interface StackedLabel extends AxisLabel {
  readonly row: number;
}

/**
 * Centres each label at its `at`, kept inside [min, max], and drops one a row when it would
 * touch the label before it on the first row, so long group names under a chart never overlap
 * (two rows suffice for labels no wider than their neighbours' spans together).
 */
export function stackLabels(labels: readonly AxisLabel[], charWidth: number, bounds: { min: number; max: number }, gap = 4): StackedLabel[] {
  const lastEnd = [-Infinity, -Infinity];
  return labels.map((label) => {
    const half = halfWidth(label.text, charWidth);
    const at = Math.min(Math.max(label.at, bounds.min + half), bounds.max - half);
    const row = at - half > lastEnd[0]! + gap ? 0 : 1;
    lastEnd[row] = at + half;
    return { at, text: label.text, row };
  });
}

/** The <svg> of a chart: an image named by its title and described by its description. */
export function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  class: className,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  class: string;
  children?: Child;
}) {
  return (
    <svg class={`chart ${className}`} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Grid lines across the plot at each tick, with the tick's label right-aligned in the left margin. */
export function ValueAxis({
  box,
  ticks,
  y,
  format,
}: {
  box: PlotBox;
  ticks: readonly number[];
  y: (value: number) => number;
  format: (value: number) => string;
}) {
  return (
    <>
      {ticks.map((v) => (
        <g>
          <line class="grid" x1={box.left} x2={box.right} y1={y(v)} y2={y(v)} />
          <text x={box.left - 6} y={y(v) + 4} text-anchor="end">
            {format(v)}
          </text>
        </g>
      ))}
    </>
  );
}

/** Category labels under the plot at their centres, thinned so none overlap. */
export function CategoryAxis({ labels, y, charWidth }: { labels: readonly AxisLabel[]; y: number; charWidth: number }) {
  return (
    <>
      {thinLabels(labels, charWidth).map((l) => (
        <text x={l.at} y={y} text-anchor="middle">
          {l.text}
        </text>
      ))}
    </>
  );
}

/**
 * The key to a chart's series, in HTML below the chart rather than inside it: a key inside the
 * plot lands on a line for some data, and on a phone the SVG's text shrinks with it. The
 * swatches are decoration; the chart's description and its table carry the figures.
 */
export function ChartLegend({ items }: { items: ReadonlyArray<{ series: string; label: string }> }) {
  return (
    <ul class="chart-legend">
      {items.map((item) => (
        <li>
          <span class={`swatch ${item.series}`} aria-hidden="true"></span>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** A chart's figures as a table, folded under the chart, for a chart whose page shows no table of its own. */
export function ChartTable({ caption, columns, rows }: { caption: string; columns: readonly string[]; rows: ReadonlyArray<readonly string[]> }) {
  return (
    <details class="chart-table">
      <summary>{caption}: the figures as a table</summary>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" class={i > 0 ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>{row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class="num">{cell}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
