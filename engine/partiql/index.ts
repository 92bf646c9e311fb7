/**
 * DynamoDB's PartiQL: the statement parser and the translation of each statement into the API
 * request that runs it. The three actions (ExecuteStatement, BatchExecuteStatement,
 * ExecuteTransaction) live in engine/operations/.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html
 */
export type * from './ast.ts';
export { tokenizeStatement, type PartiqlToken, type PartiqlTokenKind } from './lexer.ts';
export { parseStatement, StatementSyntaxError, NOT_WELL_FORMED, ALIASING_NOT_SUPPORTED, MAX_STATEMENT_LENGTH, type StatementPosition } from './parser.ts';
export {
  translateStatement,
  translateKeyRead,
  translateExists,
  PARTIQL_MESSAGES,
  type Translation,
  type TranslationOptions,
  type KeySchemaLookup,
} from './translate.ts';
