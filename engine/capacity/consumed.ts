/**
 * ConsumedCapacity as responses carry it: TOTAL gives the table name and the total; INDEXES
 * adds the table's share and each index's. The units themselves come from units.ts.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ConsumedCapacity.html
 */

export type ReturnConsumedCapacity = 'TOTAL' | 'INDEXES' | 'NONE';

/** Units one request consumed, split by where they were consumed. */
export class CapacityTally {
  table = 0;
  readonly localIndexes = new Map<string, number>();
  readonly globalIndexes = new Map<string, number>();

  addIndex(kind: 'local' | 'global', name: string, units: number): void {
    const map = kind === 'local' ? this.localIndexes : this.globalIndexes;
    map.set(name, (map.get(name) ?? 0) + units);
  }

  get total(): number {
    let total = this.table;
    for (const u of this.localIndexes.values()) total += u;
    for (const u of this.globalIndexes.values()) total += u;
    return total;
  }

  /** Adds another tally (batches and transactions charge several writes to one table). */
  merge(other: CapacityTally): void {
    this.table += other.table;
    for (const [name, u] of other.localIndexes) this.addIndex('local', name, u);
    for (const [name, u] of other.globalIndexes) this.addIndex('global', name, u);
  }
}

function capacity(units: number, kind: 'read' | 'write'): Record<string, number> {
  return kind === 'read' ? { CapacityUnits: units, ReadCapacityUnits: units } : { CapacityUnits: units, WriteCapacityUnits: units };
}

function indexMap(map: Map<string, number>, kind: 'read' | 'write'): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, units] of map) out[name] = capacity(units, kind);
  return out;
}

/**
 * The ConsumedCapacity member for `mode`, or undefined when the request did not ask for it.
 * `kind` says whether the units are read or write units.
 */
export function shapeConsumedCapacity(
  tableName: string,
  tally: CapacityTally,
  mode: ReturnConsumedCapacity | undefined,
  kind: 'read' | 'write',
): Record<string, unknown> | undefined {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
  const out: Record<string, unknown> = { TableName: tableName, ...capacity(tally.total, kind) };
  if (mode === 'INDEXES') {
    out.Table = capacity(tally.table, kind);
    if (tally.localIndexes.size) out.LocalSecondaryIndexes = indexMap(tally.localIndexes, kind);
    if (tally.globalIndexes.size) out.GlobalSecondaryIndexes = indexMap(tally.globalIndexes, kind);
  }
  return out;
}

/** ConsumedCapacity for multi-table actions (batches, transactions): one entry per table. */
export function shapeConsumedCapacities(
  tallies: ReadonlyMap<string, CapacityTally>,
  mode: ReturnConsumedCapacity | undefined,
  kind: 'read' | 'write',
): Record<string, unknown>[] | undefined {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
  return [...tallies].map(([tableName, tally]) => shapeConsumedCapacity(tableName, tally, mode, kind)!);
}
