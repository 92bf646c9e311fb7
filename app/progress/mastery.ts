/**
 * The figures of readiness (readiness.ts) gathered for one learner with two aggregate queries
 * (the latest answers per objective, and the review cards) however many objectives the guide
 * has, plus calibration: how often the learner is right at each stated confidence.
 */
import { count, desc, eq, sql } from 'drizzle-orm';
import type { Area, ScenarioSummary } from '../bank/types.ts';
import { type Db, tablesOf } from '../db/store.ts';
import { type Confidence, countsAsRight } from './rating.ts';
import {
  type Interval,
  MIN_ANSWERS_FOR_ESTIMATE,
  type ObjectiveEvidence,
  objectiveMastery,
  RECENT_PER_OBJECTIVE,
  type Readiness,
  estimateReadiness,
  wilsonInterval,
} from './readiness.ts';
import { type ReviewCardRow, selectReviewCards, selectStudySettings, toReviewCard } from './review-cards.ts';
import { retrievability } from './review-schedule.ts';

/** What readiness needs of the bank: the guide's objectives and which families drill them. */
export interface StudyGuide {
  readonly areas: readonly Area[];
  readonly scenarios: readonly Pick<ScenarioSummary, 'id' | 'objectives'>[];
}

export interface ObjectiveReport {
  readonly objectiveId: string;
  readonly area: string;
  readonly text: string;
  /** 0..1. */
  readonly mastery: number;
  readonly practised: boolean;
  /** Recent answers behind the figure (at most RECENT_PER_OBJECTIVE) and how many were right. */
  readonly answers: number;
  readonly right: number;
  /** Mean predicted recall now of its families on the review schedule; null when none is. */
  readonly recall: number | null;
}

export interface ReadinessReport {
  readonly overall: Readiness;
  /** In the guide's order, every area, practised or not. */
  readonly byArea: readonly Readiness[];
  readonly objectives: readonly ObjectiveReport[];
  readonly coverage: { readonly practised: number; readonly total: number };
  readonly passMark: number;
}

/**
 * The method in one paragraph, as the progress page and the API state it. Kept beside the code
 * that follows it (readiness.ts's header says the same).
 */
export const READINESS_METHOD =
  `An objective's mastery is its recent accuracy (its last ${RECENT_PER_OBJECTIVE} answers; a partly right answer or a failed essential check counts as wrong; ` +
  'smoothed toward 50% by one right and one wrong imagined answer), averaged with the predicted recall today of the question families drilling it that are on your review schedule. ' +
  "An objective you have not practised counts as 0, so readiness covers the whole study guide. An area's readiness is the mean over its objectives; the overall figure is the mean over every objective. " +
  `The range beside it is a 90% Wilson interval on the share of those recent answers you got right (an answer drilling two objectives counts for each); under ${MIN_ANSWERS_FOR_ESTIMATE} answers it is too early to tell.`;

/**
 * The last RECENT_PER_OBJECTIVE answers of each objective, newest first. Right means
 * countsAsRight: fully correct and no essential check failed (null is a kind without checks).
 * The objectives of each answer are split here rather than in SQL, where SQLite and PostgreSQL
 * name their JSON functions differently; one narrow pass over the learner's answers.
 */
