/**
 * Grading with the simulation (issue 13): the simulation: block of a request spec, the families
 * graded by it (known wrong answers below full marks at many seeds, the reference at full marks),
 * determinism per seed, and the picture drawn from a stored result without running again.
 */
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../../app/bank/types.ts';
import { gradeDesign } from '../../../app/grading/design.ts';
import { wrongAnswers } from '../../../app/grading/hands-on.ts';
import { DesignAnswerSpecSchema, RequestAnswerSpecSchema } from '../../../app/grading/hands-on-spec.ts';
import { burstSeconds } from '../../../engine/index.ts';
import { simulateBurst, SimulationSpecSchema, type SimulationSummary } from '../../../app/grading/simulation.ts';
import { ChecksView } from '../../../app/views/checks-view.tsx';
import { loadContentBank } from '../../helpers/content-bank.ts';

const bank = loadContentBank();
type HandsOn = Extract<GradeResult, { kind: 'request' | 'design' }>;
const grade = (id: string, seed: number, json: string): HandsOn => bank.grade(id, seed, { kind: 'request', json }) as HandsOn;
const referenceJson = (id: string, seed: number): string => (bank.referenceAnswer(id, seed) as { json: string }).json;
const check = (r: HandsOn, id: string) => r.checks.find((c) => c.id === id);

const FAMILIES = [
  'capacity.sim-read-within-provisioned',
  'consistency.sim-read-after-write',
  'consistency.sim-gsi-read-after-write',
  'dax.sim-query-cache-stale',
  'dax.sim-hit-ratio',
];

describe('simulation families', () => {
  it.each(FAMILIES)('%s: the reference scores full marks and every known wrong answer less, at 8 seeds', (id) => {
    for (let seed = 0; seed < 8; seed++) {
      expect(grade(id, seed, referenceJson(id, seed)).score).toBe(1);
      const key = bank.instance(id, seed).key;
      if (key.kind !== 'request') throw new Error('not a request family');
      for (const wrong of wrongAnswers(key)) expect(grade(id, seed, wrong.json).score, `${id} seed ${seed}: ${wrong.name}`).toBeLessThan(1);
    }
  });

  it('keys the burst family by the simulated run', () => {
    const p = bank.variant('capacity.sim-burst-seconds', 9).params;
    const right = simulateBurst({ provisioned: Number(p.provisioned), consumedBefore: Number(p.consumed), spike: Number(p.spike) }).seconds;
    expect(bank.grade('capacity.sim-burst-seconds', 9, { kind: 'numeric', value: right }).score).toBe(1);
    expect(bank.grade('capacity.sim-burst-seconds', 9, { kind: 'numeric', value: right + 1 }).score).toBe(0);
  });

  it('catches an eventually consistent read right after a write as stale, and passes the strong read', () => {
    const id = 'consistency.sim-read-after-write';
    const reference = JSON.parse(referenceJson(id, 3)) as { action: string; params: Record<string, unknown> };
    const eventual = JSON.stringify({ ...reference, params: { ...reference.params, ConsistentRead: false } });
    const r = grade(id, 3, eventual);
    expect(check(r, 'items')?.passed).toBe(true); // on the plain engine it returns the right item...
    expect(check(r, 'sim-fresh')?.passed).toBe(false); // ...but not in every simulated run
    expect(check(r, 'sim-fresh')?.detail).toMatch(/^\d+ of 36 reads returned data older than the table held, in \d+ of 12 seeded runs/);
    const summary = r.details.simulation as SimulationSummary;
    expect(summary.picture.events.some((e) => e.who === 'answer' && e.stale)).toBe(true);
    expect(check(grade(id, 3, referenceJson(id, 3)), 'sim-fresh')?.detail).toBe('36 reads over 12 seeded runs, none stale.');
  });

  it('grades the same answer the same way every time (the runs are seeded by the spec)', () => {
    const id = 'consistency.sim-gsi-read-after-write';
    const key = bank.instance(id, 5).key;
    if (key.kind !== 'request') throw new Error('not a request family');
    const json = wrongAnswers(key).find((w) => w.name.startsWith('eventually consistent GetItem'))!.json;
    const first = grade(id, 5, json);
    const second = grade(id, 5, json);
    expect(JSON.stringify(second.details.simulation)).toBe(JSON.stringify(first.details.simulation));
    expect(second.score).toBe(first.score);
  });

  it('throttles a strongly consistent read that needs twice the provisioned rate, and not the eventual one', () => {
    const id = 'capacity.sim-read-within-provisioned';
    const reference = JSON.parse(referenceJson(id, 6)) as { action: string; params: Record<string, unknown> };
    expect(check(grade(id, 6, referenceJson(id, 6)), 'sim-throttled')?.detail).toBe('At most 0 of your requests throttled in one run (allowed: 0).');
    const strong = grade(id, 6, JSON.stringify({ ...reference, params: { ...reference.params, ConsistentRead: true } }));
    expect(check(strong, 'sim-throttled')).toMatchObject({
      passed: false,
      essential: true,
      detail: 'At most 20 of your requests throttled in one run (allowed: 0).',
    });
    expect((strong.details.simulation as SimulationSummary).picture.events.filter((e) => e.throttled)).toHaveLength(20);
  });

  it('counts DAX item-cache hits, and a strongly consistent read through DAX gets none', () => {
    const id = 'dax.sim-hit-ratio';
    expect(check(grade(id, 2, referenceJson(id, 2)), 'sim-cache')?.detail).toBe('9 of 10 reads were cache hits (0.9).');
    const reference = JSON.parse(referenceJson(id, 2)) as { action: string; params: Record<string, unknown> };
    const strong = grade(id, 2, JSON.stringify({ ...reference, params: { ...reference.params, ConsistentRead: true } }));
    expect(check(strong, 'sim-cache')?.passed).toBe(false);
  });

  it('serves an eventually consistent Query from the DAX query cache after an update through DAX: stale', () => {
    const id = 'dax.sim-query-cache-stale';
    const reference = JSON.parse(referenceJson(id, 4)) as { action: string; params: Record<string, unknown> };
    const { ConsistentRead: _, ...eventual } = reference.params;
    const r = grade(id, 4, JSON.stringify({ ...reference, params: eventual }));
    expect(check(r, 'sim-fresh')?.passed).toBe(false);
    const events = (r.details.simulation as SimulationSummary).picture.events.filter((e) => e.who === 'answer');
    expect(events).toEqual([expect.objectContaining({ action: 'Query', cache: 'hit', stale: true })]);
  });
});

