/** The figures of a submitted exam's report, shared by the page and the API. */
import type { Bank } from '../../bank/types.ts';
import { essentialChecksPassed } from '../../progress/answers.ts';
import type { Exam, ExamReportQuestion } from '../../progress/exams.ts';

export interface AreaScore {
  readonly area: string;
  readonly title: string;
  readonly questions: number;
  readonly answered: number;
  /** Points out of `questions` (unanswered score 0). */
  readonly points: number;
  /** 0..1. */
  readonly score: number;
}

export interface ExamReport {
  readonly exam: Exam;
  readonly questions: readonly ExamReportQuestion[];
  /** 0..1, every question counted (unanswered score 0). */
  readonly score: number;
  readonly passed: boolean;
  readonly answered: number;
  readonly secondsUsed: number;
  readonly byArea: readonly AreaScore[];
}

/** A question's points: its stored score, none when it failed a check its family marks essential. */
export function questionPoints(q: ExamReportQuestion): number {
  if (!q.attempt) return 0;
  if (q.attempt.essentialPassed === false || (q.attempt.result && essentialChecksPassed(q.attempt.result) === false)) return 0;
  return q.attempt.score;
}

/** Compared in whole thousandths, so 18 of 25 (0.72) passes a 72 % mark despite floating point. */
export function examPassed(exam: Exam): boolean {
  return exam.score !== null && Math.round(exam.score * 1000) >= Math.round(exam.passMark * 1000);
}

export function buildExamReport(bank: Bank, exam: Exam, questions: readonly ExamReportQuestion[]): ExamReport {
  const score = exam.score ?? 0;
  const areaOrder = bank.areas.map((a) => a.id as string);
  const areas = [...new Set(questions.map((q) => q.area))].sort((a, b) => areaOrder.indexOf(a) - areaOrder.indexOf(b));
  const byArea = areas.map((area) => {
    const mine = questions.filter((q) => q.area === area);
    const points = mine.reduce((sum, q) => sum + questionPoints(q), 0);
    return {
      area,
      title: bank.areas.find((a) => a.id === area)?.title ?? area,
      questions: mine.length,
      answered: mine.filter((q) => q.attempt !== undefined).length,
      points,
      score: mine.length === 0 ? 0 : points / mine.length,
    };
  });
  return {
    exam,
    questions,
    score,
    passed: examPassed(exam),
    answered: questions.filter((q) => q.attempt !== undefined).length,
    secondsUsed: Math.max(0, Math.round(((exam.submittedAt ?? exam.deadlineAt).getTime() - exam.startedAt.getTime()) / 1000)),
    byArea,
  };
}
