/**
 * DynamoDB's expression language: the one entry point operations use.
 *
 * An operation calls `compileExpressions` once per request, during validation (after the shape
 * of the whole request has been checked, so ExpressionAttributeValues are shaped
 * AttributeValues). It parses every expression of the request, resolves the placeholders and
 * reports unused or undefined ones across all of them, as DynamoDB does. The operation then
 * uses the compiled trees with `evaluateCondition`, `applyProjection`, `applyUpdate` and
 * `keyConditionFor`.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html
 */
import { ValidationException } from '../errors.ts';
import type { AttributeValue } from '../values/attribute-value.ts';
import { utf8ByteLength } from '../values/item-size.ts';
import { validateAttributeValue } from '../values/validate.ts';
import { LIMIT_MESSAGES, MAX_PLACEHOLDER_KEY_BYTES } from './limits.ts';
import type { ConditionNode, ProjectionNode, UpdateNode } from './ast.ts';
import { checkKeyConditionShape, type KeyConditions } from './key-condition.ts';
import { createPlaceholderContext, parseCondition, parseProjection, parseUpdate, type ExpressionParameter } from './parser.ts';

export type * from './ast.ts';
export { formatPath } from './ast.ts';
export { tokenize, type Token, type TokenKind } from './lexer.ts';
export {
  parseCondition,
  parseProjection,
  parseUpdate,
  createPlaceholderContext,
  MAX_EXPRESSION_BYTES,
  MAX_IN_OPERANDS,
  type ExpressionParameter,
  type PlaceholderContext,
} from './parser.ts';
/** evaluateCondition(cond, item | undefined): does the item satisfy the condition? resolvePath reads a document path. conditionAttributeNames lists the top-level attributes a condition reads. */
export { evaluateCondition, resolvePath, conditionAttributeNames } from './evaluate.ts';
/** applyProjection(projection, item): the item cut down to the projected paths; projectPaths does the same for any paths. */
export { applyProjection, projectPaths } from './projection.ts';
/** applyUpdate(update, existing | undefined, key, sizeRule?): the new item plus UPDATED_OLD/UPDATED_NEW attributes (sizeRule "flat" for transactions); checkUpdateSparesKey refuses updates of key attributes early. */
export { applyUpdate, checkUpdateSparesKey, UPDATE_MESSAGES, type UpdateResult, type UpdateSizeRule } from './update.ts';
/** keyConditionFor(compiled.keyConditions, keySchema): partition value and sort key condition, with AWS's Query errors; matchesSortKeyCondition tests a sort key value. */
export {
  keyConditionFor,
  multiKeyConditionFor,
  type ResolvedMultiKeyCondition,
  matchesSortKeyCondition,
  checkKeyConditionShape,
  type KeyConditions,
  type KeyAttributeCondition,
  type SortKeyCondition,
  type ResolvedKeyCondition,
} from './key-condition.ts';
export { isReservedWord } from './reserved-words.ts';
/** The legacy parameters: the mixing rule, and converters into the same trees expressions compile to. */
export {
  checkExpressionParameterMix,
  conditionFromExpected,
  conditionFromLegacyFilter,
  keyConditionsFromLegacy,
  projectionFromAttributesToGet,
  updateFromAttributeUpdates,
  LEGACY_PARAMETERS,
  type LegacyParameter,
  type LegacyCondition,
  type ExpectedAttributeValue,
  type AttributeValueUpdate,
} from './legacy.ts';

/** The expression parameters of a request, as they arrive (values already shaped). */
export interface ExpressionInput {
  readonly ConditionExpression?: string;
  readonly KeyConditionExpression?: string;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly UpdateExpression?: string;
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>;
  readonly ExpressionAttributeValues?: Readonly<Record<string, AttributeValue>>;
}

/** Every expression of a request, parsed, with placeholders resolved. */
export interface CompiledExpressions {
  readonly condition?: ConditionNode;
  /** The parsed KeyConditionExpression (already shape-checked). */
  readonly keyCondition?: ConditionNode;
  /** The KeyConditionExpression as one condition per attribute; pass to keyConditionFor with the key schema. */
  readonly keyConditions?: KeyConditions;
  readonly filter?: ConditionNode;
  readonly projection?: ProjectionNode;
  readonly update?: UpdateNode;
}

