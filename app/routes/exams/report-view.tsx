import type { Bank, Variant } from '../../bank/types.ts';
import type { ExamReportQuestion } from '../../progress/exams.ts';
import { ExamAreaChart } from '../../views/exam-area-chart.tsx';
import { displayTitle, formatDateTime, formatPercent, formatSeconds, HtmlBlock, VerdictBadge } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { questionPath } from '../practice/variant-address.ts';
import { Feedback, RightAnswerSummary } from '../practice/result-view.tsx';
import { type ExamReport, questionPoints } from './report.ts';

/** The stored variant (what was shown), else today's generation of the same seed, else none. */
function variantOf(bank: Bank, q: ExamReportQuestion): Variant | undefined {
  if (q.attempt?.variant) return q.attempt.variant;
  return bank.get(q.scenarioId) ? bank.variant(q.scenarioId, q.seed) : undefined;
}

function QuestionReport({ bank, q }: { bank: Bank; q: ExamReportQuestion }) {
  const variant = variantOf(bank, q);
  const result = q.attempt?.result ?? null;
  return (
    <section class="exam-question-report" id={`q-${q.position}`} aria-labelledby={`q-${q.position}-heading`}>
      <h2 id={`q-${q.position}-heading`}>
        {q.position}. {variant?.title ?? q.scenarioId}
      </h2>
      <p>
        {q.attempt ? <VerdictBadge verdict={q.attempt.verdict} /> : <span class="badge badge-unanswered">Not answered</span>} {formatPercent(questionPoints(q))}{' '}
        · {formatSeconds(q.secondsSpent)} spent{q.flagged ? ' · flagged' : ''}
        {q.attempt ? (
          <>
            {' '}
            · <a href={`/attempts/${q.attempt.id}`}>attempt {q.attempt.id}</a>
          </>
        ) : null}
      </p>
      {variant ? (
        <details>
          <summary>The question</summary>
          <HtmlBlock class="prompt" html={variant.promptHtml} />
        </details>
      ) : null}
      {result ? (
        <>
          <RightAnswerSummary result={result} />
          <Feedback result={result} level={3} />
          <h3>Explanation</h3>
          <HtmlBlock html={result.explanationHtml} />
        </>
      ) : (
        <p>
          You left this question unanswered, so it scores 0 and is not in your progress.{' '}
          {variant ? <a href={questionPath(q.scenarioId, q.seed)}>Answer this variant in practice</a> : null} to see the key and the working.
        </p>
      )}
    </section>
  );
}

export function ExamReportPage({ bank, report }: { bank: Bank; report: ExamReport }) {
  const { exam, questions, byArea } = report;
  const verdict = report.passed ? 'Pass' : 'Fail';
  return (
    <Layout title={`Mock exam report: ${formatPercent(report.score)}, ${verdict}`} current="exams">
      <h1>Mock exam report</h1>
      <section class={`verdict ${report.passed ? 'verdict-correct' : 'verdict-incorrect'}`} aria-labelledby="exam-score">
        <h2 id="exam-score">
          <span class={`badge ${report.passed ? 'badge-correct' : 'badge-incorrect'}`}>{verdict}</span> Score {formatPercent(report.score)}
        </h2>
        <p>
          Pass mark {formatPercent(exam.passMark)}. {report.answered} of {questions.length} questions answered; unanswered ones score 0.
        </p>
        <p class="muted">
          Started {formatDateTime(exam.startedAt)};{' '}
          {exam.timedOut ? 'the time ran out and the exam was submitted with what was answered' : `submitted after ${formatSeconds(report.secondsUsed)}`} (
          {formatSeconds(exam.durationSeconds)} allowed). Answered questions count in your progress and review schedule like practice answers.
        </p>
        <p class="actions">
          <a class="button" href="/exams">
            Another exam
          </a>
        </p>
      </section>
      <h2>By area</h2>
      <figure>
        <ExamAreaChart
          id="exam-areas"
          title="Score by area"
          description={`${byArea.map((a) => `${displayTitle(a.title)} ${formatPercent(a.score)} of ${a.questions}`).join('; ')}. The pass mark is ${formatPercent(exam.passMark)}. The table below lists the same figures.`}
          bars={byArea.map((a) => ({ label: displayTitle(a.title), value: a.score, detail: `${a.answered} of ${a.questions} answered` }))}
          passMark={exam.passMark}
        />
      </figure>
      <table>
        <caption class="visually-hidden">Score by area</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" class="num">
              Questions
            </th>
            <th scope="col" class="num">
              Answered
            </th>
            <th scope="col" class="num">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {byArea.map((a) => (
            <tr>
              <td>{displayTitle(a.title)}</td>
              <td class="num">{a.questions}</td>
              <td class="num">{a.answered}</td>
              <td class="num">{formatPercent(a.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Time per question</h2>
      <table>
        <caption class="visually-hidden">Each question's result and the time spent on it</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Result</th>
            <th scope="col" class="num">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr>
              <td>
                <a href={`#q-${q.position}`}>{q.position}</a>{' '}
                <span class="muted">{displayTitle(bank.areas.find((a) => a.id === q.area)?.title ?? q.area)}</span>
              </td>
              <td>{q.attempt ? <VerdictBadge verdict={q.attempt.verdict} /> : <span class="badge badge-unanswered">Not answered</span>}</td>
              <td class="num">{formatSeconds(q.secondsSpent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {questions.map((q) => (
        <QuestionReport bank={bank} q={q} />
      ))}
    </Layout>
  );
}
