/**
 * A tiny evaluator for the arithmetic authors write in calculator arguments after placeholders
 * are filled in ("{{size_kb}}*1024+{{extra}}" becomes "12*1024+100"). Numbers, + - * / and
 * parentheses, nothing else: content is data, and data must never reach eval.
 *
 *   expression := term (('+' | '-') term)*
 *   term       := factor (('*' | '/') factor)*
 *   factor     := ('-' | '+') factor | number | '(' expression ')'
 */
export class ArithmeticError extends Error {
  override readonly name = 'ArithmeticError';
}

const ARITHMETIC = /^[\d\s.+\-*/()eE]+$/;

/** True when the text is made only of what evaluateArithmetic accepts (it may still be malformed). */
export function looksArithmetic(text: string): boolean {
  return ARITHMETIC.test(text) && /\d/.test(text);
}

export function evaluateArithmetic(text: string): number {
  let pos = 0;
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const fail = (what: string): never => {
    throw new ArithmeticError(`${what} at position ${pos + 1} of "${text}"`);
  };
  const parseNumber = (): number => {
    const match = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(pos));
    if (!match) return fail('Expected a number');
    pos += match[0].length;
    return Number(match[0]);
  };
  const parseFactor = (): number => {
    skip();
    const c = text[pos];
    if (c === '-') {
      pos++;
      return -parseFactor();
    }
    if (c === '+') {
      pos++;
      return parseFactor();
    }
    if (c === '(') {
      pos++;
      const value = parseExpression();
      skip();
      if (text[pos] !== ')') fail('Expected ")"');
      pos++;
      return value;
    }
    return parseNumber();
  };
  const parseTerm = (): number => {
    let value = parseFactor();
    for (;;) {
      skip();
      const c = text[pos];
      if (c !== '*' && c !== '/') return value;
      pos++;
      const rhs = parseFactor();
      if (c === '/' && rhs === 0) fail('Division by zero');
      value = c === '*' ? value * rhs : value / rhs;
    }
  };
  function parseExpression(): number {
    let value = parseTerm();
    for (;;) {
      skip();
      const c = text[pos];
      if (c !== '+' && c !== '-') return value;
      pos++;
      const rhs = parseTerm();
      value = c === '+' ? value + rhs : value - rhs;
    }
  }
  const value = parseExpression();
  skip();
  if (pos !== text.length) fail('Unexpected character');
  if (!Number.isFinite(value)) fail('Result is not a finite number');
  return value;
}
