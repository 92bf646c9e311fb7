/**
 * Counts the parser's work instead of timing it: a test file swaps the lexer for this wrapper
 * (vi.mock, see parser.property.test.ts), and every token the parser looks at is one read.
 * The parser reads tokens only by index and never backtracks, so its reads bound its steps,
 * whatever the machine's load.
 */
import type * as Lexer from '../../../engine/expressions/lexer.ts';

export interface ParserWork {
  /** Calls of tokenize: 0 means an expression was refused before it was lexed. */
  tokenizeCalls: number;
  /** Tokens the lexer produced, EOF included. */
  tokens: number;
  /** Tokens the parser read (index reads of the token array). */
  reads: number;
}

export const work: ParserWork = { tokenizeCalls: 0, tokens: 0, reads: 0 };

export function resetWork(): void {
  work.tokenizeCalls = 0;
  work.tokens = 0;
  work.reads = 0;
}

/** What `f` threw (undefined when it returned) and the parser work it did. */
export function withWork(f: () => unknown): { thrown: unknown; work: ParserWork } {
  resetWork();
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  return { thrown, work: { ...work } };
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/** The lexer module with tokenize wrapped to count its tokens and every read of them. */
export function countingLexer(lexer: typeof Lexer): typeof Lexer {
  return {
    ...lexer,
    tokenize(source: string) {
      const tokens = lexer.tokenize(source);
      work.tokenizeCalls++;
      work.tokens += tokens.length;
      return new Proxy(tokens, {
        get(target, key, receiver) {
          if (typeof key === 'string' && INDEX.test(key)) work.reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    },
  };
}
