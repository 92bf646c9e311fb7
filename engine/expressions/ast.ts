/**
 * The syntax trees of the five expression kinds. Nodes are tagged with `kind`. Placeholders are
 * already resolved: paths hold real attribute names and values hold the AttributeValues from
 * ExpressionAttributeValues, so evaluation never looks at the request again.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
import type { AttributeValue } from '../values/attribute-value.ts';

/** One step of a document path: a map member (or top-level attribute) name, or a list index. */
export type PathElement = string | number;

/** a.b[0].c, resolved: ['a', 'b', 0, 'c']. The first element is always a name. */
export interface PathNode {
  readonly kind: 'Path';
  readonly elements: readonly PathElement[];
}

/** A :value placeholder and the value it stands for. */
export interface ValueNode {
  readonly kind: 'Value';
  readonly name: string;
  readonly value: AttributeValue;
}

/** size(path): the only function that yields an operand in conditions. */
export interface SizeNode {
  readonly kind: 'Size';
  readonly operand: Operand;
}

export type Operand = PathNode | ValueNode | SizeNode;

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export interface ComparisonNode {
  readonly kind: 'Comparison';
  readonly operator: Comparator;
  readonly left: Operand;
  readonly right: Operand;
}

export interface BetweenNode {
  readonly kind: 'Between';
  readonly operand: Operand;
  readonly low: Operand;
  readonly high: Operand;
}

export interface InNode {
  readonly kind: 'In';
  readonly operand: Operand;
  readonly candidates: readonly Operand[];
}

export interface AndNode {
  readonly kind: 'And';
  readonly left: ConditionNode;
  readonly right: ConditionNode;
}

export interface OrNode {
  readonly kind: 'Or';
  readonly left: ConditionNode;
  readonly right: ConditionNode;
}

export interface NotNode {
  readonly kind: 'Not';
  readonly operand: ConditionNode;
}

export type ConditionFunctionName = 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';

/** A function that yields true or false: attribute_exists(a), begins_with(a, :p), ... */
export interface FunctionNode {
  readonly kind: 'Function';
  readonly name: ConditionFunctionName;
  readonly args: readonly Operand[];
}

export type ConditionNode = ComparisonNode | BetweenNode | InNode | AndNode | OrNode | NotNode | FunctionNode;

/** if_not_exists(path, value) */
export interface IfNotExistsNode {
  readonly kind: 'IfNotExists';
  readonly path: PathNode;
  readonly fallback: UpdateOperand;
}

/** list_append(a, b) */
export interface ListAppendNode {
  readonly kind: 'ListAppend';
  readonly left: UpdateOperand;
  readonly right: UpdateOperand;
}

export type UpdateOperand = PathNode | ValueNode | IfNotExistsNode | ListAppendNode;

/** a + b or a - b on the right of SET. */
export interface ArithmeticNode {
  readonly kind: 'Arithmetic';
  readonly operator: '+' | '-';
  readonly left: UpdateOperand;
  readonly right: UpdateOperand;
}

export type SetValue = UpdateOperand | ArithmeticNode;

export interface SetAction {
  readonly kind: 'Set';
  readonly path: PathNode;
  readonly value: SetValue;
}

export interface RemoveAction {
  readonly kind: 'Remove';
  readonly path: PathNode;
}

export interface AddAction {
  readonly kind: 'Add';
  readonly path: PathNode;
  readonly value: ValueNode;
}

export interface DeleteAction {
  readonly kind: 'Delete';
  readonly path: PathNode;
  readonly value: ValueNode;
}

export type UpdateAction = SetAction | RemoveAction | AddAction | DeleteAction;

/** A whole UpdateExpression: its actions in source order. */
export interface UpdateNode {
  readonly kind: 'Update';
  readonly actions: readonly UpdateAction[];
}

/** A ProjectionExpression: the paths to keep. */
export interface ProjectionNode {
  readonly kind: 'Projection';
  readonly paths: readonly PathNode[];
}

/** Formats a path as DynamoDB prints it in messages: [a, b, [0], c]. */
export function formatPath(path: PathNode | readonly PathElement[]): string {
  const elements = 'kind' in path ? path.elements : path;
  return `[${elements.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join(', ')}]`;
}
