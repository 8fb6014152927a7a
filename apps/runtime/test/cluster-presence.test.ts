/**
 * Cluster mode: editors of one flow connected to different processes see each other in the presence list,
 * and the entries of a process that is SIGKILLed expire from the others' lists.
 */
import type { PresenceViewer } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClusterPair, type ClusterPair } from "./support/cluster-pair";
import { postgresAvailable } from "./support/database";
import { waitFor, type TestRuntime } from "./support/runtime";
import type { RuntimeProcess } from "./support/runtime-process";

let pair: ClusterPair | undefined;
let first: TestRuntime;
let second: RuntimeProcess;

describe.skipIf(!postgresAvailable)("cluster mode: presence across processes", () => {
  beforeAll(async () => {
    pair = await startClusterPair("cluster-presence");
    ({ first, second } = pair);
  }, 180_000);

  afterAll(async () => {
    await pair?.close();
  });

  it("lists editors from both processes, and drops a killed process's editors", async () => {
    const { body: flow } = await first.api("POST", "/api/flows", { name: "Edited on two processes" });
    const here = await first.connect();
    const lists: PresenceViewer[][] = [];
    here.on("presence:changed", (change) => lists.push(change.viewers));
    const joinedHere = await here.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    expect(joinedHere.ok).toBe(true);
    const hereId = joinedHere.ok ? joinedHere.data.clientId : "";

    const there = await second.connect();
    // The other process's list includes this one's editor once its list arrived over Redis.
    const joinedThere: { clientId: string; viewers: PresenceViewer[] } = await waitFor(async () => {
      const ack = await there.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
      return ack.ok && ack.data.viewers.some((viewer: PresenceViewer) => viewer.clientId === hereId) && ack.data;
    }, 10_000);
    expect(joinedThere.viewers.map((viewer) => viewer.clientId).sort()).toEqual([hereId, joinedThere.clientId].sort());
    // A selection there shows here with both editors listed.
    expect(await there.timeout(5000).emitWithAck("presence:update", { flowId: flow.id, selection: ["n1"], editing: true })).toMatchObject({ ok: true });
    await waitFor(() => lists.some((viewers) => viewers.length === 2 && viewers.some((viewer) => viewer.clientId === joinedThere.clientId && viewer.selection.includes("n1"))), 10_000);

    await second.kill();
    // Its editor expires here (three missed refreshes) and the shorter list is broadcast.
    await waitFor(() => lists.at(-1)?.every((viewer) => viewer.clientId !== joinedThere.clientId) && lists.at(-1)?.length === 1, 15_000);
  }, 60_000);
});
