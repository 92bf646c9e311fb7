import type { Area, ScenarioKind } from '../../bank/types.ts';
import type { Exam } from '../../progress/exams.ts';
import { AccuracyChart } from '../../views/accuracy-chart.tsx';
import { displayTitle, formatDateTime, formatPercent } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { EXAM_KINDS, EXAM_LIMITS } from './exam-session.ts';
import { formatClock } from './format.ts';
import { examPassed } from './report.ts';

const KIND_LABELS: Record<ScenarioKind, string> = {
  choice: 'Single choice',
  multi: 'Multiple choice (choose N)',
  numeric: 'Numeric (a figure with its unit)',
  request: 'Write a request (JSON)',
  design: 'Design a table (JSON)',
};

/** What the form shows: the defaults, or what was posted when it was refused. */
export interface ExamFormValues {
  readonly questions: string;
  readonly minutes: string;
  readonly passPercent: string;
  readonly area: string;
  readonly kinds: readonly string[];
}

export interface ExamsPageProps {
  readonly areas: readonly Area[];
  readonly values: ExamFormValues;
  readonly formIssuedAt: number;
  /** Running exams with the seconds each has left. */
  readonly running: ReadonlyArray<{ exam: Exam; remainingSeconds: number; answered: number }>;
  /** Submitted exams, newest first. */
  readonly history: readonly Exam[];
  readonly error?: { field: string; message: string } | undefined;
}

function NumberField({
  id,
  label,
  value,
  min,
  max,
  unit,
  error,
}: {
  id: string;
  label: string;
  value: string;
  min: number;
  max: number;
  unit: string;
  error: { field: string; message: string } | undefined;
}) {
  const invalid = error?.field === id;
  return (
    <div class="field">
      <label for={`exam-${id}`}>{label}</label>
      <input
        type="number"
        id={`exam-${id}`}
        name={id}
        value={value}
        min={min}
        max={max}
        step={1}
        required
        inputmode="numeric"
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `exam-${id}-hint exam-error` : `exam-${id}-hint`}
      />{' '}
      <span id={`exam-${id}-hint`} class="muted">
        {unit}, {min}–{max}
      </span>
    </div>
  );
}

function StartForm({ areas, values, formIssuedAt, error }: Pick<ExamsPageProps, 'areas' | 'values' | 'formIssuedAt' | 'error'>) {
  return (
    <form method="post" action="/exams" class="exam-start">
      <input type="hidden" name="formIssuedAt" value={String(formIssuedAt)} />
      {error ? (
        <div class="error-box" role="alert" id="exam-error">
          <p>
            <strong>{error.field}</strong>: {error.message}
          </p>
          <p>No exam was started.</p>
        </div>
      ) : null}
      <NumberField
        id="questions"
        label="Questions"
        value={values.questions}
        min={EXAM_LIMITS.questions.min}
        max={EXAM_LIMITS.questions.max}
        unit="questions"
        error={error}
      />
      <NumberField id="minutes" label="Time" value={values.minutes} min={EXAM_LIMITS.minutes.min} max={EXAM_LIMITS.minutes.max} unit="minutes" error={error} />
      <NumberField
        id="passPercent"
        label="Pass mark"
        value={values.passPercent}
        min={EXAM_LIMITS.passPercent.min}
        max={EXAM_LIMITS.passPercent.max}
        unit="%"
        error={error}
      />
      <div class="field">
        <label for="exam-area">Areas</label>
        <select id="exam-area" name="area" aria-invalid={error?.field === 'area' ? 'true' : undefined}>
          <option value="mixed" selected={values.area === 'mixed' || values.area === '' ? true : undefined}>
            Every area, in proportion to its objectives
          </option>
          {areas.map((area) => (
            <option value={area.id} selected={values.area === area.id ? true : undefined}>
              {displayTitle(area.title)}
            </option>
          ))}
        </select>
      </div>
      <fieldset aria-invalid={error?.field.startsWith('kinds') ? 'true' : undefined}>
        <legend>Kinds of question</legend>
        {EXAM_KINDS.map((kind) => (
          <div class="option">
            <input type="checkbox" id={`exam-kind-${kind}`} name="kinds" value={kind} checked={values.kinds.includes(kind) ? true : undefined} />
            <label for={`exam-kind-${kind}`}>{KIND_LABELS[kind]}</label>
          </div>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit">Start the exam</button>
      </div>
    </form>
  );
}

function History({ history }: { history: readonly Exam[] }) {
  if (history.length === 0) return <p class="muted">No exam submitted yet. Your scores and their trend appear here.</p>;
  const oldestFirst = [...history].reverse();
  const points = oldestFirst.map((exam, i) => ({
    label: `#${i + 1}`,
    value: exam.score ?? 0,
    detail: `${exam.questionCount} questions, ${examPassed(exam) ? 'passed' : 'failed'} at ${formatPercent(exam.passMark)}`,
  }));
  return (
    <>
      <figure>
        <AccuracyChart
          id="exam-trend"
          title="Mock exam scores, oldest first"
          description={`Your ${history.length} submitted mock exams: ${points.map((p) => `${p.label} ${formatPercent(p.value)}`).join(', ')}. The table below lists the same figures.`}
          points={points}
        />
      </figure>
      <table>
        <caption class="visually-hidden">Submitted mock exams, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Submitted</th>
            <th scope="col" class="num">
              Questions
            </th>
            <th scope="col" class="num">
              Score
            </th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {history.map((exam, i) => (
            <tr>
              <td>
                <a href={`/exams/${exam.id}`}>Report #{history.length - i}</a>
              </td>
              <td>
                {formatDateTime(exam.submittedAt ?? exam.deadlineAt)}
                {exam.timedOut ? <span class="muted"> (time ran out)</span> : null}
              </td>
              <td class="num">{exam.questionCount}</td>
              <td class="num">{formatPercent(exam.score ?? 0)}</td>
              <td>
                {examPassed(exam) ? 'Pass' : 'Fail'} <span class="muted">(mark {formatPercent(exam.passMark)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ExamsPage({ areas, values, formIssuedAt, running, history, error }: ExamsPageProps) {
  return (
    <Layout title="Mock exams" current="exams">
      <h1>Mock exams</h1>
      <p>
        A timed exam with no feedback until you submit, like the real one: 25 questions in 50 minutes is the pace of the AWS associate exams (two minutes a
        question), and 72% is their pass mark of 720 out of 1000. Move freely between questions and flag any to come back to; the timer runs on the server, so a
        reload or a closed tab does not stop it, and when time is up the exam is submitted with what you answered.
      </p>
      {running.map(({ exam, remainingSeconds, answered }) => (
        <section class="panel" aria-labelledby={`running-${exam.id}`}>
          <h2 id={`running-${exam.id}`}>Exam in progress</h2>
          <p>
            {answered} of {exam.questionCount} answered, {formatClock(remainingSeconds)} left.
          </p>
          <p>
            <a class="button" href={`/exams/${exam.id}`}>
              Resume the exam
            </a>
          </p>
        </section>
      ))}
      <h2>Start a mock exam</h2>
      <StartForm areas={areas} values={values} formIssuedAt={formIssuedAt} error={error} />
      <h2>Your exams</h2>
      <History history={history} />
    </Layout>
  );
}
