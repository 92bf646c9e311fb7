/** /cost/serverless: API Gateway + Lambda + DynamoDB on-demand for N users, against the study guide's claim. */
import { MAX_ITEM_SIZE } from '../../../engine/index.ts';
import { Layout } from '../../views/layout.tsx';
import { CostStylesheet, ErrorSummary, Field, Select, usd, Working } from './form-fields.tsx';
import type { ServerlessResponse } from './serverless-schemas.ts';

export interface ServerlessPageProps {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly report: ServerlessResponse | null;
}

function Checkbox({ name, label, values }: { name: string; label: string; values: Readonly<Record<string, string>> }) {
  return (
    <div class="field">
      <input id={`f-${name}`} type="checkbox" name={name} value="on" checked={values[name] === 'on' || values[name] === 'true'} />
      <label for={`f-${name}`}>{label}</label>
    </div>
  );
}

/** Field names to their labels, for the error summary. */
const LABELS: Readonly<Record<string, string>> = {
  users: 'Users',
  requestsPerUserPerDay: 'Requests per user',
  api: 'API type',
  memoryMb: 'Memory',
  durationMs: 'Duration',
  architecture: 'Architecture',
  readsPerRequest: 'Reads per request',
  writesPerRequest: 'Writes per request',
  itemBytes: 'Item size',
  readConsistency: 'Read consistency',
  storedItems: 'Items stored',
};

export function ServerlessPage({ values, errors, report }: ServerlessPageProps) {
  const props = { values, errors };
  return (
    <Layout title="Serverless stack cost" current="cost">
      <CostStylesheet />
      <h1>What a small serverless app costs per month</h1>
      <p class="lead">
        API Gateway in front, one Lambda invocation per request, DynamoDB on-demand behind it (us-east-1, 730-hour month).{' '}
        <a href="/cost">Price a table workload instead</a>.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form class="cost-form" method="get" action="/cost/serverless" novalidate>
        <fieldset>
          <legend>Traffic</legend>
          <Field name="users" label="Users" unit="people" min={1} step="1" {...props} />
          <Field name="requestsPerUserPerDay" label="Requests per user" unit="a day (× 730 / 24 days)" min={0} {...props} />
          <Select
            name="api"
            label="API type"
            options={[
              ['http', 'HTTP API ($1.00 per million)'],
              ['rest', 'REST API ($3.50 per million)'],
            ]}
            {...props}
          />
        </fieldset>
        <fieldset>
          <legend>Lambda</legend>
          <Field name="memoryMb" label="Memory" unit="MB (128–10,240)" min={128} max={10240} step="1" {...props} />
          <Field name="durationMs" label="Duration" unit="ms per request, billed per 1 ms" min={1} {...props} />
          <Select
            name="architecture"
            label="Architecture"
            options={[
              ['x86', 'x86'],
              ['arm', 'Arm (Graviton)'],
            ]}
            {...props}
          />
        </fieldset>
        <fieldset>
          <legend>DynamoDB (on-demand)</legend>
          <Field name="readsPerRequest" label="Reads per request" unit="GetItem calls" min={0} step="1" {...props} />
          <Field name="writesPerRequest" label="Writes per request" unit="PutItem/UpdateItem calls" min={0} step="1" {...props} />
          <Field name="itemBytes" label="Item size" unit="bytes (≤ 409,600)" min={1} max={MAX_ITEM_SIZE} step="1" {...props} />
          <Select
            name="readConsistency"
            label="Read consistency"
            options={[
              ['eventual', 'Eventually consistent'],
              ['strong', 'Strongly consistent'],
            ]}
            {...props}
          />
          <Field name="storedItems" label="Items stored" unit="items (+100 B overhead each)" min={0} step="1" {...props} />
        </fieldset>
        <fieldset>
          <legend>Free tier</legend>
          <Checkbox name="freeTier" label="Always-free allowances (Lambda 1M requests + 400,000 GB-s; DynamoDB 25 GB)" values={values} />
          <Checkbox name="apiFreeTier" label="API Gateway 1M calls a month (12-month offer, accounts opened before 2025-07-15 only)" values={values} />
        </fieldset>
        <div class="actions">
          <button type="submit">Calculate</button>
          <a class="button button-secondary" href="/cost/serverless">
            The study guide’s 50-user example
          </a>
        </div>
      </form>
      {report ? (
        <section aria-labelledby="serverless-results-h">
          <h2 id="serverless-results-h">Monthly cost</h2>
          <p class="lead" role="status">
            {`${report.requestsPerMonth.toLocaleString('en-US')} requests a month cost `}
            <strong data-testid="serverless-total">{usd(report.totalUsd)}</strong>
            {', of which DynamoDB '}
            <strong data-testid="serverless-dynamodb">{usd(report.dynamoDbUsd)}</strong>
            {`, Lambda ${usd(report.lambdaUsd)} and API Gateway ${usd(report.apiGatewayUsd)}.`}
          </p>
          <table class="cost-lines">
            <caption class="visually-hidden">Line items per month</caption>
            <thead>
              <tr>
                <th scope="col">Line item</th>
                <th scope="col" class="num">
                  Per month
                </th>
              </tr>
            </thead>
            <tbody>
              {report.lines.map((l) => (
                <tr>
                  <th scope="row">
                    {l.label}
                    <br />
                    <span class="hint">{l.formula}</span>
                  </th>
                  <td class="num">{usd(l.amountUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Working calculation={report.calculation} summary="Show the working" />
          <section class="panel" aria-labelledby="guide-h">
            <h3 id="guide-h">Against the study guide</h3>
            <p>
              {`The guide says “$${report.guide.claimTotalUsd} a month for 50 users, DynamoDB about $${report.guide.claimDynamoDbUsd.toFixed(2)}”.`}{' '}
              {report.guide.explanation}
            </p>
          </section>
        </section>
      ) : null}
    </Layout>
  );
}
