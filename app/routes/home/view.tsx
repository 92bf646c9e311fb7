import type { Area } from '../../bank/types.ts';
import type { Accuracy } from '../../progress/attempts.ts';
import { AccuracyMeter, displayTitle } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { PracticePicker } from '../practice/picker.tsx';

export interface HomeArea {
  readonly area: Area;
  readonly scenarioCount: number;
  readonly accuracy: Accuracy | undefined;
}

export function HomePage({ areas, totalScenarios, contentErrors }: { areas: readonly HomeArea[]; totalScenarios: number; contentErrors: number }) {
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