export async function selectRecentRightByObjective(db: Db, profileId: number): Promise<Map<string, boolean[]>> {
  const { attempts } = tablesOf(db);
  const rows = await db
    .select({ objectives: attempts.objectives, verdict: attempts.verdict, essentialPassed: attempts.essentialPassed })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .orderBy(desc(attempts.createdAt), desc(attempts.id));
  const byObjective = new Map<string, boolean[]>();
  for (const row of rows) {
    const right = countsAsRight({ verdict: row.verdict, essentialPassed: row.essentialPassed !== false });
    for (const objective of new Set(row.objectives)) {
      const list = byObjective.get(objective) ?? [];
      if (list.length < RECENT_PER_OBJECTIVE) list.push(right);
      byObjective.set(objective, list);
    }
  }
  return new Map([...byObjective.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Predicted recall now of each family on the learner's review schedule. */
export async function selectRecallByFamily(db: Db, profileId: number, now: Date): Promise<Map<string, number>> {
  const { targetRetention } = await selectStudySettings(db, profileId);
  return recallByFamily(await selectReviewCards(db, profileId), now, targetRetention);
}

/** Pure: predicted recall now of each family whose card is given. */
export function recallByFamily(cards: readonly ReviewCardRow[], now: Date, targetRetention: number): Map<string, number> {
  return new Map(cards.map((row) => [row.scenarioId, retrievability(toReviewCard(row), now, targetRetention)]));
}

/** Pure: the report from the evidence; a learner without a record passes empty maps. */
export function buildReadinessReport(
  guide: StudyGuide,
  recentRight: ReadonlyMap<string, readonly boolean[]>,
  recallByFamily: ReadonlyMap<string, number>,
  passMark: number,
): ReadinessReport {
  const familiesByObjective = new Map<string, string[]>();
  for (const scenario of guide.scenarios) {
    for (const objective of scenario.objectives) familiesByObjective.set(objective, [...(familiesByObjective.get(objective) ?? []), scenario.id]);
  }
  const evidence: ObjectiveEvidence[] = guide.areas.flatMap((area) =>
    area.objectives.map((o) => ({
      objectiveId: o.id,
      area: area.id,
      recentRight: recentRight.get(o.id) ?? [],
      recall: (familiesByObjective.get(o.id) ?? []).flatMap((family) => {
        const recall = recallByFamily.get(family);
        return recall === undefined ? [] : [recall];
      }),
    })),
  );
  const texts = new Map<string, string>(guide.areas.flatMap((a) => a.objectives.map((o) => [o.id, o.text] as const)));
  const objectives = evidence.map((e): ObjectiveReport => {
    const m = objectiveMastery(e);
    const recent = e.recentRight.slice(0, RECENT_PER_OBJECTIVE);
    return {
      objectiveId: e.objectiveId,
      area: e.area,
      text: texts.get(e.objectiveId) ?? e.objectiveId,
      mastery: m.mastery,
      practised: m.practised,
      answers: recent.length,
      right: recent.filter(Boolean).length,
      recall: e.recall.length === 0 ? null : e.recall.reduce((a, b) => a + b, 0) / e.recall.length,
    };
  });
  const { byArea, overall } = estimateReadiness(evidence);
  // estimateReadiness lists only areas with objectives; an area the guide names without any still gets its row.
  const areaRows = guide.areas.map((a) => byArea.find((r) => r.key === a.id) ?? emptyReadiness(a.id));
  return { overall, byArea: areaRows, objectives, coverage: { practised: overall.practised, total: overall.objectives }, passMark };
}

function emptyReadiness(key: string): Readiness {
  return { key, estimate: 0, answers: 0, right: 0, interval: undefined, objectives: 0, practised: 0 };
}

export async function selectReadinessReport(db: Db, guide: StudyGuide, profileId: number | undefined, now: Date, passMark: number): Promise<ReadinessReport> {
  if (profileId === undefined) return buildReadinessReport(guide, new Map(), new Map(), passMark);
  return buildReadinessReport(guide, await selectRecentRightByObjective(db, profileId), await selectRecallByFamily(db, profileId, now), passMark);
}

export type ConfidenceBucket = Confidence | 'none';
export const CONFIDENCE_BUCKETS: readonly ConfidenceBucket[] = ['sure', 'unsure', 'guess', 'none'];
export const CONFIDENCE_LABELS: Readonly<Record<ConfidenceBucket, string>> = { sure: 'Sure', unsure: 'Unsure', guess: 'Guess', none: 'Not given' };

export interface CalibrationRow {
  readonly confidence: ConfidenceBucket;
  readonly answers: number;
  /** Fully right, essentials included (countsAsRight). */
  readonly right: number;
  /** right / answers; null without answers. */
  readonly accuracy: number | null;
  /** Null under MIN_ANSWERS_FOR_ESTIMATE answers. */
  readonly interval: Interval | null;
}

/**
 * Accuracy at each stated confidence, every bucket present (0 answers where none), in one query.
 * `is not false` reads a missing essential verdict as passed on SQLite's integers and
 * PostgreSQL's booleans alike.
 */
export async function selectCalibration(db: Db, profileId: number | undefined): Promise<CalibrationRow[]> {
  if (profileId === undefined) return buildCalibration([]);
  const { attempts } = tablesOf(db);
  const rows = await db
    .select({
      confidence: attempts.confidence,
      answers: count(),
      fullyRight: sql<number>`sum(case when ${attempts.verdict} = 'correct' and ${attempts.essentialPassed} is not false then 1 else 0 end)`.mapWith(Number),
    })
    .from(attempts)
    .where(eq(attempts.profileId, profileId))
    .groupBy(attempts.confidence);
  return buildCalibration(rows.map((r) => ({ confidence: r.confidence ?? 'none', answers: r.answers, fullyRight: r.fullyRight })));
}

/** Pure: every bucket from the counts per stated confidence (a bucket without a row has no answers). */
export function buildCalibration(rows: readonly { confidence: ConfidenceBucket; answers: number; fullyRight: number }[]): CalibrationRow[] {
  return CONFIDENCE_BUCKETS.map((confidence) => {
    const row = rows.find((r) => r.confidence === confidence);
    const answers = row?.answers ?? 0;
    const right = row?.fullyRight ?? 0;
    return {
      confidence,
      answers,
      right,
      accuracy: answers === 0 ? null : right / answers,
      interval: answers >= MIN_ANSWERS_FOR_ESTIMATE ? wilsonInterval(right, answers) : null,
    };
  });
}
