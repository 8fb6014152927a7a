/** The Kinesis channel binding: a factory for the engine's ChannelBindings map. */
import type { ChannelFactory } from "../../engine/contract";
import { createBrokerBinding, type BrokerBindingOptions } from "../broker-binding";
import type { CheckpointStore } from "./checkpoint-store";
import { createKinesisAdapter } from "./kinesis-adapter";

export { createMemoryCheckpointStore, type CheckpointStore } from "./checkpoint-store";
export { createDbCheckpointStore } from "./db-checkpoint-store";

export interface KinesisBindingOptions extends BrokerBindingOptions {
  checkpoints: CheckpointStore;
  /** Wait after an empty GetRecords page (default 1 s: AWS allows 5 reads per second per shard, shared by readers). */
  pollIdleMs?: number;
}

export function createKinesisBinding(options: KinesisBindingOptions): ChannelFactory {
  return createBrokerBinding(
    "kinesis",
    ({ config, settings, defaultName, context }) => {
      const stream = (typeof config.stream === "string" && config.stream !== "" ? config.stream : defaultName).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 128);
      const shards = typeof config.shards === "number" ? config.shards : 1;
      return createKinesisAdapter({ settings, stream, group: defaultName, shards, checkpoints: options.checkpoints, pollIdleMs: options.pollIdleMs ?? 1_000, logger: context.logger });
    },
    options,
  );
}
