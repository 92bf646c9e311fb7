/**
 * AttributeValue as it travels on the wire and as the engine stores it: binary values stay
 * base64 strings, numbers stay strings (normalised by the number module). Keeping the wire
 * shape avoids converting every item on the way in and out.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly B: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: Readonly<Record<string, AttributeValue>> }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] };

export type AttributeType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'L' | 'M' | 'SS' | 'NS' | 'BS';

/** A whole item, or a key: attribute name to value. */
export type Item = Readonly<Record<string, AttributeValue>>;

/** The three types a key attribute may have. */
export type ScalarAttributeType = 'S' | 'N' | 'B';
