/**
 * Hot redeploy through the HTTP API: changing one filter while a generator runs restarts only that filter,
 * and after a final drain every generated event reached the sink (nothing lost between unchanged nodes).
 */
import { describe, expect, it } from "vitest";
import { sleep, waitFor } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();

/** Both filter versions pass every event (seq ≥ 1), so the sink must see exactly what the generator made. */
const graph = (threshold: number, retention = 0) => ({
  nodes: [
    { id: "gen", kind: "producer", type: "generator", name: "Gen", config: { rate: 4000, template: { n: "{{seq}}" } } },
    { id: "a", kind: "channel", type: "memory", name: "A", config: { retention: { maxEvents: retention, maxAgeMs: 0 } } },
    { id: "f", kind: "consumer", type: "filter", name: "F", config: { pattern: { data: { n: [{ numeric: [">", threshold] }] } } } },
    { id: "b", kind: "channel", type: "memory", name: "B", config: {} },
    { id: "sink", kind: "consumer", type: "log", name: "Sink", config: { maxLinesPerSecond: 0 } },
  ],
  edges: [
    { id: "e1", source: "gen", target: "a" },
    { id: "e2", source: "a", target: "f" },
    { id: "e3", source: "f", target: "b" },
    { id: "e4", source: "b", target: "sink" },
  ],
});

describe("hot redeploy over HTTP", () => {
  it("restarts only the changed filter while the generator runs; no event is lost", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Hot swap", graph: graph(0) });
    const first = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev });
    expect(first.status).toBe(200);
    await sleep(200);
    const saved = await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, graph: graph(-1) });
    expect(saved.status).toBe(200);
    const second = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: saved.body.rev });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: "running", versionNumber: 2 });
    await sleep(200);
    const history = await server.api("GET", `/api/flows/${flow.id}/deployments`);
    expect(history.body.find((d: { id: string }) => d.id === first.body.id)).toMatchObject({ status: "stopped" });

    const stopped = await server.api("POST", `/api/flows/${flow.id}/stop`);
    expect(stopped.status).toBe(200);
    const { counters, report } = stopped.body;
    expect(report).toMatchObject({ dropped: 0, timedOut: false });
    expect(counters.gen.emitted).toBeGreaterThan(500);
    expect(counters.a.received).toBe(counters.gen.emitted);
    expect(counters.f.received).toBe(counters.gen.emitted);
    expect(counters.sink.received).toBe(counters.gen.emitted);
    for (const id of ["a", "b"]) expect(counters[id].dropped).toBe(0);
  });

  it("leaves the previous version running when the new one cannot start", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Stays up", graph: graph(0) });
    const first = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev });
    const broken = graph(0);
    broken.nodes[0]!.config = { rate: 10, template: { n: "{{int 9 1}}" } };
    const saved = await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, graph: broken });
    const failed = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: saved.body.rev });
    expect(failed.status).toBe(422);
    expect(failed.body.error).toMatchObject({ code: "DEPLOY_FAILED", details: { nodeId: "gen" } });
    const history = await server.api("GET", `/api/flows/${flow.id}/deployments`);
    expect(history.body.find((d: { id: string }) => d.id === first.body.id)).toMatchObject({ status: "running" });
    const stopped = await server.api("POST", `/api/flows/${flow.id}/stop`);
    expect(stopped.body.deployment.id).toBe(first.body.id);
  });

  it("replays a channel's retained events through POST …/channels/:nodeId/replay", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Replay", graph: graph(0, 50) });
    await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev });
    await waitFor(async () => (await server.api("POST", `/api/flows/${flow.id}/channels/a/replay`, { limit: 10 })).body.replayed === 10);
    const bad = await server.api("POST", `/api/flows/${flow.id}/channels/f/replay`, {});
    expect(bad.status).toBe(404);
    const stopped = await server.api("POST", `/api/flows/${flow.id}/stop`);
    const { counters } = stopped.body;
    expect(counters.a.received).toBeGreaterThanOrEqual(counters.gen.emitted + 10);
    expect(counters.sink.received).toBe(counters.a.received);
  });
});
