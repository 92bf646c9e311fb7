/**
 * A recursive-descent parser for all five expression kinds, with DynamoDB's error texts.
 *
 * Like DynamoDB (and dynalite, whose grammar this follows), a syntax error stops the parse at
 * once, while semantic problems (reserved words, undefined placeholders, wrong operand types,
 * overlapping paths, ...) are collected by category during the parse and the first one in
 * DynamoDB's priority order is reported after it. Placeholders are resolved here, and the ones
 * used are recorded in the shared context so unused ones can be reported across all the
 * expressions of a request.
 *
 * Recursion is bounded: every nested parenthesis or NOT costs one level of a fixed budget, so no
 * input can exhaust the stack. Within DynamoDB's 4 KB expression limit the budget is never
 * reached by an expression without redundant parentheses.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
import { DynamoDBError, ValidationException } from '../errors.ts';
import type { AttributeValue } from '../values/attribute-value.ts';
import { compareForCondition } from '../values/compare.ts';
import { utf8ByteLength } from '../values/item-size.ts';
import { attributeTypeOf } from '../values/validate.ts';
import type {
  Comparator,
  ConditionFunctionName,
  ConditionNode,
  Operand,
  PathElement,
  PathNode,
  ProjectionNode,
  SetValue,
  UpdateAction,
  UpdateNode,
  UpdateOperand,
  ValueNode,
} from './ast.ts';
import { formatPath } from './ast.ts';
import { tokenize, type Token } from './lexer.ts';
import { countOperators, LIMIT_MESSAGES, listIndexInRange, MAX_OPERATORS, MAX_PATH_DEPTH } from './limits.ts';
import { isReservedWord } from './reserved-words.ts';

/** The request parameter an expression came from; it prefixes every message. */
export type ExpressionParameter = 'ConditionExpression' | 'KeyConditionExpression' | 'FilterExpression' | 'ProjectionExpression' | 'UpdateExpression';

/** The placeholders of one request, shared by all its expressions. */
export interface PlaceholderContext {
  readonly names: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, AttributeValue>>;
  readonly usedNames: Set<string>;
  readonly usedValues: Set<string>;
}

/** https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters */
export const MAX_EXPRESSION_BYTES = 4096;
export const MAX_IN_OPERANDS = 100;
/** Nesting budget (parentheses and NOTs); see the module comment. */
export const MAX_NESTING = 1024;

const CONDITION_FUNCTIONS: Readonly<Record<string, number>> = {
  attribute_exists: 1,
  attribute_not_exists: 1,
  attribute_type: 2,
  begins_with: 2,
  contains: 2,
  size: 1,
};
const UPDATE_FUNCTIONS: Readonly<Record<string, number>> = { if_not_exists: 2, list_append: 2 };
const ATTRIBUTE_TYPE_NAMES = ['S', 'N', 'B', 'NULL', 'SS', 'BOOL', 'L', 'BS', 'NS', 'M'];
const CONDITION_KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);
const UPDATE_KEYWORDS = new Set(['SET', 'REMOVE', 'ADD', 'DELETE']);

/** Semantic error categories, in the order DynamoDB reports them. */
/**
 * In conditions, placeholder, operand-count, distinctness and type errors are settled per
 * condition: when a comparison or function ends, the first of them recorded so far becomes the
 * 'condition' error (dynalite's checkConditionErrors), so the earliest faulty condition wins.
 */
const CONDITION_LEVEL_ORDER = ['attrNameVal', 'operand', 'distinct', 'function'] as const;
const CONDITION_ERROR_ORDER = ['parens', 'unknownFunction', 'misusedFunction', 'reserved', 'condition', ...CONDITION_LEVEL_ORDER] as const;
const UPDATE_ERROR_ORDER = [
  'reserved',
  'unknownFunction',
  'misusedFunction',
  'section',
  'attrName',
  'attrVal',
  'pathOverlap',
  'pathConflict',
  'operand',
  'function',
] as const;
const PROJECTION_ERROR_ORDER = ['reserved', 'attrName', 'pathOverlap', 'pathConflict'] as const;

type ErrorCategory = (typeof CONDITION_ERROR_ORDER)[number] | (typeof UPDATE_ERROR_ORDER)[number] | (typeof PROJECTION_ERROR_ORDER)[number];

