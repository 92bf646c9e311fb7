/**
 * DescribeTable.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
 */
import type { Database } from '../database.ts';
import type { Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';
import { describeTable as describe } from './table-description.ts';

const shape: ShapeSpec = {
  TableName: { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' },
};

function run(db: Database, request: Record<string, unknown>): unknown {
  return { Table: describe(db.tableByName(request.TableName as string)) };
}

export const describeTable: Operation = { shape, run };
