import { Hono } from 'hono';
import { countAttempts } from '../../progress/attempts.ts';
import { selectExamHistory } from '../../progress/exams.ts';
import { selectReadinessReport } from '../../progress/mastery.ts';
import { DEFAULT_PASS_MARK } from '../../progress/readiness.ts';
import { selectReviewCounts } from '../../progress/review-cards.ts';
import type { AppEnv } from '../app-env.ts';
import { loadLearner } from '../../auth/identity.ts';
import { type Dashboard, HomePage } from './view.tsx';

/** How far back the last submitted exam is looked for; running ones are skipped. */
const EXAMS_LOOKED_AT = 20;

// Reads only: the home page never creates a profile, so a visitor without one gets the welcome.
export const homeRoutes = new Hono<AppEnv>().get('/', loadLearner, async (c) => {
  const { db, bank, clock } = c.var.deps;
  const now = clock.now();
  const areas = bank.areas.map((area) => ({ area, scenarioCount: bank.scenarios.filter((s) => s.area === area.id).length }));
  const profile = c.var.profile;
  let dashboard: Dashboard | undefined;
  if (profile) {
    const readiness = await selectReadinessReport(db, bank, profile.id, now, DEFAULT_PASS_MARK);
    const exam = (await selectExamHistory(db, profile.id, EXAMS_LOOKED_AT)).find((e) => e.status === 'submitted' && e.score !== null && e.submittedAt !== null);
    dashboard = {
      review: await selectReviewCounts(
        db,
        profile.id,
        bank.scenarios.map((s) => s.id),
        now,
      ),
      readiness,
      lastExam: exam ? { id: exam.id, score: exam.score ?? 0, passMark: exam.passMark, submittedAt: exam.submittedAt ?? now } : undefined,
      answers: await countAttempts(db, profile.id),
    };
  }
  return c.html(<HomePage areas={areas} totalScenarios={bank.scenarios.length} contentErrors={bank.errors.length} dashboard={dashboard} />);
});
