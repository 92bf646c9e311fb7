import type { Variant } from '../../bank/types.ts';
import type { Exam, ExamQuestion } from '../../progress/exams.ts';
import { displayTitle } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { AnswerInputs, QuestionPane, type RejectedAnswer } from '../practice/question-view.tsx';
import { formatClock } from './format.ts';

/** The timer strip every page of a running exam shows: printed by the server, ticked by a script. */
export function ExamTimer({ remainingSeconds }: { remainingSeconds: number }) {
  return (
    <>
      <p class="exam-timer" role="timer" data-exam-remaining={String(remainingSeconds)}>
        Time left <strong data-exam-clock>{formatClock(remainingSeconds)}</strong>
      </p>
      <p class="visually-hidden" aria-live="polite" data-exam-announce></p>
    </>
  );
}

/** The saved answer as the practice inputs take it to pre-fill. */
function savedAsDraft(answer: ExamQuestion['answer']): RejectedAnswer | undefined {
  if (answer === null) return undefined;
  const draft = { field: '', message: '' };
  switch (answer.kind) {
    case 'choice':
      return { ...draft, optionIds: [answer.optionId] };
    case 'multi':
      return { ...draft, optionIds: answer.optionIds };
    case 'numeric':
      return { ...draft, value: String(answer.value) };
    case 'request':
    case 'design':
      return { ...draft, json: answer.json };
  }
}

function describeState(q: ExamQuestion): string {
  return [q.answer !== null ? 'answered' : 'not answered', q.flagged ? 'flagged' : null].filter((s) => s !== null).join(', ');
}

/** Every question as a submit button: moving to another question saves the one on screen. */
function Navigator({ questions, position }: { questions: readonly ExamQuestion[]; position: number }) {
  return (
    <nav class="exam-nav" aria-labelledby="exam-nav-heading">
      <h2 id="exam-nav-heading">Questions</h2>
      <ol>
        {questions.map((q) => (
          <li>
            <button
              type="submit"
              name="go"
              value={String(q.position)}
              class={[
                'exam-nav-item',
                q.answer !== null ? 'is-answered' : 'is-unanswered',
                q.flagged ? 'is-flagged' : null,
                q.position === position ? 'is-current' : null,
              ]
                .filter(Boolean)
                .join(' ')}
              aria-current={q.position === position ? 'step' : undefined}
              aria-label={`Question ${q.position}, ${describeState(q)}`}
            >
              {q.position}
              {q.flagged ? <span aria-hidden="true">⚑</span> : null}
            </button>
          </li>
        ))}
      </ol>
      <p class="hint">Filled: answered. ⚑: flagged for review. Outlined: not answered yet. Moving to a question saves this one.</p>
    </nav>
  );
}

export interface ExamQuestionPageProps {
  readonly exam: Exam;
  readonly questions: readonly ExamQuestion[];
  readonly question: ExamQuestion;
  readonly variant: Variant;
  readonly areaTitle: string;
  readonly remainingSeconds: number;
  readonly shownAt: number;
  /** An answer the form could not take: shown again with the reason, nothing saved. */
  readonly rejected?: RejectedAnswer | undefined;
}

export function ExamQuestionPage({ exam, questions, question, variant, areaTitle, remainingSeconds, shownAt, rejected }: ExamQuestionPageProps) {
  const total = questions.length;
  const answered = questions.filter((q) => q.answer !== null).length;
  const flagged = questions.filter((q) => q.flagged).length;
  const last = question.position === total;
  return (
    <Layout title={`Question ${question.position} of ${total} · Mock exam`} current="exams" shortcuts scripts={['/static/exam-timer.js']}>
      <div class="exam-bar">
        <ExamTimer remainingSeconds={remainingSeconds} />
        <p class="exam-count">
          {answered} of {total} answered{flagged > 0 ? `, ${flagged} flagged` : ''}
        </p>
      </div>
      <h1>
        Question {question.position} <span class="muted">of {total}</span>
      </h1>
      <p class="muted">
        {displayTitle(areaTitle)} · {variant.title}
      </p>
      <div class="question-layout">
        <QuestionPane variant={variant} />
        <div class="answer-pane">
          <form method="post" action={`/exams/${exam.id}/${question.position}`} data-answer-form data-exam-form novalidate>
            <input type="hidden" name="shownAt" value={String(shownAt)} />
            {rejected ? (
              <div class="error-box" role="alert" id="answer-error">
                <p>
                  <strong>{rejected.field}</strong>: {rejected.message}
                </p>
                <p>This answer was not saved. Fix it, or clear it to leave the question unanswered.</p>
              </div>
            ) : null}
            <AnswerInputs variant={variant} rejected={rejected ?? savedAsDraft(question.answer)} invalid={rejected !== undefined} withContext={false} />
            <div class="option exam-flag">
              <input type="checkbox" id="exam-flag" name="flagged" value="1" checked={question.flagged ? true : undefined} />
              <label for="exam-flag">Flag for review</label>
            </div>
            <div class="actions">
              <button type="submit" name="go" value={last ? 'submit' : 'next'}>
                {last ? 'Save and review' : 'Save and next'}
              </button>
              {question.position > 1 ? (
                <button type="submit" name="go" value="previous" class="button-secondary">
                  Save and previous
                </button>
              ) : null}
              <button type="submit" name="go" value="submit" class="button-secondary">
                Submit exam…
              </button>
            </div>
            <p class="hint" data-shortcuts-hint hidden>
              Keys:{' '}
              {variant.kind === 'choice' || variant.kind === 'multi' ? (
                <>
                  <kbd>1</kbd>–<kbd>9</kbd> pick an option,{' '}
                </>
              ) : null}
              <kbd>Enter</kbd> saves and goes on.
            </p>
            <p class="hint">No feedback until you submit: the report then shows every answer, the key and the working.</p>
            <Navigator questions={questions} position={question.position} />
          </form>
        </div>
      </div>
    </Layout>
  );
}
