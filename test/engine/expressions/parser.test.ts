import { describe, expect, it, vi } from 'vitest';
import { ValidationException } from '../../../engine/errors.ts';
import type { ConditionNode, Operand } from '../../../engine/expressions/ast.ts';
import {
  createPlaceholderContext,
  MAX_NESTING,
  parseCondition,
  parseConditionWithoutSizeLimit as parseConditionUnchecked,
  parseProjection,
  parseUpdate,
} from '../../../engine/expressions/parser.ts';
import type { AttributeValue } from '../../../engine/values/attribute-value.ts';
import { withWork } from './work-counter.ts';

// Work is counted in tokens lexed and read, not timed (work-counter.ts).
vi.mock('../../../engine/expressions/lexer.ts', async (importOriginal) => {
  const { countingLexer } = await import('./work-counter.ts');
  return countingLexer(await importOriginal());
});

const NAMES = { '#n': 'name', '#s': 'status', '#a': 'a' };
const VALUES: Record<string, AttributeValue> = {
  ':n': { N: '5' },
  ':m': { N: '9' },
  ':s': { S: 'x' },
  ':t': { S: 'S' },
  ':bad': { S: 'Z' },
  ':b': { B: 'AQ==' },
  ':bool': { BOOL: true },
  ':l': { L: [] },
  ':ss': { SS: ['a'] },
  ':ns': { NS: ['1'] },
  ':m2': { M: {} },
  ':null': { NULL: true },
};

function context() {
  return createPlaceholderContext(NAMES, VALUES);
}

function condition(source: string): ConditionNode {
  return parseCondition(source, 'ConditionExpression', context());
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationException);
    return (e as Error).message;
  }
  throw new Error('expected a ValidationException');
}

/** A compact rendering of a condition tree, to assert precedence. */
function show(node: ConditionNode | Operand): string {
  switch (node.kind) {
    case 'And':
    case 'Or':
      return `(${show(node.left)} ${node.kind.toUpperCase()} ${show(node.right)})`;
    case 'Not':
      return `NOT ${show(node.operand)}`;
    case 'Comparison':
      return `${show(node.left)}${node.operator}${show(node.right)}`;
    case 'Between':
      return `${show(node.operand)} BETWEEN ${show(node.low)},${show(node.high)}`;
    case 'In':
      return `${show(node.operand)} IN ${node.candidates.map(show).join(',')}`;
    case 'Function':
      return `${node.name}(${node.args.map(show).join(',')})`;
    case 'Path':
      return node.elements.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join('.');
    case 'Value':
      return node.name;
    case 'Size':
      return `size(${show(node.operand)})`;
  }
}

describe('parseCondition: accepted expressions', () => {
  it.each([
    ['a = :n', 'a=:n'],
    ['a<>:n', 'a<>:n'],
    ['a.b[1].c >= :n', 'a.b.[1].c>=:n'],
    ['#n = :s', 'name=:s'],
    [':n < a', ':n<a'],
    ['a = :n OR b = :n AND c = :n', '(a=:n OR (b=:n AND c=:n))'],
    ['a = :n AND b = :n OR c = :n', '((a=:n AND b=:n) OR c=:n)'],
    ['NOT a = :n AND b = :n', '(NOT a=:n AND b=:n)'],
    ['NOT (a = :n AND b = :n)', 'NOT (a=:n AND b=:n)'],
    ['a = :n and b = :n or not c = :n', '((a=:n AND b=:n) OR NOT c=:n)'],
    ['(a = :n OR b = :n) AND c = :n', '((a=:n OR b=:n) AND c=:n)'],
    ['((a = :n OR b = :n) AND c = :n)', '((a=:n OR b=:n) AND c=:n)'],
    ['a BETWEEN :n AND :m AND b = :n', '(a BETWEEN :n,:m AND b=:n)'],
    ['a IN (:n, :m, :s)', 'a IN :n,:m,:s'],
    ['attribute_exists(a) AND attribute_not_exists(#n.x)', '(attribute_exists(a) AND attribute_not_exists(name.x))'],
    ['begins_with(a, :s)', 'begins_with(a,:s)'],
    ['contains(a, :n)', 'contains(a,:n)'],
    ['attribute_type(a, :t)', 'attribute_type(a,:t)'],
    ['size(a) > :n', 'size(a)>:n'],
    ['size (a) > :n', 'size(a)>:n'],
    ['(a) = :n', 'a=:n'],
    ['a = (:n)', 'a=:n'],
    ['(size(a)) < :n', 'size(a)<:n'],
    ['  a   =   :n  ', 'a=:n'],
    ['#s = :s', 'status=:s'],
  ])('%s', (source, tree) => {
    expect(show(condition(source))).toBe(tree);
  });

  it('records the placeholders it uses', () => {
    const ctx = context();
    parseCondition('#n = :s AND b = :n', 'FilterExpression', ctx);
    expect([...ctx.usedNames]).toEqual(['#n']);
    expect([...ctx.usedValues]).toEqual([':s', ':n']);
  });
});

