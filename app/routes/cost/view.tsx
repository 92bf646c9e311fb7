/** The /cost page: the workload form, both modes side by side, the chart, and the price table. */
import type { Child } from 'hono/jsx';
import { DAX_NODE_TYPES, MAX_ITEM_SIZE, type PriceRow } from '../../../engine/index.ts';
import { Layout } from '../../views/layout.tsx';
import { CostChart } from './cost-chart.tsx';
import { CostStylesheet, ErrorSummary, Field, Select, usd, Working } from './form-fields.tsx';
import type { CostResponse } from './schemas.ts';

export interface CostPageProps {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly report: CostResponse | null;
  readonly prices: readonly PriceRow[];
}

function ModeColumn(props: { title: string; testId: string; bill: CostResponse['onDemand']; cheaper: boolean; extra?: Child }) {
  return (
    <section class={props.cheaper ? 'cheaper' : undefined} aria-labelledby={`${props.testId}-h`}>
      <h3 id={`${props.testId}-h`}>
        {props.title}
        {props.cheaper ? ' — cheaper' : ''}
      </h3>
      {props.extra}
      <table>
        <caption class="visually-hidden">{`${props.title}: line items per month`}</caption>
        <thead>
          <tr>
            <th scope="col">Line item</th>
            <th scope="col" class="num">
              Per month
            </th>
          </tr>
        </thead>
        <tbody>
          {props.bill.lines.map((l) => (
            <tr>
              <th scope="row">
                {l.label}
                <br />
                <span class="hint">{l.quantity}</span>
              </th>
              <td class="num">{usd(l.amountUsd)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total per month</th>
            <td class="num cost-total" data-testid={`${props.testId}-total`}>
              {usd(props.bill.totalUsd)}
            </td>
          </tr>
        </tfoot>
      </table>
      <Working calculation={props.bill.calculation} summary="Show the working" />
    </section>
  );
}

function Results({ report, targetPercent }: { report: CostResponse; targetPercent: number }) {
  const verdict =
    report.cheaper === 'equal'
      ? 'Both modes cost the same for this workload.'
      : `${report.cheaper === 'on-demand' ? 'On-demand' : 'Provisioned'} is cheaper by ${usd(report.differenceUsd)} a month.`;
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">Monthly cost, both modes</h2>
      <p class="lead" role="status" data-testid="cost-verdict">
        {verdict} Break-even utilisation: <strong data-testid="break-even">{report.breakEvenPercent}%</strong> — provisioned capacity used less than that on
        average costs more than on-demand.
      </p>
      <p class="hint">
        Consumed: {report.readUnitsPerSecond} read units/s and {report.writeUnitsPerSecond} write units/s (table and GSIs). A month is {report.hoursPerMonth}{' '}
        hours.
      </p>
      <div class="cost-modes">
        <ModeColumn title="On-demand" testId="on-demand" bill={report.onDemand} cheaper={report.cheaper === 'on-demand'} />
        <ModeColumn
          title="Provisioned"
          testId="provisioned"
          bill={report.provisioned}
          cheaper={report.cheaper === 'provisioned'}
          extra={
            <p class="hint">{`${report.provisioned.rcu} RCU and ${report.provisioned.wcu} WCU at a ${targetPercent}% auto-scaling target, held all month.`}</p>
          }
        />
      </div>
      {report.reserved ? (
        <p class="hint" data-testid="reserved">
          {`With 1-year reserved capacity for whole hundreds of units, the provisioned capacity lines (${report.provisioned.rcu} RCU, ${report.provisioned.wcu} WCU) would cost ${usd(report.reserved.totalUsd)} a month, upfront fee spread over 12 months (secondary-source prices, M; free tier left out).`}
        </p>
      ) : null}
      {report.reserved ? <Working calculation={report.reserved.calculation} summary="Reserved capacity working" /> : null}
      <Working calculation={report.breakEven} summary="How the break-even is derived" />
      {report.dax ? (
        <section aria-labelledby="dax-h" class="panel">
          <h3 id="dax-h">DAX</h3>
          <p>
            {`${report.dax.nodes} × ${report.dax.nodeType}: `}
            <strong data-testid="dax-cluster">{usd(report.dax.clusterUsd)}</strong>
            {` a month. It takes ${report.dax.offloadedReadUnitsPerSecond} read units/s off the table.`}
          </p>
          <ul>
            <li>
              {`Provisioned table: saves ${usd(report.dax.provisioned.savingUsd)} of RCU, net `}
              <strong>{usd(report.dax.provisioned.netUsd)}</strong>
              {report.dax.provisioned.paysForItself ? ' — pays for itself.' : ' — does not pay for itself on cost alone.'}
            </li>
            <li>
              {`On-demand table: saves ${usd(report.dax.onDemand.savingUsd)} of read requests, net `}
              <strong>{usd(report.dax.onDemand.netUsd)}</strong>
              {report.dax.onDemand.paysForItself ? ' — pays for itself.' : ' — does not pay for itself on cost alone.'}
            </li>
          </ul>
          <p class="hint">DAX node prices come from secondary sources (confidence M, dax.t3.medium L); DAX serves eventually consistent reads only.</p>
          <Working calculation={report.dax.provisioned.calculation} summary="DAX working (provisioned table)" />
        </section>
      ) : null}
      <h2>Cost against utilisation</h2>
      <CostChart report={report} targetPercent={targetPercent} />
    </section>
  );
}

/** One numbered source below the price table; rows citing the same source share its number. */
export interface PriceSource {
  readonly number: number;
  readonly source: string;
  readonly sourceUrl: string;
  readonly date: string;
  readonly note: string | undefined;
}

/** The table's sources numbered in order of first citation, and each row's number. */
export function numberPriceSources(prices: readonly PriceRow[]): { sources: PriceSource[]; numberOf: (row: PriceRow) => number } {
  const byKey = new Map<string, PriceSource>();
  const keyOf = (r: PriceRow) => JSON.stringify([r.price.source, r.price.sourceUrl, r.price.date, r.price.note ?? null]);
  for (const r of prices) {
    const key = keyOf(r);
    if (!byKey.has(key))
      byKey.set(key, { number: byKey.size + 1, source: r.price.source, sourceUrl: r.price.sourceUrl, date: r.price.date, note: r.price.note });
  }
  return { sources: [...byKey.values()], numberOf: (r) => byKey.get(keyOf(r))!.number };
}

/**
 * Sources as footnotes: a sentence-long source in a table column wrapped every few characters
 * on a phone and made the page 22,000 px tall. The row keeps a numbered link to its note.
 */
function PriceTable({ prices }: { prices: readonly PriceRow[] }) {
  const { sources, numberOf } = numberPriceSources(prices);
  return (
    <section aria-labelledby="prices-h">
      <h2 id="prices-h">Prices used (us-east-1)</h2>
      <p class="hint">
        Confidence: <span class="conf conf-H">H</span> from AWS or its price API (via Infracost goldens), <span class="conf conf-M">M</span> a secondary source,{' '}
        <span class="conf conf-L">L</span> sources disagree. AWS’s pricing pages render their figures with JavaScript, so none was read from them directly;
        check with the AWS Price List API before relying on M or L figures.
      </p>
      {/* Reference beside the result, not the result: 48 rows are three phone screens, so they open on request. */}
      <details class="price-details">
        <summary>{`All ${prices.length} prices, with their sources`}</summary>
        <table class="price-table">
          <caption class="visually-hidden">Every price the calculator uses, with its confidence and a numbered source listed below the table</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" class="num">
                Figure
              </th>
              <th scope="col" class="num">
                Source
              </th>
              <th scope="col">Conf.</th>
            </tr>
          </thead>
          <tbody>
            {prices.map((r) => {
              const n = numberOf(r);
              return (
                <tr>
                  <th scope="row">{r.label}</th>
                  <td class="num">
                    {'usd' in r.price ? `$${r.price.usd}` : Number(r.price.quantity).toLocaleString('en-US')} <span class="hint">{r.price.per}</span>
                  </td>
                  <td class="num">
                    <a href={`#price-source-${n}`} class="footnote-ref">
                      <span class="visually-hidden">Source </span>
                      {n}
                    </a>
                  </td>
                  <td>
                    <span class="visually-hidden">Confidence </span>
                    <span class={`conf conf-${r.price.confidence}`}>{r.price.confidence}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h3 id="price-sources-h">Sources</h3>
        <ol class="price-sources" aria-labelledby="price-sources-h">
          {sources.map((src) => (
            <li id={`price-source-${src.number}`}>
              <a href={src.sourceUrl}>{src.source}</a>, {src.date}.{src.note ? <span class="hint"> {src.note}</span> : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/** Field names to their labels, for the error summary. */
const LABELS: Readonly<Record<string, string>> = {
  readsPerSecond: 'Reads per second',
  readItemBytes: 'Bytes per read',
  readConsistency: 'Read consistency',
  transactionalReadPercent: 'Transactional reads',
  writesPerSecond: 'Writes per second',
  writeItemBytes: 'Bytes per write',
  transactionalWritePercent: 'Transactional writes',
  gsiCount: 'Global secondary indexes',
  storedItems: 'Items stored',
  storedItemBytes: 'Average item size',
  tableClass: 'Table class',
  replicaRegions: 'Global table: other Regions',
  targetUtilisationPercent: 'Auto-scaling target',
  daxNodeType: 'Node type',
  daxNodes: 'Nodes',
  daxHitRatioPercent: 'Cache hit ratio',
};

export function CostPage({ values, errors, report, prices }: CostPageProps) {
  const props = { values, errors };
  return (
    <Layout title="Cost calculator" current="cost">
      <CostStylesheet />
      <h1>What a table costs per month</h1>
      <p class="lead">
        Describe a workload; see it priced on-demand and provisioned, line by line, with the working. For API Gateway + Lambda + DynamoDB, use the{' '}
        <a href="/cost/serverless">serverless stack calculator</a>; to compare the modes over a day’s traffic shape,{' '}
        <a href="/cost/traffic">the traffic-shape comparison</a>.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form class="cost-form" method="get" action="/cost" novalidate>
        <fieldset>
          <legend>Traffic (average over the month)</legend>
          <Field name="readsPerSecond" label="Reads per second" unit="reads/s" min={0} {...props} />
          <Field name="readItemBytes" label="Bytes per read" unit="bytes (≤ 409,600)" min={1} max={MAX_ITEM_SIZE} step="1" {...props} />
          <Select
            name="readConsistency"
            label="Read consistency"
            options={[
              ['eventual', 'Eventually consistent (0.5 RCU per 4 KB)'],
              ['strong', 'Strongly consistent (1 RCU per 4 KB)'],
            ]}
            {...props}
          />
          <Field name="transactionalReadPercent" label="Transactional reads" unit="% of reads" min={0} max={100} {...props} />
          <Field name="writesPerSecond" label="Writes per second" unit="writes/s" min={0} {...props} />
          <Field name="writeItemBytes" label="Bytes per write" unit="bytes (≤ 409,600)" min={1} max={MAX_ITEM_SIZE} step="1" {...props} />
          <Field name="transactionalWritePercent" label="Transactional writes" unit="% of writes" min={0} max={100} {...props} />
          <Field name="gsiCount" label="Global secondary indexes" unit="each receives every write (ALL projection)" min={0} max={20} step="1" {...props} />
        </fieldset>
        <fieldset>
          <legend>Storage and table</legend>
          <Field name="storedItems" label="Items stored" unit="items" min={0} step="1" {...props} />
          <Field name="storedItemBytes" label="Average item size" unit="bytes, + 100 B overhead each" min={0} max={MAX_ITEM_SIZE} step="1" {...props} />
          <Select
            name="tableClass"
            label="Table class"
            options={[
              ['standard', 'Standard'],
              ['standard-ia', 'Standard-IA'],
            ]}
            {...props}
          />
          <div class="field">
            <input id="f-freeTier" type="checkbox" name="freeTier" value="on" checked={values.freeTier === 'on' || values.freeTier === 'true'} />
            <label for="f-freeTier">Apply the always-free tier (25 GB, 25 WCU, 25 RCU; Standard class)</label>
          </div>
          <div class="field">
            <input
              id="f-pointInTimeRecovery"
              type="checkbox"
              name="pointInTimeRecovery"
              value="on"
              checked={values.pointInTimeRecovery === 'on' || values.pointInTimeRecovery === 'true'}
            />
            <label for="f-pointInTimeRecovery">Point-in-time recovery (continuous backups, $0.20 per GB-month of table data)</label>
          </div>
          <Field
            name="replicaRegions"
            label="Global table: other Regions"
            unit="replicas (0 = single Region); cross-Region transfer not included"
            min={0}
            max={10}
            step="1"
            {...props}
          />
          <Field name="targetUtilisationPercent" label="Auto-scaling target" unit="% (20–90; console default 70)" min={20} max={90} {...props} />
        </fieldset>
        <fieldset>
          <legend>DAX (optional)</legend>
          <Select name="daxNodeType" label="Node type" options={[['none', 'No DAX'], ...DAX_NODE_TYPES.map((t) => [t, t] as const)]} {...props} />
          <Field name="daxNodes" label="Nodes" unit="1–11 (3 recommended)" min={1} max={11} step="1" {...props} />
          <Field name="daxHitRatioPercent" label="Cache hit ratio" unit="% of reads" min={0} max={100} {...props} />
        </fieldset>
        <div class="actions">
          <button type="submit">Calculate</button>
          <a class="button button-secondary" href="/cost">
            Reset to defaults
          </a>
        </div>
      </form>
      {report ? <Results report={report} targetPercent={Number(values.targetUtilisationPercent)} /> : null}
      <section aria-labelledby="assumptions-h">
        <h2 id="assumptions-h">Assumptions and open points</h2>
        <ul>
          <li>A month is 730 hours (365 × 24 / 12), as AWS’s calculator and Infracost use. Traffic is an average held all month.</li>
          <li>
            Provisioned capacity is ceil(consumed / target) units, at least 1, held all month; each GSI gets its own WCU. Reads are assumed to hit the table,
            not a GSI.
          </li>
          <li>Every write lands in every GSI with an entry the size of the item (ALL projection), charged as a standard write even inside a transaction.</li>
          <li>Storage counts 100 B per item, and GSIs store a copy of each item; 1 GB = 2^30 bytes.</li>
          <li>
            A global table’s other Regions each receive every table write as a replicated write (same price as a local write since November 2024) and store a
            full copy; their GSI writes, their reads and cross-Region data transfer are not included.
          </li>
          <li>On-demand has no free requests. The free tier applies to Standard-class tables only and is shared by all tables in the account and Region.</li>
          <li>
            Standard-IA, reserved-capacity and DAX prices come from secondary sources (M/L) and may be out of date. Database Savings Plans are not modelled.
          </li>
        </ul>
      </section>
      <PriceTable prices={prices} />
    </Layout>
  );
}
