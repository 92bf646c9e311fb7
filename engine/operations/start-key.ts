/**
 * ExclusiveStartKey checks shared by Query and Scan: the key must name exactly the table's key
 * attributes (plus the index's when reading one), each of its declared type.
 */
import { ValidationException } from '../errors.ts';
import type { IndexDefinition, Table } from '../storage/table.ts';
import { newAttributeMap, type Item } from '../values/attribute-value.ts';
import { validateKey } from '../values/validate.ts';
import { keyAttributes, tableKey } from './common.ts';
import { pageKeyNames } from './read-page.ts';

export function checkStartKey(table: Table, index: IndexDefinition | undefined, start: Item): void {
  const names = pageKeyNames(table, index);
  if (Object.keys(start).length !== names.length || names.some((n) => start[n] === undefined)) {
    throw new ValidationException('The provided starting key is invalid: The provided key element does not match the schema');
  }
  const tablePart = newAttributeMap();
  for (const k of tableKey(table)) tablePart[k.name] = start[k.name]!;
  try {
    validateKey(tablePart, tableKey(table));
    if (index) {
      for (const k of keyAttributes(index.key)) {
        if (!(k.type in start[k.name]!)) throw new ValidationException('The provided key element does not match the schema');
      }
    }
  } catch (error) {
    if (error instanceof ValidationException) throw new ValidationException(`The provided starting key is invalid: ${error.message}`);
    throw error;
  }
}
