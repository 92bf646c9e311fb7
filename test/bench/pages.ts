/**
 * Server time per page: each page requested in process through app.request (no socket, no
 * browser), as a learner with five answers sees it, beside the floor measured in the same run:
 * a fixed string through the same middleware (/static/theme-switch.js). A page that grew slow
 * shows as a larger multiple of the floor rather than as a flaky test; the two run in
 * alternating rounds and the column "server ratio" is the median of the rounds' ratios.
 */
import type { ScenarioKind } from '../../app/bank/types.ts';
import { PROFILE_COOKIE } from '../../app/auth/identity.ts';
import { insertProfile } from '../../app/progress/profiles.ts';
import { answerGraded } from '../app/progress/history.ts';
import { queryRows } from '../helpers/database.ts';
import { answerFields, Browser, createTestApp, readSubmissionToken, type TestApp, wrongAnswer } from '../helpers/test-app.ts';
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

/** Answers the load bench's progress row is measured with (issue 17: ≥ 1,000/s at 500). */
const PROGRESS_ANSWERS = 500;

/**
 * A second learner with PROGRESS_ANSWERS graded answers, one every seven hours up to an hour
 * ago, over every family the helper can answer wrongly: their cookie.
 */
async function learnerWithHistory(testApp: TestApp): Promise<string> {
  const { bank, database } = testApp;
  const token = 'bench-progress-learner';
  const profileId = (await insertProfile(database.db, token, new Date(0))).id;
  const families = bank.scenarios.filter((s) => s.kind === 'choice' || s.kind === 'multi' || s.kind === 'numeric');
  const last = Date.now() - 60 * 60 * 1000;
  for (let i = 0; i < PROGRESS_ANSWERS; i++) {
    const family = families[i % families.length]!;
    const at = new Date(last - (PROGRESS_ANSWERS - i) * 7 * 60 * 60 * 1000);
    await answerGraded(database.db, bank, profileId, family.id, 1000 + i, i % 3 !== 0, at, i % 4 === 0 ? 'sure' : null);
  }
  return `${PROFILE_COOKIE}=${token}`;
}

/**
 * The page and the floor in alternating rounds (page first in even rounds), so a burst of load
 * from elsewhere falls on both: the median page rate, and the median of the rounds' ratios of
 * the page's time to the floor's.
 */
async function pageBesideFloor(browser: Browser, path: string, page = getter(browser, path)): Promise<{ perSecond: number; timesFloor: number }> {
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
  const testApp = await createTestApp();
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
  // The progress page at issue 17's size, served as a reader sees it (the store unchanged since
  // the last request), and as the first request after any write sees it (every query and the
  // whole render again): the second is what the page cost before it kept its record.
  const cookie = await learnerWithHistory(testApp);
  const touch = () => queryRows(testApp.database, "update profiles set created_at = created_at where token = 'bench-progress-learner' returning id");
  const progressPage = async () => {
    const response = await testApp.app.request('/progress', { headers: { Cookie: cookie } });
    const html = await response.text();
    if (!html.includes(`${PROGRESS_ANSWERS} attempts`)) throw new Error(`/progress answered ${response.status} without the learner's record`);
  };
  const progressRows: Array<[string, () => Promise<void>]> = [
    [`progress, ${PROGRESS_ANSWERS} answers, store unchanged`, progressPage],
    [
      `progress, ${PROGRESS_ANSWERS} answers, after a write`,
      async () => {
        await touch();
        await progressPage();
      },
    ],
  ];
  for (const [name, page] of progressRows) {
    const { perSecond, timesFloor } = await pageBesideFloor(learner, '/progress', page);
    rows.push({ group: 'pages', name: `${name}, x floor time`, ours: perSecond, serverUs: 1e6 / perSecond, serverRatio: timesFloor });
  }
  await testApp.close();
  return rows;
}
