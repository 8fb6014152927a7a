import { ORDERS_DEMO, type Deployment, type Graph } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineError, type Engine } from "../src/engine/contract";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { startTestRuntime, waitFor, type TestRuntime } from "./support/runtime";

let database: TestDatabase;
let server: TestRuntime;
let failure: Error = new Error("unset");

/** An engine whose deployments never start: each start throws the current `failure`. */
const failingEngine: Engine = {
  compile: (graph, context) => ({ ...context, graph: graph as Graph, startOrder: [] }),
  start: async () => {
    throw failure;
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestRuntime(database, { engine: failingEngine });
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe("a deployment that cannot start", () => {
  it("answers 422 DEPLOY_FAILED with the node, records the deployment as failed and tells watchers", async () => {
    failure = new EngineError("DEPLOY_FAILED", 'Producer "Order events" could not start: boom', { nodeId: "orders-gen" });
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Doomed", graph: ORDERS_DEMO.graph });
    const socket = await server.connect();
    const changes: Deployment[] = [];
    socket.on("deployment:changed", (deployment) => changes.push(deployment));
    await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id });

    const response = await server.api("POST", `/api/flows/${flow.id}/deploy`, {});
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: "DEPLOY_FAILED", details: { nodeId: "orders-gen" } });
    const history = await server.api("GET", `/api/flows/${flow.id}/deployments`);
    expect(history.body).toEqual([expect.objectContaining({ status: "failed", error: expect.stringContaining("boom"), stoppedAt: expect.any(String) })]);
    await waitFor(() => changes.some((d) => d.status === "failed"));
    expect(changes.map((d) => d.status)).toEqual(["starting", "failed"]);
  });

  it("answers 500 INTERNAL without internals when the engine has a bug", async () => {
    failure = new TypeError("cannot read properties of undefined (secret)");
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Buggy", graph: ORDERS_DEMO.graph });
    const response = await server.api("POST", `/api/flows/${flow.id}/deploy`, {});
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("INTERNAL");
    expect(JSON.stringify(response.body)).not.toContain("secret");
    expect((await server.api("GET", `/api/flows/${flow.id}`)).body.deployment.status).toBe("failed");
  });
});
