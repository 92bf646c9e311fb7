import type { Child } from 'hono/jsx';
import type { GradeResult, Objective, OptionFeedback, Variant } from '../../bank/types.ts';
import type { ScenarioFileStatus } from '../../progress/answers.ts';
import type { Attempt } from '../../progress/attempts.ts';
import { formatPercent, formatSeconds, HtmlBlock, VerdictBadge, verdictLabel } from '../../views/components.tsx';
import { ChecksView } from '../../views/checks-view.tsx';
import { OpenQuestionTable } from '../playground/open-question.tsx';
import { Layout } from '../../views/layout.tsx';
import { renderedOnce } from '../../views/rendered-once.ts';
import { type PracticeMode, practiceQueryString } from './practice-mode.ts';
import { inlineHtml, QuestionHeader, QuestionPane, ReportForm } from './question-view.tsx';
import { questionPath } from './variant-address.ts';

export interface ResultPageProps {
  readonly attempt: Attempt;
  /**
   * The variant as stored with the attempt; for an attempt stored before variants were kept,
   * today's variant of the same seed, or undefined when its scenario is gone.
   */
  readonly variant: Variant | undefined;
  readonly objectives: readonly Objective[];
  readonly areaTitle: string;
  /** The stored grade; null for an attempt stored before grades were kept with attempts. */
  readonly result: GradeResult | null;
  readonly scenarioFile: ScenarioFileStatus;
  readonly mode: PracticeMode;
  readonly reported: boolean;
  /** A study mode (review, drill) showing the result: its own line and where "Next" leads. */
  readonly study?: StudyResult;
}

export interface StudyResult {
  readonly banner: Child;
  readonly nextHref: string;
  readonly nextLabel: string;
  readonly current: 'review' | 'drill';
}

const CONFIDENCE_WORDS = { sure: 'sure', unsure: 'unsure', guess: 'a guess' } as const;

/** Partial credit must not flatter: say why a partly right answer counts as wrong. */
function EssentialNote({ attempt, result }: { attempt: Attempt; result: GradeResult | null }) {
  if (attempt.essentialPassed !== false) return null;
  const failed = result && (result.kind === 'request' || result.kind === 'design') ? result.checks.filter((c) => c.essential && !c.passed) : [];
  return (
    <p class="essential-note" role="note" data-essential-failed>
      <strong>An essential check failed</strong>
      {failed.length > 0 ? <> ({failed.map((c) => c.label).join('; ')})</> : null}: this is the check the task exists for, so the answer counts as wrong for
      review and readiness whatever its partial score.
    </p>
  );
}

/** One line on where the page's grade comes from, when it is not today's file. */
function GradeProvenance({ result, scenarioFile }: { result: GradeResult | null; scenarioFile: ScenarioFileStatus }) {
  const removed = scenarioFile === 'removed';
  let text: string | undefined;
  if (result === null) {
    text = `This attempt was recorded before results were stored with answers: the verdict and score are as recorded, and the feedback of that time is not available.${removed ? ' Its scenario has since been removed.' : ' Try this variant again to see the working.'}`;
  } else if (scenarioFile === 'changed') {
    text = 'The scenario file has changed since you answered; this is the result as it was graded then.';
  } else if (removed) {
    text = 'This scenario has since been removed from the question bank; this is the result as it was graded then.';
  }
  return text === undefined ? null : (
    <p class="misconception" role="note" data-grade-provenance={result === null ? 'not-stored' : scenarioFile}>
      {text}
    </p>
  );
}

const RESULT_NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/**
 * Up to six significant decimals, thousands separated: "1,234.5". One shared formatter:
 * toLocaleString builds one per call, a seventh of a result page's CPU (issue 17).
 */
export function formatNumber(value: number): string {
  return RESULT_NUMBER_FORMAT.format(value);
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

/** `level` 3 nests the headings under a question's own heading (the exam report). */
export function Feedback({ result, level = 2 }: { result: GradeResult; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  switch (result.kind) {
    case 'choice':
    case 'multi':
      return (
        <>
          <H>The options</H>
          <OptionFeedbackList options={result.options} />
        </>
      );
    case 'numeric':
      return (
        <>
          <H>The answer</H>
          <p>
            You answered <strong>{formatNumber(result.given)}</strong> {result.unit}. The answer is <strong>{formatNumber(result.expected)}</strong>{' '}
            {result.unit}
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
          <H>The working</H>
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
export function RightAnswerSummary({ result }: { result: GradeResult }) {
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

export function ResultPage({ attempt, variant, objectives, areaTitle, result, scenarioFile, mode, reported, study }: ResultPageProps) {
  const nextHref = study?.nextHref ?? `/practice/next${practiceQueryString(mode, { exclude: attempt.scenarioId })}`;
  // The row's verdict and score are what the learner was shown; they are set for every attempt.
  const title = variant?.title ?? attempt.scenarioId;
  const removed = scenarioFile === 'removed';
  return (
    <Layout title={`${verdictLabel(attempt.verdict)}: ${title}`} current={study?.current ?? 'practice'} shortcuts>
      {study ? (
        <p class="study-banner" role="note">
          {study.banner}
        </p>
      ) : null}
      {variant ? (
        <QuestionHeader variant={variant} objectives={objectives} areaTitle={areaTitle} />
      ) : (
        <h1>
          {title} <span class="muted">variant {attempt.seed}</span>
        </h1>
      )}
      <GradeProvenance result={result} scenarioFile={scenarioFile} />
      {/* The verdict first, then the question, then the working: on a wide screen the question
          moves to its own column beside the other two (style.css, .result-layout). */}
      <div class={variant ? 'question-layout result-layout' : undefined}>
        <section class={`verdict verdict-${attempt.verdict}`} aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">
            <VerdictBadge verdict={attempt.verdict} /> Score {formatPercent(attempt.score)}
          </h2>
          <EssentialNote attempt={attempt} result={result} />
          {result ? <RightAnswerSummary result={result} /> : null}
          <p class="muted">
            Answered in {formatSeconds(attempt.secondsTaken)}
            {attempt.confidence ? <span data-confidence={attempt.confidence}>, marked {CONFIDENCE_WORDS[attempt.confidence]}</span> : null}; recorded as attempt{' '}
            {attempt.id}.
          </p>
          <p class="actions">
            <a class="button" href={nextHref} data-next>
              {study?.nextLabel ?? 'Next question'}
            </a>
            {removed ? null : (
              <a class="button button-secondary" href={questionPath(attempt.scenarioId, attempt.seed)}>
                Try this variant again
              </a>
            )}
            <span class="hint" data-shortcuts-hint hidden>
              <kbd>N</kbd> goes to the next question.
            </span>
          </p>
        </section>
        {/* The question and the grade's feedback depend on the stored variant and grade alone:
            rendered once per object (form-answer.ts gives each view of an attempt the same ones). */}
        {variant ? renderedOnce(variant, 'result-pane', () => <QuestionPane variant={variant} heading foldContext />) : null}
        <div class="feedback-pane">
          {result ? (
            <>
              {renderedOnce(result, 'feedback', () => (
                <Feedback result={result} />
              ))}
              {(result.kind === 'request' || result.kind === 'design') && !removed ? (
                <OpenQuestionTable scenarioId={attempt.scenarioId} seed={attempt.seed} />
              ) : null}
              {renderedOnce(result, 'explanation', () => (
                <>
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
                </>
              ))}
            </>
          ) : null}
          {variant && !removed ? <ReportForm variant={variant} reported={reported} returnTo={`/attempts/${attempt.id}`} /> : null}
        </div>
      </div>
    </Layout>
  );
}
