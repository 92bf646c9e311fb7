/**
 * The operations' one door into the expressions module: compile a request's expressions once
 * during validation, then evaluate them against items. Kept in one file so that the operations
 * do not depend on the expression module's internals.
 */
import {
  applyProjection,
  applyUpdate,
  compileExpressions,
  evaluateCondition,
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

/**
 * Parses every expression of the request and checks the placeholders (phase two); stores the
 * result on the request so that the action does not parse again.
 */
export function compileRequestExpressions(
  request: Record<string, unknown>,
  supported: readonly ExpressionParameter[],
): CompiledExpressions {
  const compiled = compileExpressions({
    ConditionExpression: request.ConditionExpression as string | undefined,
    KeyConditionExpression: request.KeyConditionExpression as string | undefined,
    FilterExpression: request.FilterExpression as string | undefined,
    ProjectionExpression: request.ProjectionExpression as string | undefined,
    UpdateExpression: request.UpdateExpression as string | undefined,
    ExpressionAttributeNames: request.ExpressionAttributeNames as Record<string, string> | undefined,
    ExpressionAttributeValues: request.ExpressionAttributeValues as Item | undefined,
  }, supported);
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
