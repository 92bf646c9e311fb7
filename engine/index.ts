/**
 * The engine's public surface: the only module app/ imports from the engine (the dependency
 * rules in .dependency-cruiser.cjs enforce it). Tests of the engine's own parts may import
 * those parts directly.
 */
export { Database, type CapacityUsage, type DatabaseLimits, type DatabaseOptions } from './database.ts';
export * from './errors.ts';
export type { Calculation, Step } from './calculation.ts';
export type { AttributeValue, AttributeType, Item, ScalarAttributeType } from './values/attribute-value.ts';
export { attributeSizes, attributeValueSize, itemSize, numberSize, utf8ByteLength } from './values/item-size.ts';
/** An item's 400 KB limit, names included. */
export { MAX_ITEM_SIZE } from './values/validate.ts';
export { CapacityTally, shapeConsumedCapacity, type ReturnConsumedCapacity } from './capacity/consumed.ts';
/** Capacity units, item sizes with working, rates, burst and scan time. */
export * from './capacity/index.ts';
export { OPERATIONS } from './operations/registry.ts';
/** DynamoDB Streams' actions (X-Amz-Target DynamoDBStreams_20120810.*), served beside the table actions. */
export { GET_RECORDS_MAX, SHARD_ITERATOR_LIFETIME_MS, STREAM_OPERATIONS } from './streams/operations.ts';
export { STREAM_RETENTION_MS } from './streams/stream.ts';
/** BatchWriteItem's limit of 25 put and delete requests per call. */
export { BATCH_WRITE_MAX_REQUESTS } from './operations/batch-write-item.ts';
/** PartiQL: parse a statement (errors with AWS's text and a position) and see the API request it runs as. */
export { parseStatement, translateStatement, StatementSyntaxError, type Statement, type StatementPosition, type Translation } from './partiql/index.ts';
export type { Table, TableDefinition, IndexDefinition, KeySchema } from './storage/table.ts';
/** A sandbox as JSON and back, for persisting account sandboxes. */
export { restoreDatabase, snapshotDatabase, SnapshotError, SNAPSHOT_VERSION, type DatabaseSnapshot } from './storage/snapshot.ts';
/** The cost model: prices, bills with working, break-even, DAX, serverless. */
export * from './cost/index.ts';
/** The exam's decision rules and their registry. */
export * from './rules/index.ts';
/** The simulation: replicas, partitions, throughput, DAX and metrics on a virtual clock (engine/sim/README.md). */
export * from './sim/index.ts';
