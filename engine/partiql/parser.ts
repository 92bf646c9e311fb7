/**
 * A recursive-descent parser for DynamoDB's PartiQL statements (SELECT, INSERT, UPDATE, DELETE),
 * in the style of the expression parser: one method per production, each with its grammar in a
 * comment, and a syntax error that stops the parse at once with its position.
 *
 * DynamoDB's texts ("Statement wasn't well formed, can't be processed: <detail>") for a token
 * left after a statement, a missing term, a missing right-hand side, a keyword or operator where
 * a term should start, a missing table name and a table alias are those pinned against AWS by a
 * public conformance suite (tier2 PartiQL grammar tests, eu-west-2, October 2026). Where AWS's
 * detail was not found, the detail used says so in a comment beside it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.statements.html
 */
import { ValidationException } from '../errors.ts';
import type { BinaryOperator, Expr, PathExpr, RemoveClause, Returning, SelectStatement, SetClause, Statement, TableRef } from './ast.ts';
import { tokenizeStatement, type PartiqlToken } from './lexer.ts';

/** DynamoDB's envelope for every syntax error. */
export const NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
export const ALIASING_NOT_SUPPORTED = 'Aliasing is not supported';
/** https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html (Statement: 1 to 8192 characters) */
export const MAX_STATEMENT_LENGTH = 8192;
/** Nesting budget for parentheses, lists and NOTs, so no input can exhaust the stack. */
const MAX_NESTING = 256;

/** Where a syntax error was found: an offset, and the line and column (from 1) it falls on. */
export interface StatementPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A statement DynamoDB cannot parse: AWS's message, plus where the parser stopped. */
export class StatementSyntaxError extends ValidationException {
  readonly position: StatementPosition;
  constructor(message: string, position: StatementPosition) {
    super(message);
    this.position = position;
  }
}

/** Words that end a term or start a clause; one where a term should start is "Unexpected keyword". */
const KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
  'INSERT',
  'INTO',
  'VALUE',
  'VALUES',
  'UPDATE',
  'SET',
  'REMOVE',
  'DELETE',
  'RETURNING',
  'AND',
  'OR',
  'NOT',
  'IN',
  'BETWEEN',
  'AS',
  'LIMIT',
  'GROUP',
  'HAVING',
  'JOIN',
]);
/** Words that are operators; one where a term should start is "Unexpected operator". */
const WORD_OPERATORS = new Set(['IS', 'LIKE']);
const COMPARATORS: Readonly<Record<string, BinaryOperator>> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const SYMBOL_OPERATORS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=', '+', '*', '/', '%', '||']);

function positionOf(source: string, offset: number): StatementPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

