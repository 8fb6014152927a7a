/**
 * Kinesis binding: a subscription resumes after its last checkpoint. Two deployments of the same flow run
 * one after the other with one checkpoint store (here in memory; kinesis.conformance.test.ts runs the
 * database store the runtime composes, across engines); the second one's consumer gets only the events
 * published after the first stopped. A fresh store reads the stream again from its oldest record, which
 * shows the checkpoints did it.
 */
import type { CloudEvent, Graph, Hop } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKinesisBinding, createMemoryCheckpointStore } from "../../src/bindings/kinesis/index";
import { systemClock } from "../../src/clock";
import { createEngine, type ChannelBindings } from "../../src/engine/index";
import { startLocalKinesis, type LocalKinesis } from "../support/brokers/kinesis";
import { uniqueName } from "../support/brokers/services";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function graph(stream: string, count: number): Graph {
  return {
    nodes: [
      { id: "gen", kind: "producer", type: "generator", name: "", position: { x: 0, y: 0 }, config: { template: { seq: "{{seq}}" }, rate: 1_000, count } },
      { id: "ch", kind: "channel", type: "kinesis", name: "", position: { x: 0, y: 0 }, config: { stream, shards: 2 } },
      { id: "sink", kind: "consumer", type: "log", name: "", position: { x: 0, y: 0 }, config: { maxLinesPerSecond: 0 } },
    ],
    edges: [
      { id: "e1", source: "gen", sourcePort: "out", target: "ch", targetPort: "in" },
      { id: "e2", source: "ch", sourcePort: "out", target: "sink", targetPort: "in" },
    ],
  };
}

/** Runs the flow until its generator's events are consumed and a moment longer; returns what the sink finished. */
async function run(bindings: ChannelBindings, stream: string, count: number, expected: number): Promise<number> {
  const engine = createEngine({ clock: systemClock, logger: quiet, schedule: (fn) => setImmediate(fn), bindings });
  let done = 0;
  const recorder = { record: (hop: Hop, nodeId: string, _event: CloudEvent) => void (hop === "done" && nodeId === "sink" && done++) };
  const running = await engine.start(engine.compile(graph(stream, count), { flowId: "resume", deploymentId: uniqueName("d") }), { recorder });
  const deadline = Date.now() + 20_000;
  while (done < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 300)); // anything beyond `expected` would show up now
  await running.stop({ timeoutMs: 5_000 });
  return done;
}

describe("Kinesis binding: resume from checkpoints", () => {
  let kinesis: LocalKinesis;
  beforeAll(async () => {
    kinesis = await startLocalKinesis();
  });
  afterAll(() => kinesis.stop());

  const bindingsWith = (checkpoints = createMemoryCheckpointStore()) => ({
    kinesis: createKinesisBinding({
      defaults: { kinesis: { kind: "kinesis", region: "us-east-1", endpoint: kinesis.endpoint, accessKeyId: "local", secretAccessKey: "local" } },
      checkpoints,
      pollIdleMs: 10,
    }),
  });

  it("a restarted deployment consumes only what came after its last checkpoint", async () => {
    const stream = uniqueName("resume");
    const bindings = bindingsWith();
    expect(await run(bindings, stream, 200, 200)).toBe(200);
    expect(await run(bindings, stream, 50, 50)).toBe(50);
    // Without the checkpoints a new subscription starts at the oldest record: all 250 again, plus 10 new.
    expect(await run(bindingsWith(), stream, 10, 260)).toBe(260);
  }, 60_000);
});