/** Thrown inside the parser to unwind on a syntax error; turned into a ValidationException. */
class SyntaxFailure {
  constructor(readonly message: string) {}
}

/** An operand while the parser does not yet know whether it stands alone or in a comparison. */
interface CallNode {
  readonly kind: 'Call';
  readonly name: string;
  readonly args: readonly ParsedOperand[];
}
type ParsedOperand = Operand | CallNode | UpdateOperand;
type Parsed = ConditionNode | ParsedOperand;

const PLACEHOLDER_VALUE: AttributeValue = { NULL: true };

function isOperandNode(node: Parsed): node is ParsedOperand {
  return (
    node.kind === 'Path' || node.kind === 'Value' || node.kind === 'Size' || node.kind === 'Call' || node.kind === 'IfNotExists' || node.kind === 'ListAppend'
  );
}

/** A value's type for type checks at parse time: known for :values and size(), else unknown. */
function staticType(node: ParsedOperand): string | undefined {
  if (node.kind === 'Value') return node.value === PLACEHOLDER_VALUE ? undefined : attributeTypeOf(node.value);
  if (node.kind === 'Size') return 'N';
  return undefined;
}

function formatValue(v: AttributeValue): string {
  const type = attributeTypeOf(v);
  const inner = (v as Record<string, unknown>)[type];
  return `{${type}:${Array.isArray(inner) ? `[${inner.join(', ')}]` : String(inner)}}`;
}

