/**
 * Items of a table as a learner reads them in the console: one row per item, one column per
 * attribute, each value with its DynamoDB type (S, N, L, SS...), the raw DynamoDB JSON behind a
 * toggle. The table scrolls inside its own box, so a phone's page never scrolls sideways.
 */
import { marshallItem } from '../grading/request-input.ts';

/** Long strings (padding, notes) cut short so a sample stays readable. */
export function shortenForDisplay(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 32 ? `${value.slice(0, 24)}…` : value;
  if (Array.isArray(value)) return value.map(shortenForDisplay);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortenForDisplay(v)]));
  return value;
}

/** One item in DynamoDB JSON: attribute name to a one-key object such as `{"S": "abc"}`. */
export type DynamoItem = Readonly<Record<string, unknown>>;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  S: 'String',
  N: 'Number',
  B: 'Binary',
  BOOL: 'Boolean',
  NULL: 'Null',
  L: 'List',
  M: 'Map',
  SS: 'String set',
  NS: 'Number set',
  BS: 'Binary set',
};

/** The descriptor of an AttributeValue (`{"N": "5"}` gives "N"), or undefined for anything else. */
export function attributeTypeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]! in TYPE_NAMES ? keys[0] : undefined;
}

/** A value as plain text: strings bare, numbers as DynamoDB wrote them, lists and maps as compact JSON. */
export function displayValue(value: unknown): string {
  const type = attributeTypeOf(value);
  const inner = type === undefined ? value : (value as Record<string, unknown>)[type];
  switch (type) {
    case 'S':
    case 'N':
      return String(shortenForDisplay(inner));
    case 'BOOL':
      return String(inner);
    case 'NULL':
      return 'null';
    case 'B':
      return `<binary ${String(shortenForDisplay(inner))}>`;
    case 'SS':
    case 'NS':
    case 'BS':
      return (inner as unknown[]).map((v) => String(shortenForDisplay(v))).join(', ');
    case 'L':
      return JSON.stringify((inner as unknown[]).map(plainValue));
    case 'M':
      return JSON.stringify(plainMap(inner as DynamoItem));
    default:
      return JSON.stringify(shortenForDisplay(value));
  }
}

function plainValue(value: unknown): unknown {
  const type = attributeTypeOf(value);
  const inner = type === undefined ? value : (value as Record<string, unknown>)[type];
  if (type === 'L') return (inner as unknown[]).map(plainValue);
  if (type === 'M') return plainMap(inner as DynamoItem);
  if (type === 'N') return Number(inner);
  if (type === 'NULL') return null;
  return shortenForDisplay(inner);
}

function plainMap(map: DynamoItem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, plainValue(v)]));
}

export interface ItemColumn {
  readonly name: string;
  /** The type every item that has the attribute gives it; undefined when items differ. */
  readonly type: string | undefined;
}

/** Attribute names in order of first appearance, each with its type when all items agree on one. */
export function itemColumns(items: readonly DynamoItem[]): ItemColumn[] {
  const types = new Map<string, Set<string | undefined>>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item)) {
      const seen = types.get(name) ?? new Set();
      seen.add(attributeTypeOf(value));
      types.set(name, seen);
    }
  }
  return [...types].map(([name, seen]) => ({ name, type: seen.size === 1 ? [...seen][0] : undefined }));
}

function TypeMark({ type }: { type: string | undefined }) {
  if (type === undefined) return null;
  return (
    <abbr class="attr-type" title={TYPE_NAMES[type]}>
      {type}
    </abbr>
  );
}

export function ItemTable({ items, label, id }: { items: readonly DynamoItem[]; label: string; id: string }) {
  const columns = itemColumns(items);
  return (
    <section class="item-table-scroll" tabindex={0} aria-labelledby={id}>
      <table class="item-table">
        <caption id={id}>{label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col">
                {column.name} <TypeMark type={column.type} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr>
              {columns.map((column) => {
                const value = item[column.name];
                if (value === undefined)
                  return (
                    <td class="attr-absent">
                      <span aria-hidden="true">—</span>
                      <span class="visually-hidden">absent</span>
                    </td>
                  );
                return (
                  <td>
                    {column.type === undefined ? (
                      <>
                        <TypeMark type={attributeTypeOf(value)} />{' '}
                      </>
                    ) : null}
                    {displayValue(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The table of items, then the same items as DynamoDB JSON, one per line, folded. */
export function FixtureItems({ items, label, id }: { items: readonly DynamoItem[]; label: string; id: string }) {
  return (
    <>
      <ItemTable items={items} label={label} id={id} />
      <details class="raw-items">
        <summary>The items as DynamoDB JSON</summary>
        {/* Focusable because it scrolls (axe scrollable-region-focusable); the section carries the name a <pre> may not. */}
        <section class="item-lines-scroll" tabindex={0} aria-label={`${label} as DynamoDB JSON`}>
          <pre class="item-lines">{items.map((item) => JSON.stringify(shortenForDisplay(item))).join('\n')}</pre>
        </section>
      </details>
    </>
  );
}

/** Plain items (a design's generated data) in DynamoDB JSON, marshalled as the design grader loads them. */
export function marshalPlainItems(items: readonly Readonly<Record<string, unknown>>[]): DynamoItem[] {
  return items.map((item) => {
    const marshalled = marshallItem(item as Record<string, unknown>);
    // Generated data always marshals; a string is the marshaller's complaint, shown rather than hidden.
    return typeof marshalled === 'string' ? { error: { S: marshalled } } : marshalled;
  });
}
