/**
 * Mastery per objective and an exam-readiness estimate per area and overall, from a
 * learner's recent answers and the review schedule's predicted recall. Pure.
 *
 * The method, as the progress page states it: an objective's mastery is its recent accuracy
 * (the last RECENT_PER_OBJECTIVE answers, counting a partly right answer or a failed essential
 * check as wrong, smoothed toward 50 % with one right and one wrong prior answer), averaged with
 * the predicted recall today of the families drilling it that are on the review schedule. An
 * objective never practised counts as 0: readiness covers the whole study guide. An area's
 * readiness is the mean over its objectives, the overall figure the mean over all objectives.
 * The uncertainty is a 90 % Wilson interval on the accuracy of the answers behind the figure;
 * under MIN_ANSWERS_FOR_ESTIMATE answers the estimate is shown as too early to tell.
 */

export const RECENT_PER_OBJECTIVE = 10;
export const MIN_ANSWERS_FOR_ESTIMATE = 10;
/** AWS's associate exams pass at 720 of 1000. */
export const DEFAULT_PASS_MARK = 0.72;
const Z_90 = 1.6449;

export interface ObjectiveEvidence {
  readonly objectiveId: string;
  readonly area: string;
  /** Newest first: true when fully right. */
  readonly recentRight: readonly boolean[];
  /** Predicted recall now (0..1) of each scheduled family drilling this objective. */
  readonly recall: readonly number[];
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface Mastery {
  readonly objectiveId: string;
  readonly area: string;
  /** 0..1. */
  readonly mastery: number;
  readonly answers: number;
  readonly practised: boolean;
}

export interface Readiness {
  readonly key: string;
  /** 0..1. */
  readonly estimate: number;
  readonly answers: number;
  readonly right: number;
  /** Undefined when too few answers back the estimate. */
  readonly interval: Interval | undefined;
  readonly objectives: number;
  readonly practised: number;
}

export function wilsonInterval(right: number, n: number, z = Z_90): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = right / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}

export function objectiveMastery(evidence: ObjectiveEvidence): Mastery {
  const recent = evidence.recentRight.slice(0, RECENT_PER_OBJECTIVE);
  const practised = recent.length > 0;
  if (!practised) return { objectiveId: evidence.objectiveId, area: evidence.area, mastery: 0, answers: 0, practised };
  const right = recent.filter(Boolean).length;
  const accuracy = (right + 1) / (recent.length + 2);
  const recall = evidence.recall.length > 0 ? evidence.recall.reduce((a, b) => a + b, 0) / evidence.recall.length : undefined;
  const mastery = recall === undefined ? accuracy : (accuracy + recall) / 2;
  return { objectiveId: evidence.objectiveId, area: evidence.area, mastery, answers: recent.length, practised };
}

function summarise(key: string, evidence: readonly ObjectiveEvidence[]): Readiness {
  const masteries = evidence.map(objectiveMastery);
  const recent = evidence.flatMap((e) => e.recentRight.slice(0, RECENT_PER_OBJECTIVE));
  const right = recent.filter(Boolean).length;
  return {
    key,
    estimate: masteries.length === 0 ? 0 : masteries.reduce((a, m) => a + m.mastery, 0) / masteries.length,
    answers: recent.length,
    right,
    interval: recent.length >= MIN_ANSWERS_FOR_ESTIMATE ? wilsonInterval(right, recent.length) : undefined,
    objectives: masteries.length,
    practised: masteries.filter((m) => m.practised).length,
  };
}

/** Readiness per area (in the order areas first appear) and overall ('all'). */
export function estimateReadiness(evidence: readonly ObjectiveEvidence[]): { byArea: Readiness[]; overall: Readiness } {
  const areas = [...new Set(evidence.map((e) => e.area))];
  return {
    byArea: areas.map((area) =>
      summarise(
        area,
        evidence.filter((e) => e.area === area),
      ),
    ),
    overall: summarise('all', evidence),
  };
}
