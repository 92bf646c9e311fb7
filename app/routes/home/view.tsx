/**
 * The home page. A returning learner gets a dashboard: what is due, readiness per area, the last
 * exam, one "continue" button and the practice picker. A first-time visitor (no profile yet)
 * gets a one-screen welcome that says what the app covers and starts practice in one click.
 */
import type { Area } from '../../bank/types.ts';
import type { ReadinessReport } from '../../progress/mastery.ts';
import type { ReviewCounts } from '../../progress/review-cards.ts';
import { Card, displayTitle, formatDateTime, formatPercent, StatTile } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { PracticePicker } from '../practice/picker.tsx';
import { comparePassMark } from '../progress/readiness-view.tsx';

export interface HomeArea {
  readonly area: Area;
  readonly scenarioCount: number;
}

/** The newest submitted exam, as the tile shows it. */
export interface LastExam {
  readonly id: number;
  readonly score: number;
  readonly passMark: number;
  readonly submittedAt: Date;
}

export interface Dashboard {
  readonly review: ReviewCounts;
  readonly readiness: ReadinessReport;
  readonly lastExam: LastExam | undefined;
  readonly answers: number;
}

export interface HomePageProps {
  readonly areas: readonly HomeArea[];
  readonly totalScenarios: number;
  readonly contentErrors: number;
  /** Undefined for a visitor without a profile: the welcome. */
  readonly dashboard: Dashboard | undefined;
}

const START_PRACTICE = '/practice/next?area=mixed';

function ContentErrors({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p class="hint">
      {count} content {count === 1 ? 'file was' : 'files were'} left out because {count === 1 ? 'it failed' : 'they failed'} validation (see the server log).
    </p>
  );
}

function Welcome({ areas, totalScenarios, contentErrors }: Omit<HomePageProps, 'dashboard'>) {
  return (
    <section class="welcome" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">Learn DynamoDB to exam level</h1>
      <p class="lead">
        Scenario questions on Amazon DynamoDB at the depth of an AWS certification exam: capacity and cost arithmetic, keys and indexes, consistency, requests
        you write as JSON. Every question is generated from a scenario and graded by computing the answer, on an embedded DynamoDB engine and a cost model.
      </p>
      <p>
        It covers DynamoDB only, <strong>not the other services</strong> an AWS exam asks about.
      </p>
      <p class="actions">
        <a class="button button-large" href={START_PRACTICE} data-start-practice>
          Start practising
        </a>
        <span class="hint">No sign-up: your progress is kept in this browser until you make an account.</span>
      </p>
      <ul class="welcome-points">
        <li>Answers you get wrong come back for spaced review, each time as a new variant.</li>
        <li>Timed mock exams score each area, so you see where you stand before the real one.</li>
        <li>
          {totalScenarios} {totalScenarios === 1 ? 'scenario' : 'scenarios'} across {areas.length} areas:{' '}
          {areas.map(({ area, scenarioCount }, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={`/practice?area=${encodeURIComponent(area.id)}`} data-area-count={`${area.id}:${scenarioCount}`}>
                {area.title}
              </a>
            </>
          ))}
          .
        </li>
      </ul>
      <ContentErrors count={contentErrors} />
    </section>
  );
}

function ContinueButton({ review }: { review: ReviewCounts }) {
  if (review.dueNow > 0) {
    return (
      <a class="button button-large" href="/review" data-continue="review">
        Continue: {review.dueNow} {review.dueNow === 1 ? 'review' : 'reviews'} due
      </a>
    );
  }
  return (
    <a class="button button-large" href={START_PRACTICE} data-continue="practice">
      Continue practising
    </a>
  );
}

function DashboardView({ areas, contentErrors, dashboard }: Omit<HomePageProps, 'dashboard' | 'totalScenarios'> & { dashboard: Dashboard }) {
  const { review, readiness, lastExam, answers } = dashboard;
  const versus = comparePassMark(readiness.overall.estimate, readiness.passMark);
  const byArea = new Map(readiness.byArea.map((r) => [r.key, r]));
  return (
    <>
      <h1>Your DynamoDB study</h1>
      <ContentErrors count={contentErrors} />
      <div class="stat-tiles">
        <StatTile
          label="Due for review"
          figure={<span data-home-due={review.dueNow}>{review.dueNow} due now</span>}
          note={
            review.dueNow > 0 ? (
              <a href="/review">Start review</a>
            ) : review.newAvailable > 0 ? (
              `${review.newAvailable} new ${review.newAvailable === 1 ? 'family' : 'families'} can start today`
            ) : (
              'Nothing new left for today'
            )
          }
        />
        <StatTile
          label="Exam readiness"
          id="home-readiness"
          figure={formatPercent(readiness.overall.estimate)}
          tone={versus.below ? 'bad' : 'good'}
          note={
            <>
              {versus.text} the {formatPercent(readiness.passMark)} pass mark · <a href="/progress">Progress</a>
            </>
          }
        />
        <StatTile
          label="Last exam"
          id="home-last-exam"
          figure={lastExam ? formatPercent(lastExam.score) : '—'}
          tone={lastExam ? (lastExam.score >= lastExam.passMark ? 'good' : 'bad') : undefined}
          note={
            lastExam ? (
              <>
                {lastExam.score >= lastExam.passMark ? 'Passed' : 'Not passed'}, {formatDateTime(lastExam.submittedAt)} ·{' '}
                <a href={`/exams/${lastExam.id}`}>Report</a>
              </>
            ) : (
              <a href="/exams">Take a mock exam</a>
            )
          }
        />
      </div>
      <p class="actions">
        <ContinueButton review={review} />
        <span class="hint">
          {answers} {answers === 1 ? 'answer' : 'answers'} so far
        </span>
      </p>
      <Card heading="Readiness by area" id="areas-heading">
        <ul class="area-readiness">
          {areas.map(({ area, scenarioCount }) => {
            const r = byArea.get(area.id);
            const estimate = r?.estimate ?? 0;
            return (
              <li data-area={area.id}>
                <span class="area-name">
                  {scenarioCount > 0 ? <a href={`/practice?area=${encodeURIComponent(area.id)}`}>{displayTitle(area.title)}</a> : displayTitle(area.title)}{' '}
                  <span class="muted">
                    ({scenarioCount} {scenarioCount === 1 ? 'scenario' : 'scenarios'})
                  </span>
                </span>
                <span class="meter-wrap">
                  <meter
                    min={0}
                    max={1}
                    low={readiness.passMark - 0.0001}
                    high={readiness.passMark}
                    optimum={1}
                    value={estimate}
                    aria-label={`${displayTitle(area.title)} readiness`}
                  >
                    {formatPercent(estimate)}
                  </meter>{' '}
                  <span class="area-figure">{formatPercent(estimate)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </Card>
      <PracticePicker areas={areas.map((a) => a.area)} />
    </>
  );
}

export function HomePage(props: HomePageProps) {
  return (
    <Layout title="Home" current="home">
      {props.dashboard ? <DashboardView areas={props.areas} contentErrors={props.contentErrors} dashboard={props.dashboard} /> : <Welcome {...props} />}
    </Layout>
  );
}