describe('parseCondition: errors', () => {
  it.each([
    ['', 'Invalid ConditionExpression: The expression can not be empty;'],
    ['a = = :n', 'Invalid ConditionExpression: Syntax error; token: "=", near: "= = :n"'],
    ['a =', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "="'],
    ['a', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "a"'],
    ['a = :n AND', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND"'],
    ['a = :n b', 'Invalid ConditionExpression: Syntax error; token: "b", near: ":n b"'],
    ['a ! :n', 'Invalid ConditionExpression: Syntax error; token: "!", near: "a ! :n"'],
    ['a == :n', 'Invalid ConditionExpression: Syntax error; token: "=", near: "== :n"'],
    ['attribute_type()', 'Invalid ConditionExpression: Syntax error; token: ")", near: "()"'],
    ['a[x] = :n', 'Invalid ConditionExpression: Syntax error; token: "x", near: "[x]"'],
    ['(a = :n', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":n"'],
    ['a = :n)', 'Invalid ConditionExpression: Syntax error; token: ")", near: ":n)"'],
    ['AND = :n', 'Invalid ConditionExpression: Syntax error; token: "AND", near: "AND ="'],
    ['a OR b = :n', 'Invalid ConditionExpression: Syntax error; token: "OR", near: "a OR b"'],
    ['NOT a', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "a"'],
    ['a BETWEEN :n', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":n"'],
    ['a IN :n', 'Invalid ConditionExpression: Syntax error; token: ":n", near: "IN :n"'],
    ['((a = :n))', 'Invalid ConditionExpression: The expression has redundant parentheses;'],
    ['((a)) = :n', 'Invalid ConditionExpression: The expression has redundant parentheses;'],
    ['a = ((:n))', 'Invalid ConditionExpression: The expression has redundant parentheses;'],
    ['foo(a)', 'Invalid ConditionExpression: Invalid function name; function: foo'],
    ['if_not_exists(a, :n) = :n', 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists'],
    ['attribute_exists(a) = :n', 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists'],
    ['size(a)', 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size'],
    [
      'contains(size(a), begins_with(b, :s))',
      'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: begins_with',
    ],
    ['status = :s', 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status'],
    ['a.Size = :s', 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size'],
    ['#x = :s', 'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x'],
    ['a = :x', 'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x'],
    [
      'attribute_exists(a, b)',
      'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2',
    ],
    [
      'size(a, b) = :n',
      'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: size, number of operands: 2',
    ],
    [
      'a = a',
      'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]',
    ],
    [
      'contains(#a, a)',
      'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]',
    ],
    ['attribute_exists(:n)', 'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists'],
    ['begins_with(a, :n)', 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N'],
    [
      'attribute_type(a, :n)',
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N',
    ],
    [
      'attribute_type(a, b)',
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}',
    ],
    ['attribute_type(a, :bad)', 'Invalid ConditionExpression: Invalid attribute type name found; type: Z, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}'],
    ['size(:n) = :n', 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N'],
    ['a < :bool', 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL'],
    [
      'a BETWEEN :n AND :s',
      'Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:x}',
    ],
    [
      'a BETWEEN :m AND :n',
      'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:9}, upper bound operand: AttributeValue: {N:5}',
    ],
    // Priority: redundant parentheses before everything else, reserved words before placeholders.
    ['((status = :x))', 'Invalid ConditionExpression: The expression has redundant parentheses;'],
    ['status = :x', 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status'],
  ])('%j', (source, message) => {
    expect(messageOf(() => condition(source))).toBe(message);
  });

  it('names the parameter in the message', () => {
    expect(messageOf(() => parseCondition('a', 'FilterExpression', context()))).toBe('Invalid FilterExpression: Syntax error; token: "<EOF>", near: "a"');
    expect(messageOf(() => parseCondition('a', 'KeyConditionExpression', context()))).toMatch(/^Invalid KeyConditionExpression: /);
  });

  it('accepts 100 IN operands and refuses 101', () => {
    const list = (n: number) => Array.from({ length: n }, () => ':n').join(', ');
    expect(() => condition(`a IN (${list(100)})`)).not.toThrow();
    expect(messageOf(() => condition(`a IN (${list(101)})`))).toBe(
      'Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101',
    );
  });

  it('measures the 4 KB limit in UTF-8 bytes', () => {
    const padded = (bytes: number) => `a = :n${' '.repeat(bytes - 6)}`;
    expect(() => condition(padded(4096))).not.toThrow();
    expect(messageOf(() => condition(padded(4097)))).toBe(
      'Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097',
    );
    // 17 ASCII bytes + 1361 characters of 3 bytes each = 4100 bytes, in only 1378 UTF-16 units.
    expect(messageOf(() => condition(`a = :n OR b = :n ${'€'.repeat(1361)}`))).toMatch(/expression size: 4100$/);
  });

  it('refuses 10,000 nested parentheses by their size, before lexing them', () => {
    const deep = `${'('.repeat(10_000)}a = :n${')'.repeat(10_000)}`;
    const { thrown, work } = withWork(() => condition(deep));
    expect((thrown as Error).message).toBe('Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 20006');
    expect(work.tokenizeCalls).toBe(0);
    // The same check passes an expression of exactly 4 KB on to the lexer.
    expect(withWork(() => condition(`a = :n${' '.repeat(4090)}`)).work.tokenizeCalls).toBe(1);
  });

  it('bounds recursion even past the size limit check (100,000 nested parentheses, NOTs and operand parens)', () => {
    // The parser is also used directly; its own budget must hold without the 4 KB pre-check: it
    // stops at MAX_NESTING levels with DynamoDB's error, having read a few tokens per level.
    const ctx = context();
    for (const [source, message] of [
      [`${'('.repeat(100_000)}a = :n${')'.repeat(100_000)}`, 'The expression has redundant parentheses;'],
      [`a = ${'('.repeat(100_000)}:n${')'.repeat(100_000)}`, 'The expression has redundant parentheses;'],
      [`${'NOT '.repeat(100_000)}a = :n`, 'Syntax error; token: "NOT", near: "NOT NOT NOT"'],
      [`${'size('.repeat(100_000)}a${')'.repeat(100_000)} = :n`, 'Syntax error; token: "size", near: "(size("'],
    ] as const) {
      const { thrown, work } = withWork(() => parseConditionUnchecked(source, 'ConditionExpression', ctx));
      expect(thrown).toBeInstanceOf(ValidationException);
      expect((thrown as Error).message).toBe(`Invalid ConditionExpression: ${message}`);
      expect(work.tokens).toBeGreaterThan(100_000);
      expect(work.reads).toBeLessThanOrEqual(8 * (MAX_NESTING + 10));
    }
  });
});

describe('parseUpdate', () => {
  it.each([
    ['SET a = :n', ['Set a']],
    ['set a = :n, b = a + :n, c = :n - b', ['Set a', 'Set b', 'Set c']],
    ['SET a = if_not_exists(a, :n) + :n', ['Set a']],
    ['SET a = list_append(:l, a)', ['Set a']],
    ['SET a = (:n + b)', ['Set a']],
    ['SET a[2] = :n, #n.b = :s', ['Set a.[2]', 'Set name.b']],
    ['REMOVE a, b[0], c.d', ['Remove a', 'Remove b.[0]', 'Remove c.d']],
    ['ADD a :n, b :ss DELETE c :ns', ['Add a', 'Add b', 'Delete c']],
    ['SET a = :n REMOVE b ADD c :n DELETE d :ss', ['Set a', 'Remove b', 'Add c', 'Delete d']],
    ['REMOVE b SET a = :n', ['Remove b', 'Set a']],
  ])('%s', (source, actions) => {
    const update = parseUpdate(source, context());
    expect(update.actions.map((a) => `${a.kind} ${a.path.elements.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join('.')}`)).toEqual(actions);
  });

  it.each([
    ['SET', 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "SET"'],
    ['a = :n', 'Invalid UpdateExpression: Syntax error; token: "a", near: "a ="'],
    ['SET a :n', 'Invalid UpdateExpression: Syntax error; token: ":n", near: "a :n"'],
    ['SET a = :n,', 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ","'],
    ['SET a = :n + :n + :n', 'Invalid UpdateExpression: Syntax error; token: "+", near: ":n + :n"'],
    ['REMOVE a :n', 'Invalid UpdateExpression: Syntax error; token: ":n", near: "a :n"'],
    ['ADD a b', 'Invalid UpdateExpression: Syntax error; token: "b", near: "a b"'],
    ['SET set = :n', 'Invalid UpdateExpression: Syntax error; token: "set", near: "SET set ="'],
    ['SET status = :n', 'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status'],
    ['SET a = :n SET b = :n', 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;'],
    ['SET #x = :n', 'Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #x'],
    ['SET a = :x', 'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :x'],
    [
      'SET a = :n REMOVE a.b',
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]',
    ],
    [
      'SET a.b = :n REMOVE a',
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]',
    ],
    [
      'SET a = :n, a = :m',
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]',
    ],
    [
      'SET a[0] = :n REMOVE a.b',
      'Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]',
    ],
    ['ADD a :s', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING'],
    ['ADD a :l', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST'],
    ['ADD a :bool', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN'],
    ['DELETE a :n', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER'],
    ['DELETE a :m2', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: MAP'],
    ['SET a = :s + :n', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S'],
    ['SET a = b - :ss', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: SS'],
    [
      'SET a = list_append(:n, b)',
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N',
    ],
    ['SET a = if_not_exists(:n, b)', 'Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists'],
    [
      'SET a = list_append(b)',
      'Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1',
    ],
    ['SET a = foo(b)', 'Invalid UpdateExpression: Invalid function name; function: foo'],
    ['SET a = size(b)', 'Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: size'],
    ['SET a = :n + :n REMOVE status', 'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status'],
  ])('%j', (source, message) => {
    expect(messageOf(() => parseUpdate(source, context()))).toBe(message);
  });
});

describe('parseProjection', () => {
  it.each([
    ['a', [['a']]],
    ['a, b.c, d[1], #n', [['a'], ['b', 'c'], ['d', 1], ['name']]],
    ['a[0][1].b', [['a', 0, 1, 'b']]],
  ])('%s', (source, paths) => {
    expect(parseProjection(source, context()).paths.map((p) => p.elements)).toEqual(paths);
  });

  it.each([
    ['a,', 'Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ","'],
    ['l[a]', 'Invalid ProjectionExpression: Syntax error; token: "a", near: "[a]"'],
    ['a b', 'Invalid ProjectionExpression: Syntax error; token: "b", near: "a b"'],
    ['name, status', 'Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name'],
    ['a, #x', 'Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x'],
    [
      'a.b, a',
      'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]',
    ],
    [
      'a[0], a.b',
      'Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]',
    ],
  ])('%j', (source, message) => {
    expect(messageOf(() => parseProjection(source, context()))).toBe(message);
  });
});

describe('parseCondition: which error wins', () => {
  it.each([
    // Per-condition errors are settled condition by condition: the earliest faulty condition wins.
    ['a = a AND b = :x', 'The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]'],
    ['b = :x AND a = a', 'An expression attribute value used in expression is not defined; attribute value: :x'],
    [
      'attribute_exists(a, b) AND contains(a, a)',
      'Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2',
    ],
    // Whole-expression errors outrank them, in this order.
    ['a = a AND status = :n', 'Attribute name is a reserved keyword; reserved keyword: status'],
    ['status = :n AND foo(a)', 'Invalid function name; function: foo'],
    ['foo(a) AND ((b = :n))', 'The expression has redundant parentheses;'],
  ])('%s', (source, message) => {
    expect(messageOf(() => condition(source))).toBe(`Invalid ConditionExpression: ${message}`);
  });
});