function samePath(a: ParsedOperand, b: ParsedOperand): boolean {
  if (a.kind !== 'Path' || b.kind !== 'Path' || a.elements.length !== b.elements.length) return false;
  return a.elements.every((e, i) => e === b.elements[i]);
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;
  private readonly errors = new Map<ErrorCategory, string>();
  /** Nodes that were written inside their own parentheses, to spot "((...))". */
  private readonly wrapped = new WeakSet<object>();
  /** Target paths of an update or the paths of a projection, for overlap checks. */
  private readonly paths: PathNode[] = [];

  constructor(
    private readonly source: string,
    private readonly parameter: ExpressionParameter,
    private readonly context: PlaceholderContext,
  ) {
    this.tokens = tokenize(source);
  }

  // ---- token helpers ------------------------------------------------------------------------

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private advance(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  private isPunctuator(text: string, token = this.peek()): boolean {
    return token.kind === 'Punctuator' && token.text === text;
  }

  private isKeyword(word: string, token = this.peek()): boolean {
    return token.kind === 'Identifier' && token.text.toUpperCase() === word;
  }

  /** `Syntax error; token: "<token>", near: "<previous token through next token>"`, as DynamoDB prints it. */
  private syntaxError(index = this.pos): SyntaxFailure {
    const token = this.tokens[Math.min(index, this.tokens.length - 1)]!;
    const previous = index > 0 ? this.tokens[index - 1] : undefined;
    const next = this.tokens[index + 1];
    const from = previous ? previous.start : token.start;
    let to: number;
    if (token.kind === 'EOF') to = previous ? previous.end : token.end;
    else to = next && next.kind !== 'EOF' ? next.end : token.end;
    return new SyntaxFailure(`Syntax error; token: "${token.text}", near: "${this.source.slice(from, to)}"`);
  }

  private expectPunctuator(text: string): Token {
    if (!this.isPunctuator(text)) throw this.syntaxError();
    return this.advance();
  }

  private record(category: ErrorCategory, message: string): void {
    if (!this.errors.has(category)) this.errors.set(category, message);
  }

  /** Ends one condition: see CONDITION_LEVEL_ORDER. */
  private settle<T>(node: T): T {
    if (this.errors.has('condition')) return node;
    for (const category of CONDITION_LEVEL_ORDER) {
      const message = this.errors.get(category);
      if (message !== undefined) {
        this.errors.set('condition', message);
        break;
      }
    }
    return node;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) {
      if (this.isPunctuator('(')) throw new SyntaxFailure('The expression has redundant parentheses;');
      throw this.syntaxError();
    }
  }

  private leave(): void {
    this.depth--;
  }

  /** Runs a parse and turns the outcome into the node or the ValidationException DynamoDB gives. */
  run<T>(parse: () => T, order: readonly ErrorCategory[]): T {
    let result: T;
    try {
      result = parse();
    } catch (e) {
      if (e instanceof SyntaxFailure) throw new ValidationException(`Invalid ${this.parameter}: ${e.message}`);
      if (e instanceof DynamoDBError) throw e;
      // Stack exhaustion, which the nesting budget should make impossible: refuse the expression
      // as DynamoDB refuses over-nested ones rather than fail the request with a 500.
      if (e instanceof RangeError) {
        throw new ValidationException(`Invalid ${this.parameter}: The expression has redundant parentheses;`);
      }
      throw e;
    }
    for (const category of order) {
      const message = this.errors.get(category);
      if (message !== undefined) throw new ValidationException(`Invalid ${this.parameter}: ${message}`);
    }
    return result;
  }

  // ---- shared pieces ------------------------------------------------------------------------

  /**
   * PathElementName : Identifier | NamePlaceholder
   */
  private parsePathName(keywords: ReadonlySet<string>): string {
    const token = this.peek();
    if (token.kind === 'NamePlaceholder') {
      this.advance();
      const name = this.context.names[token.text];
      if (name === undefined) {
        this.record(
          this.parameter === 'UpdateExpression' || this.parameter === 'ProjectionExpression' ? 'attrName' : 'attrNameVal',
          `An expression attribute name used in the document path is not defined; attribute name: ${token.text}`,
        );
        return token.text;
      }
      this.context.usedNames.add(token.text);
      return name;
    }
    if (token.kind === 'Identifier' && !keywords.has(token.text.toUpperCase())) {
      this.advance();
      if (isReservedWord(token.text)) {
        this.record('reserved', `Attribute name is a reserved keyword; reserved keyword: ${token.text}`);
      }
      return token.text;
    }
    throw this.syntaxError();
  }

  /**
   * DocumentPath : PathElementName ( '.' PathElementName | '[' Integer ']' )*
   */
  private parsePath(keywords: ReadonlySet<string>): PathNode {
    const elements: PathElement[] = [this.parsePathName(keywords)];
    for (;;) {
      if (this.isPunctuator('.')) {
        this.advance();
        elements.push(this.parsePathName(keywords));
      } else if (this.isPunctuator('[')) {
        this.advance();
        const index = this.peek();
        if (index.kind !== 'Integer') throw this.syntaxError();
        if (!listIndexInRange(index.text)) throw new SyntaxFailure(LIMIT_MESSAGES.listIndex(index.text));
        this.advance();
        this.expectPunctuator(']');
        elements.push(Number(index.text));
      } else break;
    }
    if (elements.length > MAX_PATH_DEPTH) throw new SyntaxFailure(LIMIT_MESSAGES.pathDepth(elements.length));
    return { kind: 'Path', elements };
  }

  /**
   * ValuePlaceholder : ':' [A-Za-z0-9_]+
   */
  private parseValue(): ValueNode {
    const token = this.advance();
    const value = this.context.values[token.text];
    if (value === undefined) {
      this.record(
        this.parameter === 'UpdateExpression' ? 'attrVal' : 'attrNameVal',
        `An expression attribute value used in expression is not defined; attribute value: ${token.text}`,
      );
      return { kind: 'Value', name: token.text, value: PLACEHOLDER_VALUE };
    }
    this.context.usedValues.add(token.text);
    return { kind: 'Value', name: token.text, value };
  }

  /** Records an overlap or conflict between this path and any earlier one. */
  private checkPathOverlap(path: PathNode): void {
    for (const earlier of this.paths) {
      const a = earlier.elements;
      const b = path.elements;
      let conflict = false;
      let prefix = true;
      for (let i = 0; i < a.length && i < b.length; i++) {
        if (typeof a[i] !== typeof b[i]) {
          conflict = true;
          break;
        }
        if (a[i] !== b[i]) {
          prefix = false;
          break;
        }
      }
      const detail = `must remove or rewrite one of these paths; path one: ${formatPath(earlier)}, path two: ${formatPath(path)}`;
      if (conflict) {
        this.record('pathConflict', `Two document paths conflict with each other; ${detail}`);
        return;
      }
      if (prefix) {
        this.record('pathOverlap', `Two document paths overlap with each other; ${detail}`);
        return;
      }
    }
    this.paths.push(path);
  }

  // ---- conditions ---------------------------------------------------------------------------

  /**
   * ConditionExpression : OrCondition EOF
   */
  parseConditionExpression(): ConditionNode {
    const node = this.parseOr();
    if (this.peek().kind !== 'EOF' || isOperandNode(node)) throw this.syntaxError();
    return node;
  }

  /**
   * OrCondition : AndCondition ( 'OR' AndCondition )*
   */
  private parseOr(): Parsed {
    let left = this.parseAnd();
    while (this.isKeyword('OR')) {
      if (isOperandNode(left)) throw this.syntaxError();
      this.advance();
      const right = this.parseAnd();
      if (isOperandNode(right)) throw this.syntaxError();
      left = { kind: 'Or', left, right };
    }
    return left;
  }

  /**
   * AndCondition : NotCondition ( 'AND' NotCondition )*
   */
  private parseAnd(): Parsed {
    let left = this.parseNot();
    while (this.isKeyword('AND')) {
      if (isOperandNode(left)) throw this.syntaxError();
      this.advance();
      const right = this.parseNot();
      if (isOperandNode(right)) throw this.syntaxError();
      left = { kind: 'And', left, right };
    }
    return left;
  }

  /**
   * NotCondition : 'NOT' NotCondition | PrimaryCondition
   */
  private parseNot(): Parsed {
    if (!this.isKeyword('NOT')) return this.parsePrimary();
    this.advance();
    this.enter();
    const operand = this.parseNot();
    this.leave();
    if (isOperandNode(operand)) throw this.syntaxError();
    return { kind: 'Not', operand };
  }

  /**
   * PrimaryCondition :
   *     '(' OrCondition ')'
   *   | Operand Comparator Operand
   *   | Operand 'BETWEEN' Operand 'AND' Operand
   *   | Operand 'IN' '(' Operand ( ',' Operand )* ')'
   *   | Function
   *
   * A parenthesised group may hold a bare operand, "(a) = :v", so a group's content is parsed
   * first and the comparison completed after the closing parenthesis.
   */
  private parsePrimary(): Parsed {
    let left: Parsed;
    if (this.isPunctuator('(')) {
      this.enter();
      this.advance();
      const inner = this.parseOr();
      this.expectPunctuator(')');
      this.leave();
      if (this.wrapped.has(inner)) this.record('parens', 'The expression has redundant parentheses;');
      this.wrapped.add(inner);
      if (!isOperandNode(inner)) return inner;
      left = inner;
    } else {
      left = this.parseOperand(CONDITION_KEYWORDS);
    }
    return this.parseComparisonTail(left);
  }

  /** What may follow an operand: a comparator, BETWEEN or IN; otherwise the operand stands alone. */
  private parseComparisonTail(left: ParsedOperand): Parsed {
    const token = this.peek();
    if (token.kind === 'Punctuator' && ['=', '<>', '<', '<=', '>', '>='].includes(token.text)) {
      this.advance();
      const right = this.parseOperandParens(CONDITION_KEYWORDS);
      const operator = token.text as Comparator;
      const l = this.toConditionOperand(left);
      const r = this.toConditionOperand(right);
      if (samePath(l, r)) {
        this.record(
          'distinct',
          `The first operand must be distinct from the remaining operands for this operator or function; operator: ${operator}, first operand: ${formatPath(l as PathNode)}`,
        );
      }
      if (operator !== '=' && operator !== '<>') {
        this.checkOperandTypes(operator, [l, r], ['S', 'N', 'B']);
      }
      return this.settle<ConditionNode>({ kind: 'Comparison', operator, left: l, right: r });
    }
    if (this.isKeyword('BETWEEN')) {
      this.advance();
      const low = this.toConditionOperand(this.parseOperandParens(CONDITION_KEYWORDS));
      if (!this.isKeyword('AND')) throw this.syntaxError();
      this.advance();
      const high = this.toConditionOperand(this.parseOperandParens(CONDITION_KEYWORDS));
      const operand = this.toConditionOperand(left);
      this.checkOperandTypes('BETWEEN', [operand, low, high], ['S', 'N', 'B']);
      this.checkBetweenBounds(low, high);
      return this.settle<ConditionNode>({ kind: 'Between', operand, low, high });
    }
    if (this.isKeyword('IN')) {
      this.advance();
      this.expectPunctuator('(');
      const candidates: Operand[] = [this.toConditionOperand(this.parseOperandParens(CONDITION_KEYWORDS))];
      while (this.isPunctuator(',')) {
        this.advance();
        candidates.push(this.toConditionOperand(this.parseOperandParens(CONDITION_KEYWORDS)));
      }
      this.expectPunctuator(')');
      if (candidates.length > MAX_IN_OPERANDS) {
        this.record('operand', `The IN operator is provided with too many operands; number of operands: ${candidates.length}`);
      }
      return this.settle<ConditionNode>({ kind: 'In', operand: this.toConditionOperand(left), candidates });
    }
    const insideGroup = this.depth > 0 && this.isPunctuator(')');
    if (left.kind === 'Call' && !(insideGroup && !(left.name in CONDITION_FUNCTIONS && left.name !== 'size'))) {
      return this.settle(this.toConditionFunction(left));
    }
    // A bare operand is only acceptable as the content of a parenthesised group.
    if (insideGroup) return left;
    throw this.syntaxError();
  }

  /**
   * OperandParens : '(' OperandParens ')' | Operand
   */
  private parseOperandParens(keywords: ReadonlySet<string>): ParsedOperand {
    if (!this.isPunctuator('(')) return this.parseOperand(keywords);
    this.enter();
    this.advance();
    const inner = this.parseOperandParens(keywords);
    this.expectPunctuator(')');
    this.leave();
    if (this.wrapped.has(inner)) this.record('parens', 'The expression has redundant parentheses;');
    this.wrapped.add(inner);
    return inner;
  }

  /**
   * Operand : ValuePlaceholder | FunctionCall | DocumentPath
   * FunctionCall : Identifier '(' OperandParens ( ',' OperandParens )* ')'
   */
  private parseOperand(keywords: ReadonlySet<string>): ParsedOperand {
    const token = this.peek();
    if (token.kind === 'ValuePlaceholder') return this.parseValue();
    if (token.kind === 'Identifier' && !keywords.has(token.text.toUpperCase()) && this.isPunctuator('(', this.peek(1))) {
      this.advance();
      this.advance();
      this.enter();
      const args: ParsedOperand[] = [this.parseOperandParens(keywords)];
      while (this.isPunctuator(',')) {
        this.advance();
        args.push(this.parseOperandParens(keywords));
      }
      this.expectPunctuator(')');
      this.leave();
      return { kind: 'Call', name: token.text, args };
    }
    return this.parsePath(keywords);
  }

  /** Checks a function call's name and operand count; false when it cannot be used further. */
  private checkCall(call: CallNode, known: Readonly<Record<string, number>>): boolean {
    const arity = known[call.name];
    if (arity === undefined) {
      if (call.name in CONDITION_FUNCTIONS || call.name in UPDATE_FUNCTIONS) {
        this.record('misusedFunction', `The function is not allowed to be used this way in an expression; function: ${call.name}`);
      } else {
        this.record('unknownFunction', `Invalid function name; function: ${call.name}`);
      }
      return false;
    }
    if (arity !== call.args.length) {
      this.record(
        this.parameter === 'UpdateExpression' ? 'function' : 'operand',
        `Incorrect number of operands for operator or function; operator or function: ${call.name}, number of operands: ${call.args.length}`,
      );
      return false;
    }
    return true;
  }

  /** An operand in a condition: size() is the only function allowed there. */
  private toConditionOperand(node: ParsedOperand): Operand {
    if (node.kind === 'Path' || node.kind === 'Value' || node.kind === 'Size') return node;
    if (node.kind === 'Call' && node.name === 'size') {
      const args = node.args.map((a) => this.toConditionOperand(a));
      if (!this.checkCall(node, CONDITION_FUNCTIONS)) return { kind: 'Value', name: '', value: PLACEHOLDER_VALUE };
      const operand = args[0]!;
      const type = staticType(operand);
      if (type === 'N' || type === 'BOOL' || type === 'NULL') {
        this.record('function', `Incorrect operand type for operator or function; operator or function: size, operand type: ${type}`);
      }
      const size = { kind: 'Size', operand } as const;
      if (this.wrapped.has(node)) this.wrapped.add(size);
      return size;
    }
    if (node.kind === 'Call') {
      for (const a of node.args) this.toConditionOperand(a);
      if (node.name in CONDITION_FUNCTIONS || node.name in UPDATE_FUNCTIONS) {
        this.record('misusedFunction', `The function is not allowed to be used this way in an expression; function: ${node.name}`);
      } else {
        this.record('unknownFunction', `Invalid function name; function: ${node.name}`);
      }
    }
    return { kind: 'Value', name: '', value: PLACEHOLDER_VALUE };
  }

  /** A function standing as a condition: attribute_exists(a), begins_with(a, :p), ... */
  private toConditionFunction(call: CallNode): ConditionNode {
    const args = call.args.map((a) => this.toConditionOperand(a));
    const fallback: ConditionNode = { kind: 'Function', name: 'attribute_exists', args };
    if (call.name === 'size') {
      this.record('misusedFunction', 'The function is not allowed to be used this way in an expression; function: size');
      return fallback;
    }
    if (!this.checkCall(call, CONDITION_FUNCTIONS)) return fallback;
    const name = call.name as ConditionFunctionName;
    if (args.length === 2 && samePath(args[0]!, args[1]!)) {
      this.record(
        'distinct',
        `The first operand must be distinct from the remaining operands for this operator or function; operator: ${name}, first operand: ${formatPath(args[0] as PathNode)}`,
      );
    }
    switch (name) {
      case 'attribute_exists':
      case 'attribute_not_exists':
        if (args[0]!.kind !== 'Path') {
          this.record('function', `Operator or function requires a document path; operator or function: ${name}`);
        }
        break;
      case 'begins_with':
        this.checkOperandTypes(name, args, ['S', 'B']);
        break;
      case 'attribute_type': {
        const typeArg = args[1]!;
        const type = staticType(typeArg);
        if (type !== 'S') {
          this.record(
            'function',
            `Incorrect operand type for operator or function; operator or function: attribute_type, operand type: ${type ?? '{NS,SS,L,BS,N,M,B,BOOL,NULL,S}'}`,
          );
        } else if (typeArg.kind === 'Value' && 'S' in typeArg.value && !ATTRIBUTE_TYPE_NAMES.includes(typeArg.value.S)) {
          this.record('function', `Invalid attribute type name found; type: ${typeArg.value.S}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`);
        }
        break;
      }
      case 'contains':
        break;
    }
    return { kind: 'Function', name, args };
  }

  private checkOperandTypes(operator: string, operands: readonly ParsedOperand[], allowed: readonly string[]): void {
    for (const operand of operands) {
      const type = staticType(operand);
      if (type !== undefined && !allowed.includes(type)) {
        this.record('function', `Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`);
        return;
      }
    }
  }

  private checkBetweenBounds(low: Operand, high: Operand): void {
    if (low.kind !== 'Value' || high.kind !== 'Value') return;
    if (low.value === PLACEHOLDER_VALUE || high.value === PLACEHOLDER_VALUE) return;
    const bounds = `lower bound operand: AttributeValue: ${formatValue(low.value)}, upper bound operand: AttributeValue: ${formatValue(high.value)}`;
    if (attributeTypeOf(low.value) !== attributeTypeOf(high.value)) {
      this.record('function', `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`);
      return;
    }
    const order = compareForCondition(low.value, high.value);
    if (order !== undefined && order > 0) {
      this.record('function', `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`);
    }
  }

  // ---- updates ------------------------------------------------------------------------------

  /**
   * UpdateExpression : Section+ EOF
   * Section : 'SET' SetAction ( ',' SetAction )*
   *         | 'REMOVE' DocumentPath ( ',' DocumentPath )*
   *         | 'ADD' DocumentPath ValuePlaceholder ( ',' DocumentPath ValuePlaceholder )*
   *         | 'DELETE' DocumentPath ValuePlaceholder ( ',' DocumentPath ValuePlaceholder )*
   */
  parseUpdateExpression(): UpdateNode {
    const actions: UpdateAction[] = [];
    const seen = new Set<string>();
    do {
      const token = this.peek();
      const section = token.kind === 'Identifier' ? token.text.toUpperCase() : '';
      if (!UPDATE_KEYWORDS.has(section)) throw this.syntaxError();
      this.advance();
      if (seen.has(section)) {
        this.record('section', `The "${section}" section can only be used once in an update expression;`);
      }
      seen.add(section);
      do {
        actions.push(this.parseUpdateAction(section));
      } while (this.isPunctuator(',') && this.advance());
    } while (this.peek().kind !== 'EOF');
    return { kind: 'Update', actions };
  }

  private parseUpdateAction(section: string): UpdateAction {
    const path = this.parsePath(UPDATE_KEYWORDS);
    this.checkPathOverlap(path);
    switch (section) {
      case 'SET': {
        this.expectPunctuator('=');
        return { kind: 'Set', path, value: this.parseSetValue() };
      }
      case 'REMOVE':
        return { kind: 'Remove', path };
      default: {
        if (this.peek().kind !== 'ValuePlaceholder') throw this.syntaxError();
        const value = this.parseValue();
        this.checkAddDeleteOperand(section, value);
        return section === 'ADD' ? { kind: 'Add', path, value } : { kind: 'Delete', path, value };
      }
    }
  }

  private checkAddDeleteOperand(operator: string, value: ValueNode): void {
    if (value.value === PLACEHOLDER_VALUE) return;
    const names: Record<string, string> = {
      S: 'STRING',
      N: 'NUMBER',
      B: 'BINARY',
      NULL: 'NULL',
      BOOL: 'BOOLEAN',
      L: 'LIST',
      M: 'MAP',
    };
    const type = attributeTypeOf(value.value);
    const name = names[type];
    if (name !== undefined && !(operator === 'ADD' && type === 'N')) {
      this.record('operand', `Incorrect operand type for operator or function; operator: ${operator}, operand type: ${name}`);
    }
  }

  /**
   * SetValue : '(' SetValue ')' | UpdateOperandParens ( ( '+' | '-' ) UpdateOperandParens )?
   */
  private parseSetValue(): SetValue {
    const left = this.parseUpdateOperandParens(true);
    if (left.kind === 'Arithmetic') {
      // "(a + b) + c" is not in DynamoDB's grammar: a parenthesised sum is not an operand.
      if (this.isPunctuator('+') || this.isPunctuator('-')) throw this.syntaxError();
      return left;
    }
    if (!this.isPunctuator('+') && !this.isPunctuator('-')) return left;
    const operator = this.advance().text as '+' | '-';
    const right = this.parseUpdateOperandParens(false) as UpdateOperand;
    for (const operand of [left, right]) {
      const type = operand.kind === 'Value' && operand.value !== PLACEHOLDER_VALUE ? attributeTypeOf(operand.value) : undefined;
      if (type !== undefined && type !== 'N') {
        this.record('function', `Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`);
        break;
      }
    }
    return { kind: 'Arithmetic', operator, left, right };
  }

  /**
   * UpdateOperandParens : '(' SetValue ')' | UpdateOperand
   * UpdateOperand : ValuePlaceholder | DocumentPath
   *               | 'if_not_exists' '(' DocumentPath ',' OperandParens ')'
   *               | 'list_append' '(' OperandParens ',' OperandParens ')'
   * A parenthesised sum is accepted only as a whole SetValue.
   */
  private parseUpdateOperandParens(allowSum: boolean): SetValue {
    if (this.isPunctuator('(')) {
      this.enter();
      this.advance();
      const inner = this.parseSetValue();
      if (inner.kind === 'Arithmetic' && !allowSum) throw this.syntaxError();
      this.expectPunctuator(')');
      this.leave();
      return inner;
    }
    return this.toUpdateOperand(this.parseOperand(UPDATE_KEYWORDS));
  }

  private toUpdateOperand(node: ParsedOperand): UpdateOperand {
    if (node.kind === 'Path' || node.kind === 'Value' || node.kind === 'IfNotExists' || node.kind === 'ListAppend') return node;
    if (node.kind !== 'Call') return { kind: 'Value', name: '', value: PLACEHOLDER_VALUE };
    const args = node.args.map((a) => this.toUpdateOperand(a));
    if (!this.checkCall(node, UPDATE_FUNCTIONS)) return { kind: 'Value', name: '', value: PLACEHOLDER_VALUE };
    if (node.name === 'if_not_exists') {
      const path = args[0]!;
      if (path.kind !== 'Path') {
        this.record('function', 'Operator or function requires a document path; operator or function: if_not_exists');
        return { kind: 'Value', name: '', value: PLACEHOLDER_VALUE };
      }
      return { kind: 'IfNotExists', path, fallback: args[1]! };
    }
    for (const operand of args) {
      const type = operand.kind === 'Value' && operand.value !== PLACEHOLDER_VALUE ? attributeTypeOf(operand.value) : undefined;
      if (type !== undefined && type !== 'L') {
        this.record('function', `Incorrect operand type for operator or function; operator or function: list_append, operand type: ${type}`);
        break;
      }
    }
    return { kind: 'ListAppend', left: args[0]!, right: args[1]! };
  }

  // ---- projections --------------------------------------------------------------------------

  /**
   * ProjectionExpression : DocumentPath ( ',' DocumentPath )* EOF
   */
  parseProjectionExpression(): ProjectionNode {
    const paths: PathNode[] = [];
    do {
      const path = this.parsePath(new Set());
      this.checkPathOverlap(path);
      paths.push(path);
    } while (this.isPunctuator(',') && this.advance());
    if (this.peek().kind !== 'EOF') throw this.syntaxError();
    return { kind: 'Projection', paths };
  }
}

