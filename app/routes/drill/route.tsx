/**
 * /drill: the mistakes drill. /drill/next serves the family answered longest ago among those
 * in the drill, as a variant other than the one last seen; answers are stored with source
 * 'drill' and count in progress and the schedule like any other.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { loadLearner } from '../../auth/identity.ts';
import type { Variant } from '../../bank/types.ts';
import type { Attempt } from '../../progress/attempts.ts';
import { DRILL_RIGHT_IN_A_ROW, selectDrillEntry, selectDrillQueue } from '../../progress/drill.ts';
import { countsAsRight } from '../../progress/rating.ts';
import { pickFreshSeed } from '../../progress/review-cards.ts';
import type { AppEnv } from '../app-env.ts';
import { studyQuestionPath, studyQuestionRoutes } from '../review/study-question.tsx';
import { DrillPage, type DrillRow } from './view.tsx';

const DRILL_BASE = '/drill';

/** The queue with the families still in the bank, titled for the page. */
export async function selectDrillRows(c: Context<AppEnv>): Promise<DrillRow[]> {
  const { bank, db } = c.var.deps;
  return (await selectDrillQueue(db, c.var.profile?.id)).flatMap((entry) => {
    const summary = bank.get(entry.scenarioId);
    if (!summary) return [];
    return [{ ...entry, title: summary.title, areaTitle: bank.areas.find((a) => a.id === summary.area)?.title ?? summary.area }];
  });
}

const left = (n: number) => `${n} left in the drill`;

async function questionBanner(c: Context<AppEnv>, variant: Variant) {
  const queue = await selectDrillRows(c);
  const entry = queue.find((e) => e.scenarioId === variant.scenarioId);
  return (
    <>
      <strong>Mistakes drill</strong>: {entry ? `right ${entry.rightInARow} of ${DRILL_RIGHT_IN_A_ROW} in a row` : 'not in the drill now'} ·{' '}
      {left(queue.length)}.
    </>
  );
}

async function resultBanner(c: Context<AppEnv>, attempt: Attempt) {
  const right = countsAsRight({ verdict: attempt.verdict, essentialPassed: attempt.essentialPassed !== false });
  const entry = await selectDrillEntry(c.var.deps.db, c.var.profile?.id, attempt.scenarioId);
  const remaining = (await selectDrillRows(c)).length;
  let status: string;
  if (!entry) status = `Out of the drill: right ${DRILL_RIGHT_IN_A_ROW} times in a row.`;
  else if (right) status = `Right ${entry.rightInARow} of ${DRILL_RIGHT_IN_A_ROW} in a row: one more right answer takes it out.`;
  else status = `Not right: it stays in the drill (0 of ${DRILL_RIGHT_IN_A_ROW} in a row).`;
  return (
    <>
      <strong>Mistakes drill</strong>: <span data-drill-status={entry ? entry.rightInARow : 'out'}>{status}</span> {left(remaining)}.
    </>
  );
}

export const drillRoutes = new Hono<AppEnv>()
  .get(DRILL_BASE, loadLearner, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(<DrillPage queue={await selectDrillRows(c)} done={c.req.query('done') === '1'} />);
  })
  .get(`${DRILL_BASE}/next`, loadLearner, async (c) => {
    const next = (await selectDrillRows(c))[0];
    if (!next) return c.redirect(`${DRILL_BASE}?done=1`, 302);
    return c.redirect(studyQuestionPath({ base: DRILL_BASE }, next.scenarioId, pickFreshSeed(c.var.deps.random, next.lastSeed)), 302);
  })
  .route(
    '/',
    studyQuestionRoutes({
      id: 'drill',
      base: DRILL_BASE,
      skipLabel: 'Back to the drill',
      nextLabel: 'Next in the drill',
      questionBanner,
      resultBanner,
    }),
  );
