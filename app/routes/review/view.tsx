import type { ScenarioKind } from '../../bank/types.ts';
import { PACE_BY_KIND } from '../../progress/rating.ts';
import type { ForecastDay, Retention, ReviewCounts } from '../../progress/review-cards.ts';
import { MAX_TARGET_RETENTION, MIN_TARGET_RETENTION } from '../../progress/review-schedule.ts';
import { formatDateTime, formatPercent } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { ForecastChart } from './forecast-chart.tsx';

export const MAX_NEW_PER_DAY = 100;

export interface SettingsForm {
  readonly newPerDay: string;
  readonly targetRetention: string;
  readonly error?: { readonly field: string; readonly message: string };
  readonly saved?: boolean;
}

export interface ReviewPageProps {
  readonly counts: ReviewCounts;
  /** The earliest due date still ahead, for the empty state. */
  readonly nextDue: Date | undefined;
  readonly forecast: readonly ForecastDay[];
  readonly retention: Retention;
  /** A session just ran out of questions. */
  readonly done: boolean;
  readonly settings: SettingsForm;
}

const KIND_NAMES: Readonly<Record<ScenarioKind, string>> = {
  choice: 'One answer',
  multi: 'Several answers',
  numeric: 'A number',
  request: 'A request',
  design: 'A table design',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function formatPace(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Number((seconds / 60).toFixed(1))} min`;
}

/** The rule of app/progress/rating.ts, in words, with its per-kind pace. */
export function RatingRule() {
  return (
    <section aria-labelledby="rating-heading">
      <h2 id="rating-heading">How an answer moves the schedule</h2>
      <p>Each answer is rated for FSRS from how it went; you never rate yourself.</p>
      <table class="rating-rule">
        <thead>
          <tr>
            <th scope="col">Your answer</th>
            <th scope="col">Rating</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Not fully right, or an essential check failed</td>
            <td>Again</td>
          </tr>
          <tr>
            <td>Right, but marked unsure or a guess, or slower than the kind's slow limit</td>
            <td>Hard</td>
          </tr>
          <tr>
            <td>Right, marked sure, and within the kind's fast limit</td>
            <td>Easy</td>
          </tr>
          <tr>
            <td>Right otherwise</td>
            <td>Good</td>
          </tr>
        </tbody>
      </table>
      <table class="pace">
        <caption>Pace by kind of question</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" class="num">
              Fast: at most
            </th>
            <th scope="col" class="num">
              Slow: more than
            </th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(PACE_BY_KIND) as ScenarioKind[]).map((kind) => (
            <tr>
              <th scope="row">{KIND_NAMES[kind]}</th>
              <td class="num">{formatPace(PACE_BY_KIND[kind].fastSeconds)}</td>
              <td class="num">{formatPace(PACE_BY_KIND[kind].slowSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Status({ counts, nextDue, done }: Pick<ReviewPageProps, 'counts' | 'nextDue' | 'done'>) {
  const { dueNow, newAvailable, newToday, settings } = counts;
  if (dueNow === 0 && newAvailable === 0) {
    return (
      <section class="review-status" aria-labelledby="status-heading" data-review-empty>
        <h2 id="status-heading">{done ? 'Session complete' : 'Nothing to review now'}</h2>
        <p>
          Nothing is due
          {settings.newPerDay === 0
            ? ', and new families are off (the daily limit is 0).'
            : newToday >= settings.newPerDay
              ? `, and you have started today's ${plural(settings.newPerDay, 'new family', 'new families')}.`
              : ', and every family has been started.'}{' '}
          {nextDue ? <>The next review is due {formatDateTime(nextDue)}.</> : 'Answer a few questions and they will come back here when they are due.'}
        </p>
        <p class="actions">
          <a class="button" href="/practice">
            Practise
          </a>
          <a class="button button-secondary" href="/drill">
            Drill your mistakes
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="review-status" aria-labelledby="status-heading">
      <h2 id="status-heading">
        <span data-due-now={dueNow}>{dueNow} due now</span>
      </h2>
      <p>
        {dueNow > 0 ? 'The most overdue come first, each as a new variant. ' : 'Nothing is due. '}
        {newAvailable > 0 ? (
          <>
            {dueNow > 0 ? 'Then ' : ''}
            {plural(newAvailable, 'new family', 'new families')} can start today ({newToday} of {settings.newPerDay} started).
          </>
        ) : (
          <>
            No new families today ({newToday} of {settings.newPerDay} started).
          </>
        )}
      </p>
      <p class="actions">
        <a class="button" href="/review/next">
          {dueNow > 0 ? 'Start review' : 'Start a new family'}
        </a>
      </p>
    </section>
  );
}

