/**
 * Phase one of request validation: the JSON shape. DynamoDB's front end (Coral) deserialises
 * each member into a Java type before anything else looks at it, and a member of the wrong
 * JSON type fails there with a SerializationException whose text comes from that layer.
 * The texts are those dynalite recorded from the real service (node_modules/dynalite/validations/index.js).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
import { SerializationException } from '../errors.ts';
import { newAttributeMap } from '../values/attribute-value.ts';
import { shapeAttributeValue, shapeItem } from '../values/validate.ts';

/** A member's declared type, with the constraints phase two checks (see constraints.ts). */
export interface FieldSpec {
  readonly type: string;
  readonly children?: FieldSpec | string | Readonly<Record<string, FieldSpec | string>>;
  readonly required?: boolean;
  readonly tableName?: boolean;
  readonly notNull?: boolean;
  readonly regex?: string;
  readonly enum?: readonly string[];
  readonly greaterThanOrEqual?: number;
  readonly lessThanOrEqual?: number;
  readonly lengthGreaterThanOrEqual?: number;
  readonly lengthLessThanOrEqual?: number;
  readonly keys?: Readonly<Record<string, unknown>>;
  readonly values?: Readonly<Record<string, unknown>>;
}

export type ShapeSpec = Readonly<Record<string, FieldSpec | string>>;

const ATTRIBUTE_VALUE_CHILDREN: ShapeSpec = {
  S: 'String',
  B: 'Blob',
  N: 'String',
  BOOL: 'Boolean',
  NULL: 'Boolean',
  BS: { type: 'List', children: 'Blob' },
  NS: { type: 'List', children: 'String' },
  SS: { type: 'List', children: 'String' },
  L: { type: 'List', children: 'AttrStruct<ValueStruct>' },
  M: { type: 'Map<AttributeValue>', children: 'AttrStruct<ValueStruct>' },
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function serializationError(message: string): SerializationException {
  return new SerializationException(message);
}

/** Checks `data` against `spec` and returns a copy holding only the declared members. */
export function checkShape(data: unknown, spec: ShapeSpec): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    // The whole body must be a JSON object; Coral reports anything else like a mistyped struct.
    if (Array.isArray(data)) throw serializationError('Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Request');
    throw serializationError('Start of structure or map found where not expected');
  }
  return checkStruct(data as Record<string, unknown>, spec, 0);
}

function checkStruct(data: Record<string, unknown>, spec: ShapeSpec, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(spec)) {
    if (!Object.hasOwn(data, key)) continue;
    const value = checkType(data[key], spec[key]!, depth + 1);
    if (value != null) out[key] = value;
  }
  return out;
}

/** A declared type split into its name and its generic argument (`Map<Condition>`), parsed once per type. */
interface ParsedType {
  readonly type: string;
  readonly subtype: string;
}

const PARSED_TYPES = new Map<string, ParsedType>();

// Every request walks its spec's types, so each type string is parsed once, not once per member.
function parseType(declared: string): ParsedType {
  let parsed = PARSED_TYPES.get(declared);
  if (!parsed) {
    const generic = /^(.+?)<(.+)>$/.exec(declared);
    parsed = generic ? { type: generic[1]!, subtype: generic[2]! } : { type: declared, subtype: '' };
    PARSED_TYPES.set(declared, parsed);
  }
  return parsed;
}

function describeNumber(n: number): string {
  return n % 1 === 0 ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
}

