/**
 * A calendar heatmap of answers per UTC day, one column per week (Monday at the top), as
 * GitHub draws contributions. Each cell has a <title> with its date and count; the legend
 * gives each shade's range in figures, so colour is never the only signal.
 */
import { addDays, type DayCount } from '../progress/activity.ts';
import { ChartFrame } from './chart.tsx';

/** Upper bounds of shades 1–3; shade 4 is anything above. Fixed, so a shade means the same every week. */
export const HEAT_LEVELS = [
  { level: 0, label: '0', max: 0 },
  { level: 1, label: '1–2', max: 2 },
  { level: 2, label: '3–5', max: 5 },
  { level: 3, label: '6–9', max: 9 },
  { level: 4, label: '10+', max: Infinity },
] as const;

export function heatLevel(answers: number): number {
  return HEAT_LEVELS.find((l) => answers <= l.max)!.level;
}

const CELL = 12;
const STEP = 15;
const LEFT = 36;
const TOP = 18;
const LEGEND_STEP = 46;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function HeatmapChart({ id, from, today, days }: { id: string; from: string; today: string; days: readonly DayCount[] }) {
  const counts = new Map(days.map((d) => [d.date, d.answers]));
  const cells: Array<{ date: string; week: number; weekday: number; answers: number }> = [];
  for (let date = from, i = 0; date <= today; date = addDays(date, 1), i++) {
    cells.push({ date, week: Math.floor(i / 7), weekday: i % 7, answers: counts.get(date) ?? 0 });
  }
  const weeks = Math.floor((cells.length - 1) / 7) + 1;
  const gridBottom = TOP + 7 * STEP;
  const legendY = gridBottom + 10;
  const width = LEFT + weeks * STEP + 4;
  const height = legendY + CELL + 6;
  // A month's name over the first week that holds its 1st (or the first week, if no 1st falls in it).
  const monthLabels = cells
    .filter((c) => c.date.endsWith('-01') || (c.week === 0 && c.weekday === 0 && Number(c.date.slice(8)) <= 21))
    .map((c) => ({ week: c.week, text: MONTHS[Number(c.date.slice(5, 7)) - 1]! }));
  const total = days.reduce((n, d) => n + d.answers, 0);
  const legendX = width - HEAT_LEVELS.length * LEGEND_STEP - 36;
  return (
    <ChartFrame
      id={id}
      title="Answers per day (UTC)"
      description={`${plural(total, 'answer', 'answers')} on ${plural(days.length, 'day', 'days')} from ${from} to ${today}, one square per day, one column per week. The summary and table below give the same figures.`}
      width={width}
      height={height}
      class="heatmap-chart"
    >
      {monthLabels.map((m) => (
        <text x={LEFT + m.week * STEP} y={TOP - 6}>
          {m.text}
        </text>
      ))}
      {[0, 2, 4].map((d) => (
        <text x={LEFT - 6} y={TOP + d * STEP + CELL - 2} text-anchor="end">
          {WEEKDAYS[d]}
        </text>
      ))}
      {cells.map((c) => (
        <rect class={`heat heat-${heatLevel(c.answers)}`} x={LEFT + c.week * STEP} y={TOP + c.weekday * STEP} width={CELL} height={CELL} rx={2}>
          <title>{`${c.date}: ${plural(c.answers, 'answer', 'answers')}`}</title>
        </rect>
      ))}
      <g class="heat-legend">
        <text x={legendX - 6} y={legendY + CELL - 2} text-anchor="end">
          Answers a day:
        </text>
        {HEAT_LEVELS.map((l, i) => (
          <g>
            <rect class={`heat heat-${l.level}`} x={legendX + i * LEGEND_STEP} y={legendY} width={CELL} height={CELL} rx={2} />
            <text x={legendX + i * LEGEND_STEP + CELL + 3} y={legendY + CELL - 2}>
              {l.label}
            </text>
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}
