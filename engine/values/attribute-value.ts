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

/**
 * Objects keyed by attribute name inherit nothing, because names are data: DynamoDB stores an
 * attribute called `__proto__` or `constructor` like any other. On a plain `{}`, assigning
 * `__proto__` would replace the prototype instead of adding a member, and reading `constructor`
 * of an item without one would find Object's. A constructor whose prototype is itself
 * prototype-less keeps V8's fast property layout, which `Object.create(null)` gives up.
 */
const AttributeMap = function AttributeMap(this: object) {} as unknown as new () => Record<string, never>;
AttributeMap.prototype = Object.create(null) as Record<string, never>;

/** An empty, prototype-free object to collect attributes (or anything else keyed by attribute name) in. */
export function newAttributeMap<T = AttributeValue>(): Record<string, T> {
  return new AttributeMap() as Record<string, T>;
}
