/** The chart helper every SVG chart draws from: scales, round axis tops, label placement. */
import { describe, expect, it } from 'vitest';
import { AccuracyChart } from '../../../app/views/accuracy-chart.tsx';
import { BarChart } from '../../../app/views/bar-chart.tsx';
import { type AxisLabel, ChartTable, linearScale, niceCeiling, plotBox, stackLabels, thinLabels } from '../../../app/views/chart.tsx';

const CHAR = 9;
/** True when no two labels' estimated boxes touch. */
function apart(labels: readonly AxisLabel[], gap = 0): boolean {
  return labels.every((l, i) => i === 0 || l.at - (l.text.length * CHAR) / 2 >= labels[i - 1]!.at + (labels[i - 1]!.text.length * CHAR) / 2 + gap);
}

describe('linearScale', () => {
  it('maps the ends of the domain onto the ends of the range, backwards for a y axis', () => {
    const y = linearScale([0, 1], [200, 20]);
    expect([y(0), y(1), y(0.5)]).toEqual([200, 20, 110]);
  });

  it('puts everything in the middle when the domain has no width', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe('plotBox', () => {
  it('is the drawing less its padding, never negative', () => {
    expect(plotBox(640, 220, { left: 50, right: 8, top: 22, bottom: 28 })).toMatchObject({
      left: 50,
      right: 632,
      top: 22,
      bottom: 192,
      plotWidth: 582,
      plotHeight: 170,
    });
    expect(plotBox(10, 10, { left: 20, right: 20, top: 0, bottom: 0 }).plotWidth).toBe(0);
  });
});

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [-5, 1],
    [Number.NaN, 1],
    [0.3, 0.5],
    [1, 1],
    [7, 10],
    [12, 20],
    [21, 25],
    [240, 250],
    [251, 500],
    [1000, 1000],
  ])('%d rounds up to %d', (max, top) => {
    expect(niceCeiling(max)).toBeCloseTo(top, 10);
  });
});

describe('thinLabels', () => {
  const days = (n: number, step: number) => Array.from({ length: n }, (_, i) => ({ at: 68 + i * step, text: `12-${String(i + 1).padStart(2, '0')}` }));

  it('keeps every label when they fit', () => {
    expect(thinLabels(days(6, 100), CHAR)).toHaveLength(6);
  });

  it.each([8, 30, 90, 365])('never lets two of %d crowded labels overlap, and keeps the first and the last', (n) => {
    const labels = days(n, 530 / n);
    const kept = thinLabels(labels, CHAR);
    expect(apart(kept, 6)).toBe(true);
    expect(kept[0]).toEqual(labels[0]);
    if (kept.length > 1) expect(kept.at(-1)).toEqual(labels.at(-1));
  });

  it('gives nothing for nothing and one label for one', () => {
    expect(thinLabels([], CHAR)).toEqual([]);
    expect(thinLabels([{ at: 5, text: 'only' }], CHAR)).toEqual([{ at: 5, text: 'only' }]);
  });

  it('keeps only the first when even the first and last would collide', () => {
    expect(
      thinLabels(
        [
          { at: 0, text: 'a long label' },
          { at: 10, text: 'another one' },
        ],
        CHAR,
      ),
    ).toEqual([{ at: 0, text: 'a long label' }]);
  });
});

describe('stackLabels', () => {
  it('drops a label a row when it would touch the one before it, and clamps labels inside the chart', () => {
    const stacked = stackLabels(
      [
        { at: 10, text: 'What DynamoDB is' },
        { at: 60, text: 'Keys' },
        { at: 300, text: 'Capacity' },
      ],
      CHAR,
      { min: 0, max: 640 },
    );
    expect(stacked.map((l) => l.row)).toEqual([0, 1, 0]);
    expect(stacked[0]!.at).toBe((16 * CHAR) / 2);
    for (const row of [0, 1]) expect(apart(stacked.filter((l) => l.row === row))).toBe(true);
  });
});

describe('charts drawn from the helper', () => {
  it('draws a bar chart of no data as its axis alone', () => {
    const html = (<BarChart id="empty" title="Nothing yet" description="No answers." groups={[]} />).toString();
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="empty-title empty-desc"');
    expect((html.match(/class="grid"/g) ?? []).length).toBe(5);
    expect(html).not.toContain('class="bar"');
  });

  it('draws an accuracy chart of one point as a dot in the middle of the plot, no line', () => {
    const html = (<AccuracyChart id="one" title="t" description="d" points={[{ label: '12-06', value: 0.5, detail: '2 attempts' }]} />).toString();
    expect(html).toContain('cx="339"');
    expect(html).not.toContain('class="line"');
  });

  it('labels at most as many days as fit under a month of points', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ label: `12-${String(i + 1).padStart(2, '0')}`, value: 0.5, detail: '' }));
    const html = (<AccuracyChart id="month" title="t" description="d" points={points} />).toString();
    const xs = [...html.matchAll(/<text x="([\d.]+)" y="224"/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThan(4);
    expect(xs.every((x, i) => i === 0 || x - xs[i - 1]! >= 5 * CHAR)).toBe(true);
    expect(html).toContain('>12-30</text>');
  });

  it('folds a chart table under its chart', () => {
    const html = (<ChartTable caption="Answers per day" columns={['Day', 'Answers']} rows={[['12-06', '3']]} />).toString();
    expect(html).toContain('<summary>Answers per day: the figures as a table</summary>');
    expect(html).toContain('<th scope="row">12-06</th><td class="num">3</td>');
  });
});
