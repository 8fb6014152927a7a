/**
 * Kinesis binding across a reshard (kinesalite): splitting a shard of the stream while a deployment reads it.
 * Records published after the split go to the two children; the subscription finds them when the parent
 * ends, reads them once the parent's records are all handled, and keeps each key's order across the split —
 * alone, and in cluster mode, where two processes share the shards through Redis leases and learn that a
 * parent ended from the shared checkpoints.
 */
import { DescribeStreamSummaryCommand, ListShardsCommand, SplitShardCommand, type KinesisClient } from "@aws-sdk/client-kinesis";
import type { CloudEvent, Graph } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createKinesisBinding, createMemoryCheckpointStore, type CheckpointStore, type ShardLeases } from "../../src/bindings/kinesis/index";
import { createKinesisShardLeases, type KinesisShardLeases } from "../../src/cluster/kinesis-shard-leases";
import { systemClock } from "../../src/clock";
import { createEngine, type RunningDeployment } from "../../src/engine/index";
import { startLocalKinesis, type LocalKinesis } from "../support/brokers/kinesis";
import { services, uniqueName } from "../support/brokers/services";
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
  const redis = new Redis(services.redis);
  const running: RunningDeployment[] = [];
  const leases: KinesisShardLeases[] = [];
  beforeAll(async () => {
    kinesis = await startLocalKinesis();
    sdk = kinesis.client();
  });
  afterAll(async () => {
    for (const deployment of running.splice(0)) await deployment.stop({ timeoutMs: 2_000 });
    for (const one of leases.splice(0)) await one.stop();
    redis.disconnect();
    sdk.destroy();
    await kinesis.stop();
  });

  /** One runtime process running the flow: its own engine (and, in cluster mode, its own shard leases). */
  async function startProcess(stream: string, shards: number, checkpoints: CheckpointStore, done: CloudEvent[], shardLeases?: ShardLeases): Promise<RunningDeployment> {
    const bindings = {
      kinesis: createKinesisBinding({
        defaults: { kinesis: { kind: "kinesis", region: "us-east-1", endpoint: kinesis.endpoint, accessKeyId: "local", secretAccessKey: "local" } },
        checkpoints,
        pollIdleMs: 10,
        ...(shardLeases ? { shardLeases } : {}),
      }),
    };
    const graph: Graph = {
      nodes: [node("in", "manual"), { ...node("ch", "kinesis", { stream, shards, orderingKey: "data.k" }), kind: "channel" }, node("sink", "log", { maxLinesPerSecond: 0 })],
      edges: [wire("in", "ch"), wire("ch", "sink")],
    };
    const engine = createEngine({ clock: systemClock, logger: quietLogger, schedule: (fn) => setImmediate(fn), bindings });
    const deployment = await engine.start(engine.compile(graph, { flowId: "reshard", deploymentId: `d-${stream}` }), {
      recorder: { record: (hop, nodeId, event) => void (hop === "done" && nodeId === "sink" && done.push(event)) },
    });
    running.push(deployment);
    return deployment;
  }

  const inject = (deployment: RunningDeployment, from: number) => {
    for (let seq = from; seq < from + PER_PHASE; seq++) deployment.inject("in", { seq, k: `k${seq % KEYS}` });
  };

  async function splitFirstShard(stream: string): Promise<string> {
    const { Shards = [] } = await sdk.send(new ListShardsCommand({ StreamName: stream }));
    const parent = Shards[0]!;
    const [low, high] = [BigInt(parent.HashKeyRange!.StartingHashKey!), BigInt(parent.HashKeyRange!.EndingHashKey!)];
    await sdk.send(new SplitShardCommand({ StreamName: stream, ShardToSplit: parent.ShardId!, NewStartingHashKey: ((low + high) / 2n).toString() }));
    await untilActive(sdk, stream);
    return parent.ShardId!;
  }

  /** Every event handled exactly once, each key's events in publish order. */
  function expectOnceAndInOrder(done: CloudEvent[], events: number): void {
    const seqs = done.map((event) => (event.data as { seq: number; k: string }).seq);
    expect(seqs).toHaveLength(events);
    expect(new Set(seqs).size).toBe(events);
    for (let k = 0; k < KEYS; k++) {
      const ofKey = done.filter((event) => (event.data as { k: string }).k === `k${k}`).map((event) => (event.data as { seq: number }).seq);
      expect(ofKey, `key k${k}`).toEqual([...ofKey].sort((a, b) => a - b));
    }
  }

  it("reads a split shard's children after the parent, every event once, each key in order", async () => {
    const stream = uniqueName("reshard");
    const done: CloudEvent[] = [];
    const deployment = await startProcess(stream, 1, createMemoryCheckpointStore(), done);
    inject(deployment, 0);
    await waitUntil(() => done.length >= PER_PHASE, 15_000, "the events before the split");
    const parent = await splitFirstShard(stream);
    inject(deployment, PER_PHASE);
    await waitUntil(() => done.length >= 2 * PER_PHASE, 15_000, "the events after the split, from the children");

    const after = await sdk.send(new ListShardsCommand({ StreamName: stream }));
    expect(after.Shards?.filter((shard) => shard.ParentShardId === parent)).toHaveLength(2);
    expectOnceAndInOrder(done, 2 * PER_PHASE);
  }, 60_000);

  it("cluster mode: two processes sharing the shards read the children of a parent either of them ended", async () => {
    const stream = uniqueName("reshard-cluster");
    const done: CloudEvent[] = [];
    // The shared checkpoints stand for the database both processes use.
    const checkpoints = createMemoryCheckpointStore();
    const processLeases = () => {
      const one = createKinesisShardLeases({ redis, workerId: uniqueName("w"), ttlMs: 600, logger: quietLogger });
      leases.push(one);
      return one;
    };
    const first = await startProcess(stream, 2, checkpoints, done, processLeases());
    const second = await startProcess(stream, 2, checkpoints, done, processLeases());
    // Balanced (one shard each) within a few lease renewals (a third of the TTL each).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    inject(first, 0);
    await waitUntil(() => done.length >= PER_PHASE, 15_000, "the events before the split");
    await splitFirstShard(stream);
    inject(second, PER_PHASE);
    await waitUntil(() => done.length >= 2 * PER_PHASE, 20_000, "the events after the split, from the children");
    expectOnceAndInOrder(done, 2 * PER_PHASE);
  }, 60_000);
});
