/**
 * The pre-expression ("legacy") request parameters and DynamoDB's rule that a request may not mix
 * them with expressions.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 */
import { ValidationException } from '../errors.ts';

export const LEGACY_PARAMETERS = [
  'AttributesToGet',
  'AttributeUpdates',
  'ConditionalOperator',
  'Expected',
  'KeyConditions',
  'QueryFilter',
  'ScanFilter',
] as const;

export type LegacyParameter = (typeof LEGACY_PARAMETERS)[number];

/**
 * Refuses a request that sets both expression and non-expression parameters, with AWS's
 * message. Pass the parameters the operation knows, in the order AWS names them (dynalite's
 * order): e.g. Query: ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'] and
 * ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'].
 * As in DynamoDB, KeyConditions alongside other expressions but without a
 * KeyConditionExpression is not counted as mixing.
 */
export function checkExpressionParameterMix(
  request: Readonly<Record<string, unknown>>,
  expressionParameters: readonly string[],
  legacyParameters: readonly string[],
): void {
  const expressions = expressionParameters.filter((p) => request[p] != null);
  if (expressions.length === 0) return;
  let legacy = legacyParameters.filter((p) => request[p] != null);
  if (request['KeyConditions'] != null && request['KeyConditionExpression'] == null) {
    legacy = legacy.filter((p) => p !== 'KeyConditions');
  }
  if (legacy.length > 0) {
    throw new ValidationException(
      `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${legacy.join(', ')}} Expression parameters: {${expressions.join(', ')}}`,
    );
  }
}
