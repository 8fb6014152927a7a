/**
 * What "accepted" means with broker channels (engine/outlet.ts, outbox.ts): webhook-in answers only once
 * the broker confirmed, a broker-fed consumer's input is acked only after its output's broker confirmed,
 * sources and memory-fed consumers do not wait. The broker's I/O is a hand-driven BrokerAdapter here, so
 * each test decides exactly when a batch is confirmed; the real brokers are exercised in
 * test/bindings/rabbitmq-kill.test.ts and `pnpm test:chaos`.
 */
import { ChannelSemanticsSchema, type FlowEdge, type FlowNode, type NodeKind } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import type { ChannelBindings, HttpFetch, IngestResult } from "../engine/contract";
import { chain, startGraph } from "../engine/testing/graphs";
import { BrokerChannelImpl } from "./broker-channel";
import type { AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "./contract";

interface SentBatch {
  ids: string[];
  confirm(): void;
  refuse(error: Error): void;
}

/** A broker whose confirms the test hands out one batch at a time. */
class HandDrivenBroker implements BrokerAdapter {
  connected = true;
  readonly sent: SentBatch[] = [];
  readonly deliverers: ((message: InboundMessage) => void)[] = [];
  connect = async (): Promise<void> => undefined;
  publish(batch: readonly OutboundMessage[]): Promise<void> {
    return new Promise((resolve, reject) => this.sent.push({ ids: batch.map((m) => m.event.id), confirm: resolve, refuse: reject }));
  }
  async subscribe(_spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
    this.deliverers.push(deliver);
    return { cancel: async () => undefined };
  }
  onDisconnect(): void {}
  close = async (): Promise<void> => undefined;
  describe = (): string => "hand-driven://broker";
}

function bindingsOver(brokers: Map<string, HandDrivenBroker>): ChannelBindings {
  return {
    rabbitmq: (spec, config, context) => {
      const broker = new HandDrivenBroker();
      brokers.set(spec.id, broker);
      return new BrokerChannelImpl({ id: spec.id, config: ChannelSemanticsSchema.parse(config), context, createAdapter: async () => broker });
    },
  };
}

const KINDS: Record<string, NodeKind> = { "webhook-in": "producer", manual: "producer", rabbitmq: "channel", memory: "channel", transform: "consumer", "webhook-out": "consumer" };
function node(id: string, type: string, config: Record<string, unknown> = {}): FlowNode {
  return { id, kind: KINDS[type]!, type, name: "", position: { x: 0, y: 0 }, config };
}
const json = { contentType: "application/json", bytes: 10 };
const copy = { mappings: [] };

async function start(nodes: FlowNode[], edges: FlowEdge[]) {
  const brokers = new Map<string, HandDrivenBroker>();
  const harness = await startGraph({ nodes, edges }, { bindings: bindingsOver(brokers) });
  return { ...harness, broker: (id: string) => brokers.get(id)! };
}

/** A message as the broker hands it to a subscriber, remembering whether it was acked. */
function inbound(id: string): InboundMessage & { acked: boolean } {
  const message = {
    event: { specversion: "1.0", id, source: "test", type: "t", data: {} },
    deliveryCount: 1,
    acked: false,
    ack() {
      message.acked = true;
    },
  };
  return message as InboundMessage & { acked: boolean };
}

describe("accepted means confirmed by the broker", () => {
  it("webhook-in answers accepted only after the broker confirmed the event", async () => {
    const { running, clock, broker } = await start([node("hook", "webhook-in"), node("b", "rabbitmq")], chain("hook", "b"));
    const answer = running.ingest!("hook", { n: 1 }, json);
    expect(answer).toBeInstanceOf(Promise);
    let result: IngestResult | undefined;
    void (answer as Promise<IngestResult>).then((r) => (result = r));
    await clock.flush();
    expect(broker("b").sent).toHaveLength(1);
    expect(result).toBeUndefined();
    broker("b").sent[0]!.confirm();
    await clock.flush();
    expect(result).toEqual({ status: "accepted", eventId: broker("b").sent[0]!.ids[0] });
  });

  it("a batch the broker refused is sent again, and the answer still waits for its confirm", async () => {
    const { running, clock, broker } = await start([node("hook", "webhook-in"), node("b", "rabbitmq", { connection: "" })], chain("hook", "b"));
    const answer = running.ingest!("hook", { n: 1 }, json) as Promise<IngestResult>;
    let result: IngestResult | undefined;
    void answer.then((r) => (result = r));
    await clock.flush();
    broker("b").sent[0]!.refuse(new Error("nack"));
    await clock.advance(10_000);
    expect(result).toBeUndefined();
    expect(broker("b").sent).toHaveLength(2);
    broker("b").sent[1]!.confirm();
    await clock.flush();
    expect(result?.status).toBe("accepted");
  });

  it("a confirm that takes longer than confirmTimeoutSeconds is answered unconfirmed (503), and the event still goes out", async () => {
    const { running, clock, broker } = await start([node("hook", "webhook-in", { confirmTimeoutSeconds: 5, retryAfterSeconds: 2 }), node("b", "rabbitmq")], chain("hook", "b"));
    const answer = running.ingest!("hook", { n: 1 }, json) as Promise<IngestResult>;
    let result: IngestResult | undefined;
    void answer.then((r) => (result = r));
    await clock.advance(4_900);
    expect(result).toBeUndefined();
    await clock.advance(200);
    const eventId = broker("b").sent[0]!.ids[0];
    expect(result).toEqual({ status: "unconfirmed", eventId, waitedSeconds: 5, retryAfterSeconds: 2 });
    broker("b").sent[0]!.confirm();
    await clock.flush();
    expect(running.counters().b).toMatchObject({ received: 1, dropped: 0 });
  });

  it("an event discarded unconfirmed (stop timed out) is answered 503-unavailable, never accepted", async () => {
    const { running, clock } = await start([node("hook", "webhook-in", { retryAfterSeconds: 4 }), node("b", "rabbitmq")], chain("hook", "b"));
    const answer = running.ingest!("hook", { n: 1 }, json) as Promise<IngestResult>;
    await clock.flush();
    const stopping = running.stop({ timeoutMs: 100 });
    await clock.advance(200);
    await stopping;
    expect(await answer).toEqual({ status: "unavailable", retryAfterSeconds: 4 });
    expect(running.counters().b).toMatchObject({ received: 1, dropped: 1 });
  });

  it("a consumer of broker channel X publishing into broker channel Y acks X's message only after Y confirmed", async () => {
    const { running, clock, broker } = await start(
      [node("x", "rabbitmq"), node("t", "transform", copy), node("y", "rabbitmq")],
      chain("x", "t", "y"),
    );
    const message = inbound("m-1");
    broker("x").deliverers[0]!(message);
    await clock.flush();
    expect(broker("y").sent).toHaveLength(1);
    expect(running.counters().t).toMatchObject({ received: 1, done: 0 });
    expect(message.acked).toBe(false);
    broker("y").sent[0]!.confirm();
    await clock.flush();
    expect(running.counters().t).toMatchObject({ done: 1 });
    expect(message.acked).toBe(true);
  });

  it("when Y discards the event unconfirmed at a stop, X's message is neither acked nor dead-lettered (the broker redelivers it)", async () => {
    const { running, clock, broker } = await start([node("x", "rabbitmq", { deadLetter: "dlq" }), node("t", "transform", copy), node("y", "rabbitmq"), node("dlq", "rabbitmq")], chain("x", "t", "y"));
    const message = inbound("m-1");
    broker("x").deliverers[0]!(message);
    await clock.flush();
    const stopping = running.stop({ timeoutMs: 50 });
    await clock.advance(100);
    await stopping;
    expect(message.acked).toBe(false);
    expect(running.counters().x).toMatchObject({ deadLettered: 0, dropped: 0 });
    expect(running.counters().dlq).toMatchObject({ received: 0 });
  });

  it("a dead letter into a broker channel is confirmed there before its source message is acked", async () => {
    const failing: HttpFetch = async () => ({ status: 500 });
    const brokers = new Map<string, HandDrivenBroker>();
    const { clock } = await startGraph(
      { nodes: [node("x", "rabbitmq", { deadLetter: "dlq", retry: { attempts: 1 } }), node("out", "webhook-out", { url: "http://127.0.0.1:9/", retries: 0 }), node("dlq", "rabbitmq")], edges: chain("x", "out") },
      { bindings: bindingsOver(brokers), fetch: failing },
    );
    const message = inbound("m-1");
    brokers.get("x")!.deliverers[0]!(message);
    await clock.flush();
    expect(brokers.get("dlq")!.sent).toHaveLength(1);
    expect(message.acked).toBe(false);
    brokers.get("dlq")!.sent[0]!.confirm();
    await clock.flush();
    expect(message.acked).toBe(true);
  });

  it("a consumer fed by a memory channel does not wait for its output broker (no durability to gain)", async () => {
    const { running, clock, broker } = await start([node("in", "manual"), node("a", "memory"), node("t", "transform", copy), node("y", "rabbitmq")], chain("in", "a", "t", "y"));
    running.inject("in", { n: 1 });
    await clock.flush();
    expect(running.counters().t).toMatchObject({ done: 1 });
    expect(broker("y").sent).toHaveLength(1);
  });

  it("a source publishing into a broker channel does not wait for confirms (it only waits for room)", async () => {
    const { running, clock, broker } = await start([node("in", "manual"), node("b", "rabbitmq", { capacity: 4 })], chain("in", "b"));
    for (let i = 0; i < 3; i++) running.inject("in", { i });
    await clock.flush();
    expect(running.counters().in).toMatchObject({ emitted: 3 });
    expect(broker("b").sent.map((batch) => batch.ids.length)).toEqual([3]);
  });

  it("into a full broker channel webhook-in answers back-pressure before publishing", async () => {
    const { running, clock } = await start([node("hook", "webhook-in", { retryAfterSeconds: 2 }), node("b", "rabbitmq", { capacity: 1 })], chain("hook", "b"));
    void running.ingest!("hook", { n: 1 }, json);
    await clock.flush();
    expect(running.ingest!("hook", { n: 2 }, json)).toEqual({ status: "backpressure", retryAfterSeconds: 2 });
  });

  it("a redeploy that replaces the broker channel moves the wait for a confirm to its successor", async () => {
    const nodes = [node("hook", "webhook-in"), node("b", "rabbitmq")];
    const { running, clock, broker } = await start(nodes, chain("hook", "b"));
    const answer = running.ingest!("hook", { n: 1 }, json) as Promise<IngestResult>;
    let result: IngestResult | undefined;
    void answer.then((r) => (result = r));
    await clock.flush();
    const first = broker("b");
    const changed = { ...running.plan.graph, nodes: [nodes[0]!, node("b", "rabbitmq", { capacity: 500 })] };
    const { flowId, deploymentId } = running.plan;
    const redeploying = running.redeploy!({ flowId, deploymentId, graph: changed, startOrder: [] });
    await clock.advance(100);
    await redeploying;
    const second = broker("b");
    expect(second).not.toBe(first);
    first.sent[0]!.refuse(new Error("connection closed"));
    await clock.flush();
    expect(result).toBeUndefined();
    second.sent[0]!.confirm();
    await clock.flush();
    expect(result?.status).toBe("accepted");
  });
});
