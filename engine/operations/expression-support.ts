/**
 * The operations' one door into the expressions module: compile a request's expressions once
 * during validation, then evaluate them against items. Kept in one file so that the operations
 * do not depend on the expression module's internals.
 */
import {
  applyProjection,
  applyUpdate,
  compileExpressions,
  conditionFromExpected,
  conditionFromLegacyFilter,
  evaluateCondition,
  keyConditionsFromLegacy,
  projectionFromAttributesToGet,
  updateFromAttributeUpdates,
  type AttributeValueUpdate,
  type ExpectedAttributeValue,
  type LegacyCondition,
  type CompiledExpressions,
  type ConditionNode,
  type ExpressionParameter,
  type ProjectionNode,
  type UpdateNode,
  type UpdateResult,
} from '../expressions/index.ts';
import type { Item } from '../values/attribute-value.ts';

export type { CompiledExpressions };

const COMPILED = Symbol('compiled expressions');

/** Every request member that compileRequestExpressions reads. */
const EXPRESSION_MEMBERS = [
  'ConditionExpression',
  'KeyConditionExpression',
  'FilterExpression',
  'ProjectionExpression',
  'UpdateExpression',
  'ExpressionAttributeNames',
  'ExpressionAttributeValues',
  'QueryFilter',
  'ScanFilter',
  'AttributesToGet',
  'AttributeUpdates',
  'Expected',
  'KeyConditions',
] as const;

/**
 * The legacy (pre-expression) parameters the request carries, converted into the trees their
 * expression equivalents compile to, so the action runs them with the same evaluator. Each
 * converter validates its parameter with AWS's messages; the shape phase kept only the members
 * the operation declares, so a parameter is converted only where AWS accepts it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 */
function compileLegacyParameters(request: Record<string, unknown>): Partial<Record<keyof CompiledExpressions, unknown>> {
  const legacy: Partial<Record<keyof CompiledExpressions, unknown>> = {};
  const conditionalOperator = request.ConditionalOperator as string | undefined;
  const filter = (request.QueryFilter ?? request.ScanFilter) as Record<string, LegacyCondition> | undefined;
  if (filter != null) legacy.filter = conditionFromLegacyFilter(filter, conditionalOperator);
  if (request.AttributesToGet != null) legacy.projection = projectionFromAttributesToGet(request.AttributesToGet as string[]);
  if (request.AttributeUpdates != null) {
    legacy.update = updateFromAttributeUpdates(request.AttributeUpdates as Record<string, AttributeValueUpdate>);
  }
  if (request.Expected != null) {
    legacy.condition = conditionFromExpected(request.Expected as Record<string, ExpectedAttributeValue>, conditionalOperator);
  }
  return legacy;
}

/** Whether none of `members` is set on the request (a plain loop: this runs on every item action). */
export function carriesNone(request: Record<string, unknown>, members: readonly string[]): boolean {
  for (let i = 0; i < members.length; i++) if (request[members[i]!] != null) return false;
  return true;
}

/**
 * Parses every expression of the request and checks the placeholders (phase two), and converts
 * the legacy parameters it carries (the mixing rule was checked before); stores the result on
 * the request so that the action does not parse again.
 */
export function compileRequestExpressions(request: Record<string, unknown>, supported: readonly ExpressionParameter[]): CompiledExpressions {
  // Most requests (a GetItem or PutItem by key) carry no expression and no legacy parameter:
  // nothing to parse or check, and the answer below would be an empty set of trees.
  if (carriesNone(request, EXPRESSION_MEMBERS)) {
    const none: CompiledExpressions = {};
    (request as Record<symbol, unknown>)[COMPILED] = none;
    return none;
  }
  const legacy = compileLegacyParameters(request);
  const expressions = compileExpressions(
    {
      ConditionExpression: request.ConditionExpression as string | undefined,
      KeyConditionExpression: request.KeyConditionExpression as string | undefined,
      FilterExpression: request.FilterExpression as string | undefined,
      ProjectionExpression: request.ProjectionExpression as string | undefined,
      UpdateExpression: request.UpdateExpression as string | undefined,
      ExpressionAttributeNames: request.ExpressionAttributeNames as Record<string, string> | undefined,
      ExpressionAttributeValues: request.ExpressionAttributeValues as Item | undefined,
    },
    supported,
  );
  // KeyConditions are checked after the expressions, as dynalite's Query validation orders them.
  if (request.KeyConditions != null) legacy.keyConditions = keyConditionsFromLegacy(request.KeyConditions as Record<string, LegacyCondition>);
  const compiled: CompiledExpressions = { ...expressions };
  for (const [member, tree] of Object.entries(legacy)) if (tree !== undefined) Object.assign(compiled, { [member]: tree });
  (request as Record<symbol, unknown>)[COMPILED] = compiled;
  return compiled;
}

/** The expressions compiled during validation. */
export function compiledExpressions(request: Record<string, unknown>): CompiledExpressions {
  const compiled = (request as Record<symbol, unknown>)[COMPILED] as CompiledExpressions | undefined;
  if (!compiled) throw new Error('expressions used before the request was validated');
  return compiled;
}

/** Whether `item` (undefined when there is none) satisfies the condition. */
export function conditionHolds(condition: ConditionNode | undefined, item: Item | undefined): boolean {
  return condition === undefined || evaluateCondition(condition, item);
}

export function projectItem(projection: ProjectionNode | undefined, item: Item): Item {
  return projection === undefined ? item : applyProjection(projection, item);
}

/** Applies an update to the existing item (or to the key when there is none). */
export function updateItemWith(update: UpdateNode, existing: Item | undefined, key: Item): UpdateResult {
  return applyUpdate(update, existing, key);
}
