/**
 * Cluster mode, run-once producers across a change of coordinator (two runtime child processes, PostgreSQL,
 * Redis): a generator with a `count` emits its count once in total, not once per coordinator — through a hot
 * redeploy that keeps it and a SIGKILL of the process running it. Its events go through a RabbitMQ queue, so
 * what the killed process had emitted is still delivered (by the other process) and the sink sees every one.
 * A coordinator frozen (SIGSTOP) past its lease and thawed emits nothing more once another took over.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionDefaultsFromEnv } from "../src/bindings/connection-defaults";
import { clusterKeys } from "../src/cluster/cluster-keys";
import { removeClusterLeftovers } from "./support/cluster-leftovers";
import { startHttpSink, type HttpSink, type Received } from "./bindings/http-sink";
import { services, uniqueName } from "./support/brokers/services";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./support/database";
import { sleep, waitFor, type StartOptions } from "./support/runtime";
import { startRuntimeProcess, type RuntimeProcess } from "./support/runtime-process";

const LEASE_MS = 1_500;
const run = uniqueName("cluster-producers");

let database: TestDatabase | undefined;
let sink: HttpSink;
let redis: Redis;
const processes: RuntimeProcess[] = [];
/** Worker id → the slot in `processes` it ran in (killed ones stay). */
const slotOf = new Map<string, number>();
const flowIds: string[] = [];
const deploymentIds: string[] = [];

/** Options for the process in `slot`; a replacement gets a new worker id. */
function optionsFor(slot: number, generation = 0): StartOptions {
  const workerId = `${run}-w${slot}-${generation}`;
  slotOf.set(workerId, slot);
  return {
    cluster: { redisUrl: services.redis, workerId, leaseMs: LEASE_MS },
    connectionDefaults: connectionDefaultsFromEnv({ EVENTLOOM_RABBITMQ_URL: services.rabbitmq }),
  };
}

const node = (id: string, kind: string, type: string, config: Record<string, unknown> = {}) => ({ id, kind, type, name: id, position: { x: 0, y: 0 }, config });

function generatorFlow(generator: Record<string, unknown>, target: string) {
  return {
    nodes: [node("gen", "producer", "generator", { template: { seq: "{{seq}}" }, ...generator }), node("mq", "channel", "rabbitmq", { mode: "queue" }), node("out", "consumer", "webhook-out", { url: sink.url(target) })],
    edges: [
      { id: "e1", source: "gen", target: "mq" },
      { id: "e2", source: "mq", target: "out" },
    ],
  };
}

async function deploy(api: RuntimeProcess, flowId: string, rev: number): Promise<void> {
  const deployed = await api.api("POST", `/api/flows/${flowId}/deploy`, { rev });
  expect(deployed.status).toBe(200);
  deploymentIds.push(deployed.body.id);
}

/** The process holding the flow's producer lease (by its worker id in the lease token). */
async function coordinator(flowId: string): Promise<{ index: number; token: string }> {
  const token = await waitFor(() => redis.get(clusterKeys.producerLease(flowId)).then((value) => value ?? undefined), 10_000);
  const index = slotOf.get(token.slice(0, token.lastIndexOf(":")));
  expect(index).toBeDefined();
  return { index: index!, token };
}

/** Kills a process and starts a fresh one in its slot (a new worker id), for the next test. */
async function crash(index: number): Promise<void> {
  await processes[index]!.kill();
  replacements.push(startRuntimeProcess(database!, optionsFor(index, replacements.length + 1)).then((fresh) => void (processes[index] = fresh)));
}
const replacements: Promise<void>[] = [];

const seqOf = (entry: Received): number => (entry.data as { seq: number }).seq;

