/**
 * Evaluates a parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression)
 * against an item. A missing attribute makes every comparison false except `<>`, as in DynamoDB;
 * comparisons between different types are false rather than errors.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
import type { AttributeValue, Item } from '../values/attribute-value.ts';
import { compareForCondition, decodeBase64, valuesEqual } from '../values/compare.ts';
import { attributeTypeOf } from '../values/validate.ts';
import type { Comparator, ConditionNode, Operand, PathElement } from './ast.ts';

/** The value at a document path, or undefined when any step is missing or of the wrong type. */
export function resolvePath(item: Item | undefined, elements: readonly PathElement[]): AttributeValue | undefined {
  if (item === undefined) return undefined;
  let current: AttributeValue | undefined = item[elements[0] as string];
  for (let i = 1; i < elements.length && current !== undefined; i++) {
    const step = elements[i]!;
    if (typeof step === 'number') current = 'L' in current ? current.L[step] : undefined;
    else current = 'M' in current ? current.M[step] : undefined;
  }
  return current;
}

function sizeOf(v: AttributeValue | undefined): AttributeValue | undefined {
  if (v === undefined) return undefined;
  let n: number;
  // Strings count UTF-16 code units, like the Java String.length() DynamoDB is built on (and dynalite).
  if ('S' in v) n = v.S.length;
  else if ('B' in v) n = decodeBase64(v.B).length;
  else if ('SS' in v) n = v.SS.length;
  else if ('NS' in v) n = v.NS.length;
  else if ('BS' in v) n = v.BS.length;
  else if ('L' in v) n = v.L.length;
  else if ('M' in v) n = Object.keys(v.M).length;
  else return undefined;
  return { N: String(n) };
}

function operandValue(operand: Operand, item: Item | undefined): AttributeValue | undefined {
  switch (operand.kind) {
    case 'Path':
      return resolvePath(item, operand.elements);
    case 'Value':
      return operand.value;
    case 'Size':
      return sizeOf(operandValue(operand.operand, item));
  }
}

function startsWithBytes(whole: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > whole.length) return false;
  for (let i = 0; i < prefix.length; i++) if (whole[i] !== prefix[i]) return false;
  return true;
}

function includesBytes(whole: Uint8Array, part: Uint8Array): boolean {
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

function beginsWith(v: AttributeValue | undefined, prefix: AttributeValue | undefined): boolean {
  if (v === undefined || prefix === undefined) return false;
  if ('S' in v && 'S' in prefix) return v.S.startsWith(prefix.S);
  if ('B' in v && 'B' in prefix) return startsWithBytes(decodeBase64(v.B), decodeBase64(prefix.B));
  return false;
}

function contains(v: AttributeValue | undefined, part: AttributeValue | undefined): boolean {
  if (v === undefined || part === undefined) return false;
  if ('S' in v) return 'S' in part && v.S.includes(part.S);
  if ('B' in v) return 'B' in part && includesBytes(decodeBase64(v.B), decodeBase64(part.B));
  if ('SS' in v) return 'S' in part && v.SS.includes(part.S);
  if ('NS' in v) return 'N' in part && v.NS.some((n) => valuesEqual({ N: n }, part));
  if ('BS' in v) return 'B' in part && v.BS.some((b) => valuesEqual({ B: b }, part));
  if ('L' in v) return v.L.some((element) => valuesEqual(element, part));
  return false;
}

function compare(operator: Comparator, left: AttributeValue | undefined, right: AttributeValue | undefined): boolean {
  if (operator === '<>') return left === undefined || right === undefined || !valuesEqual(left, right);
  if (left === undefined || right === undefined) return false;
  if (operator === '=') return valuesEqual(left, right);
  const order = compareForCondition(left, right);
  if (order === undefined) return false;
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/** True when the item (undefined when there is none) satisfies the condition. */
export function evaluateCondition(condition: ConditionNode, item: Item | undefined): boolean {
  switch (condition.kind) {
    case 'And':
      return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case 'Or':
      return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
    case 'Not':
      return !evaluateCondition(condition.operand, item);
    case 'Comparison':
      return compare(condition.operator, operandValue(condition.left, item), operandValue(condition.right, item));
    case 'Between': {
      const v = operandValue(condition.operand, item);
      const low = operandValue(condition.low, item);
      const high = operandValue(condition.high, item);
      if (v === undefined || low === undefined || high === undefined) return false;
      const aboveLow = compareForCondition(v, low);
      const belowHigh = compareForCondition(v, high);
      return aboveLow !== undefined && belowHigh !== undefined && aboveLow >= 0 && belowHigh <= 0;
    }
    case 'In': {
      const v = operandValue(condition.operand, item);
      if (v === undefined) return false;
      return condition.candidates.some((c) => {
        const candidate = operandValue(c, item);
        return candidate !== undefined && valuesEqual(v, candidate);
      });
    }
    case 'Function': {
      const [first, second] = condition.args;
      switch (condition.name) {
        case 'attribute_exists':
          return operandValue(first!, item) !== undefined;
        case 'attribute_not_exists':
          return operandValue(first!, item) === undefined;
        case 'attribute_type': {
          const v = operandValue(first!, item);
          const type = operandValue(second!, item);
          return v !== undefined && type !== undefined && 'S' in type && attributeTypeOf(v) === type.S;
        }
        case 'begins_with':
          return beginsWith(operandValue(first!, item), operandValue(second!, item));
        case 'contains':
          return contains(operandValue(first!, item), operandValue(second!, item));
      }
    }
  }
}

/** The top-level attribute names a condition reads (Query refuses key attributes in a filter). */
export function conditionAttributeNames(condition: ConditionNode): Set<string> {
  const names = new Set<string>();
  const visitOperand = (operand: Operand): void => {
    if (operand.kind === 'Path') names.add(operand.elements[0] as string);
    else if (operand.kind === 'Size') visitOperand(operand.operand);
  };
  const stack: ConditionNode[] = [condition];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'And':
      case 'Or':
        stack.push(node.left, node.right);
        break;
      case 'Not':
        stack.push(node.operand);
        break;
      case 'Comparison':
        visitOperand(node.left);
        visitOperand(node.right);
        break;
      case 'Between':
        [node.operand, node.low, node.high].forEach(visitOperand);
        break;
      case 'In':
        [node.operand, ...node.candidates].forEach(visitOperand);
        break;
      case 'Function':
        node.args.forEach(visitOperand);
        break;
    }
  }
  return names;
}
