import type { Area } from '../../bank/types.ts';
import type { Accuracy } from '../../progress/attempts.ts';
import type { ReviewCounts } from '../../progress/review-cards.ts';
import { AccuracyMeter, displayTitle } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { PracticePicker } from '../practice/picker.tsx';

export interface HomeArea {
  readonly area: Area;
  readonly scenarioCount: number;
  readonly accuracy: Accuracy | undefined;
}

/** "N due now" and the way into the review session, above the practice picker. */
function ReviewCallout({ review }: { review: ReviewCounts }) {
  const { dueNow, newAvailable } = review;
  return (
    <section class="review-callout" aria-labelledby="review-callout-heading">
      <h2 id="review-callout-heading">
        <span data-home-due={dueNow}>{dueNow} due now</span>
      </h2>
      <p>
        {dueNow > 0
          ? 'Questions you have answered are back for review, each as a new variant.'
          : newAvailable > 0
            ? `Nothing is due; ${newAvailable} new ${newAvailable === 1 ? 'family' : 'families'} can start today.`
            : 'Nothing is due and no new family is left for today.'}{' '}
        <a href="/review">{dueNow > 0 || newAvailable > 0 ? 'Start review' : 'See the review forecast'}</a>
      </p>
    </section>
  );
}

export function HomePage({ areas, totalScenarios, contentErrors, review }: { areas: readonly HomeArea[]; totalScenarios: number; contentErrors: number; review: ReviewCounts }) {
  return (
    <Layout title="Home" current="home">
      <h1>Learn DynamoDB to exam level</h1>
      <p class="lead">
        Every question is generated from a scenario and graded by computing the answer. {totalScenarios} {totalScenarios === 1 ? 'scenario' : 'scenarios'} across{' '}
        {areas.length} objective areas.
      </p>
      {contentErrors > 0 ? (
        <p class="hint">
          {contentErrors} content {contentErrors === 1 ? 'file was' : 'files were'} left out because {contentErrors === 1 ? 'it failed' : 'they failed'} validation (see the server log).
        </p>
      ) : null}
      <ReviewCallout review={review} />
      <PracticePicker areas={areas.map((a) => a.area)} />
      <h2 id="areas-heading">Objective areas</h2>
      <table aria-labelledby="areas-heading">
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" class="num">
              Scenarios
            </th>
            <th scope="col">Your accuracy</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {areas.map(({ area, scenarioCount, accuracy }) => (
            <tr>
              <th scope="row">
                {displayTitle(area.title)} <span class="muted">({area.id})</span>
              </th>
              <td class="num">{scenarioCount}</td>
              <td>
                <AccuracyMeter accuracy={accuracy} />
              </td>
              <td class="nowrap">
                {scenarioCount > 0 ? (
                  <a href={`/practice?area=${encodeURIComponent(area.id)}`}>
                    Practise<span class="visually-hidden"> {displayTitle(area.title)}</span>
                  </a>
                ) : (
                  <span class="muted">No questions yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
