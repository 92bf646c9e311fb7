/** The answer area of a `design` question: the attributes, the access patterns and a CreateTable JSON textarea. */
import type { Variant } from '../bank/types.ts';
import { FixtureItems, marshalPlainItems } from './item-table.tsx';
import { JsonTextarea } from './request-editor.tsx';

type HandsOnVariant = Extract<Variant, { kind: 'request' | 'design' }>;

interface PatternSummary {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly range?: string;
  readonly order?: { attribute: string; descending: boolean };
  readonly consistent?: boolean;
  readonly limit?: number;
  readonly returns: readonly string[];
  readonly perSecond: number;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { S: 'string', N: 'number' };

/** What a design question asks the table to serve: attributes, access patterns, volumes and a sample of the data. */
export function DesignBrief({ variant }: { variant: HandsOnVariant }) {
  const context = variant.context as {
    attributes?: Record<string, string>;
    items?: number;
    sample?: unknown[];
    patterns?: PatternSummary[];
    writesPerSecond?: number;
    budget?: number;
    starter?: string;
  };
  return (
    <>
      <section class="panel fixture" aria-labelledby="design-heading">
        <h2 id="design-heading">What the table must serve</h2>
        <table>
          <caption>Attributes every item has</caption>
          <tbody>
            {Object.entries(context.attributes ?? {}).map(([name, type]) => (
              <tr>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  {type} ({TYPE_NAMES[type] ?? type})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <section class="item-table-scroll" tabindex={0} aria-labelledby="design-patterns">
          <table>
            <caption id="design-patterns">Access patterns</caption>
            <thead>
              <tr>
                <th scope="col">Pattern</th>
                <th scope="col">Given</th>
                <th scope="col">Returns</th>
                <th scope="col" class="num">
                  Calls/s
                </th>
              </tr>
            </thead>
            <tbody>
              {(context.patterns ?? []).map((p) => (
                <tr>
                  <th scope="row">
                    <code>{p.name}</code>
                    <div class="hint">{p.description}</div>
                  </th>
                  <td>
                    {Object.keys(p.inputs).join(', ')}
                    {p.range ? `; ${p.range}` : ''}
                    {p.order ? `; ${p.order.attribute} ${p.order.descending ? 'descending' : 'ascending'}` : ''}
                    {p.limit !== undefined ? `; first ${p.limit}` : ''}
                    {p.consistent ? '; strongly consistent' : ''}
                  </td>
                  <td>{p.returns.join(', ')}</td>
                  <td class="num">{p.perSecond}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <p>
          Writes: about {context.writesPerSecond} items per second. Budget: <strong>${context.budget}</strong> a month for reads and writes. The grader loads{' '}
          {context.items} generated items, such as:
        </p>
        <FixtureItems items={marshalPlainItems((context.sample ?? []) as Record<string, unknown>[])} label="Sample items of the table" id="design-items" />
      </section>
    </>
  );
}

/** The learner's table: a CreateTable JSON textarea with the draft or the starter. */
export function DesignTextarea({ variant, draft }: { variant: HandsOnVariant; draft?: string | undefined }) {
  const context = variant.context as { starter?: string };
  return (
    <>
      <JsonTextarea
        variant={variant}
        starter={draft ?? context.starter ?? ''}
        label="Your table (CreateTable JSON)"
        hint={
          <>
            A CreateTable request: <code>TableName</code>, <code>AttributeDefinitions</code>, <code>KeySchema</code>, optional{' '}
            <code>LocalSecondaryIndexes</code> and <code>GlobalSecondaryIndexes</code> (each with <code>Projection</code>), <code>BillingMode</code> and, when
            provisioned, <code>ProvisionedThroughput</code>. Your draft is kept in this browser.
          </>
        }
      />
    </>
  );
}

/** The brief and the textarea together, for pages with one column (the exam, the authoring preview). */
export function DesignEditor({ variant, draft }: { variant: HandsOnVariant; draft?: string | undefined }) {
  return (
    <>
      <DesignBrief variant={variant} />
      <DesignTextarea variant={variant} draft={draft} />
    </>
  );
}