describe('simulateBurst', () => {
  // The run and AWS's arithmetic (300 s of unused capacity banked, the excess drawn) must agree.
  it.each([
    [1000, 0, 1500],
    [1000, 200, 2000],
    [700, 280, 2100],
    [3000, 1500, 12000],
  ])('provisioned %i WCU, %i consumed before, spike %i: the first throttle comes when the formula says', (provisioned, consumedBefore, spike) => {
    const run = simulateBurst({ provisioned, consumedBefore, spike });
    expect(run.seconds).toBe(burstSeconds({ provisioned, consumedBefore, spike, unit: 'WCU' }).value);
    expect(run.bank / run.scale).toBeCloseTo(300 * (provisioned - consumedBefore), 6);
  });

  it('refuses figures the scaled run cannot represent', () => {
    expect(() => simulateBurst({ provisioned: 1000, consumedBefore: 150, spike: 2000 })).toThrow(/whole multiples/);
  });
});

describe('SimulationSpecSchema', () => {
  it('refuses steps without the answer, naming the field', () => {
    const parsed = SimulationSpecSchema.safeParse({ steps: [{ wait: 5 }], checks: { fresh: true } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['steps'], message: 'steps must hold "answer" exactly once' });
  });

  it('lets a family make a simulation check essential only when its block runs that check', () => {
    const spec = (essential: string[]) => ({
      fixture: { table: {} },
      reference: {},
      checks: { items: 'set', essential },
      wrong: [{ name: 'x', request: {} }],
      simulation: { steps: ['answer'], checks: { fresh: true } },
    });
    expect(RequestAnswerSpecSchema.safeParse(spec(['sim-fresh'])).success).toBe(true);
    const refused = RequestAnswerSpecSchema.safeParse(spec(['sim-cache']));
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['checks', 'essential', 0],
      message: '"sim-cache" is essential but the simulation: block does not check it (it checks sim-fresh)',
    });
  });

  it('marks the stale check essential in the read-after-write family: a stale read is wrong, not partly right', () => {
    const id = 'consistency.sim-read-after-write';
    const key = bank.instance(id, 2).key;
    if (key.kind !== 'request') throw new Error('not a request family');
    const r = grade(id, 2, wrongAnswers(key)[0]!.json);
    expect(check(r, 'sim-fresh')).toMatchObject({ passed: false, essential: true });
  });

  it('refuses a block with no check', () => {
    expect(SimulationSpecSchema.safeParse({ steps: ['answer'], checks: {} }).success).toBe(false);
  });
});

