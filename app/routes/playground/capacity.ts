/**
 * What a response's ConsumedCapacity says, row by row (the total, the table, each index), and how
 * the units were computed where the response alone shows it: the engine's own capacity working
 * (itemReadUnits, itemWriteUnits) fed the sizes of the items returned. That working is shown only
 * when it reaches the very figure the engine charged; where it cannot (a filter or projection
 * hides what was read, an overwrite of a larger item), the rules the grader's capacity hints
 * state are shown instead, in the grader's words (app/grading/capacity-notes.ts).
 */
import { type Calculation, type Item, itemReadUnits, itemSize, itemWriteUnits } from '../../../engine/index.ts';
import { CONSISTENT_READ_DOUBLES_PER_BLOCK, FILTER_DOES_NOT_LOWER_THE_BILL } from '../../grading/capacity-notes.ts';

export interface CapacityRow {
  readonly scope: string;
  readonly units: number;
  readonly read?: number | undefined;
  readonly write?: number | undefined;
}

export interface CapacityReport {
  readonly rows: readonly CapacityRow[];
  readonly working?: { readonly summary: string; readonly calculation: Calculation };
  readonly notes: readonly string[];
}

interface Units {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

interface Consumed extends Units {
  TableName?: string;
  Table?: Units;
  GlobalSecondaryIndexes?: Record<string, Units>;
  LocalSecondaryIndexes?: Record<string, Units>;
}

const row = (scope: string, units: Units): CapacityRow => ({
  scope,
  units: units.CapacityUnits ?? 0,
  read: units.ReadCapacityUnits,
  write: units.WriteCapacityUnits,
});

type Input = Readonly<Record<string, unknown>>;

function sumSizes(items: readonly Item[]): number {
  return items.reduce((sum, item) => sum + itemSize(item), 0);
}

/** The engine's working for the table's share, when the response shows everything it was computed from. */
function working(action: string, input: Input, response: Input, charged: number): CapacityReport['working'] {
  const consistency = input.ConsistentRead === true ? 'strong' : 'eventual';
  let calculation: Calculation | undefined;
  let summary = '';
  if (input.ProjectionExpression !== undefined || input.AttributesToGet !== undefined) return undefined;
  if (action === 'GetItem') {
    const item = response.Item as Item | undefined;
    calculation = itemReadUnits({ itemBytes: item ? itemSize(item) : 0, consistency });
    summary = item
      ? `How ${charged} RCU was computed from the item's size`
      : `How ${charged} RCU was computed: a read that finds nothing still costs one block`;
  } else if ((action === 'Query' || action === 'Scan') && input.FilterExpression === undefined && input.Select !== 'COUNT') {
    const items = (response.Items as Item[] | undefined) ?? [];
    const bytes = sumSizes(items);
    const units = itemReadUnits({ itemBytes: bytes, consistency });
    calculation = {
      ...units,
      steps: [
        {
          label: `Add up the sizes of the ${items.length} item${items.length === 1 ? '' : 's'} read (a page is rounded once, not per item)`,
          value: `${bytes} B`,
        },
        ...units.steps,
      ],
    };
    summary = `How ${charged} RCU was computed from the page's size`;
  } else if (action === 'PutItem' && typeof input.Item === 'object' && input.Item !== null) {
    calculation = itemWriteUnits({ itemBytes: itemSize(input.Item as Item), transactional: false });
    summary = `How ${charged} WCU was computed from the item's size`;
  }
  if (!calculation || Math.abs(calculation.value - charged) > 1e-9) return undefined;
  return { summary, calculation };
}

/** Undefined when the response carries no ConsumedCapacity. */
export function describeCapacity(action: string, input: unknown, response: unknown): CapacityReport | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const consumed = (response as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
  if (consumed === undefined) return undefined;
  const entries = [consumed].flat();
  const rows: CapacityRow[] = [];
  for (const entry of entries) {
    const name = entry.TableName ?? 'table';
    rows.push(row(`${name}: total`, entry));
    if (entry.Table) rows.push(row(`${name}: the table`, entry.Table));
    for (const [index, units] of Object.entries(entry.GlobalSecondaryIndexes ?? {})) rows.push(row(`${name}: GSI ${index}`, units));
    for (const [index, units] of Object.entries(entry.LocalSecondaryIndexes ?? {})) rows.push(row(`${name}: LSI ${index}`, units));
  }
  const request = (typeof input === 'object' && input !== null ? input : {}) as Input;
  const reply = response as Input;
  const notes: string[] = [];
  if (request.FilterExpression !== undefined && typeof reply.ScannedCount === 'number') {
    notes.push(`${reply.ScannedCount} items read, ${String(reply.Count)} returned. ${FILTER_DOES_NOT_LOWER_THE_BILL}`);
  }
  if (request.ConsistentRead === true) notes.push(CONSISTENT_READ_DOUBLES_PER_BLOCK);
  if (entries.some((e) => Object.keys(e.GlobalSecondaryIndexes ?? {}).length > 0) && ['PutItem', 'UpdateItem', 'DeleteItem'].includes(action)) {
    notes.push('A write also costs write units on each global secondary index whose entry it adds, changes or removes.');
  }
  if (action === 'UpdateItem') notes.push('An update is charged for the larger of the item before and after it, not for the attributes it changed.');
  const first = entries.length === 1 ? entries[0]! : undefined;
  const tableUnits = first ? (first.Table?.CapacityUnits ?? first.CapacityUnits ?? 0) : undefined;
  const shown = tableUnits === undefined ? undefined : working(action, request, reply, tableUnits);
  return { rows, notes, ...(shown && { working: shown }) };
}
