import { ORDERS_DEMO } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { sleep, waitFor } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();

describe("socket requests are parsed and answered through acks", () => {
  it("answers malformed payloads with VALIDATION_FAILED and stays up", async () => {
    const socket = await server.connect();
    for (const payload of [null, { flowId: 42 }, "x".repeat(1_000_000), { flowId: "ok", extra: true }, []]) {
      const ack = await socket.timeout(5000).emitWithAck("deployment:watch", payload);
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", message: expect.any(String) } });
    }
    const inject = await socket.timeout(5000).emitWithAck("node:inject", { flowId: "x" });
    expect(inject).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", path: ["nodeId"] } });
    // No ack callback at all, and no payload: ignored without harm.
    const looseEmit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => void;
    looseEmit("deployment:watch", { flowId: 42 });
    looseEmit("deployment:unwatch");
    await sleep(100);
    expect(socket.connected).toBe(true);
    expect((await server.api("GET", "/api/health")).body).toEqual({ ok: true });
  });

  it("answers NOT_FOUND for an unknown flow", async () => {
    const socket = await server.connect();
    const ack = await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: "no-such-flow" });
    expect(ack).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("tells watchers about saves and deployment changes, and stops after unwatch", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Watched", graph: ORDERS_DEMO.graph });
    const socket = await server.connect();
    const events: string[] = [];
    socket.on("flow:updated", (update) => events.push(`updated:${update.rev}:${update.name}`));
    socket.on("deployment:changed", (deployment) => events.push(`deployment:${deployment.status}`));
    const ack = await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id });
    expect(ack).toEqual({ ok: true, data: { deployment: null } });

    await server.api("PUT", `/api/flows/${flow.id}`, { rev: 1, name: "Watched 2" });
    await server.api("POST", `/api/flows/${flow.id}/deploy`, {});
    await server.api("POST", `/api/flows/${flow.id}/stop`);
    await waitFor(() => events.includes("deployment:stopped"));
    expect(events).toEqual(["updated:2:Watched 2", "deployment:starting", "deployment:running", "deployment:stopped"]);

    expect(await socket.timeout(5000).emitWithAck("deployment:unwatch", { flowId: flow.id })).toEqual({ ok: true, data: null });
    await server.api("PUT", `/api/flows/${flow.id}`, { rev: 2, name: "Unwatched" });
    await sleep(150);
    expect(events).toHaveLength(4);
  });
});
