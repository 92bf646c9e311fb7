/**
 * Hand-made learner histories for the readiness, activity and progress-page tests: raw attempt
 * rows when a test needs a verdict the bank would not give (a "correct" answer that failed an
 * essential check), and real graded answers through recordAnswer when it needs review cards too.
 */
import type { LoadedBank } from '../../../app/bank/index.ts';
import { type Db, tablesOf } from '../../../app/db/store.ts';
import { recordAnswer } from '../../../app/progress/answers.ts';
import { insertAttempt } from '../../../app/progress/attempts.ts';
import type { Confidence } from '../../../app/progress/rating.ts';
import { wrongAnswer } from '../../helpers/test-app.ts';

let tokens = 0;

export interface HandMadeAttempt {
  readonly profileId: number;
  readonly at: Date;
  readonly objectives: readonly string[];
  readonly verdict?: 'correct' | 'partial' | 'incorrect';
  readonly essentialPassed?: boolean | null;
  readonly confidence?: Confidence | null;
  readonly scenarioId?: string;
}

export async function insertHandMadeAttempt(db: Db, a: HandMadeAttempt): Promise<void> {
  const verdict = a.verdict ?? 'correct';
  await insertAttempt(db, {
    profileId: a.profileId,
    submissionToken: `hand-made-${++tokens}`,
    scenarioId: a.scenarioId ?? 'hand.made',
    seed: tokens,
    area: a.objectives[0]?.split('.')[0] ?? 'core',
    objectives: [...a.objectives],
    params: {},
    answer: {},
    verdict,
    score: verdict === 'correct' ? 1 : verdict === 'partial' ? 0.5 : 0,
    confidence: a.confidence ?? null,
    essentialPassed: a.essentialPassed ?? null,
    secondsTaken: 30,
    createdAt: a.at,
  });
}

/** A graded answer, right or wrong, stored as the practice page stores it (moving the family's card). */
export async function answerGraded(
  db: Db,
  bank: LoadedBank,
  profileId: number,
  scenarioId: string,
  seed: number,
  right: boolean,
  at: Date,
  confidence: Confidence | null = null,
): Promise<void> {
  const question = bank.prepare(scenarioId, seed);
  const answer = right ? bank.referenceAnswer(scenarioId, seed) : wrongAnswer(bank, scenarioId, seed);
  const recorded = await recordAnswer(db, {
    profileId,
    graded: { variant: question.variant, fingerprint: question.fingerprint, answer, result: question.grade(answer) },
    submissionToken: `graded-${++tokens}`,
    secondsTaken: 40,
    now: at,
    confidence,
  });
  if (!recorded) throw new Error('not recorded');
}

export async function insertSubmittedExam(
  db: Db,
  profileId: number,
  submittedAt: Date,
  score: number,
  status: 'running' | 'submitted' = 'submitted',
): Promise<number> {
  const { exams } = tablesOf(db);
  const [row] = await db
    .insert(exams)
    .values({
      profileId,
      status,
      area: null,
      kinds: ['choice', 'multi', 'numeric'],
      questionCount: 25,
      durationSeconds: 3000,
      passMark: 0.72,
      startedAt: new Date(submittedAt.getTime() - 40 * 60_000),
      deadlineAt: new Date(submittedAt.getTime() + 10 * 60_000),
      submittedAt: status === 'submitted' ? submittedAt : null,
      score: status === 'submitted' ? score : null,
    })
    .returning({ id: exams.id });
  if (!row) throw new Error('Inserting an exam returned no row.');
  return row.id;
}