describe('the simulated run on the result page', () => {
  it('draws the run from a stored result (JSON round trip), with stale marks and the table behind it', () => {
    const id = 'consistency.sim-read-after-write';
    const reference = JSON.parse(referenceJson(id, 1)) as { action: string; params: Record<string, unknown> };
    const graded = grade(id, 1, JSON.stringify({ ...reference, params: { ...reference.params, ConsistentRead: false } }));
    // What the attempts table gives back: the simulation is not run again to draw it.
    const stored = JSON.parse(JSON.stringify(graded)) as HandsOn;
    const html = String(<ChecksView result={stored} />);
    expect(html).toContain('<svg class="chart sim-chart"');
    expect(html).toContain('class="sim-mark sim-stale sim-answer"');
    expect(html).toContain('<summary>The run as a table</summary>');
    expect(html).toMatch(/<td>yours<\/td><td>GetItem \(eventual\)<\/td><td>\d+<\/td><td>stale \(older than the table held\)<\/td>/);
    expect(html).not.toContain('style=');
  });

  it('draws no picture for a request family without a simulation block', () => {
    const id = 'keys.request-get-order';
    expect(String(<ChecksView result={grade(id, 1, referenceJson(id, 1))} />)).not.toContain('sim-chart');
  });
});

describe('design grading with the simulation', () => {
  const table = (hash: string, range: string) => ({
    TableName: 'Readings',
    BillingMode: 'PROVISIONED',
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 4000 },
    AttributeDefinitions: [
      { AttributeName: hash, AttributeType: 'S' },
      { AttributeName: range, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: hash, KeyType: 'HASH' },
      { AttributeName: range, KeyType: 'RANGE' },
    ],
  });
  const spec = DesignAnswerSpecSchema.parse({
    data: { generator: 'design-readings', args: {} },
    attributes: { sensorId: 'S', readingTime: 'S', value: 'N', site: 'S' },
    identity: ['sensorId', 'readingTime'],
    patterns: [{ name: 'site-readings', description: "a site's readings", inputs: { site: 'south' }, returns: ['value'], perSecond: 5 }],
    writesPerSecond: 2500,
    budget: 100000,
    reference: table('readingTime', 'sensorId'),
    wrong: [{ name: 'site as the key', design: table('site', 'readingTime') }],
    simulation: { seconds: 2 },
  });
  const context = { explanationHtml: '', references: [] };

  it('throttles the writes of a design keyed on two sites while the table has capacity to spare, and names the hot partition', () => {
    const r = gradeDesign(spec, JSON.stringify(table('site', 'readingTime')), context);
    const throughput = r.checks.find((c) => c.id === 'throughput')!;
    expect(throughput.passed).toBe(false);
    expect(throughput.detail).toMatch(
      /^Over 2 simulated seconds: writes: [1-9]\d* of 5000 throttled(; site-readings: \d+ of 10 throttled)?\. The busiest partition \(\d of 4\) consumed 1000 write units in one second, while the table may use 4000 a second/,
    );
  });

  it('serves the same writes on a design whose partition key spreads them', () => {
    const r = gradeDesign(spec, JSON.stringify(table('readingTime', 'sensorId')), context);
    expect(r.checks.find((c) => c.id === 'throughput')).toMatchObject({ passed: true, detail: 'Over 2 simulated seconds: writes: 0 of 5000 throttled.' });
  });
});
