/** The conformance suite against the Redis server on this machine (started by .ci/run). */
import type { ConnectionSettings } from "@eventloom/schema";
import { Redis } from "ioredis";
import { afterAll } from "vitest";
import { runConformance } from "./conformance";

const URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const settings: ConnectionSettings = { kind: "redis-streams", url: URL, tls: false };
const admin = new Redis(URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(() => admin.quit());

runConformance({
  name: "redis-streams",
  type: "redis-streams",
  ordering: true,
  // Entries a stopped deployment's consumer left unacked are claimed by the next one after this long.
  channelConfig: { claimIdleMs: 500 },
  async makeConnection() {
    try {
      await admin.connect();
      await admin.ping();
    } catch (error) {
      throw new Error(`Redis is not answering at ${URL} (${String(error)}): start it with redis-server (see .ci/run, which does)`);
    }
    return settings;
  },
  unreachable: () => ({ ...settings, url: "redis://127.0.0.1:1" }),
  async dropConnections() {
    // Only this process's binding connections (named `eventloom-<role>-<pid>` by the adapter).
    const list = (await admin.call("CLIENT", "LIST")) as string;
    const ids = list
      .split("\n")
      .filter((line) => new RegExp(`name=eventloom-(pub|sub)-${process.pid}\\b`).test(line))
      .map((line) => /\bid=(\d+)/.exec(line)![1]!);
    if (ids.length === 0) throw new Error("no binding connections found to kill");
    for (const id of ids) await admin.call("CLIENT", "KILL", "ID", id);
  },
  async subscriberKept(flowId, subscriberId) {
    const stream = `eventloom.${flowId}.ch`;
    const groups = (await admin.call("XINFO", "GROUPS", stream)) as unknown[][];
    return groups.some((fields) => fields[1] === `${stream}.group.${subscriberId}`);
  },
  async cleanup(flowId) {
    await admin.del(`eventloom.${flowId}.ch`);
  },
});
