import type { Exam, ExamQuestion } from '../../progress/exams.ts';
import { Layout } from '../../views/layout.tsx';
import { ExamTimer } from './question-view.tsx';

function QuestionLinks({ examId, questions }: { examId: number; questions: readonly ExamQuestion[] }) {
  return (
    <ul class="exam-links">
      {questions.map((q) => (
        <li>
          <a href={`/exams/${examId}/${q.position}`}>Question {q.position}</a>
        </li>
      ))}
    </ul>
  );
}

/** The last stop before submission: what is unanswered and what was flagged, with links back. */
export function SubmitExamPage({ exam, questions, remainingSeconds }: { exam: Exam; questions: readonly ExamQuestion[]; remainingSeconds: number }) {
  const unanswered = questions.filter((q) => q.answer === null);
  const flagged = questions.filter((q) => q.flagged);
  return (
    <Layout title="Submit the exam? · Mock exam" current="exams" scripts={['/static/exam-timer.js']}>
      <div class="exam-bar">
        <ExamTimer remainingSeconds={remainingSeconds} />
      </div>
      <h1>Submit the exam?</h1>
      <p>
        You answered {questions.length - unanswered.length} of {questions.length} questions. Once submitted, the exam is graded and cannot be changed.
      </p>
      <h2>Not answered ({unanswered.length})</h2>
      {unanswered.length === 0 ? (
        <p class="muted">Every question has an answer.</p>
      ) : (
        <>
          <p>These score 0 unless you answer them.</p>
          <QuestionLinks examId={exam.id} questions={unanswered} />
        </>
      )}
      <h2>Flagged for review ({flagged.length})</h2>
      {flagged.length === 0 ? <p class="muted">No question is flagged.</p> : <QuestionLinks examId={exam.id} questions={flagged} />}
      <form method="post" action={`/exams/${exam.id}/submit`} class="actions">
        <button type="submit">Submit the exam now</button>
        <a class="button button-secondary" href={`/exams/${exam.id}/${(unanswered[0] ?? flagged[0] ?? questions[0])?.position ?? 1}`}>
          Back to the questions
        </a>
      </form>
    </Layout>
  );
}
