import { describe, expect, it } from "vitest";
import type { CloudEvent } from "@eventloom/schema";
import { EngineError } from "../contract";
import { testEvent } from "../testing/events";
import { chain, node, startGraph } from "../testing/graphs";
import { applyMappings, compileMapping } from "./transform";

const incoming: CloudEvent = testEvent({
  id: "e1",
  type: "order.created",
  traceparent: "00-0123456789abcdef0123456789abcdef-0000000000000001-01",
  data: { total: 120, customer: { id: "c1", name: "Ann" }, items: [{ sku: "a" }] },
});

const compile = (mappings: Parameters<typeof compileMapping>[0][]) => mappings.map(compileMapping);

describe("transform mappings", () => {
  it("copies fields from the event and writes constants, keeping the incoming data", () => {
    const data = applyMappings(compile([{ to: "amount", from: "data.total" }, { to: "meta.unit", value: "EUR" }, { to: "kind", from: "type" }]), incoming, true);
    expect(data).toEqual({ ...(incoming.data as object), amount: 120, meta: { unit: "EUR" }, kind: "order.created" });
  });

  it("starts from an empty object without keepData and skips absent fields", () => {
    const data = applyMappings(compile([{ to: "who", from: "data.customer.name" }, { to: "x", from: "data.missing.deep" }, { to: "first", from: "data.items.0.sku" }]), incoming, false);
    expect(data).toEqual({ who: "Ann", first: "a" });
  });

  it("never mutates the incoming event's nested objects (copy on write)", () => {
    const data = applyMappings(compile([{ to: "customer.vip", value: true }]), incoming, true);
    expect(data.customer).toEqual({ id: "c1", name: "Ann", vip: true });
    expect((incoming.data as { customer: object }).customer).toEqual({ id: "c1", name: "Ann" });
  });

  it.each(["__proto__.polluted", "constructor.prototype.polluted", "data.__proto__", "a.prototype"])("refuses the path %s", (path) => {
    expect(() => compileMapping({ to: path, value: 1 }, 0)).toThrow(/forbidden segment/);
    expect(() => compileMapping({ to: "ok", from: path }, 0)).toThrow(/forbidden segment/);
  });

  it("does not pollute prototypes through data that carries its own __proto__ key", () => {
    const hostile = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as unknown;
    const data = applyMappings(compile([{ to: "copied", from: "data.total" }]), testEvent({ id: "e2", data: hostile }), true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect((data as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads only own properties (no inherited values through the path)", () => {
    const data = applyMappings(compile([{ to: "v", from: "data.toString" }, { to: "w", from: "data.hasOwnProperty" }]), incoming, false);
    expect(data).toEqual({});
  });
});

describe("transform node in a deployment", () => {
  const graph = (mappings: unknown[], extra: Record<string, unknown> = {}) => ({
    nodes: [node("in", "manual"), node("a", "memory"), node("t", "transform", { mappings, ...extra }), node("b", "memory"), node("log", "log")],
    edges: chain("in", "a", "t", "b", "log"),
  });

  it("publishes a new event in the same trace with the new type", async () => {
    const { running, clock, recorder } = await startGraph(graph([{ to: "amount", from: "data.total" }], { eventType: "order.priced", keepData: false }));
    const injected = running.inject("in", { total: 7 });
    await clock.flush();
    const out = recorder.of("delivered", "log")[0]!.event;
    expect(out).toMatchObject({ type: "order.priced", data: { amount: 7 }, source: "eventloom/flow-1/t" });
    expect(out.id).not.toBe(injected.id);
    expect(out.traceparent?.slice(3, 35)).toBe(injected.traceparent?.slice(3, 35));
    expect(out.traceparent?.slice(36, 52)).not.toBe(injected.traceparent?.slice(36, 52));
    expect(running.counters().t).toMatchObject({ received: 1, done: 1, emitted: 1 });
  });

  it("fails the deploy, naming the node, for a prototype-reaching mapping", async () => {
    const attempt = startGraph(graph([{ to: "__proto__.polluted", value: "yes" }]));
    await expect(attempt).rejects.toMatchObject({ code: "DEPLOY_FAILED", details: { nodeId: "t" } });
    await expect(attempt).rejects.toBeInstanceOf(EngineError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("transform in JSONata mode", () => {
  const graph = (expression: string, extra: Record<string, unknown> = {}) => ({
    nodes: [
      node("in", "manual"),
      node("a", "memory"),
      node("t", "transform", { language: "jsonata", expression, timeoutMs: 20, ...extra }),
      node("b", "memory"),
      node("log", "log", { maxLinesPerSecond: 0 }),
    ],
    edges: chain("in", "a", "t", "b", "log"),
  });

  it("emits the expression's result as the new data, in the same trace", async () => {
    const { running, clock, recorder } = await startGraph(graph('{"customer": data.customer, "gross": data.total * 1.2}', { eventType: "order.gross" }));
    const injected = running.inject("in", { customer: "ann", total: 100 });
    await clock.flush();
    const out = recorder.of("delivered", "log")[0]!.event;
    expect(out).toMatchObject({ type: "order.gross", data: { customer: "ann", gross: 120 } });
    expect(out.traceparent?.slice(3, 35)).toBe(injected.traceparent?.slice(3, 35));
  });

  it("fails the event with a clear error on a runaway expression, and keeps serving the next ones", async () => {
    const { running, clock, recorder } = await startGraph(graph("data.loop = true ? ($f := function($x){$f($x)}; $f(1)) : data"));
    running.inject("in", { loop: true });
    running.inject("in", { loop: false, n: 2 });
    // JSONata's budget runs on the wall clock; let real time pass while the fake clock drives the engine.
    for (let i = 0; i < 300 && running.counters().t!.done + running.counters().t!.failed < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await clock.flush();
    }
    expect(running.counters().t).toMatchObject({ received: 2, failed: 1, done: 1 });
    expect(recorder.of("failed", "t")[0]!.error).toMatch(/JSONata D1012: Evaluation timeout after 20 milliseconds/);
    expect(recorder.of("delivered", "log").map((h) => h.event.data)).toEqual([{ loop: false, n: 2 }]);
  });

  it("drops nothing-results quietly (done, not emitted)", async () => {
    const { running, clock } = await startGraph(graph("data.missing"));
    running.inject("in", { a: 1 });
    await clock.flush();
    expect(running.counters().t).toMatchObject({ received: 1, done: 1, emitted: 0 });
  });

  it("refuses to compile a flow whose expression does not compile, pointing at the field", async () => {
    const attempt = startGraph(graph("$sum(data.x"));
    await expect(attempt).rejects.toMatchObject({ code: "GRAPH_INVALID" });
    const error = (await attempt.catch((e: unknown) => e)) as EngineError;
    expect(error.details.problems).toContainEqual(
      expect.objectContaining({ code: "INVALID_CONFIG", nodeId: "t", path: ["nodes", 2, "config", "expression"], message: expect.stringMatching(/JSONata S0\d{3}/) }),
    );
  });
});