describe.skipIf(!postgresAvailable)("cluster mode: run-once producers across coordinators", () => {
  beforeAll(async () => {
    database = await createTestDatabase({ provider: "postgresql" });
    sink = await startHttpSink();
    redis = new Redis(services.redis);
    // The first one sets the test owner up; the second signs in as it.
    processes.push(await startRuntimeProcess(database, optionsFor(0)));
    processes.push(await startRuntimeProcess(database, optionsFor(1)));
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(replacements);
    await Promise.all(processes.map((process) => process.close()));
    await sink?.close();
    await removeClusterLeftovers(redis, flowIds, deploymentIds.map((id) => clusterKeys.producerProgress(id)));
    await database?.dispose();
  }, 30_000);

  it("a generator's count holds across a hot redeploy that keeps it and a SIGKILL of its coordinator", async () => {
    const COUNT = 240;
    const RATE = 40;
    const created = await processes[0]!.api("POST", "/api/flows", { name: "Counted generator", graph: generatorFlow({ rate: RATE, count: COUNT }, "v1") });
    expect(created.status).toBe(201);
    const flowId = created.body.id as string;
    flowIds.push(flowId);
    await deploy(processes[0]!, flowId, created.body.rev);
    const first = await coordinator(flowId);
    const received = () => sink.received.filter((entry) => entry.consumer === "v1" || entry.consumer === "v2");

    // v2 changes only the webhook-out: the generator is kept (its count goes on, now under v2's deployment).
    await waitFor(() => received().length >= 40, 10_000);
    const saved = await processes[1]!.api("PUT", `/api/flows/${flowId}`, { rev: created.body.rev, graph: generatorFlow({ rate: RATE, count: COUNT }, "v2") });
    expect(saved.status).toBe(200);
    await deploy(processes[1]!, flowId, saved.body.rev);
    await waitFor(() => sink.received.filter((entry) => entry.consumer === "v2").length >= 20, 10_000);

    await crash(first.index);
    const killedAt = received().length;
    const second = await waitFor(async () => {
      const next = await coordinator(flowId);
      return next.token !== first.token ? next : undefined;
    }, LEASE_MS * 4);
    expect(second.index).not.toBe(first.index);

    await waitFor(() => received().some((entry) => seqOf(entry) === COUNT), 15_000);
    // Anything a restarted count would add comes within this.
    await sleep(1_500);
    // Events (by id) per sequence number: a redelivery repeats an id, a count started again repeats a number.
    const idsBySeq = new Map<number, Set<string>>();
    for (const entry of received()) idsBySeq.set(seqOf(entry), (idsBySeq.get(seqOf(entry)) ?? new Set()).add(entry.id));
    const emitted = [...idsBySeq.values()].reduce((sum, ids) => sum + ids.size, 0);
    const missing = Array.from({ length: COUNT }, (_, i) => i + 1).filter((seq) => !idsBySeq.has(seq));
    const twice = [...idsBySeq].filter(([, ids]) => ids.size > 1).map(([seq]) => seq);
    console.log(`cluster generator count: ${emitted} events emitted for count ${COUNT} (${killedAt} received before the kill of ${first.token}), emitted twice ${JSON.stringify(twice)}, missing ${JSON.stringify(missing)}`);
    expect(Math.max(...idsBySeq.keys())).toBe(COUNT);
    // Around the failover, what the last save (every 50 ms) had not covered goes out again (40/s: ~2); an event
    // still in the killed process's outbox (not yet confirmed by RabbitMQ) dies with it.
    expect(twice.length).toBeLessThanOrEqual(5);
    expect(missing.length).toBeLessThanOrEqual(2);
  }, 90_000);

  it("a generator that finished its count stays finished after a hot redeploy that keeps it and a SIGKILL of its coordinator", async () => {
    const COUNT = 30;
    await Promise.all(replacements);
    const created = await processes[0]!.api("POST", "/api/flows", { name: "Finished generator", graph: generatorFlow({ rate: 200, count: COUNT }, "done-v1") });
    const flowId = created.body.id as string;
    flowIds.push(flowId);
    await deploy(processes[0]!, flowId, created.body.rev);
    const received = () => sink.received.filter((entry) => entry.consumer === "done-v1" || entry.consumer === "done-v2");
    await waitFor(() => new Set(received().map((entry) => entry.id)).size >= COUNT, 10_000);
    const first = await coordinator(flowId);

    // Its count is saved under v1's deployment; v2 keeps the generator (it emits nothing more there).
    const saved = await processes[0]!.api("PUT", `/api/flows/${flowId}`, { rev: created.body.rev, graph: generatorFlow({ rate: 200, count: COUNT }, "done-v2") });
    await deploy(processes[0]!, flowId, saved.body.rev);
    await sleep(1_000);
    await crash(first.index);
    await waitFor(async () => {
      const next = await coordinator(flowId);
      return next.token !== first.token ? next : undefined;
    }, LEASE_MS * 4);
    await sleep(1_500);
    const ids = new Set(received().map((entry) => entry.id));
    console.log(`cluster finished generator: ${ids.size} events for count ${COUNT} after the redeploy and the failover`);
    expect(ids.size).toBe(COUNT);
  }, 180_000);

  it("a coordinator paused past its lease (SIGSTOP) and resumed emits nothing once another took over", async () => {
    await Promise.all(replacements);
    const created = await processes[0]!.api("POST", "/api/flows", { name: "Fenced generator", graph: generatorFlow({ rate: 40, template: { at: "{{now}}" } }, "fenced") });
    const flowId = created.body.id as string;
    flowIds.push(flowId);
    await deploy(processes[0]!, flowId, created.body.rev);
    const received = () => sink.received.filter((entry) => entry.consumer === "fenced");
    await waitFor(() => received().length >= 20, 10_000);
    const first = await coordinator(flowId);
    // Event ids start with a random prefix per process's deployment: these are the paused process's.
    const prefix = received()[0]!.id.slice(0, 16);

    const pausedAt = Date.now();
    processes[first.index]!.pause();
    const second = await waitFor(async () => {
      const next = await coordinator(flowId);
      return next.token !== first.token ? next : undefined;
    }, LEASE_MS * 4).finally(() => processes[first.index]!.resume());
    const resumedAt = Date.now();
    await waitFor(() => received().some((entry) => !entry.id.startsWith(prefix)), 10_000);
    await sleep(2_000);

    // What the paused process emitted after it resumed: its prefix, made after the pause began.
    const madeAt = (entry: Received) => Date.parse((entry.data as { at: string }).at);
    const late = received().filter((entry) => entry.id.startsWith(prefix) && madeAt(entry) > (pausedAt + resumedAt) / 2);
    console.log(`cluster fenced generator: paused ${first.token} for ${resumedAt - pausedAt} ms, lease to ${second.token}; emitted after resuming: ${late.length}`);
    expect(late).toEqual([]);
    expect(await redis.get(clusterKeys.producerLease(flowId))).toBe(second.token);
  }, 120_000);
});
