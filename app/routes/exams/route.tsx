/**
 * Mock exam pages. Starting is a POST that redirects to question 1; each question's form POSTs,
 * saves (answer, flag, seconds spent) and redirects to wherever the learner chose to go, so a
 * reload never posts twice. Nothing is graded until submission, and every request on an exam
 * past its deadline submits it first (openExam).
 */
import { type Context, Hono } from 'hono';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import { limitAnswers } from '../../auth/rate-limit.ts';
import { type Answer, InvalidAnswerError } from '../../bank/types.ts';
import { DEFAULT_EXAM_KINDS, DEFAULT_EXAM_MINUTES, DEFAULT_EXAM_QUESTIONS } from '../../progress/exam-plan.ts';
import { saveExamAnswer, selectExamHistory, selectExamReport, selectRunningExams } from '../../progress/exams.ts';
import type { AppEnv } from '../app-env.ts';
import { parseFormBody } from '../form-body.ts';
import { parseAnswerForm } from '../practice/answer-form.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import {
  DEFAULT_PASS_PERCENT,
  ExamSettingsSchema,
  gradeAndSubmit,
  openExam,
  parseExamId,
  parsePosition,
  questionAt,
  remainingSeconds,
  SAVE_GRACE_MS,
  startExam,
  submitNow,
  visitSeconds,
} from './exam-session.ts';
import { type ExamFormValues, ExamsPage } from './exams-view.tsx';
import { ExamQuestionPage } from './question-view.tsx';
import { buildExamReport } from './report.ts';
import { ExamReportPage } from './report-view.tsx';
import { SubmitExamPage } from './submit-view.tsx';

const DEFAULT_VALUES: ExamFormValues = {
  questions: String(DEFAULT_EXAM_QUESTIONS),
  minutes: String(DEFAULT_EXAM_MINUTES),
  passPercent: String(DEFAULT_PASS_PERCENT),
  area: 'mixed',
  kinds: DEFAULT_EXAM_KINDS,
};