function precheck(source: string, parameter: ExpressionParameter): void {
  if (source === '') throw new ValidationException(`Invalid ${parameter}: The expression can not be empty;`);
  // Cheap bound first: a string of at most 1024 UTF-16 units cannot exceed 4096 UTF-8 bytes.
  if (source.length > MAX_EXPRESSION_BYTES / 4) {
    const bytes = utf8ByteLength(source);
    if (bytes > MAX_EXPRESSION_BYTES) {
      throw new ValidationException(`Invalid ${parameter}: Expression size has exceeded the maximum allowed size; expression size: ${bytes}`);
    }
  }
}

/** Parses a ConditionExpression, FilterExpression or KeyConditionExpression. */
export function parseCondition(
  source: string,
  parameter: 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression',
  context: PlaceholderContext,
): ConditionNode {
  precheck(source, parameter);
  const parser = new Parser(source, parameter, context);
  return checkOperatorCount(
    parser.run(() => parser.parseConditionExpression(), CONDITION_ERROR_ORDER),
    parameter,
  );
}

function checkOperatorCount<T extends ConditionNode | UpdateNode>(node: T, parameter: ExpressionParameter): T {
  if (countOperators(node) > MAX_OPERATORS) throw new ValidationException(`Invalid ${parameter}: ${LIMIT_MESSAGES.operators}`);
  return node;
}

