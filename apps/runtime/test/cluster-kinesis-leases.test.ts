/**
 * Kinesis shard leases on the test Redis, without Kinesis: holders of one subscription stand for processes
 * (each its own lease set, as each process has one). What they must do: split the shards, hand some to a
 * newcomer, take a stopped holder's shards at once, and stop reading a shard the moment another owner holds it.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createKinesisShardLeases, type KinesisShardLeases } from "../src/cluster/kinesis-shard-leases";
import { clusterKeys } from "../src/cluster/cluster-keys";
import { services, uniqueName } from "./support/brokers/services";
import { waitFor } from "./support/runtime";

const TTL_MS = 600;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const redis = new Redis(services.redis);
const created: KinesisShardLeases[] = [];
const keys: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((leases) => leases.stop()));
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

/** One process's reading of the subscription: the shards it reads now. */
function holder(scope: { stream: string; group: string }, shardIds: string[]) {
  const leases = createKinesisShardLeases({ redis, workerId: uniqueName("w"), ttlMs: TTL_MS, logger: quiet });
  created.push(leases);
  const reading = new Set<string>();
  const hold = leases.hold(scope, shardIds, {
    gained: (shardId) => {
      if (reading.has(shardId)) throw new Error(`${shardId} gained twice`);
      reading.add(shardId);
    },
    lost: async (shardId) => void reading.delete(shardId),
  });
  return { reading, update: (next: string[]) => hold.update(next), stop: () => hold.stop() };
}

function subscription(count: number) {
  const scope = { stream: uniqueName("stream"), group: "g" };
  const shardIds = Array.from({ length: count }, (_, index) => `shardId-${index}`);
  keys.push(clusterKeys.kinesisMembers(scope.stream, scope.group), ...shardIds.map((shardId) => clusterKeys.kinesisShard(scope.stream, scope.group, shardId)));
  return { scope, shardIds };
}

const sizes = (holders: { reading: Set<string> }[]) => holders.map((one) => one.reading.size);
const disjointCover = (holders: { reading: Set<string> }[], shardIds: string[]) => holders.flatMap((one) => [...one.reading]).sort().join() === [...shardIds].sort().join();

describe("Kinesis shard leases (Redis)", () => {
  it("a lone holder reads every shard; a newcomer gets a share; a stopped holder's shards move at once", async () => {
    const { scope, shardIds } = subscription(4);
    const first = holder(scope, shardIds);
    await waitFor(() => first.reading.size === 4, 5_000);
    const second = holder(scope, shardIds);
    await waitFor(() => sizes([first, second]).join() === "2,2" && disjointCover([first, second], shardIds), 10_000);
    const third = holder(scope, shardIds);
    // ceil(4 / 3) = 2: nobody is over its share, so the newcomer gets nothing until a shard is free.
    await waitFor(() => disjointCover([first, second, third], shardIds), 5_000);
    expect(Math.max(...sizes([first, second, third]))).toBeLessThanOrEqual(2);
    const before = Date.now();
    await first.stop();
    expect(first.reading.size).toBe(0);
    await waitFor(() => disjointCover([second, third], shardIds) && sizes([second, third]).join() === "2,2", 5_000);
    // A graceful stop releases at once: taken over within a renewal or two, not after the TTL.
    expect(Date.now() - before).toBeLessThan(TTL_MS * 2);
  }, 30_000);

  it("stops reading a shard at once when another owner holds its lease", async () => {
    const { scope, shardIds } = subscription(2);
    const only = holder(scope, shardIds);
    await waitFor(() => only.reading.size === 2, 5_000);
    // Another process's token (as after a pause longer than the TTL): the next renewal finds it and lets go.
    await redis.set(clusterKeys.kinesisShard(scope.stream, scope.group, "shardId-0"), "intruder:1:shardId-0", "PX", 60_000);
    await waitFor(() => !only.reading.has("shardId-0"), TTL_MS);
    expect([...only.reading]).toEqual(["shardId-1"]);
    // The intruder's lease ends: the shard is free again and read again.
    await redis.del(clusterKeys.kinesisShard(scope.stream, scope.group, "shardId-0"));
    await waitFor(() => only.reading.has("shardId-0"), 5_000);
  }, 30_000);

  it("after a reshard: lets go of a shard no longer listed and takes the new ones", async () => {
    const { scope, shardIds } = subscription(2);
    keys.push(...["shardId-2", "shardId-3"].map((shardId) => clusterKeys.kinesisShard(scope.stream, scope.group, shardId)));
    const only = holder(scope, shardIds);
    await waitFor(() => only.reading.size === 2, 5_000);
    // shardId-0 was read to its end and split into shardId-2 and shardId-3.
    only.update(["shardId-1", "shardId-2", "shardId-3"]);
    await waitFor(() => [...only.reading].sort().join() === "shardId-1,shardId-2,shardId-3", 5_000);
    expect(await redis.get(clusterKeys.kinesisShard(scope.stream, scope.group, "shardId-0"))).toBeNull();
  }, 30_000);
});
