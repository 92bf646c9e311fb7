import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ChoiceOption, Objective, Variant } from '../../bank/types.ts';
import type { Confidence } from '../../progress/rating.ts';
import { displayTitle, HtmlBlock } from '../../views/components.tsx';
import { DesignBrief, DesignEditor, DesignTextarea } from '../../views/design-editor.tsx';
import { Layout } from '../../views/layout.tsx';
import { renderedOnce } from '../../views/rendered-once.ts';
import { RequestEditor, RequestFixture, RequestTextarea } from '../../views/request-editor.tsx';
import { type PracticeMode, practiceQueryString } from './practice-mode.ts';
import { questionPath } from './variant-address.ts';

export interface QuestionPageProps {
  readonly variant: Variant;
  readonly objectives: readonly Objective[];
  readonly areaTitle: string;
  readonly mode: PracticeMode;
  readonly submissionToken: string;
  readonly shownAt: number;
  readonly reported: boolean;
  /** Set when a posted answer could not be read: the page is shown again with it kept. */
  readonly rejected?: RejectedAnswer;
  /**
   * A study mode (review, drill) serving this question: where the answer is posted, where
   * "Skip" leads, a line above the question, and the navigation entry to mark.
   */
  readonly study?: StudyQuestion;
}

export interface StudyQuestion {
  readonly action: string;
  readonly skipHref: string;
  readonly skipLabel: string;
  readonly banner: Child;
  readonly current: 'review' | 'drill';
}

/** An answer the form could not take, with the field at fault and what was typed. */
export interface RejectedAnswer {
  readonly field: string;
  readonly message: string;
  readonly value?: string;
  readonly optionIds?: readonly string[];
  readonly json?: string;
  readonly confidence?: string;
}

const CONFIDENCE_CHOICES: ReadonlyArray<{ value: Confidence; label: string; key: string }> = [
  { value: 'sure', label: 'Sure', key: 'S' },
  { value: 'unsure', label: 'Unsure', key: 'U' },
  { value: 'guess', label: 'A guess', key: 'G' },
];

