import { Hono } from 'hono';
import { selectAccuracyByArea } from '../../progress/attempts.ts';
import { selectReviewCounts } from '../../progress/review-cards.ts';
import type { AppEnv } from '../app-env.ts';
import { loadLearner } from '../../auth/identity.ts';
import { HomePage } from './view.tsx';

export const homeRoutes = new Hono<AppEnv>().get('/', loadLearner, (c) => {
  const { db, bank } = c.var.deps;
  const accuracy = new Map((c.var.profile ? selectAccuracyByArea(db, c.var.profile.id) : []).map((a) => [a.key, a]));
  const areas = bank.areas.map((area) => ({
    area,
    scenarioCount: bank.scenarios.filter((s) => s.area === area.id).length,
    accuracy: accuracy.get(area.id),
  }));
  const review = selectReviewCounts(db, c.var.profile?.id, bank.scenarios.map((s) => s.id), c.var.deps.clock.now());
  return c.html(<HomePage areas={areas} totalScenarios={bank.scenarios.length} contentErrors={bank.errors.length} review={review} />);
});
