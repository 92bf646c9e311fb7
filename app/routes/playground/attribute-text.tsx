/** One DynamoDB JSON value as the playground's tables show it: its type marked, its value as short text. */

type AttributeValue = Readonly<Record<string, unknown>>;

export const TYPE_NAMES: Readonly<Record<string, string>> = {
  S: 'string',
  N: 'number',
  B: 'binary',
  BOOL: 'boolean',
  NULL: 'null',
  L: 'list',
  M: 'map',
  SS: 'string set',
  NS: 'number set',
  BS: 'binary set',
};

export function cellText(value: AttributeValue): { type: string; text: string } {
  const [type, inner] = Object.entries(value)[0] ?? ['?', undefined];
  if (type === 'S' || type === 'N' || type === 'B') return { type, text: String(inner) };
  if (type === 'BOOL') return { type, text: String(inner) };
  if (type === 'NULL') return { type, text: 'null' };
  if (Array.isArray(inner) && (type === 'SS' || type === 'NS' || type === 'BS')) return { type, text: inner.join(', ') };
  const json = JSON.stringify(inner);
  return { type, text: json.length > 80 ? `${json.slice(0, 77)}…` : json };
}

export function TypeMark({ type }: { type: string }) {
  return (
    <span class="type-mark" title={TYPE_NAMES[type] ?? type}>
      {type}
    </span>
  );
}
