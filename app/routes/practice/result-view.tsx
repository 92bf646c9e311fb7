import type { GradeResult, Objective, OptionFeedback, Variant } from '../../bank/types.ts';
import type { Attempt } from '../../progress/attempts.ts';
import { formatPercent, formatSeconds, HtmlBlock, VerdictBadge, verdictLabel } from '../../views/components.tsx';
import { ChecksView } from '../../views/checks-view.tsx';
import { Layout } from '../../views/layout.tsx';
import { type PracticeMode, practiceQueryString } from './practice-mode.ts';
import { inlineHtml, QuestionHeader, ReportForm } from './question-view.tsx';
import { questionPath } from './variant-address.ts';

export interface ResultPageProps {
  readonly attempt: Attempt;
  readonly variant: Variant;
  readonly objectives: readonly Objective[];
  readonly areaTitle: string;
  readonly result: GradeResult;
  readonly mode: PracticeMode;
  readonly reported: boolean;
}

/** Up to six significant decimals, thousands separated: "1,234.5". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function OptionFeedbackList({ options }: { options: readonly OptionFeedback[] }) {
  return (
    <ul class="feedback">
      {options.map((option) => {
        const marks = [option.correct ? 'right answer' : null, option.chosen ? 'your choice' : null].filter((m) => m !== null);
        return (
          <li class={option.correct ? 'is-correct' : option.chosen ? 'is-wrong-choice' : undefined}>
            <div>
              <span dangerouslySetInnerHTML={{ __html: inlineHtml(option.html) }} />
              {marks.length > 0 ? <strong> ({marks.join(', ')})</strong> : null}
            </div>
            <HtmlBlock class="why" html={option.whyHtml} />
          </li>
        );
      })}
    </ul>
  );
}

function Feedback({ result }: { result: GradeResult }) {
  switch (result.kind) {
    case 'choice':
    case 'multi':
      return (
        <>
          <h2>The options</h2>
          <OptionFeedbackList options={result.options} />
        </>
      );
    case 'numeric':
      return (
        <>
          <h2>The answer</h2>
          <p>
            You answered <strong>{formatNumber(result.given)}</strong> {result.unit}. The answer is <strong>{formatNumber(result.expected)}</strong> {result.unit}
            {result.tolerance > 0 ? <span class="muted"> (accepted within ±{formatNumber(result.tolerance)})</span> : null}.
          </p>
          {result.misconception ? (
            <div class="misconception" role="note">
              <p>
                <strong>Known mistake: {result.misconception.name}.</strong> {result.misconception.explanation}
              </p>
              <p class="muted">
                That method gives {formatNumber(result.misconception.value)} {result.unit}.
              </p>
            </div>
          ) : null}
          <h2>The working</h2>
          <ol class="working">
            {result.working.steps.map((step) => (
              <li>
                {step.label}
                {step.formula ? (
                  <>
                    : <code>{step.formula}</code>
                  </>
                ) : null}{' '}
                → <strong>{step.value}</strong>
              </li>
            ))}
          </ol>
        </>
      );
    case 'request':
    case 'design':
      return <ChecksView result={result} />;
  }
}

/** The key, stated once at the top so a learner need not scan the option list for it. */
function RightAnswerSummary({ result }: { result: GradeResult }) {
  if (result.verdict === 'correct') return null;
  switch (result.kind) {
    case 'choice':
    case 'multi': {
      const right = result.options.filter((o) => o.correct);
      // Option texts carry their own punctuation, so they stand alone rather than in a sentence.
      if (right.length === 1) {
        return (
          <p>
            The right answer: <strong dangerouslySetInnerHTML={{ __html: inlineHtml(right[0]!.html) }} />
          </p>
        );
      }
      return (
        <>
          <p class="tight">The right answers:</p>
          <ul class="tight">
            {right.map((o) => (
              <li>
                <strong dangerouslySetInnerHTML={{ __html: inlineHtml(o.html) }} />
              </li>
            ))}
          </ul>
        </>
      );
    }
    case 'numeric':
      return (
        <p>
          The right answer: <strong>{formatNumber(result.expected)}</strong> {result.unit}.
        </p>
      );
    default:
      return null;
  }
}

export function ResultPage({ attempt, variant, objectives, areaTitle, result, mode, reported }: ResultPageProps) {
  const nextHref = `/practice/next${practiceQueryString(mode, { exclude: variant.scenarioId })}`;
  return (
    <Layout title={`${verdictLabel(result.verdict)}: ${variant.title}`} current="practice" shortcuts>
      <QuestionHeader variant={variant} objectives={objectives} areaTitle={areaTitle} />
      <section class={`verdict verdict-${result.verdict}`} aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">
          <VerdictBadge verdict={result.verdict} /> Score {formatPercent(result.score)}
        </h2>
        <RightAnswerSummary result={result} />
        <p class="muted">
          Answered in {formatSeconds(attempt.secondsTaken)}; recorded as attempt {attempt.id}.
        </p>
        <p class="actions">
          <a class="button" href={nextHref} data-next>
            Next question
          </a>
          <a class="button button-secondary" href={questionPath(variant.scenarioId, variant.seed)}>
            Try this variant again
          </a>
          <span class="hint" data-shortcuts-hint hidden>
            <kbd>N</kbd> goes to the next question.
          </span>
        </p>
      </section>
      <details>
        <summary>The question</summary>
        <HtmlBlock class="prompt" html={variant.promptHtml} />
      </details>
      <Feedback result={result} />
      <h2>Explanation</h2>
      <HtmlBlock html={result.explanationHtml} />
      {result.references.length > 0 ? (
        <>
          <h2>References</h2>
          <ul>
            {result.references.map((reference) => (
              <li>
                <a href={reference.url} rel="noopener">
                  {reference.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ReportForm variant={variant} reported={reported} returnTo={`/attempts/${attempt.id}`} />
    </Layout>
  );
}
