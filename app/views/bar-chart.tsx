/**
 * A server-rendered column chart of fractions (0–100%), bars optionally grouped with a label
 * under each group, and an optional reference line (the pass mark). Each bar carries a <title>
 * with its figures; the page beside the chart carries them as a table too.
 */
import { ChartFrame, linearScale, PERCENT_TICKS, plotBox, stackLabels, thinLabels, ValueAxis } from './chart.tsx';
import { formatPercent } from './components.tsx';

export interface Bar {
  /** Under the bar; omit when bars are too many to label (their group is labelled instead). */
  readonly label?: string;
  /** 0..1, or null for no data (drawn as a stub on the axis). */
  readonly value: number | null;
  /** Above the bar, e.g. a count. */
  readonly note?: string;
  /** The tooltip and the accessible name of the bar. */
  readonly title: string;
}

export interface BarGroup {
  readonly label?: string;
  readonly bars: readonly Bar[];
}

export interface BarChartProps {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly groups: readonly BarGroup[];
  readonly reference?: { readonly value: number; readonly label: string } | undefined;
  readonly width?: number;
  readonly height?: number;
  readonly class?: string;
}

const PAD = { left: 50, right: 8, top: 22 };
/** Space between groups, in bar slots. */
const GROUP_GAP = 0.8;
/** A rough width of one character at the phone stylesheet's 15 px, to keep group labels from overlapping. */
const CHAR_WIDTH = 9;

export function BarChart({ id, title, description, groups, reference, width = 640, height = 220, class: className }: BarChartProps) {
  const labelledBars = groups.some((g) => g.bars.some((b) => b.label !== undefined));
  const labelledGroups = groups.some((g) => g.label !== undefined);
  const box = plotBox(width, height, { ...PAD, bottom: 8 + (labelledBars ? 20 : 0) + (labelledGroups ? 40 : 0) });
  const units = groups.reduce((n, g) => n + g.bars.length, 0) + GROUP_GAP * Math.max(0, groups.length - 1);
  const slot = box.plotWidth / Math.max(1, units);
  const barWidth = Math.min(slot * 0.72, 64);
  const y = linearScale([0, 1], [box.bottom, box.top]);
  const axisY = y(0);

  let cursor = box.left;
  const placed = groups.map((g) => {
    const start = cursor;
    const bars = g.bars.map((bar, i) => ({ bar, x: start + i * slot + (slot - barWidth) / 2 }));
    cursor = start + g.bars.length * slot + GROUP_GAP * slot;
    return { group: g, start, end: start + g.bars.length * slot, bars };
  });

  // Group labels centred under their group; one that would touch its left neighbour drops a row.
  const groupLabels = stackLabels(
    placed.map((p) => ({ at: (p.start + p.end) / 2, text: p.group.label ?? '' })),
    CHAR_WIDTH,
    { min: box.left, max: width },
  ).map((label, i) => ({ ...label, start: placed[i]!.start, end: placed[i]!.end }));
  const groupLabelTop = axisY + (labelledBars ? 22 : 6);
  // Bar labels thinned so none overlaps its neighbour.
  const barLabels = new Set(
    thinLabels(
      placed.flatMap((p) => p.bars.filter(({ bar }) => bar.label !== undefined).map(({ bar, x }) => ({ at: x + barWidth / 2, text: bar.label! }))),
      CHAR_WIDTH,
    ).map((l) => l.at),
  );

  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} class={`bar-chart${className ? ` ${className}` : ''}`}>
      <ValueAxis box={box} ticks={PERCENT_TICKS} y={y} format={formatPercent} />
      {placed.flatMap((p) =>
        p.bars.map(({ bar, x }) => (
          <g class="bar-item">
            <title>{bar.title}</title>
            {bar.value === null ? (
              <rect class="bar-empty" x={x} y={axisY - 2} width={barWidth} height={2} />
            ) : (
              <rect class="bar" x={x} y={y(bar.value)} width={barWidth} height={Math.max(1, axisY - y(bar.value))} />
            )}
            {bar.note !== undefined ? (
              <text class="bar-note" x={x + barWidth / 2} y={y(bar.value ?? 0) - 6} text-anchor="middle">
                {bar.note}
              </text>
            ) : null}
            {bar.label !== undefined && barLabels.has(x + barWidth / 2) ? (
              <text class="bar-label" x={x + barWidth / 2} y={axisY + 16} text-anchor="middle">
                {bar.label}
              </text>
            ) : null}
          </g>
        )),
      )}
      {reference ? (
        <g class="reference">
          <line x1={box.left} x2={box.right} y1={y(reference.value)} y2={y(reference.value)} />
          <text x={box.right} y={y(reference.value) - 5} text-anchor="end">
            {reference.label}
          </text>
        </g>
      ) : null}
      {labelledGroups
        ? groupLabels.map((g) => (
            <g class="group-label">
              <line x1={g.start + 2} x2={g.end - 2} y1={groupLabelTop} y2={groupLabelTop} />
              <text x={g.at} y={groupLabelTop + 14 + g.row * 16} text-anchor="middle">
                {g.text}
              </text>
            </g>
          ))
        : null}
    </ChartFrame>
  );
}
