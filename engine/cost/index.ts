/**
 * The cost model: dated, sourced prices and pure functions that turn a workload into a monthly
 * bill with its working. Money is exact (decimal.js) until it is shown in cents.
 */
export * from './prices.ts';
export * from './money.ts';
export * from './line-item.ts';
export * from './workload.ts';
export * from './table-cost.ts';
export * from './traffic-shape.ts';
export * from './dax.ts';
export * from './serverless.ts';
export * from './question-figures.ts';
