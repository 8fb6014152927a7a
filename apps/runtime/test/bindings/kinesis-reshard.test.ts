/**
 * Kinesis binding across a reshard (kinesalite): splitting the stream's shard while a deployment reads it.
 * Records published after the split go to the two children; the subscription finds them when the parent
 * ends, reads them once the parent's records are all handled, and keeps each key's order across the split.
 */
import { DescribeStreamSummaryCommand, ListShardsCommand, SplitShardCommand, type KinesisClient } from "@aws-sdk/client-kinesis";
import type { CloudEvent, Graph } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKinesisBinding, createMemoryCheckpointStore } from "../../src/bindings/kinesis/index";
import { systemClock } from "../../src/clock";
import { createEngine, type RunningDeployment } from "../../src/engine/index";
import { startLocalKinesis, type LocalKinesis } from "../support/brokers/kinesis";
import { uniqueName } from "../support/brokers/services";
import { node, quietLogger, waitUntil, wire } from "./flow-runner";

const KEYS = 5;
const PER_PHASE = 100;

async function untilActive(client: KinesisClient, stream: string): Promise<void> {
  for (;;) {
    const { StreamDescriptionSummary } = await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
    if (StreamDescriptionSummary?.StreamStatus === "ACTIVE") return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Kinesis binding: resharding", () => {
  let kinesis: LocalKinesis;
  let sdk: KinesisClient;
  let running: RunningDeployment | undefined;
  beforeAll(async () => {
    kinesis = await startLocalKinesis();
    sdk = kinesis.client();
  });
  afterAll(async () => {
    await running?.stop({ timeoutMs: 2_000 });
    sdk.destroy();
    await kinesis.stop();
  });

  it("reads a split shard's children after the parent, every event once, each key in order", async () => {
    const stream = uniqueName("reshard");
    const bindings = {
      kinesis: createKinesisBinding({
        defaults: { kinesis: { kind: "kinesis", region: "us-east-1", endpoint: kinesis.endpoint, accessKeyId: "local", secretAccessKey: "local" } },
        checkpoints: createMemoryCheckpointStore(),
        pollIdleMs: 10,
      }),
    };
    const graph: Graph = {
      nodes: [node("in", "manual"), { ...node("ch", "kinesis", { stream, shards: 1, orderingKey: "data.k" }), kind: "channel" }, node("sink", "log", { maxLinesPerSecond: 0 })],
      edges: [wire("in", "ch"), wire("ch", "sink")],
    };
    const done: CloudEvent[] = [];
    const engine = createEngine({ clock: systemClock, logger: quietLogger, schedule: (fn) => setImmediate(fn), bindings });
    running = await engine.start(engine.compile(graph, { flowId: "reshard", deploymentId: uniqueName("d") }), {
      recorder: { record: (hop, nodeId, event) => void (hop === "done" && nodeId === "sink" && done.push(event)) },
    });
    const inject = (from: number) => {
      for (let seq = from; seq < from + PER_PHASE; seq++) running!.inject("in", { seq, k: `k${seq % KEYS}` });
    };

    inject(0);
    await waitUntil(() => done.length >= PER_PHASE, 15_000, "the events before the split");
    const { Shards = [] } = await sdk.send(new ListShardsCommand({ StreamName: stream }));
    await sdk.send(new SplitShardCommand({ StreamName: stream, ShardToSplit: Shards[0]!.ShardId!, NewStartingHashKey: (2n ** 127n).toString() }));
    await untilActive(sdk, stream);
    inject(PER_PHASE);
    await waitUntil(() => done.length >= 2 * PER_PHASE, 15_000, "the events after the split, from the children");

    const after = await sdk.send(new ListShardsCommand({ StreamName: stream }));
    expect(after.Shards?.filter((shard) => shard.ParentShardId === Shards[0]!.ShardId)).toHaveLength(2);
    const seqs = done.map((event) => (event.data as { seq: number; k: string }).seq);
    expect(new Set(seqs).size).toBe(2 * PER_PHASE);
    for (let k = 0; k < KEYS; k++) {
      const ofKey = done.filter((event) => (event.data as { k: string }).k === `k${k}`).map((event) => (event.data as { seq: number }).seq);
      expect(ofKey, `key k${k}`).toEqual([...ofKey].sort((a, b) => a - b));
    }
  }, 60_000);
});
