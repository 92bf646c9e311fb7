/**
 * The next 30 days of due reviews as a server-rendered SVG bar chart (no script). Its title and
 * description speak for it to screen readers; the page carries the same figures as a table.
 */
import type { ForecastDay } from '../../progress/review-cards.ts';
import { ChartFrame, linearScale, plotBox, ValueAxis } from '../../views/chart.tsx';

const WIDTH = 640;
const HEIGHT = 220;
// The left pad holds a three-digit count at the phone stylesheet's larger label size.
const PAD = { left: 40, right: 12, top: 14, bottom: 40 };

/** A round axis top: 1, 2, 5, 10, 20, 50... at or above the highest bar. */
function axisTop(max: number): number {
  if (max <= 4) return Math.max(1, max);
  const step = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * step).find((top) => top >= max) ?? 10 * step;
}

export function ForecastChart({ id, days }: { id: string; days: readonly ForecastDay[] }) {
  const total = days.reduce((sum, d) => sum + d.due, 0);
  const top = axisTop(Math.max(0, ...days.map((d) => d.due)));
  const box = plotBox(WIDTH, HEIGHT, PAD);
  const slot = box.plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = linearScale([0, top], [box.bottom, box.top]);
  const ticks = top <= 4 ? Array.from({ length: top + 1 }, (_, i) => i) : [0, top / 2, top];
  const busiest = days.reduce<ForecastDay | undefined>((best, d) => (best === undefined || d.due > best.due ? d : best), undefined);
  const description =
    total === 0
      ? `No reviews are due in the next ${days.length} days.`
      : `${total} reviews due over the next ${days.length} days, ${days[0]?.due ?? 0} of them today; the busiest day is ${busiest?.day} with ${busiest?.due}.`;
  return (
    <ChartFrame id={id} title={`Reviews due per day, next ${days.length} days`} description={description} width={WIDTH} height={HEIGHT} class="forecast-chart">
      <ValueAxis box={box} ticks={ticks} y={y} format={String} />
      {days.map((d, i) =>
        d.due > 0 ? (
          <rect class="bar" x={box.left + i * slot + (slot - barWidth) / 2} y={y(d.due)} width={barWidth} height={box.bottom - y(d.due)}>
            <title>{`${d.day}: ${d.due} due`}</title>
          </rect>
        ) : null,
      )}
      {days.map((d, i) =>
        i % 7 === 0 ? (
          <text x={box.left + i * slot + slot / 2} y={box.bottom + 18} text-anchor="middle">
            {i === 0 ? 'today' : d.day.slice(5)}
          </text>
        ) : null,
      )}
    </ChartFrame>
  );
}
