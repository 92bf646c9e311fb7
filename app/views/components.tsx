/** Small pieces several pages show: percentages, verdict badges, accuracy meters, errors. */
import type { Accuracy } from '../progress/attempts.ts';
import type { Verdict } from '../bank/types.ts';

/** OBJECTIVES.md writes area titles in running-text case ("what DynamoDB is"); headings want a capital. */
export function displayTitle(title: string): string {
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

const VERDICT_LABEL: Record<Verdict, string> = { correct: 'Correct', partial: 'Partly right', incorrect: 'Incorrect' };

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABEL[verdict];
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span class={`badge badge-${verdict}`}>{VERDICT_LABEL[verdict]}</span>;
}

/** A bar with the figure written beside it, so the colour is never the only signal. */
export function AccuracyMeter({ accuracy }: { accuracy: Accuracy | undefined }) {
  if (!accuracy) return <span class="muted">Not tried yet</span>;
  return (
    <span class="meter-wrap">
      <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={accuracy.accuracy}>
        {formatPercent(accuracy.accuracy)}
      </meter>{' '}
      {formatPercent(accuracy.accuracy)} <span class="muted">({accuracy.attempts} {accuracy.attempts === 1 ? 'attempt' : 'attempts'})</span>
    </span>
  );
}

/** The shortest readable elapsed time: "45 s", "3 min 5 s". */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function HtmlBlock({ html, class: className }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
