/**
 * The expression limits DynamoDB enforces beyond the 4 KB expression size (parser.ts): the
 * number of operators and functions, placeholder key length, document path depth and list
 * indexes. One home for each limit and its message.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters
 *
 * Base texts are DynamoDB's own (DynamoDB Local's DbValidationError enum: "The expression
 * contains too many operators", "The expression attribute map contains a key that is too long",
 * "The document path has too many nesting levels", "List index is not within the allowable
 * range"); the details after ';' are as AWS was seen to answer (aws-sdk-js#3721, scylladb#14473,
 * emulators' captures), except the nesting-level detail, which no source quotes.
 */
import type { ConditionNode, Operand, SetValue, UpdateNode, UpdateOperand } from './ast.ts';

/** "The maximum number of operators or functions allowed in an UpdateExpression is 300" (and AWS counts other expressions alike). */
export const MAX_OPERATORS = 300;
/** "The maximum length of ... an expression attribute name or value placeholder is 255 bytes" (measured with its # or :). */
export const MAX_PLACEHOLDER_KEY_BYTES = 255;
/** Document paths nest at most 32 levels. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-attributes */
export const MAX_PATH_DEPTH = 32;
/** List indexes are 32-bit signed integers. */
export const MAX_LIST_INDEX = 2_147_483_647;

export const LIMIT_MESSAGES = {
  /** AWS stops counting at the first operator over the limit, so the count it reports is always 301. */
  operators: `The expression contains too many operators; operator count: ${MAX_OPERATORS + 1}`,
  nameKey: (bytes: number) =>
    `ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; size of key: ${bytes}`,
  // Captured without the size detail on operations whose messages carry no "1 validation error" prefix.
  valueKey: 'ExpressionAttributeValues contains invalid key: The expression attribute map contains a key that is too long;',
  pathDepth: (levels: number) => `The document path has too many nesting levels; nesting levels: ${levels}`,
  listIndex: (index: string) => `List index is not within the allowable range; index: [${index}]`,
} as const;

/** True when an Integer token's text is a list index DynamoDB accepts. */
export function listIndexInRange(text: string): boolean {
  return text.length <= 10 && Number(text) <= MAX_LIST_INDEX;
}

/**
 * The operators and functions of a condition or update: comparators, BETWEEN, IN, AND, OR, NOT,
 * functions (size, begins_with...), and in updates `+`, `-`, if_not_exists and list_append.
 * Iterative, so the count costs no stack however the expression nests.
 */
export function countOperators(root: ConditionNode | UpdateNode): number {
  let count = 0;
  const stack: (ConditionNode | UpdateNode | Operand | UpdateOperand | SetValue)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'Update':
        for (const action of node.actions) if (action.kind === 'Set') stack.push(action.value);
        break;
      case 'And':
      case 'Or':
        count++;
        stack.push(node.left, node.right);
        break;
      case 'Not':
        count++;
        stack.push(node.operand);
        break;
      case 'Comparison':
        count++;
        stack.push(node.left, node.right);
        break;
      case 'Between':
        count++;
        stack.push(node.operand, node.low, node.high);
        break;
      case 'In':
        count++;
        stack.push(node.operand, ...node.candidates);
        break;
      case 'Function':
        count++;
        stack.push(...node.args);
        break;
      case 'Size':
        count++;
        stack.push(node.operand);
        break;
      case 'Arithmetic':
      case 'ListAppend':
        count++;
        stack.push(node.left, node.right);
        break;
      case 'IfNotExists':
        count++;
        stack.push(node.fallback);
        break;
      default:
        break;
    }
  }
  return count;
}
