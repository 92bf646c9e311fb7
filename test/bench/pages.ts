/**
 * Server time per page: each page requested in process through app.request (no socket, no
 * browser), as a learner with five answers sees it, beside the floor measured in the same run:
 * a fixed string through the same middleware (/static/theme-switch.js). A page that grew slow
 * shows as a larger multiple of the floor rather than as a flaky test; the two run in
 * alternating rounds and the column "server ratio" is the median of the rounds' ratios.
 */
import type { ScenarioKind } from '../../app/bank/types.ts';
import { answerFields, Browser, createTestApp, readSubmissionToken, wrongAnswer } from '../helpers/test-app.ts';
import { type BenchRow, measure, median } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const OPS = 60;

/** A GET that must not fail, its body read as a browser would. */
function getter(browser: Browser, path: string): () => Promise<void> {
  return async () => {
    const response = await browser.request(path);
    if (response.status >= 500) throw new Error(`${path} answered ${response.status}`);
    await response.text();
  };
}

/**
 * The page and the floor in alternating rounds (page first in even rounds), so a burst of load
 * from elsewhere falls on both: the median page rate, and the median of the rounds' ratios of
 * the page's time to the floor's.
 */
async function pageBesideFloor(browser: Browser, path: string): Promise<{ perSecond: number; timesFloor: number }> {
  const page = getter(browser, path);
  const floor = getter(browser, FLOOR_PATH);
  await measure(page, { maxOps: 10, maxMs: 5_000 });
  const rates: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [page, floor] : [floor, page];
    const [first, second] = [await measure(order[0]!, { maxOps: OPS, maxMs: 5_000 }), await measure(order[1]!, { maxOps: OPS, maxMs: 5_000 })];
    const [pageRate, floorRate] = round % 2 === 0 ? [first, second] : [second, first];
    rates.push(pageRate);
    ratios.push(floorRate / pageRate);
  }
  return { perSecond: median(rates), timesFloor: median(ratios) };
}

const FLOOR_PATH = '/static/theme-switch.js';

export async function benchmarks(): Promise<BenchRow[]> {
  const testApp = createTestApp();
  const { bank } = testApp;
  const learner = new Browser(testApp.app);
  const pages: Array<[string, string]> = [];
  const kinds: ScenarioKind[] = ['choice', 'multi', 'numeric', 'request', 'design'];
  for (const kind of kinds) {
    const scenario = bank.scenarios.find((s) => s.kind === kind)!;
    const path = `/q/${encodeURIComponent(scenario.id)}/11`;
    pages.push([`${kind} question`, path]);
    const answer = kind === 'multi' || kind === 'numeric' ? wrongAnswer(bank, scenario.id, 11) : bank.referenceAnswer(scenario.id, 11);
    const token = readSubmissionToken(await (await learner.request(path)).text());
    const posted = await learner.postForm(path, [['token', token], ['shownAt', String(Date.now())], ...answerFields(answer)]);
    const location = posted.headers.get('Location');
    if (!location?.startsWith('/attempts/')) throw new Error(`answering ${scenario.id} gave ${posted.status} ${location}`);
    pages.push([`${kind} result`, location]);
  }
  pages.push(
    ['home (dashboard)', '/'],
    ['practice', '/practice'],
    ['review', '/review'],
    ['drill', '/drill'],
    ['exams', '/exams'],
    ['progress', '/progress'],
    ['cost', '/cost'],
    ['cost serverless', '/cost/serverless'],
    ['cost traffic', '/cost/traffic'],
    ['API reference', '/api/reference'],
    ['not found', '/no-such-page'],
  );
  const floor = getter(learner, FLOOR_PATH);
  await measure(floor, { maxOps: 200, maxMs: 5_000 });
  const floorRate = await measure(floor, { maxOps: OPS * ROUNDS, maxMs: 10_000 });
  const rows: BenchRow[] = [{ group: 'pages', name: `floor: GET ${FLOOR_PATH} (fixed string)`, ours: floorRate, serverUs: 1e6 / floorRate }];
  for (const [name, path] of pages) {
    const { perSecond, timesFloor } = await pageBesideFloor(learner, path);
    rows.push({
      group: 'pages',
      name: `${name} (${path.length > 40 ? `${path.slice(0, 37)}...` : path}), x floor time`,
      ours: perSecond,
      serverUs: 1e6 / perSecond,
      serverRatio: timesFloor,
    });
  }
  testApp.close();
  return rows;
}
