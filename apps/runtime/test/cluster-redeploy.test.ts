/**
 * Cluster mode: a redeploy and a rollback made on one process reach the other, which hot-swaps to the same
 * version (the database is the truth); a stop there stops it here. Observed from outside: webhooks posted to
 * the other process land where the running version's webhook-out points.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpSink, type HttpSink } from "./bindings/http-sink";
import { startClusterPair, type ClusterPair } from "./support/cluster-pair";
import { postgresAvailable } from "./support/database";
import { waitFor, type TestRuntime } from "./support/runtime";
import type { RuntimeProcess } from "./support/runtime-process";

let pair: ClusterPair | undefined;
let sink: HttpSink;
let first: TestRuntime;
let second: RuntimeProcess;

function graph(target: string) {
  const node = (id: string, kind: string, type: string, config: Record<string, unknown> = {}) => ({ id, kind, type, name: id, position: { x: 0, y: 0 }, config });
  return {
    nodes: [node("hook", "producer", "webhook-in"), node("mem", "channel", "memory"), node("out", "consumer", "webhook-out", { url: sink.url(target) })],
    edges: [
      { id: "e1", source: "hook", target: "mem" },
      { id: "e2", source: "mem", target: "out" },
    ],
  };
}

/** Posts to the second process until an event reaches `target` on the sink. */
async function reachesOnSecond(flowId: string, target: string): Promise<void> {
  await waitFor(async () => {
    const response = await fetch(`${second.baseUrl}/hooks/${flowId}/hook`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    if (response.status !== 202) return false;
    const { eventId } = (await response.json()) as { eventId: string };
    return waitFor(() => sink.received.find((entry) => entry.id === eventId), 2_000).then((entry) => entry.consumer === target, () => false);
  }, 15_000);
}

describe.skipIf(!postgresAvailable)("cluster mode: redeploys made on another process", () => {
  beforeAll(async () => {
    sink = await startHttpSink();
    pair = await startClusterPair("cluster-redeploy");
    ({ first, second } = pair);
  }, 180_000);

  afterAll(async () => {
    await pair?.close();
    await sink?.close();
  });

  it("swaps to each new version and stops with it", async () => {
    const { body: flow } = await first.api("POST", "/api/flows", { name: "Redeployed elsewhere", graph: graph("v1") });
    expect((await first.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev })).status).toBe(200);
    await reachesOnSecond(flow.id, "v1");

    const saved = await first.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, graph: graph("v2") });
    const redeployed = await first.api("POST", `/api/flows/${flow.id}/deploy`, { rev: saved.body.rev });
    expect(redeployed.status).toBe(200);
    expect(redeployed.body.warnings).toEqual([expect.objectContaining({ code: "CHANNEL_PROCESS_LOCAL", nodeId: "mem" })]);
    await reachesOnSecond(flow.id, "v2");

    expect((await first.api("POST", `/api/flows/${flow.id}/versions/1/deploy`, {})).status).toBe(200);
    await reachesOnSecond(flow.id, "v1");

    expect((await first.api("POST", `/api/flows/${flow.id}/stop`)).status).toBe(200);
    await waitFor(async () => (await fetch(`${second.baseUrl}/hooks/${flow.id}/hook`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status === 404, 10_000);
  }, 60_000);
});
