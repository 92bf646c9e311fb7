/**
 * Untrusted wire JSON to validated AttributeValues and Items, in DynamoDB's two phases: first
 * the shape (wrong JSON types give SerializationException, as AWS's Coral deserialiser does),
 * then the meaning (ValidationException with AWS's text). Numbers come out normalised.
 * Messages follow dynalite (validations/index.js, db/index.js), which was checked against AWS.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 */
import { SerializationException, ValidationException } from '../errors.ts';
import { newAttributeMap, type AttributeValue, type Item, type ScalarAttributeType } from './attribute-value.ts';
import { itemSize, utf8ByteLength, base64ByteLength } from './item-size.ts';
import { normaliseNumber } from './number.ts';

/** 400 KB, names included. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html */
export const MAX_ITEM_SIZE = 400 * 1024;
/**
 * Levels an attribute value may have, the value itself included: at most 31 lists or maps
 * nested inside each other. Measured on AWS (eu-west-2): 31 map wraps accepted, 32 refused
 * (nubo-db/dynoxide issue #110).
 */
export const MAX_NESTING_DEPTH = 32;
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

export const VALUE_MESSAGES = {
  empty: 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
  moreThanOne: 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
  nullNotTrue: 'One or more parameter values were invalid: Null attribute value types must have the value of true',
  emptySS: 'One or more parameter values were invalid: An string set  may not be empty',
  emptyNS: 'One or more parameter values were invalid: An number set  may not be empty',
  emptyBS: 'One or more parameter values were invalid: Binary sets should not be empty',
  duplicateSS: (members: readonly string[]) => `One or more parameter values were invalid: Input collection [${members.join(', ')}] contains duplicates.`,
  duplicateNS: 'Input collection contains duplicates',
  duplicateBS: (members: readonly string[]) =>
    `One or more parameter values were invalid: Input collection [${members.join(', ')}]of type BS contains duplicates.`,
  nesting: 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
  itemSize: 'Item size has exceeded the maximum allowed size',
  keyMismatch: 'The provided key element does not match the schema',
} as const;

type Json = unknown;

const serialization = (message: string) => new SerializationException(message);

const SCALAR_KINDS = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'] as const;

/** Shape of a JSON value where a string is expected (S, N, set members). */
function shapeString(v: Json): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      throw serialization(`${v ? 'TRUE_VALUE' : 'FALSE_VALUE'} cannot be converted to String`);
    case 'number':
      throw serialization(`${Number.isInteger(v) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE'} cannot be converted to String`);
    default:
      if (Array.isArray(v)) throw serialization('Unrecognized collection type class java.lang.String');
      throw serialization('Start of structure or map found where not expected');
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** True when the text is canonical base64: right length, alphabet, and zero bits after the data. */
export function isCanonicalBase64(s: string): boolean {
  if (s.length % 4 !== 0 || !BASE64.test(s)) return false;
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  if (padding === 0) return true;
  const last = BASE64_ALPHABET.indexOf(s[s.length - padding - 1]!);
  return padding === 2 ? last % 16 === 0 : last % 4 === 0;
}

function shapeBlob(v: Json): string {
  switch (typeof v) {
    case 'string':
      if (v.length % 4 !== 0) throw serialization(`Base64 encoded length is expected a multiple of 4 bytes but found: ${v.length}`);
      // The typo is AWS's own.
      if (!isCanonicalBase64(v)) throw serialization('Invalid last non-pad Base64 character dectected');
      return v;
    case 'boolean':
    case 'number':
      throw serialization('only base-64-encoded strings are convertible to bytes');
    default:
      if (Array.isArray(v)) throw serialization('Unrecognized collection type class java.nio.ByteBuffer');
      throw serialization('Start of structure or map found where not expected');
  }
}

function shapeBoolean(v: Json): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      throw serialization(`${Number.isInteger(v) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE'} cannot be converted to Boolean`);
    case 'string': {
      // Coral's Jackson reader accepts these spellings.
      const upper = v.toUpperCase();
      if (upper === 'TRUE' || upper === '1' || upper === 'YES') return true;
      if (upper === 'FALSE' || upper === '0' || upper === 'NO') return false;
      throw serialization('Unexpected token received from parser');
    }
    default:
      if (Array.isArray(v)) throw serialization('Unrecognized collection type class java.lang.Boolean');
      throw serialization('Start of structure or map found where not expected');
  }
}

function shapeList<T>(v: Json, member: (m: Json) => T): T[] {
  if (typeof v !== 'object' || v === null) throw serialization('Unexpected field type');
  if (!Array.isArray(v)) throw serialization('Start of structure or map found where not expected');
  return v.map(member);
}

const MAP_COLLECTION_MESSAGE = 'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>';

