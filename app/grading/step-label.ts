/**
 * A calculation step's label named by id: a calculator that reads its key off a family's
 * situation (sim-calculators.ts) returns stepLabel(id, figures) where the words go, and the bank
 * fills them in from content/steps.md (app/bank/step-labels.ts). Here, not in the bank, because
 * graders import nothing from the bank at run time.
 */

const MARK = '\u0000step:';

/** The step's words by id, with the figures they name (formatted). */
export function stepLabel(id: string, values: Readonly<Record<string, string>> = {}): string {
  return `${MARK}${JSON.stringify({ id, values })}`;
}

/** The id and figures of a label stepLabel made, or undefined for a label in words. */
export function readStepLabel(label: string): { id: string; values: Record<string, string> } | undefined {
  return label.startsWith(MARK) ? (JSON.parse(label.slice(MARK.length)) as { id: string; values: Record<string, string> }) : undefined;
}
