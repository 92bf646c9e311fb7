/**
 * Whether an item fits the 400 KB limit when attribute names count as well as values, for an item
 * of one `document` attribute and `attributes` others of equal name and value sizes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items
 */
import { itemSizeLimitVerdict, MAX_ITEM_BYTES } from './item-limits.ts';
import { readCount, type Rule } from './rule-kit.ts';

const DOCUMENT = 'document';

export const itemSizeLimitRule: Rule = {
  name: 'itemSizeLimit',
  description:
    'Whether an item fits 400 KB (fits, too-large): a Binary `document` attribute sized so the total lands `offset` bytes from the limit, plus `attributes` others, each with a `name_bytes` name and a `value_bytes` value; outputs document_bytes, bytes (names and values) and values_bytes (values alone)',
  inputs: [
    { name: 'attributes', kind: 'number', min: 0 },
    { name: 'name_bytes', kind: 'number', min: 1 },
    { name: 'value_bytes', kind: 'number', min: 0 },
    { name: 'offset', kind: 'number', min: -MAX_ITEM_BYTES },
  ],
  outputs: ['best', 'document_bytes', 'bytes', 'values_bytes'],
  apply(inputs) {
    const n = (name: string, min: number): number => readCount('itemSizeLimit', inputs, name, min);
    const attributes = n('attributes', 0);
    const nameBytes = n('name_bytes', 1);
    const valueBytes = n('value_bytes', 0);
    const documentBytes = MAX_ITEM_BYTES - attributes * (nameBytes + valueBytes) - DOCUMENT.length + n('offset', -MAX_ITEM_BYTES);
    if (documentBytes < 0)
      throw new RangeError(`Rule itemSizeLimit: ${attributes} attributes of ${nameBytes} + ${valueBytes} bytes leave no room for the document`);
    const verdict = itemSizeLimitVerdict([
      { name: DOCUMENT, bytes: documentBytes },
      ...Array.from({ length: attributes }, (_, i) => ({ name: `f${i}`.padEnd(nameBytes, 'x'), bytes: valueBytes })),
    ]);
    return {
      best: verdict.fits ? 'fits' : 'too-large',
      document_bytes: documentBytes,
      bytes: verdict.bytes,
      values_bytes: documentBytes + attributes * valueBytes,
    };
  },
};
