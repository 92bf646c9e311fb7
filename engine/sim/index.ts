/**
 * The simulation (issue 13): the engine behind replicas with replication lag, GSI propagation
 * lag, partitions with burst and adaptive capacity, on-demand scaling, a DAX cluster and
 * CloudWatch-style metrics, on a virtual clock and a seed. See README.md beside this file.
 */
export {
  DEFAULT_INDEX_LAG,
  DEFAULT_REPLICATION_LAG,
  INDEX_THROUGHPUT_EXCEEDED_MESSAGE,
  Simulation,
  TABLE_THROUGHPUT_EXCEEDED_MESSAGE,
  type RequestEvent,
  type SimulationOptions,
} from './simulation.ts';
export { drawLag, NO_LAG, SeededRandom, type LagDistribution } from './random.ts';
export { PARTITION_MAX_BYTES, PARTITION_MAX_RCU, PARTITION_MAX_WCU, partitionOf, partitionsNeeded } from './partitions.ts';
export {
  CapacityPool,
  ON_DEMAND_INITIAL_UNITS,
  ON_DEMAND_PEAK_MULTIPLE,
  ON_DEMAND_TABLE_QUOTA,
  type PoolMode,
  type Refusal,
  type UnitKind,
} from './throughput.ts';
export { applyUndo, itemViewWithout, REPLICAS, ReplicaLog, undoImage, viewWithout, type UndoImage, type WriteRecord } from './replicas.ts';
export { Metrics, type MetricDimensions, type MetricName, type MetricPoint } from './metrics.ts';
export { DAX_DEFAULT_NODE_MEMORY_BYTES, DAX_DEFAULT_TTL_MS, DaxCluster, type DaxOptions, type DaxStats } from './dax.ts';
export {
  MAX_DAX_TTL_MS,
  MAX_SIM_LAG_MS,
  MAX_SIM_PARTITIONS,
  SIM_TAG_MESSAGES,
  SIM_TAG_PREFIX,
  simSettings,
  simTagsKey,
  type SimTableSettings,
} from './tags.ts';
export { SandboxSimulations, SIM_METRIC_SECONDS, SIM_TIMELINE_EVENTS, type DaxOutcome, type SimReport } from './sandbox.ts';