const NAME_KEY = /^#[0-9a-zA-Z_]+$/;
const VALUE_KEY = /^:[0-9a-zA-Z_]+$/;

/** Expression parameters that take values, in the order DynamoDB lists them in messages. */
const ALL_VALUE_EXPRESSIONS: readonly ExpressionParameter[] = ['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression'];

/**
 * Parses and checks every expression of one request. `supported` lists the expression
 * parameters the operation accepts, in the order the operation's messages name them
 * (PutItem: ['ConditionExpression']; Query: ['ProjectionExpression', 'FilterExpression',
 * 'KeyConditionExpression']); it only shapes the message for values given without any
 * expression. Throws ValidationException with AWS's text.
 */
export function compileExpressions(
  input: ExpressionInput,
  supported: readonly ExpressionParameter[] = [...ALL_VALUE_EXPRESSIONS, 'ProjectionExpression'],
): CompiledExpressions {
  const names = input.ExpressionAttributeNames;
  const rawValues = input.ExpressionAttributeValues;
  const present = (['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'] as const).filter(
    (p) => input[p] != null,
  );
  if (names != null && present.length === 0) {
    throw new ValidationException('ExpressionAttributeNames can only be specified when using expressions');
  }
  const valueExpressions = supported.filter((p) => p !== 'ProjectionExpression');
  if (rawValues != null && valueExpressions.length > 0 && valueExpressions.every((p) => input[p] == null)) {
    throw new ValidationException(
      `ExpressionAttributeValues can only be specified when using expressions: ${valueExpressions.join(' and ')} ${valueExpressions.length > 1 ? 'are' : 'is'} null`,
    );
  }
  if (names != null) {
    const keys = Object.keys(names);
    if (keys.length === 0) throw new ValidationException('ExpressionAttributeNames must not be empty');
    for (const key of keys) {
      // Length is checked before syntax, as AWS does.
      const bytes = utf8ByteLength(key);
      if (bytes > MAX_PLACEHOLDER_KEY_BYTES) throw new ValidationException(LIMIT_MESSAGES.nameKey(bytes));
      if (!NAME_KEY.test(key)) {
        throw new ValidationException(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
      }
    }
  }
  const values: Record<string, AttributeValue> = {};
  if (rawValues != null) {
    const keys = Object.keys(rawValues);
    if (keys.length === 0) throw new ValidationException('ExpressionAttributeValues must not be empty');
    for (const key of keys) {
      if (utf8ByteLength(key) > MAX_PLACEHOLDER_KEY_BYTES) throw new ValidationException(LIMIT_MESSAGES.valueKey);
      if (!VALUE_KEY.test(key)) {
        throw new ValidationException(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
      }
    }
    for (const key of keys) {
      try {
        values[key] = validateAttributeValue(rawValues[key]!);
      } catch (e) {
        if (e instanceof ValidationException) {
          throw new ValidationException(`ExpressionAttributeValues contains invalid value: ${e.message} for key ${key}`, {}, { cause: e });
        }
        throw e;
      }
    }
  }
  const context = createPlaceholderContext(names ?? {}, values);
  const update = input.UpdateExpression != null ? parseUpdate(input.UpdateExpression, context) : undefined;
  const condition = input.ConditionExpression != null ? parseCondition(input.ConditionExpression, 'ConditionExpression', context) : undefined;
  const keyCondition = input.KeyConditionExpression != null ? parseCondition(input.KeyConditionExpression, 'KeyConditionExpression', context) : undefined;
  const filter = input.FilterExpression != null ? parseCondition(input.FilterExpression, 'FilterExpression', context) : undefined;
  const projection = input.ProjectionExpression != null ? parseProjection(input.ProjectionExpression, context) : undefined;

  const unusedNames = Object.keys(names ?? {}).filter((k) => !context.usedNames.has(k));
  if (unusedNames.length > 0) {
    throw new ValidationException(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
  }
  const unusedValues = Object.keys(values).filter((k) => !context.usedValues.has(k));
  if (unusedValues.length > 0) {
    throw new ValidationException(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
  }
  const keyConditions = keyCondition ? checkKeyConditionShape(keyCondition) : undefined;
  return {
    ...(condition && { condition }),
    ...(keyCondition && keyConditions && { keyCondition, keyConditions }),
    ...(filter && { filter }),
    ...(projection && { projection }),
    ...(update && { update }),
  };
}
