/** The Kinesis channel binding: a factory for the engine's ChannelBindings map. */
import type { ChannelFactory } from "../../engine/contract";
import { createBrokerBinding, type BrokerBindingOptions } from "../broker-binding";
import type { CheckpointStore } from "./checkpoint-store";
import { createKinesisAdapter } from "./kinesis-adapter";
import type { ShardLeases } from "./shard-leases";

export { createMemoryCheckpointStore, type CheckpointStore } from "./checkpoint-store";
export { createDbCheckpointStore } from "./db-checkpoint-store";
export type { ShardLeases } from "./shard-leases";

export interface KinesisBindingOptions extends BrokerBindingOptions {
  checkpoints: CheckpointStore;
  /** Wait after an empty GetRecords page (default 1 s: AWS allows 5 reads per second per shard, shared by readers). */
  pollIdleMs?: number;
  /** Cluster mode: shards leased across the processes (cluster/kinesis-shard-leases.ts). Without: every shard. */
  shardLeases?: ShardLeases;
}

export function createKinesisBinding(options: KinesisBindingOptions): ChannelFactory {
  return createBrokerBinding(
    "kinesis",
    ({ config, settings, defaultName, context }) => {
      const stream = (typeof config.stream === "string" && config.stream !== "" ? config.stream : defaultName).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 128);
      const shards = typeof config.shards === "number" ? config.shards : 1;
      const ordered = typeof config.orderingKey === "string" && config.orderingKey !== "";
      return createKinesisAdapter({ settings, stream, group: defaultName, shards, checkpoints: options.checkpoints, pollIdleMs: options.pollIdleMs ?? 1_000, ordered, ...(options.shardLeases ? { shardLeases: options.shardLeases } : {}), logger: context.logger });
    },
    options,
  );
}
