import type { TraceFrame } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { startTestRuntime, waitFor } from "./support/runtime";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.dispose();
});

describe("first start and restarts", () => {
  it("seeds and deploys the Orders demo once, restores it after a restart, and never re-seeds", async () => {
    const first = await startTestRuntime(database, { seedDemo: true });
    let flowId: string;
    let deploymentId: string;
    try {
      expect((await first.api("GET", "/api/health")).body).toEqual({ ok: true });
      const { body: flows } = await first.api("GET", "/api/flows");
      expect(flows).toHaveLength(1);
      expect(flows[0]).toMatchObject({ name: "Orders demo", nodeCount: 5, deployment: { status: "running", versionNumber: 1 } });
      flowId = flows[0].id;
      deploymentId = flows[0].deployment.id;
    } finally {
      await first.close();
    }

    const second = await startTestRuntime(database, { seedDemo: true });
    try {
      const { body: flows } = await second.api("GET", "/api/flows");
      expect(flows).toHaveLength(1);
      expect(flows[0].deployment).toMatchObject({ id: deploymentId, status: "running" });
      const socket = await second.connect();
      const frames: TraceFrame[] = [];
      socket.on("trace:frame", (frame) => frames.push(frame));
      const ack = await socket.timeout(5000).emitWithAck("deployment:watch", { flowId });
      expect(ack).toMatchObject({ ok: true, data: { deployment: { id: deploymentId, status: "running" } } });
      // Events are moving again in the restored deployment.
      await waitFor(() => frames.length >= 3 && (frames.at(-1)?.counters["orders-gen"]?.emitted ?? 0) > (frames[0]?.counters["orders-gen"]?.emitted ?? 0), 3000);
      expect(frames[0]?.deploymentId).toBe(deploymentId);
      expect((await second.api("DELETE", `/api/flows/${flowId}`)).status).toBe(204);
    } finally {
      await second.close();
    }

    const third = await startTestRuntime(database, { seedDemo: true });
    try {
      expect((await third.api("GET", "/api/flows")).body).toEqual([]);
    } finally {
      await third.close();
    }
  });
});
