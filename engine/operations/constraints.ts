/**
 * Phase two of request validation, the member constraints (required, length, range, enum,
 * pattern). DynamoDB collects up to ten violations into one message, "N validation errors
 * detected: Value 'x' at 'path' failed to satisfy constraint: ...". Ported from dynalite's
 * checkValidations, which recorded these texts from the real service.
 */
import { ValidationException } from '../errors.ts';
import type { FieldSpec, ShapeSpec } from './shape.ts';

const CONSTRAINT_KEYS = new Set(['type', 'required', 'tableName', 'children']);

/** Throws a ValidationException if `data` (already shape-checked) breaks a constraint of `spec`. */
export function checkConstraints(data: Record<string, unknown>, spec: ShapeSpec): void {
  const fields = constrainedFields(spec);
  for (const [attr, field] of fields) {
    if (field.required && data[attr] == null) {
      throw new ValidationException(`The parameter '${attr}' is required but was not present in the request`);
    }
    if (field.tableName) {
      const value = data[attr];
      if (typeof value === 'string' && (value.length < 3 || value.length > 255)) {
        throw new ValidationException(`${attr} must be at least 3 characters long and at most 255 characters long`);
      }
    }
  }
  const errors: string[] = [];
  // A member declared by its type alone has no constraint to break.
  for (const [attr, field, validations] of fields) checkField(attr, data[attr], field, '', errors, validations);
  if (errors.length) {
    throw new ValidationException(`${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: ${errors.join('; ')}`);
  }
}

type ConstrainedField = readonly [attr: string, field: FieldSpec, validations: readonly (keyof FieldSpec)[]];

const CONSTRAINED_FIELDS = new WeakMap<ShapeSpec, readonly ConstrainedField[]>();

/** The members of a spec that declare more than a type, in declared order, with their checks; listed once per spec. */
function constrainedFields(spec: ShapeSpec): readonly ConstrainedField[] {
  let fields = CONSTRAINED_FIELDS.get(spec);
  if (!fields) {
    fields = Object.entries(spec)
      .filter((entry): entry is [string, FieldSpec] => typeof entry[1] !== 'string')
      .map(([attr, field]) => [attr, field, validationsOf(field)] as const);
    CONSTRAINED_FIELDS.set(spec, fields);
  }
  return fields;
}

function lowerFirst(s: string): string {
  return s.length ? s[0]!.toLowerCase() + s.slice(1) : s;
}

const VALIDATIONS = new WeakMap<FieldSpec, readonly (keyof FieldSpec)[]>();

/**
 * The checks a field declares, in its declared order (which is the order of the messages),
 * without the keys that are not checks; worked out once per spec, as every request walks it.
 */
function validationsOf(field: FieldSpec): readonly (keyof FieldSpec)[] {
  let validations = VALIDATIONS.get(field);
  if (!validations) {
    validations = (Object.keys(field) as (keyof FieldSpec)[]).filter((validation) => !CONSTRAINT_KEYS.has(validation) || validation === 'children');
    VALIDATIONS.set(field, validations);
  }
  return validations;
}

function checkField(
  attr: string,
  data: unknown,
  rawField: FieldSpec | string,
  parent: string,
  errors: string[],
  validations = typeof rawField === 'string' ? [] : validationsOf(rawField),
): void {
  if (typeof rawField === 'string') return;
  const field = rawField;
  for (const validation of validations) {
    if (errors.length >= 10) return;
    if (validation !== 'notNull' && data == null) continue;
    if (validation === 'children') {
      const path = (parent ? `${parent}.` : '') + lowerFirst(attr);
      if (/List$/.test(field.type)) {
        const list = data as unknown[];
        for (let i = 0; i < list.length; i++) {
          checkMember(list[i], field.children as FieldSpec | string, `${path}.${i + 1}`, errors);
        }
      } else if (/Map/.test(field.type)) {
        const map = data as Record<string, unknown>;
        for (const key of Object.keys(map)) {
          checkMember(map[key], field.children as FieldSpec | string, `${path}.${key}`, errors);
        }
      } else if (typeof field.children === 'object' && field.children !== null) {
        const struct = data as Record<string, unknown>;
        const childSpec = field.children as ShapeSpec;
        for (const key of Object.keys(childSpec)) checkField(key, struct[key], childSpec[key]!, path, errors);
      }
      continue;
    }
    const message = violation(validation, field, data);
    if (message) errors.push(describeViolation(data, parent, attr, message));
  }
}