function RetentionSummary({ retention }: { retention: Retention }) {
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention</h2>
      {retention.rate === null ? (
        <p>
          Not measured yet: it counts review answers to families past their learning steps, over the last {retention.windowDays} days. Your target is{' '}
          {formatPercent(retention.target)}.
        </p>
      ) : (
        <p data-retention={retention.rate.toFixed(4)}>
          <strong>{formatPercent(retention.rate)}</strong> of {plural(retention.answers, 'review', 'reviews')} of families past their learning steps were right
          over the last {retention.windowDays} days ({retention.right} right), against a target of {formatPercent(retention.target)}.{' '}
          {retention.rate + 0.05 < retention.target
            ? 'Below target: the schedule is stretching too far for you, or the questions are new to you; a lower target means fewer reviews, a higher one more.'
            : retention.rate > retention.target + 0.05
              ? 'Above target: you may be reviewing more often than you need.'
              : 'On target.'}
        </p>
      )}
    </section>
  );
}

function SettingsSection({ settings }: { settings: SettingsForm }) {
  const error = settings.error;
  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': 'true', 'aria-describedby': 'settings-error' } : {});
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {error ? (
        <div class="error-box" id="settings-error">
          <p>
            <strong>{error.field}</strong>: {error.message} Nothing was changed.
          </p>
        </div>
      ) : null}
      {settings.saved ? (
        <p class="notice" role="status">
          Settings saved.
        </p>
      ) : null}
      <form method="post" action="/review/settings" class="review-settings">
        <div class="field">
          <label for="newPerDay">New families per day</label>
          <input
            type="number"
            id="newPerDay"
            name="newPerDay"
            min={0}
            max={MAX_NEW_PER_DAY}
            step={1}
            required
            value={settings.newPerDay}
            {...invalid('newPerDay')}
          />
          <span class="hint">0 to {MAX_NEW_PER_DAY}; offered once nothing is due.</span>
        </div>
        <div class="field">
          <label for="targetRetention">Target retention</label>
          <input
            type="number"
            id="targetRetention"
            name="targetRetention"
            min={MIN_TARGET_RETENTION}
            max={MAX_TARGET_RETENTION}
            step={0.01}
            required
            value={settings.targetRetention}
            {...invalid('targetRetention')}
          />
          <span class="hint">
            {MIN_TARGET_RETENTION.toFixed(2)} to {MAX_TARGET_RETENTION.toFixed(2)}: the chance of recall at which a review falls due. Higher means more reviews;
            it applies from each family's next answer.
          </span>
        </div>
        <button type="submit">Save settings</button>
      </form>
    </section>
  );
}

export function ReviewPage({ counts, nextDue, forecast, retention, done, settings }: ReviewPageProps) {
  return (
    <Layout title="Review" current="review">
      <h1>Spaced review</h1>
      {settings.error ? (
        <p class="error-box" role="alert">
          Your settings were not saved: <a href="#settings-error">{settings.error.field} needs another value</a>.
        </p>
      ) : null}
      <p class="lead">
        Every family of questions you have answered comes back when FSRS predicts you are about to forget it, each time as a new variant, so you review the
        skill rather than a memorised answer.
      </p>
      <Status counts={counts} nextDue={nextDue} done={done} />
      <section aria-labelledby="forecast-heading">
        <h2 id="forecast-heading">Due in the next {forecast.length} days</h2>
        <ForecastChart id="forecast" days={forecast} />
        <details>
          <summary>The forecast as a table</summary>
          <table class="forecast-table">
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col" class="num">
                  Due
                </th>
              </tr>
            </thead>
            <tbody>
              {forecast.map((d, i) => (
                <tr>
                  <th scope="row">{i === 0 ? `${d.day} (today, with overdue)` : d.day}</th>
                  <td class="num">{d.due}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <RetentionSummary retention={retention} />
      <RatingRule />
      <SettingsSection settings={settings} />
    </Layout>
  );
}
