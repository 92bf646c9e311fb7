/**
 * The syntax trees of DynamoDB's PartiQL statements. Nodes are tagged with `kind` and carry the
 * offset where they start, for messages. Expressions are general (PartiQL's grammar is), and the
 * translator (translate.ts) decides which of them DynamoDB can run.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.statements.html
 */
import type { AttributeValue } from '../values/attribute-value.ts';

/** a.b[0].c: the first element is always a name. */
export interface PathExpr {
  readonly kind: 'Path';
  readonly elements: readonly (string | number)[];
  readonly start: number;
}

/** A literal: 'text', 12.5, TRUE, NULL. */
export interface LiteralExpr {
  readonly kind: 'Literal';
  readonly value: AttributeValue;
  readonly start: number;
}

/** `?`, the n-th (from 0) of the statement, bound to Parameters[n]. */
export interface ParameterExpr {
  readonly kind: 'Parameter';
  readonly index: number;
  readonly start: number;
}

/** [a, b], { 'k': v }, << 'x', 'y' >>. */
export interface ListExpr {
  readonly kind: 'List';
  readonly elements: readonly Expr[];
  readonly start: number;
}
export interface MapExpr {
  readonly kind: 'Map';
  readonly entries: readonly { readonly key: string; readonly value: Expr }[];
  readonly start: number;
}
export interface SetExpr {
  readonly kind: 'Set';
  readonly elements: readonly Expr[];
  readonly start: number;
}

export type BinaryOperator = 'AND' | 'OR' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '+' | '-';

export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly start: number;
}

export interface NotExpr {
  readonly kind: 'Not';
  readonly operand: Expr;
  readonly start: number;
}

export interface BetweenExpr {
  readonly kind: 'Between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly start: number;
}

export interface InExpr {
  readonly kind: 'In';
  readonly operand: Expr;
  readonly candidates: readonly Expr[];
  readonly start: number;
}

/** `a IS [NOT] MISSING` and `a IS [NOT] NULL`. */
export interface IsExpr {
  readonly kind: 'Is';
  readonly operand: Expr;
  readonly test: 'MISSING' | 'NULL';
  readonly negated: boolean;
  readonly start: number;
}

/** begins_with(a, 'x'), size(a), list_append(a, [1]); the name in lower case. */
export interface CallExpr {
  readonly kind: 'Call';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly start: number;
}

export type Expr = PathExpr | LiteralExpr | ParameterExpr | ListExpr | MapExpr | SetExpr | BinaryExpr | NotExpr | BetweenExpr | InExpr | IsExpr | CallExpr;

/** "Table" or "Table"."Index". */
export interface TableRef {
  readonly table: string;
  readonly index?: string;
}

export interface SelectStatement {
  readonly kind: 'Select';
  /** undefined for `*`. */
  readonly projection: readonly PathExpr[] | undefined;
  readonly from: TableRef;
  readonly where: Expr | undefined;
  /** ORDER BY the sort key: true for DESC. */
  readonly descending: boolean | undefined;
  readonly parameterCount: number;
}

export interface InsertStatement {
  readonly kind: 'Insert';
  readonly table: string;
  readonly value: Expr;
  readonly parameterCount: number;
}

export interface SetClause {
  readonly kind: 'Set';
  readonly path: PathExpr;
  readonly value: Expr;
}
export interface RemoveClause {
  readonly kind: 'Remove';
  readonly path: PathExpr;
}

/** RETURNING ALL OLD * and its three siblings, as UpdateItem's ReturnValues. */
export type Returning = 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

export interface UpdateStatement {
  readonly kind: 'Update';
  readonly table: string;
  readonly clauses: readonly (SetClause | RemoveClause)[];
  /** undefined when the statement has none; the translator refuses it with AWS's key message. */
  readonly where: Expr | undefined;
  readonly returning: Returning | undefined;
  readonly parameterCount: number;
}

export interface DeleteStatement {
  readonly kind: 'Delete';
  readonly table: string;
  readonly where: Expr | undefined;
  readonly returning: Returning | undefined;
  readonly parameterCount: number;
}

/** EXISTS(SELECT ... WHERE <full key> AND ...): a condition check, in ExecuteTransaction only. */
export interface ExistsStatement {
  readonly kind: 'Exists';
  readonly select: SelectStatement;
  readonly parameterCount: number;
}

export type Statement = SelectStatement | InsertStatement | UpdateStatement | DeleteStatement | ExistsStatement;