function checkType(val: unknown, rawSpec: FieldSpec | string, depth: number): unknown {
  if (val == null) return null;
  // A document nested deeper than DynamoDB's 32 levels is refused later; this bound only keeps
  // a hostile request from recursing without end.
  if (depth > 200) throw serializationError('Nesting depth exceeded');
  const spec = typeof rawSpec === 'string' ? undefined : rawSpec;
  const { type, subtype } = parseType(spec === undefined ? (rawSpec as string) : spec.type);
  const children = spec?.children;

  // Attribute values are shaped by the values module, which owns their wire rules.
  if (type === 'Item') return shapeItem(val);
  if (type === 'AttributeValue') return shapeAttributeValue(val);
  if (type === 'AttrStruct') {
    return checkType(val, { type: `${subtype}<AttributeValue>`, children: ATTRIBUTE_VALUE_CHILDREN }, depth);
  }

  switch (type) {
    case 'Boolean': {
      switch (typeof val) {
        case 'number':
          throw serializationError(`${describeNumber(val)} cannot be converted to Boolean`);
        case 'string': {
          const upper = val.toUpperCase();
          if (upper === 'TRUE' || upper === '1' || upper === 'YES') return true;
          if (upper === 'FALSE' || upper === '0' || upper === 'NO') return false;
          throw serializationError('Unexpected token received from parser');
        }
        case 'object':
          if (Array.isArray(val)) throw serializationError('Unrecognized collection type class java.lang.Boolean');
          throw serializationError('Start of structure or map found where not expected');
        default:
          return val;
      }
    }
    case 'Short':
    case 'Integer':
    case 'Long':
    case 'Double': {
      switch (typeof val) {
        case 'boolean':
          throw serializationError(`${val ? 'TRUE_VALUE' : 'FALSE_VALUE'} cannot be converted to ${type}`);
        case 'number':
          return type === 'Double' ? val : Math.floor(val);
        case 'string':
          throw serializationError(`STRING_VALUE cannot be converted to ${type}`);
        case 'object':
          if (Array.isArray(val)) throw serializationError(`Unrecognized collection type class java.lang.${type}`);
          throw serializationError('Start of structure or map found where not expected');
        default:
          return val;
      }
    }
    case 'String': {
      switch (typeof val) {
        case 'boolean':
          throw serializationError(`${val ? 'TRUE_VALUE' : 'FALSE_VALUE'} cannot be converted to String`);
        case 'number':
          throw serializationError(`${describeNumber(val)} cannot be converted to String`);
        case 'object':
          if (Array.isArray(val)) throw serializationError('Unrecognized collection type class java.lang.String');
          throw serializationError('Start of structure or map found where not expected');
        default:
          return val;
      }
    }
    case 'Blob': {
      switch (typeof val) {
        case 'boolean':
        case 'number':
          throw serializationError('only base-64-encoded strings are convertible to bytes');
        case 'object':
          if (Array.isArray(val)) throw serializationError('Unrecognized collection type class java.nio.ByteBuffer');
          throw serializationError('Start of structure or map found where not expected');
        default:
          break; // a string, checked below
      }
      const s = val as string;
      if (s.length % 4) throw serializationError(`Base64 encoded length is expected a multiple of 4 bytes but found: ${s.length}`);
      if (!BASE64.test(s) || !canonicalBase64Tail(s)) throw serializationError('Invalid last non-pad Base64 character dectected');
      return s;
    }
    case 'List': {
      if (typeof val !== 'object') throw serializationError('Unexpected field type');
      if (!Array.isArray(val)) throw serializationError('Start of structure or map found where not expected');
      const childSpec = typeof children === 'string' ? children : (children as FieldSpec);
      return val.map((child) => checkType(child, childSpec, depth + 1));
    }
    case 'ParameterizedList':
    case 'ParameterizedMap': {
      if (typeof val !== 'object') {
        throw serializationError(
          "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')",
        );
      }
      const childSpec = typeof children === 'string' ? children : (children as FieldSpec);
      if (type === 'ParameterizedList') {
        if (!Array.isArray(val)) throw serializationError('Start of structure or map found where not expected');
        return val.map((child) => checkType(child, childSpec, depth + 1));
      }
      if (Array.isArray(val)) {
        throw serializationError('Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>');
      }
      const out = newAttributeMap<unknown>();
      for (const key of Object.keys(val)) out[key] = checkType((val as Record<string, unknown>)[key], childSpec, depth + 1);
      return out;
    }
    case 'Map': {
      if (typeof val !== 'object') throw serializationError('Unexpected field type');
      if (Array.isArray(val)) {
        const name = subtype.includes('.') ? subtype : `com.amazonaws.dynamodb.v20120810.${subtype}`;
        throw serializationError(`Unrecognized collection type java.util.Map<java.lang.String, ${name}>`);
      }
      const childSpec = typeof children === 'string' ? children : (children as FieldSpec);
      const out = newAttributeMap<unknown>();
      for (const key of Object.keys(val)) out[key] = checkType((val as Record<string, unknown>)[key], childSpec, depth + 1);
      return out;
    }
    case 'ValueStruct':
    case 'FieldStruct': {
      if (typeof val !== 'object') {
        throw serializationError(type === 'ValueStruct' ? 'Unexpected value type in payload' : 'Unexpected field type');
      }
      if (Array.isArray(val)) throw serializationError(`Unrecognized collection type class com.amazonaws.dynamodb.v20120810.${subtype}`);
      return checkStruct(val as Record<string, unknown>, children as ShapeSpec, depth);
    }
    default:
      throw new Error(`Unknown shape type: ${type}`);
  }
}

/** The unused bits of the last base64 character must be zero, as a strict decoder requires. */
function canonicalBase64Tail(s: string): boolean {
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  if (padding === 0 || s.length === 0) return true;
  const last = s.charCodeAt(s.length - padding - 1);
  const index = base64Index(last);
  return padding === 2 ? (index & 0x0f) === 0 : (index & 0x03) === 0;
}

function base64Index(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  return c === 43 ? 62 : 63;
}