function shapeMap(v: Json, depth: number): Record<string, AttributeValue> {
  if (typeof v !== 'object' || v === null) throw serialization('Unexpected field type');
  if (Array.isArray(v)) throw serialization(MAP_COLLECTION_MESSAGE);
  const out = newAttributeMap();
  // Keys and a lookup rather than entries: no pair array per attribute on every item written.
  for (const name of Object.keys(v)) {
    const member = (v as Record<string, Json>)[name]!;
    if (member === null) continue;
    out[name] = shapeValue(member, depth);
  }
  return out;
}

/**
 * Phase one for one AttributeValue: JSON types only. Unknown members and nulls are dropped, as
 * AWS ignores them. Nesting beyond the limit is refused here so that no later pass recurses
 * into an arbitrarily deep document.
 */
function shapeValue(v: Json, depth: number): AttributeValue {
  if (typeof v !== 'object' || v === null) throw serialization('Unexpected value type in payload');
  if (Array.isArray(v)) throw serialization('Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue');
  const raw = v as Record<string, Json>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    const member = raw[key];
    if (member === null || member === undefined) continue;
    switch (key) {
      case 'S':
      case 'N':
        out[key] = shapeString(member);
        break;
      case 'B':
        out[key] = shapeBlob(member);
        break;
      case 'BOOL':
      case 'NULL':
        out[key] = shapeBoolean(member);
        break;
      case 'SS':
      case 'NS':
        out[key] = shapeList(member, shapeString);
        break;
      case 'BS':
        out[key] = shapeList(member, shapeBlob);
        break;
      case 'L':
        if (depth + 1 >= MAX_NESTING_DEPTH) throw new ValidationException(VALUE_MESSAGES.nesting);
        out[key] = shapeList(member, (m) => {
          if (m === null) throw serialization('Unexpected value type in payload');
          return shapeValue(m, depth + 1);
        });
        break;
      case 'M':
        if (depth + 1 >= MAX_NESTING_DEPTH) throw new ValidationException(VALUE_MESSAGES.nesting);
        out[key] = shapeMap(member, depth + 1);
        break;
      default:
        break;
    }
  }
  return out as AttributeValue;
}

/** Phase one for an AttributeValue from the wire: SerializationException on wrong JSON types. */
export function shapeAttributeValue(raw: unknown): AttributeValue {
  return shapeValue(raw, 0);
}

/** Phase one for a map of attribute values (Item, Key, ExpressionAttributeValues). */
export function shapeItem(raw: unknown): Item {
  return shapeMap(raw, 0);
}

function findDuplicate(members: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m)) return true;
    seen.add(m);
  }
  return false;
}

/**
 * Phase two for one shaped AttributeValue: AWS's semantic checks in AWS's order. Returns the
 * value with numbers normalised, or throws ValidationException.
 */
export function validateAttributeValue(value: AttributeValue): AttributeValue {
  // Callers should have run the shape phase; a non-object here still gets a DynamoDB error.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationException(VALUE_MESSAGES.empty);
  }
  const types = Object.keys(value);
  if (types.length === 0) throw new ValidationException(VALUE_MESSAGES.empty);
  let result: AttributeValue | undefined;
  for (const type of types) {
    const member = (value as Record<string, unknown>)[type];
    switch (type) {
      case 'S':
        result = { S: member as string };
        break;
      case 'B':
        result = { B: member as string };
        break;
      case 'BOOL':
        result = { BOOL: member as boolean };
        break;
      case 'N':
        result = { N: normaliseNumber(member as string) };
        break;
      case 'NULL':
        // AWS refuses { NULL: false }. Two regions accepted it for a few weeks in June 2026, then
        // every region rejected it again (the dynamodb-conformance ground-truth sweep of
        // 2026-07-17; nubo-db/dynoxide#145), so the refusal is what learners meet.
        if (member === false) throw new ValidationException(VALUE_MESSAGES.nullNotTrue);
        result = { NULL: true };
        break;
      case 'SS': {
        const ss = member as string[];
        if (ss.length === 0) throw new ValidationException(VALUE_MESSAGES.emptySS);
        if (findDuplicate(ss)) throw new ValidationException(VALUE_MESSAGES.duplicateSS(ss));
        result = { SS: ss };
        break;
      }
      case 'NS': {
        const ns = member as string[];
        if (ns.length === 0) throw new ValidationException(VALUE_MESSAGES.emptyNS);
        const normalised = ns.map(normaliseNumber);
        if (findDuplicate(normalised)) throw new ValidationException(VALUE_MESSAGES.duplicateNS);
        result = { NS: normalised };
        break;
      }
      case 'BS': {
        const bs = member as string[];
        if (bs.length === 0) throw new ValidationException(VALUE_MESSAGES.emptyBS);
        if (findDuplicate(bs)) throw new ValidationException(VALUE_MESSAGES.duplicateBS(bs));
        result = { BS: bs };
        break;
      }
      case 'M': {
        const m = member as Record<string, AttributeValue>;
        const out = newAttributeMap();
        for (const name of Object.keys(m)) out[name] = validateAttributeValue(m[name]!);
        result = { M: out };
        break;
      }
      case 'L':
        result = { L: (member as AttributeValue[]).map(validateAttributeValue) };
        break;
      default:
        break;
    }
  }
  if (types.length > 1) throw new ValidationException(VALUE_MESSAGES.moreThanOne);
  if (result === undefined) throw new ValidationException(VALUE_MESSAGES.empty);
  return result;
}

