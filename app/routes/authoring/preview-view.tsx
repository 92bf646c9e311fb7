/**
 * The preview's two fragments, rendered the same for the page (no JavaScript) and for the JSON
 * endpoint the live script calls: the errors at their lines, and the learner's view of the seed
 * with every known answer graded.
 */
import type { Preview } from '../../authoring/preview.ts';
import type { Area, GradeResult } from '../../bank/types.ts';
import { HtmlBlock, VerdictBadge } from '../../views/components.tsx';
import { AnswerInputs, QuestionHeader } from '../practice/question-view.tsx';
import { Feedback } from '../practice/result-view.tsx';

export function CheckErrors({ preview, seeds }: { preview: Preview; seeds: number }) {
  if (preview.errors.length === 0) {
    return (
      <p class="notice" data-check-status="passed">
        content:check passes: the file parses, and the gates pass at seeds 0–{seeds - 1}.
      </p>
    );
  }
  return (
    <div class="error-box" data-check-status="failed">
      <p>
        <strong>
          {preview.errors.length} error{preview.errors.length === 1 ? '' : 's'}
        </strong>{' '}
        (content:check at seeds 0–{seeds - 1}):
      </p>
      <ul class="check-errors">
        {preview.errors.map((e) => (
          <li data-line={String(e.line)}>
            <a href="#source" data-goto-line={String(e.line)}>
              line {e.line}
            </a>
            : {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function gradeNote(result: GradeResult): string {
  if (result.kind === 'numeric' && result.misconception) return `named: ${result.misconception.name}`;
  if (result.kind === 'request' || result.kind === 'design') {
    const failed = result.checks.filter((c) => !c.passed).map((c) => c.label);
    return failed.length === 0 ? 'every check passes' : `fails: ${failed.join('; ')}`;
  }
  return '';
}

const ROLE_LABEL = { reference: 'Reference', distractor: 'Distractor', misconception: 'Known mistake', wrong: 'Known wrong answer' } as const;

export function PreviewBody({ preview, areas }: { preview: Preview; areas: readonly Area[] }) {
  const { variant } = preview;
  if (!variant) {
    return (
      <p class="muted">
        {preview.generationError ? `Seed ${preview.seed} does not generate: ${preview.generationError}` : 'Nothing to show until the file parses.'}
      </p>
    );
  }
  const area = areas.find((a) => a.id === variant.area);
  const objectives = area?.objectives.filter((o) => variant.objectives.includes(o.id)) ?? [];
  const reference = preview.graded.find((g) => g.role === 'reference');
  return (
    <>
      <h2 id="learner-view-heading">As the learner sees seed {preview.seed}</h2>
      <section class="learner-view" aria-labelledby="learner-view-heading">
        <QuestionHeader variant={variant} objectives={objectives} areaTitle={area?.title ?? variant.area} />
        <HtmlBlock class="prompt" html={variant.promptHtml} />
        <AnswerInputs variant={variant} rejected={undefined} />
      </section>
      <h2>Graded</h2>
      <table class="graded-answers">
        <caption>Every known answer, graded by the real grader for seed {preview.seed}</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Verdict</th>
            <th scope="col" class="num">
              Score
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {preview.graded.map((g) => {
            const expected = g.role === 'reference' ? g.result.score === 1 : g.result.score < 1;
            return (
              <tr data-role={g.role} data-expected={expected ? 'yes' : 'no'}>
                <td>
                  <strong>{ROLE_LABEL[g.role]}</strong>: {g.label}
                </td>
                <td>
                  <VerdictBadge verdict={g.result.verdict} />
                  {expected ? null : <strong class="unexpected"> (unexpected)</strong>}
                </td>
                <td class="num">{g.result.score.toFixed(2)}</td>
                <td>{gradeNote(g.result)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reference ? (
        <details>
          <summary>The reference answer's feedback and explanation</summary>
          <Feedback result={reference.result} level={3} />
          <HtmlBlock class="explanation" html={reference.result.explanationHtml} />
        </details>
      ) : null}
    </>
  );
}