class Parser {
  private readonly tokens: PartiqlToken[];
  private pos = 0;
  private parameters = 0;
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenizeStatement(source);
  }

  private peek(ahead = 0): PartiqlToken {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private advance(): PartiqlToken {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  private fail(detail: string, token = this.peek()): never {
    throw new StatementSyntaxError(NOT_WELL_FORMED + detail, positionOf(this.source, token.start));
  }

  private isWord(word: string, token = this.peek()): boolean {
    return token.kind === 'Identifier' && token.text.toUpperCase() === word;
  }

  private isPunctuator(text: string, token = this.peek()): boolean {
    return token.kind === 'Punctuator' && token.text === text;
  }

  private acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.advance();
    return true;
  }

  private acceptPunctuator(text: string): boolean {
    if (!this.isPunctuator(text)) return false;
    this.advance();
    return true;
  }

  /** Detail not pinned against AWS; PartiQL's own wording for a missing token. */
  private expectWord(word: string): void {
    if (!this.acceptWord(word)) this.fail(`Expected ${word}`);
  }

  private expectPunctuator(text: string): void {
    if (!this.acceptPunctuator(text)) this.fail(`Expected ${text}`);
  }

  private nest<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) this.fail('Nesting too deep'); // AWS's detail not found.
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** Statement : (Select | Insert | Update | Delete) ';'? EOF */
  parseStatement(): Statement {
    const first = this.peek();
    let statement: Statement;
    if (this.isWord('SELECT')) statement = this.parseSelect();
    else if (this.isWord('INSERT')) statement = this.parseInsert();
    else if (this.isWord('UPDATE')) statement = this.parseUpdate();
    else if (this.isWord('DELETE')) statement = this.parseDelete();
    else if (this.isWord('EXISTS') && this.isPunctuator('(', this.peek(1))) statement = this.parseExists();
    // AWS answers "Expected data manipulation" for a statement that is none of these (pinned for
    // a malformed batch member); UPSERT, REPLACE and DDL are not served.
    else this.fail('Expected data manipulation', first);
    this.acceptPunctuator(';');
    // A character or comment AWS cannot read is answered with nothing after the colon.
    if (this.peek().kind === 'Unknown') this.fail('');
    if (this.peek().kind !== 'EOF') this.fail('Unexpected token after expression');
    return statement;
  }

  private finish<T>(make: (parameterCount: number) => T): T {
    return make(this.parameters);
  }

  /** Select : SELECT ('*' | Path (',' Path)*) FROM TableRef (WHERE Expr)? (ORDER BY Path (ASC | DESC)?)? */
  private parseSelect(): Statement {
    this.advance();
    let projection: PathExpr[] | undefined;
    if (!this.acceptPunctuator('*')) {
      projection = [this.parseProjectionPath()];
      while (this.acceptPunctuator(',')) projection.push(this.parseProjectionPath());
    }
    this.expectWord('FROM');
    if (this.peek().kind === 'EOF' || this.isPunctuator(';')) this.fail('Unexpected term');
    const from = this.parseTableRef(true);
    this.refuseAlias();
    const where = this.acceptWord('WHERE') ? this.parseExpr() : undefined;
    let descending: boolean | undefined;
    if (this.acceptWord('ORDER')) {
      this.expectWord('BY');
      this.parsePath();
      descending = this.acceptWord('DESC');
      if (!descending) this.acceptWord('ASC');
    }
    return this.finish((parameterCount) => ({ kind: 'Select', projection, from, where, descending, parameterCount }));
  }

  private parseProjectionPath(): PathExpr {
    if (this.peek().kind !== 'Identifier' && this.peek().kind !== 'QuotedIdentifier') this.fail('Unexpected term');
    if (this.peek().kind === 'Identifier' && KEYWORDS.has(this.peek().text.toUpperCase())) this.fail('Unexpected keyword');
    return this.parsePath();
  }

  /** Exists : EXISTS '(' Select ')' */
  private parseExists(): Statement {
    this.advance();
    this.advance();
    if (!this.isWord('SELECT')) this.fail('Expected data manipulation'); // AWS's detail not found.
    const select = this.parseSelect() as SelectStatement;
    this.expectPunctuator(')');
    return this.finish((parameterCount) => ({ kind: 'Exists', select, parameterCount }));
  }

  /** Insert : INSERT INTO TableName VALUE Expr */
  private parseInsert(): Statement {
    this.advance();
    this.expectWord('INTO');
    const { table } = this.parseTableRef(false);
    // An alias on INSERT is a leftover token to AWS, not "Aliasing is not supported".
    if (!this.acceptWord('VALUE')) this.fail('Unexpected token after expression');
    const value = this.parseExpr();
    return this.finish((parameterCount) => ({ kind: 'Insert', table, value, parameterCount }));
  }

  /** Update : UPDATE TableName ((SET Path '=' Expr (',' Path '=' Expr)*) | (REMOVE Path (',' Path)*))+ (WHERE Expr)? Returning? */
  private parseUpdate(): Statement {
    this.advance();
    const { table } = this.parseTableRef(false);
    this.refuseAlias();
    const clauses: (SetClause | RemoveClause)[] = [];
    for (;;) {
      if (this.acceptWord('SET')) {
        do {
          const path = this.parsePath();
          this.expectPunctuator('=');
          clauses.push({ kind: 'Set', path, value: this.parseExpr() });
        } while (this.acceptPunctuator(','));
      } else if (this.acceptWord('REMOVE')) {
        do clauses.push({ kind: 'Remove', path: this.parsePath() });
        while (this.acceptPunctuator(','));
      } else break;
    }
    if (clauses.length === 0) this.fail('Expected SET or REMOVE'); // AWS's detail not found.
    const where = this.acceptWord('WHERE') ? this.parseExpr() : undefined;
    const returning = this.parseReturning();
    return this.finish((parameterCount) => ({ kind: 'Update', table, clauses, where, returning, parameterCount }));
  }

  /** Delete : DELETE FROM TableName (WHERE Expr)? Returning? */
  private parseDelete(): Statement {
    this.advance();
    this.expectWord('FROM');
    const { table } = this.parseTableRef(false);
    this.refuseAlias();
    const where = this.acceptWord('WHERE') ? this.parseExpr() : undefined;
    const returning = this.parseReturning();
    return this.finish((parameterCount) => ({ kind: 'Delete', table, where, returning, parameterCount }));
  }

  /** Returning : RETURNING (ALL | MODIFIED) (OLD | NEW) '*' */
  private parseReturning(): Returning | undefined {
    if (!this.acceptWord('RETURNING')) return undefined;
    const all = this.acceptWord('ALL');
    if (!all && !this.acceptWord('MODIFIED')) this.fail('Expected ALL or MODIFIED'); // AWS's detail not found.
    const old = this.acceptWord('OLD');
    if (!old && !this.acceptWord('NEW')) this.fail('Expected OLD or NEW'); // AWS's detail not found.
    this.expectPunctuator('*');
    if (all) return old ? 'ALL_OLD' : 'ALL_NEW';
    return old ? 'UPDATED_OLD' : 'UPDATED_NEW';
  }

  /** TableRef : Name ('.' Name)?, a Name being an identifier or a "quoted identifier" */
  private parseTableRef(allowIndex: boolean): TableRef {
    const token = this.peek();
    const isName = token.kind === 'QuotedIdentifier' || (token.kind === 'Identifier' && !KEYWORDS.has(token.text.toUpperCase()));
    if (!isName) this.fail('Expected identifier for simple path');
    this.advance();
    if (allowIndex && this.isPunctuator('.')) {
      this.advance();
      const index = this.peek();
      if (index.kind !== 'QuotedIdentifier' && index.kind !== 'Identifier') this.fail('Expected identifier for simple path');
      this.advance();
      return { table: token.text, index: index.text };
    }
    return { table: token.text };
  }

  /** AWS refuses `FROM "T" t` and `FROM "T" AS t` with a message of its own, outside the envelope. */
  private refuseAlias(): void {
    const token = this.peek();
    if (this.isWord('AS') || (token.kind === 'Identifier' && !KEYWORDS.has(token.text.toUpperCase())) || token.kind === 'QuotedIdentifier') {
      throw new ValidationException(ALIASING_NOT_SUPPORTED);
    }
  }

  /** Path : Name ('.' Name | '[' Number ']')* */
  private parsePath(): PathExpr {
    const token = this.peek();
    if (token.kind !== 'Identifier' && token.kind !== 'QuotedIdentifier') this.fail('Expected identifier for simple path');
    this.advance();
    const elements: (string | number)[] = [token.text];
    for (;;) {
      if (this.isPunctuator('.') && (this.peek(1).kind === 'Identifier' || this.peek(1).kind === 'QuotedIdentifier')) {
        this.advance();
        elements.push(this.advance().text);
      } else if (this.isPunctuator('[') && this.peek(1).kind === 'Number' && this.isPunctuator(']', this.peek(2)) && /^\d+$/.test(this.peek(1).text)) {
        this.advance();
        elements.push(Number(this.advance().text));
        this.advance();
      } else break;
    }
    return { kind: 'Path', elements, start: token.start };
  }

  /** Expr : Or */
  private parseExpr(): Expr {
    return this.parseOr();
  }

  /** Right-hand side of an infix operator: AWS names its absence specially. */
  private requireOperand(): void {
    const token = this.peek();
    if (token.kind === 'EOF' || this.isPunctuator(';') || this.isPunctuator(')')) this.fail('Missing right-hand side expression of infix operator');
  }

  /** Or : And (OR And)* */
  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord('OR')) {
      const start = this.advance().start;
      this.requireOperand();
      left = { kind: 'Binary', operator: 'OR', left, right: this.parseAnd(), start };
    }
    return left;
  }

  /** And : Not (AND Not)* */
  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isWord('AND')) {
      const start = this.advance().start;
      this.requireOperand();
      left = { kind: 'Binary', operator: 'AND', left, right: this.parseNot(), start };
    }
    return left;
  }

  /** Not : NOT Not | Predicate */
  private parseNot(): Expr {
    if (this.isWord('NOT')) {
      const start = this.advance().start;
      return this.nest(() => ({ kind: 'Not', operand: this.parseNot(), start }));
    }
    return this.parsePredicate();
  }

  /**
   * Predicate : Additive ( Comparator Additive | NOT? IN ('[' | '(') Expr (',' Expr)* (']' | ')')
   *           | NOT? BETWEEN Additive AND Additive | IS NOT? (MISSING | NULL) )?
   */
  private parsePredicate(): Expr {
    const operand = this.parseAdditive();
    const token = this.peek();
    if (token.kind === 'Punctuator' && COMPARATORS[token.text]) {
      this.advance();
      this.requireOperand();
      return { kind: 'Binary', operator: COMPARATORS[token.text]!, left: operand, right: this.parseAdditive(), start: operand.start };
    }
    const negated = this.isWord('NOT') && (this.isWord('IN', this.peek(1)) || this.isWord('BETWEEN', this.peek(1)));
    if (negated) this.advance();
    let predicate: Expr | undefined;
    if (this.acceptWord('IN')) {
      let close = ']';
      if (!this.acceptPunctuator('[')) {
        this.expectPunctuator('(');
        close = ')';
      }
      const candidates: Expr[] = [];
      if (!this.isPunctuator(close)) {
        do candidates.push(this.parseAdditive());
        while (this.acceptPunctuator(','));
      }
      this.expectPunctuator(close);
      predicate = { kind: 'In', operand, candidates, start: operand.start };
    } else if (this.acceptWord('BETWEEN')) {
      const low = this.parseAdditive();
      this.expectWord('AND');
      const high = this.parseAdditive();
      predicate = { kind: 'Between', operand, low, high, start: operand.start };
    } else if (this.acceptWord('IS')) {
      const not = this.acceptWord('NOT');
      let test: 'MISSING' | 'NULL';
      if (this.acceptWord('MISSING')) test = 'MISSING';
      else if (this.acceptWord('NULL')) test = 'NULL';
      else this.fail('Expected type name');
      return { kind: 'Is', operand, test, negated: not, start: operand.start };
    }
    if (!predicate) return operand;
    return negated ? { kind: 'Not', operand: predicate, start: operand.start } : predicate;
  }

  /** Additive : Primary (('+' | '-') Primary)* */
  private parseAdditive(): Expr {
    let left = this.parsePrimary();
    while (this.isPunctuator('+') || this.isPunctuator('-')) {
      const operator = this.advance().text as '+' | '-';
      this.requireOperand();
      left = { kind: 'Binary', operator, left, right: this.parsePrimary(), start: left.start };
    }
    return left;
  }

  /**
   * Primary : '(' Expr ')' | '?' | String | '-'? Number | TRUE | FALSE | NULL | List | Map | Set
   *         | Name '(' (Expr (',' Expr)*)? ')' | Path
   */
  private parsePrimary(): Expr {
    const token = this.peek();
    const start = token.start;
    switch (token.kind) {
      case 'EOF':
        return this.fail('Unexpected term');
      case 'String':
        this.advance();
        return { kind: 'Literal', value: { S: token.text }, start };
      case 'Number':
        this.advance();
        return { kind: 'Literal', value: { N: token.text }, start };
      case 'QuotedIdentifier':
        return this.parsePath();
      case 'Unknown':
        // AWS answers a literal or comment it cannot read with nothing after the colon.
        return this.fail('');
      case 'Identifier': {
        const word = token.text.toUpperCase();
        if (WORD_OPERATORS.has(word)) return this.fail('Unexpected operator');
        if (KEYWORDS.has(word)) return this.fail('Unexpected keyword');
        if (word === 'TRUE' || word === 'FALSE') {
          this.advance();
          return { kind: 'Literal', value: { BOOL: word === 'TRUE' }, start };
        }
        if (word === 'NULL') {
          this.advance();
          return { kind: 'Literal', value: { NULL: true }, start };
        }
        if (this.isPunctuator('(', this.peek(1))) return this.parseCall();
        return this.parsePath();
      }
      case 'Punctuator':
        break;
    }
    switch (token.text) {
      case '(': {
        this.advance();
        const inner = this.nest(() => this.parseExpr());
        this.expectPunctuator(')');
        return inner;
      }
      case '?':
        this.advance();
        return { kind: 'Parameter', index: this.parameters++, start };
      case '-':
        if (this.peek(1).kind === 'Number') {
          this.advance();
          return { kind: 'Literal', value: { N: `-${this.advance().text}` }, start };
        }
        return this.fail('Unexpected operator');
      case '[':
        return this.nest(() => {
          this.advance();
          const elements = this.parseElements(']');
          return { kind: 'List', elements, start };
        });
      case '<<':
        return this.nest(() => {
          this.advance();
          const elements = this.parseElements('>>');
          return { kind: 'Set', elements, start };
        });
      case '{':
        return this.nest(() => this.parseMap());
      case ';':
      case ')':
        return this.fail('Unexpected term');
    }
    if (SYMBOL_OPERATORS.has(token.text)) return this.fail('Unexpected operator');
    return this.fail('Unexpected term');
  }

  private parseElements(close: string): Expr[] {
    const elements: Expr[] = [];
    if (!this.acceptPunctuator(close)) {
      do elements.push(this.parseExpr());
      while (this.acceptPunctuator(','));
      this.expectPunctuator(close);
    }
    return elements;
  }

  /** Map : '{' (String ':' Expr (',' String ':' Expr)*)? '}' */
  private parseMap(): Expr {
    const start = this.advance().start;
    const entries: { key: string; value: Expr }[] = [];
    if (!this.acceptPunctuator('}')) {
      do {
        const key = this.peek();
        if (key.kind !== 'String') this.fail('Expected a string key'); // AWS's detail not found.
        this.advance();
        this.expectPunctuator(':');
        entries.push({ key: key.text, value: this.parseExpr() });
      } while (this.acceptPunctuator(','));
      this.expectPunctuator('}');
    }
    return { kind: 'Map', entries, start };
  }

  /** Call : Name '(' (Expr (',' Expr)*)? ')' */
  private parseCall(): Expr {
    const name = this.advance();
    this.advance();
    return this.nest(() => {
      const args = this.parseElements(')');
      return { kind: 'Call', name: name.text.toLowerCase(), args, start: name.start };
    });
  }
}

/** Parses one statement, or throws ValidationException with AWS's text (a StatementSyntaxError for syntax). */
export function parseStatement(source: string): Statement {
  return new Parser(source).parseStatement();
}