/**
 * A member of a list or map. Coral deserialises a JSON null member as a Java null, which its
 * validation refuses whatever the member's type ("Value null at 'transactItems.1.member' failed
 * to satisfy constraint: Member must not be null"), so no action ever sees a null member.
 */
function checkMember(data: unknown, spec: FieldSpec | string, path: string, errors: string[]): void {
  if (data == null) {
    if (errors.length < 10) errors.push(describeViolation(data, path, 'member', 'Member must not be null'));
    return;
  }
  checkField('member', data, spec, path, errors);
}

const PATTERNS = new Map<string, RegExp>();

/** Compiled once per pattern: validation runs on every request. */
function patternFor(source: string): RegExp {
  let pattern = PATTERNS.get(source);
  if (!pattern) {
    pattern = new RegExp(`^${source}$`);
    PATTERNS.set(source, pattern);
  }
  return pattern;
}

function lengthOf(data: unknown): number {
  if (typeof data === 'string' || Array.isArray(data)) return data.length;
  if (data && typeof data === 'object') return Object.keys(data).length;
  return 0;
}

function violation(validation: keyof FieldSpec, field: FieldSpec, data: unknown): string | undefined {
  switch (validation) {
    case 'notNull':
      return data == null ? 'Member must not be null' : undefined;
    case 'greaterThanOrEqual':
      return (data as number) >= field.greaterThanOrEqual! ? undefined : `Member must have value greater than or equal to ${field.greaterThanOrEqual}`;
    case 'lessThanOrEqual':
      return (data as number) <= field.lessThanOrEqual! ? undefined : `Member must have value less than or equal to ${field.lessThanOrEqual}`;
    case 'regex':
      return patternFor(field.regex!).test(data as string) ? undefined : `Member must satisfy regular expression pattern: ${field.regex}`;
    case 'lengthGreaterThanOrEqual':
      return lengthOf(data) >= field.lengthGreaterThanOrEqual!
        ? undefined
        : `Member must have length greater than or equal to ${field.lengthGreaterThanOrEqual}`;
    case 'lengthLessThanOrEqual':
      return lengthOf(data) <= field.lengthLessThanOrEqual! ? undefined : `Member must have length less than or equal to ${field.lengthLessThanOrEqual}`;
    case 'enum':
      return field.enum!.includes(data as string) ? undefined : `Member must satisfy enum value set: [${field.enum!.join(', ')}]`;
    case 'keys':
      return mapConstraint('keys', field.keys!, Object.keys(data as object));
    case 'values':
      return mapConstraint('values', field.values!, Object.values(data as object));
    default:
      return undefined;
  }
}

/** Constraints on every key, or every value, of a map (RequestItems' table names and request lists). */
function mapConstraint(which: 'keys' | 'values', constraints: Readonly<Record<string, unknown>>, members: unknown[]): string | undefined {
  const rules = constraints as unknown as FieldSpec;
  const broken = members.some((member) =>
    (Object.keys(rules) as (keyof FieldSpec)[]).some((rule) => violation(rule, { ...rules, type: 'String' }, member) !== undefined),
  );
  if (!broken) return undefined;
  const messages = (Object.keys(rules) as (keyof FieldSpec)[]).map((rule) => {
    if (rule === 'lengthGreaterThanOrEqual') return `Member must have length greater than or equal to ${rules.lengthGreaterThanOrEqual}`;
    if (rule === 'lengthLessThanOrEqual') return `Member must have length less than or equal to ${rules.lengthLessThanOrEqual}`;
    return `Member must satisfy regular expression pattern: ${rules.regex}`;
  });
  return `Map ${which === 'keys' ? 'keys' : 'value'} must satisfy constraint: [${messages.join(', ')}]`;
}

/** DynamoDB prints the offending value in a Java-ish way: lists in brackets, maps as JSON. */
export function describeValue(data: unknown): string {
  if (data == null) return 'null';
  if (Array.isArray(data)) return `[${data.map(describeValue).join(', ')}]`;
  if (typeof data === 'object') return JSON.stringify(data);
  return String(data);
}

function describeViolation(data: unknown, parent: string, attr: string, message: string): string {
  let value = describeValue(data);
  if (value !== 'null') value = `'${value}'`;
  return `Value ${value} at '${parent ? `${parent}.` : ''}${lowerFirst(attr)}' failed to satisfy constraint: ${message}`;
}
