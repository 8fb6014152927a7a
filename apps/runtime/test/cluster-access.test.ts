/**
 * Cluster mode: a member removed from a workspace on one process stops receiving that workspace's flows on
 * every process. Their socket is connected to another process, which holds its trace watcher: the removal
 * is relayed there, so the socket leaves the flow's rooms and its trace frames stop, without a disconnect.
 */
import type { TraceFrame } from "@eventloom/schema";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterKeys } from "../src/cluster/cluster-keys";
import { createTestClient } from "./support/client";
import { services } from "./support/brokers/services";
import { startClusterPair, type ClusterPair } from "./support/cluster-pair";
import { postgresAvailable } from "./support/database";
import { sleep, waitFor, type TestRuntime } from "./support/runtime";
import type { RuntimeProcess } from "./support/runtime-process";

let pair: ClusterPair | undefined;
let first: TestRuntime;
let second: RuntimeProcess;
let flowId: string | undefined;

describe.skipIf(!postgresAvailable)("cluster mode: access revoked on one process", () => {
  beforeAll(async () => {
    pair = await startClusterPair("cluster-access");
    ({ first, second } = pair);
  }, 180_000);

  afterAll(async () => {
    await pair?.close();
    // The lease key expires by itself; the fence counter is kept for as long as the flow may run again.
    if (flowId) {
      const redis = new Redis(services.redis);
      await redis.del(clusterKeys.producerFence(flowId), clusterKeys.producerLease(flowId));
      redis.disconnect();
    }
  });

  it("stops the member's trace frames and saves on the other process", async () => {
    const graph = {
      nodes: [
        { id: "gen", kind: "producer", type: "generator", name: "Gen", config: { rate: 50 } },
        { id: "a", kind: "channel", type: "memory", name: "a", config: {} },
        { id: "log", kind: "consumer", type: "log", name: "Log", config: { maxLinesPerSecond: 0 } },
      ],
      edges: [
        { id: "e1", source: "gen", target: "a" },
        { id: "e2", source: "a", target: "log" },
      ],
    };
    const { body: flow } = await first.api("POST", "/api/flows", { name: "Watched elsewhere", graph });
    flowId = flow.id;
    expect((await first.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev })).status).toBe(200);
    const member = await first.addMember("viewer");

    // The member signs in on the other process and watches the flow there.
    const elsewhere = createTestClient(second.baseUrl);
    expect((await elsewhere.api("POST", "/api/auth/login", { email: member.user.email, password: "member password 1" })).status).toBe(200);
    const socket = await elsewhere.connect();
    const frames: TraceFrame[] = [];
    const saves: string[] = [];
    socket.on("trace:frame", (frame) => frames.push(frame));
    socket.on("flow:updated", (update) => saves.push(update.name));
    expect(await waitFor(() => socket.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id }).then((ack) => ack.ok && ack), 10_000)).toMatchObject({ ok: true });
    await waitFor(() => frames.length >= 3, 10_000);

    expect((await first.api("DELETE", `/api/workspaces/${first.workspaceId}/members/${member.user.id}`)).status).toBe(204);
    // Relayed through Redis: give it a moment, then nothing more may arrive.
    await sleep(500);
    const framesAfter = frames.length;
    await first.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, name: "Renamed after the removal" });
    await sleep(1_000);
    expect(frames.length).toBe(framesAfter);
    expect(saves).toEqual([]);
    expect(socket.connected).toBe(true);
    elsewhere.disconnectAll();
    await first.api("POST", `/api/flows/${flow.id}/stop`);
  }, 60_000);
});
