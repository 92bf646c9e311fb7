/** Small pieces several pages show: percentages, verdict badges, accuracy meters, errors. */
import type { Child } from 'hono/jsx';
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
      {formatPercent(accuracy.accuracy)}{' '}
      <span class="muted">
        ({accuracy.attempts} {accuracy.attempts === 1 ? 'attempt' : 'attempts'})
      </span>
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

/**
 * A headline figure with its label and one line of context: the dashboard's tiles. Label,
 * figure and note are in reading order, so a screen reader hears "Due for review, 3, ...".
 */
export function StatTile({ label, figure, note, tone, id }: { label: string; figure: Child; note?: Child; tone?: 'good' | 'bad' | undefined; id?: string }) {
  return (
    <div class={`stat-tile${tone ? ` stat-${tone}` : ''}`} id={id}>
      <p class="stat-label">{label}</p>
      <p class="stat-figure">{figure}</p>
      {note !== undefined ? <p class="stat-note">{note}</p> : null}
    </div>
  );
}

/** A bordered block with its own heading, for a page of several independent parts. */
export function Card({ heading, id, children }: { heading: string; id: string; children?: Child }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}
