/**
 * The mistakes drill, derived from attempts alone (no table of its own): a family is in the
 * drill from its latest wrong answer until it has been answered right twice in a row since.
 * "Right" is the schedule's rule (countsAsRight): fully right, essential checks passed.
 */
import { asc, eq } from 'drizzle-orm';
import { type Db, tablesOf } from '../db/store.ts';
import { countsAsRight } from './rating.ts';

/** Right answers in a row that take a family out of the drill. */
export const DRILL_RIGHT_IN_A_ROW = 2;

export interface DrillEntry {
  readonly scenarioId: string;
  readonly area: string;
  /** Right answers since the latest wrong one: 0 or 1 while in the drill. */
  readonly rightInARow: number;
  /** The seed of the latest answer, so the next serves another variant. */
  readonly lastSeed: number;
  readonly lastAnsweredAt: Date;
  readonly lastWrongAt: Date;
  /** The latest wrong attempt, for a link to its result. */
  readonly lastWrongAttemptId: number;
}

interface FamilyRun {
  area: string;
  rightInARow: number;
  lastSeed: number;
  lastAnsweredAt: Date;
  lastWrong: { at: Date; attemptId: number } | undefined;
}

/**
 * The drill's queue, the family answered longest ago first: a family just answered goes to the
 * back, so a second right answer comes after the others rather than straight away.
 */
export async function selectDrillQueue(db: Db, profileId: number | undefined): Promise<DrillEntry[]> {
  if (profileId === undefined) return [];
  const { attempts } = tablesOf(db);
  const rows = await db
    .select({
      id: attempts.id,
      scenarioId: attempts.scenarioId,
      area: attempts.area,
      seed: attempts.seed,
      verdict: attempts.verdict,
      essentialPassed: attempts.essentialPassed,
      createdAt: attempts.createdAt,
    })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(asc(attempts.createdAt), asc(attempts.id));
  const runs = new Map<string, FamilyRun>();
  for (const row of rows) {
    const run = runs.get(row.scenarioId) ?? { area: row.area, rightInARow: 0, lastSeed: row.seed, lastAnsweredAt: row.createdAt, lastWrong: undefined };
    const right = countsAsRight({ verdict: row.verdict, essentialPassed: row.essentialPassed !== false });
    run.rightInARow = right ? run.rightInARow + 1 : 0;
    if (!right) run.lastWrong = { at: row.createdAt, attemptId: row.id };
    run.lastSeed = row.seed;
    run.lastAnsweredAt = row.createdAt;
    runs.set(row.scenarioId, run);
  }
  const queue: DrillEntry[] = [];
  for (const [scenarioId, run] of runs) {
    if (!run.lastWrong || run.rightInARow >= DRILL_RIGHT_IN_A_ROW) continue;
    queue.push({
      scenarioId,
      area: run.area,
      rightInARow: run.rightInARow,
      lastSeed: run.lastSeed,
      lastAnsweredAt: run.lastAnsweredAt,
      lastWrongAt: run.lastWrong.at,
      lastWrongAttemptId: run.lastWrong.attemptId,
    });
  }
  return queue.sort((a, b) => a.lastAnsweredAt.getTime() - b.lastAnsweredAt.getTime() || a.lastWrongAttemptId - b.lastWrongAttemptId);
}

/** Where one family stands in the drill, or undefined when it is not in it. */
export async function selectDrillEntry(db: Db, profileId: number | undefined, scenarioId: string): Promise<DrillEntry | undefined> {
  return (await selectDrillQueue(db, profileId)).find((entry) => entry.scenarioId === scenarioId);
}