function textFields(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

function firstText(value: unknown): string | undefined {
  return textFields(value)[0];
}

/** True when the form carries no answer at all: the question stays (or becomes) unanswered. */
function isBlankAnswer(body: Record<string, unknown>): boolean {
  return ['option', 'options', 'value', 'json'].every((name) => textFields(body[name]).every((v) => v.trim() === ''));
}

const examRoutes = new Hono<AppEnv>();

async function renderExamsPage(c: Context<AppEnv>, values: ExamFormValues, error?: { field: string; message: string }) {
  const { bank, db, clock } = c.var.deps;
  const profileId = c.var.profile?.id;
  // Opening each running exam submits the ones whose time ran out, so they move to the history.
  const opened = [];
  for (const exam of profileId === undefined ? [] : await selectRunningExams(db, profileId)) opened.push(await openExam(c.var.deps, profileId, exam.id));
  const running = opened
    .filter((found) => found.exam.status === 'running')
    .map((found) => ({
      exam: found.exam,
      remainingSeconds: remainingSeconds(found.exam, clock.now()),
      answered: found.questions.filter((q) => q.answer !== null).length,
    }));
  const history = profileId === undefined ? [] : (await selectExamHistory(db, profileId)).filter((e) => e.status === 'submitted');
  c.header('Cache-Control', 'no-store');
  return c.html(
    <ExamsPage areas={bank.areas} values={values} formIssuedAt={clock.now().getTime()} running={running} history={history} error={error} />,
    error ? 400 : 200,
  );
}

examRoutes
  .get('/exams', loadLearner, (c) => renderExamsPage(c, DEFAULT_VALUES))
  .post('/exams', loadLearner, limitAnswers, async (c) => {
    const body = await parseFormBody(c, { all: true });
    // A field left out (or blank) takes its default, as the API's do.
    const given = (name: string) => firstText(body[name])?.trim() || undefined;
    const values: ExamFormValues = {
      questions: given('questions') ?? DEFAULT_VALUES.questions,
      minutes: given('minutes') ?? DEFAULT_VALUES.minutes,
      passPercent: given('passPercent') ?? DEFAULT_VALUES.passPercent,
      area: given('area') ?? 'mixed',
      kinds: textFields(body.kinds),
    };
    try {
      const parsed = ExamSettingsSchema.safeParse({ ...values, kinds: values.kinds.length === 0 ? undefined : values.kinds });
      if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
      if (values.kinds.length === 0) throw new InvalidInputError('kinds', 'Choose at least one kind of question.');
      const issued = Number(firstText(body.formIssuedAt));
      const { exam } = await startExam(
        c.var.deps,
        (await ensureProfile(c)).id,
        parsed.data,
        Number.isSafeInteger(issued) && issued > 0 ? new Date(issued) : undefined,
      );
      return c.redirect(`/exams/${exam.id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderExamsPage(c, values, { field: error.field.replace(/\.\d+$/, ''), message: error.message });
    }
  })
  .get('/exams/:examId', loadLearner, async (c) => {
    const { bank, db } = c.var.deps;
    const examId = parseExamId(c.req.param('examId'));
    const found = await openExam(c.var.deps, c.var.profile?.id, examId);
    c.header('Cache-Control', 'no-store');
    if (found.exam.status === 'running') {
      const next = found.questions.find((q) => q.answer === null) ?? found.questions[0];
      return c.redirect(`/exams/${examId}/${next?.position ?? 1}`, 302);
    }
    const report = await selectExamReport(db, c.var.profile!.id, examId);
    if (!report) throw new NotFoundError(`You have no exam ${examId}.`);
    return c.html(<ExamReportPage bank={bank} report={buildExamReport(bank, report.exam, report.questions)} />);
  })
  .get('/exams/:examId/submit', loadLearner, async (c) => {
    const examId = parseExamId(c.req.param('examId'));
    const found = await openExam(c.var.deps, c.var.profile?.id, examId);
    if (found.exam.status !== 'running') return c.redirect(`/exams/${examId}`, 302);
    c.header('Cache-Control', 'no-store');
    return c.html(<SubmitExamPage exam={found.exam} questions={found.questions} remainingSeconds={remainingSeconds(found.exam, c.var.deps.clock.now())} />);
  })
  .post('/exams/:examId/submit', loadLearner, limitAnswers, async (c) => {
    const examId = parseExamId(c.req.param('examId'));
    const profileId = c.var.profile?.id;
    if (profileId === undefined) throw new NotFoundError(`You have no exam ${examId}.`);
    await submitNow(c.var.deps, profileId, examId);
    return c.redirect(`/exams/${examId}`, 303);
  })
  .get('/exams/:examId/:position', loadLearner, async (c) => {
    const { bank, clock } = c.var.deps;
    const examId = parseExamId(c.req.param('examId'));
    const found = await openExam(c.var.deps, c.var.profile?.id, examId);
    if (found.exam.status !== 'running') return c.redirect(`/exams/${examId}`, 302);
    const question = questionAt(found, parsePosition(c.req.param('position')));
    const variant = bank.variant(question.scenarioId, question.seed);
    const now = clock.now();
    c.header('Cache-Control', 'no-store');
    return c.html(
      <ExamQuestionPage
        exam={found.exam}
        questions={found.questions}
        question={question}
        variant={variant}
        areaTitle={bank.areas.find((a) => a.id === question.area)?.title ?? question.area}
        remainingSeconds={remainingSeconds(found.exam, now)}
        shownAt={now.getTime()}
      />,
    );
  })
  .post('/exams/:examId/:position', loadLearner, limitAnswers, async (c) => {
    const { bank, db, clock } = c.var.deps;
    const examId = parseExamId(c.req.param('examId'));
    const profileId = c.var.profile?.id;
    // An answer posted just after the deadline left the browser in time: keep it, then submit.
    const found = await openExam(c.var.deps, profileId, examId, { graceMs: SAVE_GRACE_MS });
    if (found.exam.status !== 'running' || profileId === undefined) return c.redirect(`/exams/${examId}`, 303);
    const question = questionAt(found, parsePosition(c.req.param('position')));
    const variant = bank.variant(question.scenarioId, question.seed);
    const body = await parseFormBody(c, { all: true });
    const now = clock.now();
    const shownAtText = firstText(body.shownAt);
    const shownAt = shownAtText !== undefined && /^\d{1,15}$/.test(shownAtText) ? Number(shownAtText) : undefined;
    let answer: Answer | null = null;
    if (!isBlankAnswer(body)) {
      try {
        // The practice form reader, with a placeholder for the practice form's submission token.
        answer = parseAnswerForm(variant, { ...body, token: 'exam-question' }).answer;
      } catch (error) {
        if (!(error instanceof InvalidInputError || error instanceof InvalidAnswerError)) throw error;
        c.header('Cache-Control', 'no-store');
        return c.html(
          <ExamQuestionPage
            exam={found.exam}
            questions={found.questions}
            question={question}
            variant={variant}
            areaTitle={bank.areas.find((a) => a.id === question.area)?.title ?? question.area}
            remainingSeconds={remainingSeconds(found.exam, now)}
            shownAt={shownAt ?? now.getTime()}
            rejected={{
              field: error.field,
              message: error.message,
              value: firstText(body.value),
              optionIds: textFields(body.option).concat(textFields(body.options)),
              json: firstText(body.json),
            }}
          />,
          400,
        );
      }
    }
    await saveExamAnswer(db, {
      examId,
      position: question.position,
      answer,
      flagged: firstText(body.flagged) === '1',
      addSeconds: visitSeconds(found.exam, shownAt, now),
      now,
    });
    if (now.getTime() >= found.exam.deadlineAt.getTime()) {
      const saved = await openExam(c.var.deps, profileId, examId);
      if (saved.exam.status === 'running') await gradeAndSubmit(c.var.deps, profileId, saved, true);
      return c.redirect(`/exams/${examId}`, 303);
    }
    const go = firstText(body.go) ?? 'next';
    const total = found.questions.length;
    let target: string;
    if (go === 'submit') target = `/exams/${examId}/submit`;
    else if (go === 'previous') target = `/exams/${examId}/${Math.max(1, question.position - 1)}`;
    else if (/^\d{1,3}$/.test(go) && Number(go) >= 1 && Number(go) <= total) target = `/exams/${examId}/${Number(go)}`;
    else target = question.position < total ? `/exams/${examId}/${question.position + 1}` : `/exams/${examId}/submit`;
    return c.redirect(target, 303);
  });

export { examRoutes };
