import { Hono } from 'hono';
import { type Attempt, selectOldestAttempts } from '../../progress/attempts.ts';
import { selectProgressSummary } from '../../progress/summary.ts';
import type { ChartPoint } from '../../views/accuracy-chart.tsx';
import { verdictLabel } from '../../views/components.tsx';
import type { AppEnv } from '../app-env.ts';
import { loadLearner } from '../../auth/identity.ts';
import { ProgressPage } from './view.tsx';

const RUNNING_CHART_ATTEMPTS = 50;

/** Point n is the mean score of attempts 1..n. */
export function toRunningAccuracy(attempts: readonly Attempt[]): ChartPoint[] {
  let total = 0;
  return attempts.map((a, i) => {
    total += a.score;
    return { label: `#${i + 1}`, value: total / (i + 1), detail: verdictLabel(a.verdict) };
  });
}

export const progressRoutes = new Hono<AppEnv>().get('/progress', loadLearner, (c) => {
  const { db, bank } = c.var.deps;
  const summary = selectProgressSummary(db, c.var.profile?.id);
  return c.html(
    <ProgressPage
      areas={bank.areas}
      totalAttempts={summary.totalAttempts}
      overall={summary.overall}
      byArea={new Map(summary.byArea.map((a) => [a.key, a]))}
      byObjective={new Map(summary.byObjective.map((a) => [a.key, a]))}
      daily={summary.daily}
      recent={summary.recent}
      toReview={summary.toReview}
      running={toRunningAccuracy(c.var.profile ? selectOldestAttempts(db, c.var.profile.id, RUNNING_CHART_ATTEMPTS) : [])}
      scenarioTitle={(id) => bank.get(id)?.title}
    />,
  );
});
