import { describe, expect, it } from "vitest";
import { createMemoryCheckpointStore } from "./checkpoint-store";
import { createKinesisAdapter, type KinesisAdapterOptions } from "./kinesis-adapter";

const options = (ordered: boolean): KinesisAdapterOptions => ({
  settings: { kind: "kinesis", region: "us-east-1", endpoint: "http://127.0.0.1:1", accessKeyId: "local", secretAccessKey: "local" },
  stream: "s",
  group: "g",
  shards: 1,
  checkpoints: createMemoryCheckpointStore(),
  pollIdleMs: 1_000,
  ordered,
  logger: { debug() {}, info() {}, warn() {}, error() {} },
});

describe("Kinesis publish window", () => {
  it("keeps one PutRecords in flight when the channel has an ordering key, several when it has none", () => {
    expect(createKinesisAdapter(options(true)).publishWindow).toBe(1);
    expect(createKinesisAdapter(options(false)).publishWindow).toBeGreaterThan(1);
  });
});
