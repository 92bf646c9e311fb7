/**
 * DeleteTable. The table is gone at once in engine time; the response reports DELETING, as AWS does.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
 */
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';
import { describeTable } from './table-description.ts';

const shape: ShapeSpec = {
  TableName: { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' },
};

function run(db: Database, request: Record<string, unknown>): unknown {
  const table = db.tableByName(request.TableName as string);
  if (table.definition.deletionProtection) {
    throw new ValidationException('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
  }
  db.removeTable(table.definition.name);
  return { TableDescription: describeTable(table, 'DELETING') };
}

export const deleteTable: Operation = { shape, run };
