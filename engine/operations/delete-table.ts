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

/**
 * Members of a full TableDescription that AWS leaves out of DeleteTable's answer: the key schema,
 * attribute definitions and creation time (the AWS CLI reference's delete-table example answers
 * TableStatus, TableSizeBytes, ItemCount, TableName and ProvisionedThroughput, with TableArn,
 * TableId, BillingModeSummary and DeletionProtectionEnabled on today's service), and the indexes:
 * "If the table is in the DELETING state, no information about indexes will be returned"
 * (API_TableDescription.html, LocalSecondaryIndexes and GlobalSecondaryIndexes).
 */
const OMITTED_WHEN_DELETING = ['AttributeDefinitions', 'KeySchema', 'CreationDateTime', 'LocalSecondaryIndexes', 'GlobalSecondaryIndexes'] as const;

/** The TableDescription DeleteTable answers: DELETING, without what AWS omits. */
export function describeDeletedTable(description: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...description, TableStatus: 'DELETING' };
  for (const member of OMITTED_WHEN_DELETING) delete out[member];
  return out;
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const table = db.tableByName(request.TableName as string);
  if (table.definition.deletionProtection) {
    throw new ValidationException('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
  }
  db.removeTable(table.definition.name);
  return { TableDescription: describeDeletedTable(describeTable(table, 'DELETING')) };
}

export const deleteTable: Operation = { shape, run };
