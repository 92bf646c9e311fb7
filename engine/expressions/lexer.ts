/**
 * The lexer shared by all five expression kinds. It never throws: a character that starts no
 * token becomes an `Unknown` token, so the parser reports it as DynamoDB does, as a syntax error
 * naming that token.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html
 */

export type TokenKind =
  | 'Identifier' // attribute names, function names and keywords: [A-Za-z_][A-Za-z0-9_]*
  | 'NamePlaceholder' // #name
  | 'ValuePlaceholder' // :value
  | 'Integer' // list indexes
  | 'Punctuator' // ( ) [ ] . , = <> < <= > >= + -
  | 'Unknown'
  | 'EOF';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token; '<EOF>' at the end, as DynamoDB prints it. */
  readonly text: string;
  /** Offsets into the expression: [start, end). */
  readonly start: number;
  readonly end: number;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Splits an expression into tokens, ending with one EOF token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (c === 35 /* # */ || c === 58 /* : */) {
      i++;
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      kind = i === start + 1 ? 'Unknown' : c === 35 ? 'NamePlaceholder' : 'ValuePlaceholder';
    } else if (isDigit(c)) {
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      // "1abc" is one malformed word, not a number followed by a name.
      if (i < n && isWordChar(source.charCodeAt(i))) {
        while (i < n && isWordChar(source.charCodeAt(i))) i++;
        kind = 'Unknown';
      } else kind = 'Integer';
    } else if (isWordChar(c)) {
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      kind = 'Identifier';
    } else {
      const next = i + 1 < n ? source.charCodeAt(i + 1) : 0;
      if ((c === 60 /* < */ && (next === 62 || next === 61)) || (c === 62 /* > */ && next === 61)) {
        i += 2;
        kind = 'Punctuator';
      } else if ('()[].,=<>+-'.includes(source[i]!)) {
        i++;
        kind = 'Punctuator';
      } else {
        // One whole code point, so the message never shows half a surrogate pair.
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        kind = 'Unknown';
      }
    }
    tokens.push({ kind, text: source.slice(start, i), start, end: i });
  }
  tokens.push({ kind: 'EOF', text: '<EOF>', start: n, end: n });
  return tokens;
}
