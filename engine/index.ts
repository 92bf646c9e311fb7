/**
 * The engine's public surface: what app/ and the tests import. Other modules add their exports
 * here as they land.
 */
export { Database, type CapacityUsage, type DatabaseLimits, type DatabaseOptions } from './database.ts';
export * from './errors.ts';
export type { AttributeValue, AttributeType, Item, ScalarAttributeType } from './values/attribute-value.ts';
export { CapacityTally, shapeConsumedCapacity, type ReturnConsumedCapacity } from './capacity/consumed.ts';
export { OPERATIONS } from './operations/registry.ts';
export type { Table, TableDefinition, IndexDefinition, KeySchema } from './storage/table.ts';
/** The cost model: prices, bills with working, break-even, DAX, serverless. */
export * as cost from './cost/index.ts';
