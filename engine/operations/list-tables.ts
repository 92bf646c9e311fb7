/**
 * ListTables: names in ascending order, at most Limit (default and maximum 100) per page,
 * starting after ExclusiveStartTableName; LastEvaluatedTableName when more remain.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
 */
import type { Database } from '../database.ts';
import type { Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

const shape: ShapeSpec = {
  Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 100 },
  ExclusiveStartTableName: { type: 'String', regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 3, lengthLessThanOrEqual: 255 },
};

function run(db: Database, request: Record<string, unknown>): unknown {
  const limit = (request.Limit as number | undefined) ?? 100;
  const start = request.ExclusiveStartTableName as string | undefined;
  // Table names are ASCII, so code-unit order is byte order.
  const names = db.tableNames().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const remaining = start === undefined ? names : names.filter((n) => n > start);
  const page = remaining.slice(0, limit);
  const response: Record<string, unknown> = { TableNames: page };
  if (remaining.length > limit) response.LastEvaluatedTableName = page[page.length - 1];
  return response;
}

export const listTables: Operation = { shape, run };
