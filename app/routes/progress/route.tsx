import { Hono } from 'hono';
import { selectProgressSummary } from '../../progress/summary.ts';
import type { AppEnv } from '../app-env.ts';
import { loadProfile } from '../profile-cookie.ts';
import { ProgressPage } from './view.tsx';

export const progressRoutes = new Hono<AppEnv>().get('/progress', loadProfile, (c) => {
  const { db, bank } = c.var.deps;
  const summary = selectProgressSummary(db, c.var.profile.id);
  return c.html(
    <ProgressPage
      areas={bank.areas}
      totalAttempts={summary.totalAttempts}
      overall={summary.overall}
      byArea={new Map(summary.byArea.map((a) => [a.key, a]))}
      byObjective={new Map(summary.byObjective.map((a) => [a.key, a]))}
      daily={summary.daily}
      recent={summary.recent}
      scenarioTitle={(id) => bank.get(id)?.title}
    />,
  );
});
