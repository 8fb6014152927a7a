/**
 * Cluster mode: a webhook reaching a process that has not converged to the flow's deployment yet is not a
 * 404. Here the deploying process's notices are dropped (as a lost Redis message would be) and the other
 * process's periodic database check is ten minutes away, so only converging on demand can answer.
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

const node = (id: string, kind: string, type: string, config: Record<string, unknown> = {}) => ({ id, kind, type, name: id, position: { x: 0, y: 0 }, config });

function graph(hooks: string[]) {
  return {
    nodes: [...hooks.map((id) => node(id, "producer", "webhook-in")), node("mem", "channel", "memory"), node("out", "consumer", "webhook-out", { url: sink.url("converge") })],
    edges: [...hooks.map((id) => ({ id: `e-${id}`, source: id, target: "mem" })), { id: "e-out", source: "mem", target: "out" }],
  };
}

function post(flowId: string, nodeId: string): Promise<Response> {
  return fetch(`${second.baseUrl}/hooks/${flowId}/${nodeId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nodeId }) });
}

describe.skipIf(!postgresAvailable)("cluster mode: webhooks on a process that has not converged yet", () => {
  beforeAll(async () => {
    sink = await startHttpSink();
    pair = await startClusterPair("cluster-webhook-converge", { reconcileEveryMs: 600_000 });
    ({ first, second } = pair);
    // Deploys made on `first` reach `second` only when it asks the database itself.
    first.runtime.cluster!.announce = () => undefined;
  }, 180_000);

  afterAll(async () => {
    await pair?.close();
    await sink?.close();
  });

  it("converges on demand for a new deployment and for a redeploy that adds a webhook; an unknown node is still a 404", async () => {
    const { body: flow } = await first.api("POST", "/api/flows", { name: "Converge on demand", graph: graph(["hook"]) });
    expect((await first.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev })).status).toBe(200);

    const accepted = await post(flow.id, "hook");
    expect(accepted.status).toBe(202);
    const { eventId } = (await accepted.json()) as { eventId: string };
    await waitFor(() => sink.received.find((entry) => entry.id === eventId), 10_000);

    const saved = await first.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, graph: graph(["hook", "added"]) });
    expect((await first.api("POST", `/api/flows/${flow.id}/deploy`, { rev: saved.body.rev })).status).toBe(200);
    expect((await post(flow.id, "added")).status).toBe(202);

    const missing = await post(flow.id, "nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND", path: [] } });
  }, 60_000);
});
