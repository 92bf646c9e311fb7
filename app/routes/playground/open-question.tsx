/** The button on a request or design question's result page that copies its table into the learner's playground. */
export function OpenQuestionTable({ scenarioId, seed }: { scenarioId: string; seed: number }) {
  // A form, not a link: it creates a table in the sandbox.
  return (
    <form method="post" action="/playground/question" class="open-question-table">
      <input type="hidden" name="scenarioId" value={scenarioId} />
      <input type="hidden" name="seed" value={String(seed)} />
      <button type="submit" class="button-secondary" data-open-question-table>
        Open this question's table in the playground
      </button>
    </form>
  );
}