/** Optional: how sure the learner is steers the review schedule (unsure or a guess rates Hard). */
function ConfidenceInputs({ checked }: { checked: string | undefined }) {
  return (
    <fieldset class="confidence" data-confidence>
      <legend>
        How sure are you? <span class="muted">(optional)</span>
      </legend>
      <div class="confidence-choices">
        {CONFIDENCE_CHOICES.map((choice) => (
          <div class="option">
            <input
              type="radio"
              id={`confidence-${choice.value}`}
              name="confidence"
              value={choice.value}
              checked={checked === choice.value ? true : undefined}
              data-key={choice.key.toLowerCase()}
            />
            <label for={`confidence-${choice.value}`}>
              <span class="key" aria-hidden="true">
                {choice.key}.
              </span>{' '}
              {choice.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

const UNCHECKED_CONFIDENCE = raw(String(<ConfidenceInputs checked={undefined} />));

/** Option HTML arrives as a paragraph; inside a label only its inline content belongs. */
export function inlineHtml(html: string): string {
  const match = /^\s*<p>([\s\S]*)<\/p>\s*$/.exec(html);
  return match && !match[1]!.includes('<p>') ? match[1]! : html;
}

const DIFFICULTY = { 1: 'easy', 2: 'medium', 3: 'hard' } as const;

export function QuestionHeader({ variant, objectives, areaTitle }: { variant: Variant; objectives: readonly Objective[]; areaTitle: string }) {
  return (
    <>
      <p class="muted">
        {displayTitle(areaTitle)} · {DIFFICULTY[variant.difficulty]} · variant {variant.seed}
      </p>
      <h1>{variant.title}</h1>
      <ul class="tags" aria-label="Objectives this question drills">
        {objectives.map((o) => (
          <li>
            <a href={`/practice/next?objective=${encodeURIComponent(o.id)}`} title={`Practise ${o.id}: ${o.text}`}>
              {o.id}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function OptionInputs({
  options,
  type,
  name,
  checked = [],
}: {
  options: readonly ChoiceOption[];
  type: 'radio' | 'checkbox';
  name: string;
  checked?: readonly string[];
}) {
  return (
    <>
      {options.map((option, index) => (
        <div class="option">
          <input
            type={type}
            id={`option-${index + 1}`}
            name={name}
            value={option.id}
            required={type === 'radio' ? true : undefined}
            checked={checked.includes(option.id) ? true : undefined}
          />
          <label for={`option-${index + 1}`}>
            {index < 9 ? (
              <span class="key" aria-hidden="true">
                {index + 1}.
              </span>
            ) : null}{' '}
            <span dangerouslySetInnerHTML={{ __html: inlineHtml(option.html) }} />
          </label>
        </div>
      ))}
    </>
  );
}

/** What a hands-on question works on (the table and its items, or the patterns to serve): part of the question, not of the answer. */
export function QuestionContext({ variant }: { variant: Variant }) {
  if (variant.kind === 'request') return <RequestFixture variant={variant} />;
  if (variant.kind === 'design') return <DesignBrief variant={variant} />;
  return null;
}

/**
 * `rejected` pre-fills the inputs; `invalid: false` pre-fills them without marking an error (a
 * saved exam answer). `withContext: false` leaves out the hands-on question's table, for a page
 * that shows it beside the question (QuestionContext).
 */
export function AnswerInputs({
  variant,
  rejected,
  invalid: invalidProp,
  withContext = true,
}: {
  variant: Variant;
  rejected: RejectedAnswer | undefined;
  invalid?: boolean;
  withContext?: boolean;
}) {
  const checked = rejected?.optionIds ?? [];
  const invalid = invalidProp ?? rejected !== undefined;
  switch (variant.kind) {
    case 'choice':
      return (
        <fieldset>
          <legend>Choose one answer</legend>
          <OptionInputs options={variant.options} type="radio" name="option" checked={checked} />
        </fieldset>
      );
    case 'multi':
      return (
        <fieldset>
          <legend>Choose {variant.choose}</legend>
          <OptionInputs options={variant.options} type="checkbox" name="options" checked={checked} />
        </fieldset>
      );
    case 'numeric':
      return (
        <fieldset>
          <legend>Your answer</legend>
          <div class="field">
            <label for="answer-value">Value</label>
            <input
              type="text"
              inputmode="decimal"
              id="answer-value"
              name="value"
              autocomplete="off"
              required
              value={rejected?.value}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={invalid ? 'answer-unit answer-error' : 'answer-unit'}
              size={14}
            />
            <span id="answer-unit">{variant.unit}</span>
          </div>
        </fieldset>
      );
    case 'request':
      return withContext ? <RequestEditor variant={variant} draft={rejected?.json} /> : <RequestTextarea variant={variant} draft={rejected?.json} />;
    case 'design':
      return withContext ? <DesignEditor variant={variant} draft={rejected?.json} /> : <DesignTextarea variant={variant} draft={rejected?.json} />;
  }
}

export function ReportForm({ variant, reported, returnTo }: { variant: Variant; reported: boolean; returnTo: string }) {
  return reported ? (
    <p class="notice" role="status">
      Thank you: your report is stored with this variant and listed for the authors.
    </p>
  ) : (
    <details>
      <summary>Report a problem with this question</summary>
      <form method="post" action={`${questionPath(variant.scenarioId, variant.seed)}/report`}>
        <input type="hidden" name="returnTo" value={returnTo} />
        <div class="field">
          <label for="report-message">What is wrong?</label>
          <textarea id="report-message" name="message" required maxlength={2000} rows={3} />
        </div>
        <button type="submit" class="button-secondary">
          Send report
        </button>
      </form>
    </details>
  );
}

/**
 * The question in its own column: on a wide screen it stays in view beside the answer or the
 * feedback (sticky, scrolling inside itself when taller than the window); on a phone it is
 * simply a block of the page. Focusable because it may scroll (axe scrollable-region-focusable).
 * `heading` names it with a visible heading (the result page, where it is not the page's subject);
 * `foldContext` puts a hands-on question's table behind a toggle (the result page, where the
 * feedback lists what the learner needs of it and a phone would otherwise scroll past it all).
 */
export function QuestionPane({ variant, heading = false, foldContext = false }: { variant: Variant; heading?: boolean; foldContext?: boolean }) {
  return (
    <section
      class="question-pane"
      tabindex={0}
      aria-label={heading ? undefined : 'The question'}
      aria-labelledby={heading ? 'question-heading' : undefined}
      data-question-pane
    >
      {heading ? <h2 id="question-heading">The question</h2> : null}
      <HtmlBlock class="prompt" html={variant.promptHtml} />
      {foldContext && (variant.kind === 'request' || variant.kind === 'design') ? (
        <details class="question-context">
          <summary>
            {variant.kind === 'request' ? 'The table: keys, indexes and sample items' : 'What the table had to serve: attributes, patterns, sample items'}
          </summary>
          <QuestionContext variant={variant} />
        </details>
      ) : (
        <QuestionContext variant={variant} />
      )}
    </section>
  );
}

export function QuestionPage({ variant, objectives, areaTitle, mode, submissionToken, shownAt, reported, rejected, study }: QuestionPageProps) {
  const hasOptions = variant.kind === 'choice' || variant.kind === 'multi';
  return (
    <Layout title={variant.title} current={study?.current ?? 'practice'} shortcuts>
      {study ? (
        <p class="study-banner" role="note">
          {study.banner}
        </p>
      ) : null}
      {/* Header (objectives and area title come from the same bank as the variant), pane and
          inputs depend on the variant alone: rendered once per variant (rendered-once.ts). */}
      {renderedOnce(variant, 'question-header', () => (
        <QuestionHeader variant={variant} objectives={objectives} areaTitle={areaTitle} />
      ))}
      <div class="question-layout">
        {renderedOnce(variant, 'question-pane', () => (
          <QuestionPane variant={variant} />
        ))}
        <div class="answer-pane">
          <form method="post" action={study?.action ?? `${questionPath(variant.scenarioId, variant.seed)}${practiceQueryString(mode)}`} data-answer-form>
            <input type="hidden" name="token" value={submissionToken} />
            <input type="hidden" name="shownAt" value={String(shownAt)} />
            {rejected ? (
              <div class="error-box" role="alert" id="answer-error">
                <p>
                  <strong>{rejected.field}</strong>: {rejected.message}
                </p>
                <p>Your answer was not recorded. Fix it and check it again.</p>
              </div>
            ) : null}
            {rejected ? (
              <AnswerInputs variant={variant} rejected={rejected} withContext={false} />
            ) : (
              renderedOnce(variant, 'answer-inputs', () => <AnswerInputs variant={variant} rejected={undefined} withContext={false} />)
            )}
            {rejected ? <ConfidenceInputs checked={rejected.confidence} /> : UNCHECKED_CONFIDENCE}
            <div class="actions">
              <button type="submit">Check answer</button>
              <a
                class="button button-secondary"
                href={study?.skipHref ?? `/practice/next${practiceQueryString(mode, { exclude: variant.scenarioId })}`}
                data-next
              >
                {study?.skipLabel ?? 'Skip'}
              </a>
            </div>
            <p class="hint" data-shortcuts-hint hidden>
              Keys:{' '}
              {hasOptions ? (
                <>
                  <kbd>1</kbd>–<kbd>9</kbd> pick an option,{' '}
                </>
              ) : null}
              <kbd>S</kbd> / <kbd>U</kbd> / <kbd>G</kbd> sure, unsure or a guess, <kbd>Enter</kbd> checks the answer, <kbd>N</kbd> skips to another question.
            </p>
          </form>
          <ReportForm variant={variant} reported={reported} returnTo={questionPath(variant.scenarioId, variant.seed)} />
        </div>
      </div>
    </Layout>
  );
}