/**
 * parseCondition without the 4 KB check, so tests can show the recursion budget alone keeps
 * arbitrarily deep input from exhausting the stack.
 */
export function parseConditionWithoutSizeLimit(
  source: string,
  parameter: 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression',
  context: PlaceholderContext,
): ConditionNode {
  const parser = new Parser(source, parameter, context);
  return parser.run(() => parser.parseConditionExpression(), CONDITION_ERROR_ORDER);
}

/** Parses an UpdateExpression. */
export function parseUpdate(source: string, context: PlaceholderContext): UpdateNode {
  precheck(source, 'UpdateExpression');
  const parser = new Parser(source, 'UpdateExpression', context);
  return checkOperatorCount(
    parser.run(() => parser.parseUpdateExpression(), UPDATE_ERROR_ORDER),
    'UpdateExpression',
  );
}

/** Parses a ProjectionExpression. */
export function parseProjection(source: string, context: PlaceholderContext): ProjectionNode {
  precheck(source, 'ProjectionExpression');
  const parser = new Parser(source, 'ProjectionExpression', context);
  return parser.run(() => parser.parseProjectionExpression(), PROJECTION_ERROR_ORDER);
}

/** A fresh placeholder context for parsing expressions outside a request (tests, the grader). */
export function createPlaceholderContext(
  names: Readonly<Record<string, string>> = {},
  values: Readonly<Record<string, AttributeValue>> = {},
): PlaceholderContext {
  return { names, values, usedNames: new Set(), usedValues: new Set() };
}
