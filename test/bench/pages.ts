/**
 * Server time per page: each page requested in process through app.request (no socket, no
 * browser), as a learner with five answers sees it, beside the floor measured in the same run:
 * a fixed string through the same middleware (/static/theme-switch.js). A page that grew slow
 * shows as a larger multiple of the floor rather than as a flaky test.
 */
import type { ScenarioKind } from '../../app/bank/types.ts';
import { answerFields, Browser, createTestApp, readSubmissionToken, wrongAnswer } from '../helpers/test-app.ts';
import { type BenchRow, measure, median } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const OPS = 60;

/** Median requests per second of ROUNDS rounds of OPS requests, after a warm-up round. */
async function pagesPerSecond(browser: Browser, path: string): Promise<number> {
  const get = async () => {
    const response = await browser.request(path);
    if (response.status >= 500) throw new Error(`${path} answered ${response.status}`);
    await response.text();
  };
  await measure(get, { maxOps: 10, maxMs: 5_000 });
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) rates.push(await measure(get, { maxOps: OPS, maxMs: 5_000 }));
  return median(rates);
}

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
  const floor = await pagesPerSecond(learner, '/static/theme-switch.js');
  const rows: BenchRow[] = [{ group: 'pages', name: 'floor: GET /static/theme-switch.js (fixed string)', ours: floor, serverUs: 1e6 / floor }];
  for (const [name, path] of pages) {
    const ours = await pagesPerSecond(learner, path);
    rows.push({
      group: 'pages',
      name: `${name} (${path.length > 40 ? `${path.slice(0, 37)}...` : path}), x floor time`,
      ours,
      serverUs: 1e6 / ours,
      serverRatio: floor / ours,
    });
  }
  testApp.close();
  return rows;
}
