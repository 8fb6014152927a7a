import { describe, expect, it } from "vitest";
import { createMemoryChannel } from "./channel-bindings";
import { ChannelOpenError, EngineError, type ChannelBindings, type EngineChannel } from "./contract";
import { chain, node, startGraph } from "./testing/graphs";

/** The memory channel with a lifecycle around it, recording what the deployment called and when. */
function lifecycleBindings(log: string[], openFails?: (id: string) => Error | undefined): ChannelBindings {
  return {
    memory: (spec, config, ctx) => {
      const inner = createMemoryChannel(spec, config, ctx);
      const channel: EngineChannel = Object.assign(Object.create(inner) as EngineChannel, {
        async open() {
          log.push(`open ${spec.id}`);
          const failure = openFails?.(spec.id);
          if (failure) throw failure;
        },
        quiesce() {
          log.push(`quiesce ${spec.id}`);
        },
        async close() {
          log.push(`close ${spec.id}`);
        },
      });
      return channel;
    },
  };
}

const graph = {
  nodes: [node("in", "manual"), node("a", "memory"), node("t", "transform", { mappings: [] }), node("b", "memory"), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: chain("in", "a", "t", "b", "log"),
};

describe("channel bindings", () => {
  it("opens every channel before consumers and producers run, closes them after the drain", async () => {
    const log: string[] = [];
    const { running, clock } = await startGraph(graph, { bindings: lifecycleBindings(log) });
    expect(log).toEqual(["open a", "open b"]);
    running.inject("in", { n: 1 });
    await clock.flush();
    expect(running.counters().log).toMatchObject({ done: 1 });
    const stopping = running.stop();
    await clock.flush();
    await stopping;
    expect(log).toEqual(["open a", "open b", "quiesce a", "quiesce b", "close a", "close b"]);
  });

  it("fails the deploy with the open error's code and a path to the node's field, closing what opened", async () => {
    const log: string[] = [];
    const fails = (id: string) => (id === "b" ? new ChannelOpenError("BROKER_UNREACHABLE", "cannot reach amqp://127.0.0.1:1 (ECONNREFUSED)") : undefined);
    const failure = await startGraph(graph, { bindings: lifecycleBindings(log, fails) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EngineError);
    expect(failure).toMatchObject({
      code: "BROKER_UNREACHABLE",
      message: 'Channel "b": cannot reach amqp://127.0.0.1:1 (ECONNREFUSED)',
      details: { nodeId: "b", path: ["nodes", 3, "config", "connection"] },
    });
    expect(log).toEqual(["open a", "open b", "close a", "close b"]);
  });

  it("refuses a channel type this runtime has no binding for, naming the node", async () => {
    const failure = await startGraph(graph, { bindings: { memory: undefined as never } }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "DEPLOY_FAILED", details: { nodeId: "a" } });
  });
});