/** Phase two for a whole item or key: every attribute value validated and normalised. */
export function validateItem(item: Item): Item {
  const out = newAttributeMap();
  for (const name of Object.keys(item)) out[name] = validateAttributeValue(item[name]!);
  return out;
}

/** Both phases for a value from the wire. Operations that check a whole request's shape first should call the phases separately. */
export function parseAttributeValue(raw: unknown): AttributeValue {
  return validateAttributeValue(shapeAttributeValue(raw));
}

/** Both phases for an item (or key) from the wire. */
export function parseItem(raw: unknown): Item {
  return validateItem(shapeItem(raw));
}

/** Refuses an item over 400 KB. UpdateItem passes its own wording ("Item size to update has exceeded ..."). */
export function checkItemSize(item: Item, message: string = VALUE_MESSAGES.itemSize): void {
  if (itemSize(item) > MAX_ITEM_SIZE) throw new ValidationException(message);
}

/** One attribute of a key schema with its declared type (from AttributeDefinitions). */
export interface KeyAttribute {
  readonly name: string;
  readonly type: ScalarAttributeType;
}

function keyBytes(v: AttributeValue): number {
  if ('S' in v) return utf8ByteLength(v.S);
  if ('B' in v) return base64ByteLength(v.B);
  return 0;
}

function checkKeyPart(name: string, value: AttributeValue, type: ScalarAttributeType, isPartitionKey: boolean, emptyPrefix: string): void {
  if ((type === 'S' && 'S' in value && value.S === '') || (type === 'B' && 'B' in value && value.B === '')) {
    throw new ValidationException(
      `${emptyPrefix} The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${name}`,
    );
  }
  const bytes = keyBytes(value);
  if (isPartitionKey && bytes > MAX_PARTITION_KEY_BYTES) {
    // "limit of2048" is AWS's spacing.
    throw new ValidationException('One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes');
  }
  if (!isPartitionKey && bytes > MAX_SORT_KEY_BYTES) {
    throw new ValidationException('One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes');
  }
}

/**
 * Checks a Key parameter (GetItem, DeleteItem, UpdateItem, ExclusiveStartKey) against the key
 * schema, partition key first: exactly the key attributes, each of its declared type, no empty
 * string or binary, within the key size limits.
 */
export function validateKey(key: Item, keySchema: readonly KeyAttribute[]): void {
  if (Object.keys(key).length !== keySchema.length) throw new ValidationException(VALUE_MESSAGES.keyMismatch);
  keySchema.forEach((attribute, i) => {
    const value = key[attribute.name];
    if (value === undefined || !(attribute.type in value)) throw new ValidationException(VALUE_MESSAGES.keyMismatch);
    // AWS now answers "are not valid." here too (dynalite recorded an older "were invalid:").
    checkKeyPart(attribute.name, value, attribute.type, i === 0, 'One or more parameter values are not valid.');
  });
}

/** Checks that an item for PutItem carries its key attributes with the declared types. */
export function validateItemKey(item: Item, keySchema: readonly KeyAttribute[]): void {
  keySchema.forEach((attribute, i) => {
    const value = item[attribute.name];
    if (value === undefined) {
      throw new ValidationException(`One or more parameter values were invalid: Missing the key ${attribute.name} in the item`);
    }
    if (!(attribute.type in value)) {
      throw new ValidationException(
        `One or more parameter values were invalid: Type mismatch for key ${attribute.name} expected: ${attribute.type} actual: ${attributeTypeOf(value)}`,
      );
    }
    checkKeyPart(attribute.name, value, attribute.type, i === 0, 'One or more parameter values are not valid.');
  });
}

/** The type tag of a value: 'S', 'N', 'M', ... */
export function attributeTypeOf(v: AttributeValue): (typeof SCALAR_KINDS)[number] {
  for (const kind of SCALAR_KINDS) if (kind in v) return kind;
  throw new ValidationException(VALUE_MESSAGES.empty);
}

/** Extracts the key attributes of an item, in key-schema order. */
export function keyOf(item: Item, keySchema: readonly { readonly name: string }[]): Item {
  const key = newAttributeMap();
  for (const { name } of keySchema) {
    const v = item[name];
    if (v !== undefined) key[name] = v;
  }
  return key;
}
