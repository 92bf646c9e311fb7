/**
 * The PartiQL lexer: DynamoDB's subset of PartiQL statements split into tokens. Like the
 * expression lexer it never throws; a character that starts no token becomes an `Unknown` token
 * and the parser reports it. Comments (`--` to the end of the line, `/* ... *\/`) are skipped, as
 * DynamoDB skips them; an unterminated block comment is an Unknown token.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html
 */

export type PartiqlTokenKind =
  | 'Identifier' // a bare name or keyword: [A-Za-z_$][A-Za-z0-9_$]*
  | 'QuotedIdentifier' // "Music", with "" for a double quote inside
  | 'String' // 'Acme', with '' for a single quote inside
  | 'Number' // 12, 1.5, -3 is a '-' then a Number, 1e5
  | 'Punctuator' // ( ) [ ] { } , . : ; * ? = <> != < <= > >= << >> + -
  | 'Unknown'
  | 'EOF';

export interface PartiqlToken {
  readonly kind: PartiqlTokenKind;
  /** The source text; for String and QuotedIdentifier the value with the quotes removed. */
  readonly text: string;
  /** Offsets into the statement: [start, end). */
  readonly start: number;
  readonly end: number;
}

const PUNCTUATORS2 = ['<>', '!=', '<=', '>=', '<<', '>>', '||'];
const PUNCTUATORS1 = '()[]{},.:;*?=<>+-/%';

function isIdentStart(c: string): boolean {
  return /[A-Za-z_$]/.test(c);
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_$]/.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Reads a quoted run from `start` (at the opening quote); undefined when it never closes. */
function readQuoted(source: string, start: number, quote: string): { value: string; end: number } | undefined {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === quote) {
      if (source[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
  return undefined;
}

/** Splits a statement into tokens, ending with one EOF token. */
export function tokenizeStatement(source: string): PartiqlToken[] {
  const tokens: PartiqlToken[] = [];
  const n = source.length;
  let i = 0;
  const push = (kind: PartiqlTokenKind, start: number, end: number, text = source.slice(start, end)): void => {
    tokens.push({ kind, text, start, end });
  };
  while (i < n) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '-' && source[i + 1] === '-') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) {
        push('Unknown', i, n);
        i = n;
        continue;
      }
      i = close + 2;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      const quoted = readQuoted(source, i, c);
      if (!quoted) {
        push('Unknown', i, n);
        i = n;
        continue;
      }
      i = quoted.end;
      push(c === "'" ? 'String' : 'QuotedIdentifier', start, i, quoted.value);
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      while (isDigit(source[i])) i++;
      if (source[i] === '.') {
        i++;
        while (isDigit(source[i])) i++;
      }
      if (
        (source[i] === 'e' || source[i] === 'E') &&
        (isDigit(source[i + 1]) || ((source[i + 1] === '+' || source[i + 1] === '-') && isDigit(source[i + 2])))
      ) {
        i += 2;
        while (isDigit(source[i])) i++;
      }
      push('Number', start, i);
      continue;
    }
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(source[i]!)) i++;
      push('Identifier', start, i);
      continue;
    }
    const two = source.slice(i, i + 2);
    if (PUNCTUATORS2.includes(two)) {
      i += 2;
      push('Punctuator', start, i);
      continue;
    }
    if (PUNCTUATORS1.includes(c)) {
      i++;
      push('Punctuator', start, i);
      continue;
    }
    // One whole code point, so a message never shows half a surrogate pair.
    const code = source.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    push('Unknown', start, i);
  }
  tokens.push({ kind: 'EOF', text: '<EOF>', start: n, end: n });
  return tokens;
}
