import { ORDERS_DEMO, type Deployment, type TraceFrame } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { sleep, waitFor } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();

const MANUAL_GRAPH = {
  nodes: [
    { id: "button", kind: "producer", type: "manual", name: "Button", config: { eventType: "test.clicked", payload: { n: 1 } } },
    { id: "queue", kind: "channel", type: "memory", name: "queue", config: {} },
    { id: "sink", kind: "consumer", type: "log", name: "Sink", config: {} },
    { id: "ticker", kind: "producer", type: "timer", name: "Ticker", config: {} },
  ],
  edges: [
    { id: "e1", source: "button", target: "queue" },
    { id: "e2", source: "queue", target: "sink" },
    { id: "e3", source: "ticker", target: "queue" },
  ],
};

describe("deploying the Orders demo and watching it", () => {
  it("streams a snapshot at once, then rate-limited frames with rising counters; the last frame matches the stop", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: ORDERS_DEMO.name, graph: ORDERS_DEMO.graph });
    const deployed = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev, message: "first" });
    expect(deployed.status).toBe(200);
    expect(deployed.body).toMatchObject({ flowId: flow.id, status: "running", versionNumber: 1, error: null, stoppedAt: null });

    const socket = await server.connect();
    const frames: Array<{ frame: TraceFrame; receivedAt: number }> = [];
    const changes: Deployment[] = [];
    socket.on("trace:frame", (frame) => frames.push({ frame, receivedAt: Date.now() }));
    socket.on("deployment:changed", (deployment) => changes.push(deployment));

    const ackAt = Date.now();
    const ack = await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id });
    expect(ack).toMatchObject({ ok: true, data: { deployment: { id: deployed.body.id, status: "running" } } });
    const snapshot = await waitFor(() => frames[0], 1000);
    expect(snapshot.receivedAt - ackAt).toBeLessThan(500);
    expect(snapshot.frame).toMatchObject({ flowId: flow.id, deploymentId: deployed.body.id });
    expect(Object.keys(snapshot.frame.counters)).toEqual(expect.arrayContaining(["orders-gen", "orders", "audit-log"]));

    await sleep(1300);
    const stream = frames.slice(1);
    expect(stream.length).toBeGreaterThanOrEqual(6);
    expect(stream.length).toBeLessThanOrEqual(16);
    // Frames are built at most every 100 ms (their build times, so a busy test process cannot skew it).
    const gaps = stream.slice(1).map((f, i) => f.frame.at - (stream[i]?.frame.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    const emitted = stream.map((f) => f.frame.counters["orders-gen"]?.emitted ?? 0);
    expect(emitted.at(-1)).toBeGreaterThan(emitted[0] ?? 0);
    for (let i = 1; i < emitted.length; i += 1) expect(emitted[i]).toBeGreaterThanOrEqual(emitted[i - 1] ?? 0);

    const stopped = await server.api("POST", `/api/flows/${flow.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.deployment).toMatchObject({ id: deployed.body.id, status: "stopped" });
    expect(stopped.body.deployment.stoppedAt).toEqual(expect.any(String));
    expect(stopped.body.report).toEqual({ drained: expect.any(Number), dropped: expect.any(Number), timedOut: expect.any(Boolean) });
    expect(stopped.body.report.timedOut).toBe(false);

    await waitFor(() => changes.some((d) => d.status === "stopped"), 2000);
    await sleep(300);
    const last = frames.at(-1)?.frame;
    expect(last?.counters).toEqual(stopped.body.counters);
    expect(stopped.body.counters["orders-gen"].emitted).toBeGreaterThan(0);
    // Nothing runs any more: no frames after the final one.
    const count = frames.length;
    await sleep(300);
    expect(frames.length).toBe(count);

    const history = await server.api("GET", `/api/flows/${flow.id}/deployments`);
    expect(history.body).toEqual([expect.objectContaining({ id: deployed.body.id, status: "stopped", versionNumber: 1 })]);
  });

  it("redeploys as a new version, replacing the running deployment, and lists the current one", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Redeploy", graph: ORDERS_DEMO.graph });
    const first = await server.api("POST", `/api/flows/${flow.id}/deploy`, {});
    const saved = await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, name: "Redeploy v2" });
    const second = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: saved.body.rev });
    expect(second.body).toMatchObject({ status: "running", versionNumber: 2 });
    const history = await server.api("GET", `/api/flows/${flow.id}/deployments`);
    expect(history.body.map((d: Deployment) => [d.id, d.status])).toEqual([
      [second.body.id, "running"],
      [first.body.id, "stopped"],
    ]);
    const list = await server.api("GET", "/api/flows");
    expect(list.body.find((f: { id: string }) => f.id === flow.id).deployment).toMatchObject({ id: second.body.id, status: "running" });

    const deleted = await server.api("DELETE", `/api/flows/${flow.id}`);
    expect(deleted.status).toBe(204);
    expect(server.runtime.deploy.snapshot(flow.id)).toBeNull();
  });

  it("serialises concurrent deploys of one flow: one running deployment at the end", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Concurrent", graph: ORDERS_DEMO.graph });
    const results = await Promise.all([1, 2, 3].map(() => server.api("POST", `/api/flows/${flow.id}/deploy`, {})));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const history = await server.api("GET", `/api/flows/${flow.id}/deployments`);
    expect(history.body.filter((d: Deployment) => d.status === "running")).toHaveLength(1);
    expect(history.body.map((d: Deployment) => d.versionNumber).sort()).toEqual([1, 2, 3]);
    await server.api("POST", `/api/flows/${flow.id}/stop`);
  });
});

describe("manual injection", () => {
  it("injects over HTTP and socket.io into a manual producer only", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Manual", graph: MANUAL_GRAPH });
    expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, {})).status).toBe(200);
    const socket = await server.connect();
    await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id });

    const http = await server.api("POST", `/api/flows/${flow.id}/nodes/button/inject`, { data: { n: 42 } });
    expect(http.status).toBe(200);
    expect(http.body.eventId).toEqual(expect.any(String));
    const noBody = await server.api("POST", `/api/flows/${flow.id}/nodes/button/inject`);
    expect(noBody.status).toBe(200);
    const viaSocket = await socket.timeout(5000).emitWithAck("node:inject", { flowId: flow.id, nodeId: "button", data: { n: 7 } });
    expect(viaSocket).toEqual({ ok: true, data: { eventId: expect.any(String) } });

    const wrongNode = await server.api("POST", `/api/flows/${flow.id}/nodes/ticker/inject`, {});
    expect(wrongNode.status).toBe(422);
    expect(wrongNode.body.error.code).toBe("NODE_NOT_INJECTABLE");
    const missingNode = await server.api("POST", `/api/flows/${flow.id}/nodes/ghost/inject`, {});
    expect(missingNode.status).toBe(404);

    await waitFor(() => (server.runtime.deploy.snapshot(flow.id)?.counters.sink?.done ?? 0) >= 3, 3000);
    const counters = server.runtime.deploy.snapshot(flow.id)?.counters;
    expect(counters?.button?.emitted).toBe(3);
    const stopped = await server.api("POST", `/api/flows/${flow.id}/stop`);
    expect(stopped.body.counters.button.emitted).toBe(3);
  });
});
