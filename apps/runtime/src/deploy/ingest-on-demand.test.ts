/**
 * Converging on demand (cluster mode), around fake runs: the database's word decides between 404, converging
 * first, and 503 while a convergence takes too long.
 */
import { describe, expect, it } from "vitest";
import type { IngestResult } from "../engine/contract";
import type { DeploymentWithGraph } from "../store/deployment-repository";
import { createIngestOnDemand } from "./ingest-on-demand";
import type { ActiveRun } from "./runner";

const META = { contentType: "application/json", bytes: 2 };

/** A run of `deploymentId` whose only webhook-in node is `hook`. */
function runOf(deploymentId: string): ActiveRun {
  const ingest = (nodeId: string): IngestResult => (nodeId === "hook" ? { status: "accepted", eventId: `${deploymentId}-event` } : { status: "not-found" });
  return { deployment: { id: deploymentId }, running: { ingest } } as unknown as ActiveRun;
}

function setUp(options: { running: string | null; reconcile: (active: Map<string, ActiveRun>) => Promise<void> }) {
  const active = new Map<string, ActiveRun>();
  let reconciles = 0;
  const ingest = createIngestOnDemand({
    active,
    deployments: { runningForFlow: async () => (options.running ? ({ deployment: { id: options.running } } as DeploymentWithGraph) : null) },
    reconcile: async () => {
      reconciles++;
      await options.reconcile(active);
    },
    waitMs: 50,
  });
  return { active, ingest, reconciles: () => reconciles };
}

describe("webhooks that arrive before this process converged", () => {
  it("converges to the database's deployment once for all waiting requests, then accepts", async () => {
    const { ingest, reconciles } = setUp({ running: "d2", reconcile: async (active) => void active.set("f", runOf("d2")) });
    const results = await Promise.all([ingest("f", "hook", {}, META), ingest("f", "hook", {}, META)]);
    expect(results).toEqual([
      { status: "accepted", eventId: "d2-event" },
      { status: "accepted", eventId: "d2-event" },
    ]);
    expect(reconciles()).toBe(1);
  });

  it("answers starting (503) while converging takes longer than the wait, or when it leaves another deployment running", async () => {
    const slow = setUp({ running: "d2", reconcile: () => new Promise(() => undefined) });
    expect(await slow.ingest("f", "hook", {}, META)).toEqual({ status: "starting", retryAfterSeconds: 1 });
    const failed = setUp({ running: "d2", reconcile: async () => undefined });
    failed.active.set("f", runOf("d1"));
    expect(await failed.ingest("f", "other", {}, META)).toEqual({ status: "starting", retryAfterSeconds: 1 });
  });

  it("is a 404 without converging when nothing runs or this process already runs the deployment", async () => {
    const stopped = setUp({ running: null, reconcile: async () => undefined });
    expect(await stopped.ingest("f", "hook", {}, META)).toEqual({ status: "not-found" });
    const current = setUp({ running: "d1", reconcile: async () => undefined });
    current.active.set("f", runOf("d1"));
    expect(await current.ingest("f", "missing", {}, META)).toEqual({ status: "not-found" });
    expect(stopped.reconciles() + current.reconciles()).toBe(0);
  });
});
