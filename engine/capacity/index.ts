/**
 * Capacity arithmetic, the one home of DynamoDB's unit rules (4 KB read blocks, 1 KB write
 * blocks, the rounding of each operation, burst capacity): the engine's operations, the bank's
 * calculators and the rules all call these instead of re-deriving them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
export * from './units.ts';
export * from './read-units.ts';
export * from './write-units.ts';
export * from './item-size-working.ts';
export * from './rate.ts';
export * from './burst.ts';
export * from './scan-time.ts';
export * from './throughput.ts';
export * from './auto-scaling.ts';
