/**
 * The outbox's pipeline (outbox.ts, in-flight-batches.ts) over a hand-driven send: several batches in flight,
 * the broker seeing events in publish order, confirms only after the broker acked every batch up to theirs,
 * and a failed batch re-sent with every batch after it.
 */
import { ChannelSemanticsSchema, emptyCounters, type CloudEvent } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { NotConfirmedError } from "../engine/contract";
import { Outbox, type HeldMessage } from "./outbox";

interface Sent {
  ids: string[];
  ack(): void;
  fail(error: Error): void;
}

function event(n: number): CloudEvent {
  return { specversion: "1.0", id: `e${n}`, source: "test", type: "t", data: { n } };
}

/** An outbox whose sends the test settles one by one; flushes run when `run()` is called. */
function harness({ window = 3, capacity = 10_000 } = {}) {
  const sent: Sent[] = [];
  const failures: unknown[] = [];
  const scheduled: (() => void)[] = [];
  const link = { up: true };
  const outbox = new Outbox({
    id: "ch",
    config: ChannelSemanticsSchema.parse({ capacity }),
    counters: emptyCounters(),
    recorder: { record: () => undefined },
    keyOf: () => "",
    schedule: (fn) => scheduled.push(fn),
    send: (batch: readonly HeldMessage[]) => new Promise<void>((resolve, reject) => sent.push({ ids: batch.map((m) => m.event.id), ack: resolve, fail: reject })),
    window: () => window,
    canSend: () => link.up,
    onSendFailed: (error) => failures.push(error),
  });
  const run = () => {
    for (let fn = scheduled.shift(); fn; fn = scheduled.shift()) fn();
  };
  /** Publishes events from..to-1, each with its confirm's outcome recorded. */
  const publish = (from: number, to: number) => {
    const outcomes: string[] = [];
    for (let n = from; n < to; n++) {
      const confirm = outbox.publishConfirmed(event(n));
      if (confirm instanceof Promise) confirm.then(() => outcomes.push(`e${n}`), (error: Error) => outcomes.push(`${error.name}:e${n}`));
    }
    return outcomes;
  };
  return { outbox, sent, failures, link, run, publish };
}

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `e${from + i}`);

describe("outbox pipeline", () => {
  it("keeps up to the window's batches in flight, in publish order", async () => {
    const { sent, run, publish } = harness({ window: 3 });
    publish(0, 2_000);
    run();
    // 512 per batch: three go at once, the fourth waits for room.
    expect(sent.map((s) => s.ids.length)).toEqual([512, 512, 512]);
    expect(sent.flatMap((s) => s.ids)).toEqual(range(0, 1_536));
    sent[0]!.ack();
    await settle();
    expect(sent.map((s) => s.ids.length)).toEqual([512, 512, 512, 464]);
    expect(sent.flatMap((s) => s.ids)).toEqual(range(0, 2_000));
  });

  it("with a window of 1, sends the next batch only after the broker acked the last", async () => {
    const { sent, run, publish } = harness({ window: 1 });
    publish(0, 600);
    run();
    expect(sent).toHaveLength(1);
    sent[0]!.ack();
    await settle();
    expect(sent.map((s) => s.ids.length)).toEqual([512, 88]);
  });

  it("resolves confirms only when the broker acked the batch and every batch before it", async () => {
    const { outbox, sent, run, publish } = harness({ window: 3 });
    const confirmed = publish(0, 1_100);
    run();
    sent[1]!.ack();
    sent[2]!.ack();
    await settle();
    expect(confirmed).toEqual([]);
    expect(outbox.depth).toBe(1_100);
    sent[0]!.ack();
    await settle();
    expect(confirmed).toEqual(range(0, 1_100));
    expect(outbox.depth).toBe(0);
  });

  it("re-sends a failed batch and every batch after it, in order, and reports the failure once", async () => {
    const { outbox, sent, failures, run, publish } = harness({ window: 3 });
    const confirmed = publish(0, 2_000);
    run();
    sent[0]!.ack();
    await settle(); // the fourth batch (e1536…) goes
    sent[2]!.ack(); // acknowledged, but behind the one that fails
    sent[1]!.fail(new Error("nack"));
    sent[3]!.fail(new Error("connection lost"));
    await settle();
    expect(failures).toEqual([new Error("nack")]);
    expect(confirmed).toEqual(range(0, 512));
    expect(sent).toHaveLength(4); // stalled: nothing new goes
    outbox.flush();
    expect(sent).toHaveLength(4);

    outbox.resume();
    const again = sent.slice(4);
    expect(again.map((s) => s.ids[0])).toEqual(["e512", "e1024", "e1536"]);
    expect(again.flatMap((s) => s.ids)).toEqual(range(512, 2_000));
    for (const s of again) s.ack();
    await settle();
    expect(confirmed).toEqual(range(0, 2_000));
    expect(outbox.depth).toBe(0);
  });

  it("ignores answers to an attempt made before the resend", async () => {
    const { outbox, sent, run, publish } = harness({ window: 2 });
    const confirmed = publish(0, 600);
    run();
    sent[0]!.fail(new Error("timeout"));
    await settle();
    outbox.resume();
    sent[1]!.ack(); // the first attempt of the second batch, answered late
    await settle();
    expect(confirmed).toEqual([]);
    sent[2]!.ack(); // the first batch's new attempt
    await settle();
    expect(confirmed).toEqual(range(0, 512)); // the second batch's new attempt is still out
    sent[3]!.ack();
    await settle();
    expect(confirmed).toEqual(range(0, 600));
  });

  it("after a reconnect, re-sends what was in flight once sending is allowed again", async () => {
    const { outbox, sent, link, run, publish } = harness({ window: 2 });
    publish(0, 600);
    run();
    link.up = false; // the link went down; its sends never answer
    outbox.resume(); // reconnected, but subscriptions are still starting
    expect(sent).toHaveLength(2);
    link.up = true;
    outbox.flush();
    expect(sent.slice(2).flatMap((s) => s.ids)).toEqual(range(0, 600));
  });

  it("counts events in flight against the capacity", async () => {
    const { outbox, sent, run } = harness({ window: 2, capacity: 600 });
    for (let n = 0; n < 600; n++) outbox.publish(event(n));
    run();
    expect(sent).toHaveLength(2);
    const blocked = outbox.publish(event(600));
    expect(blocked).toBeInstanceOf(Promise);
    sent[0]!.ack();
    await settle();
    await blocked;
    expect(outbox.depth).toBe(89);
  });

  it("hands over everything unconfirmed in order, and answers coming later change nothing", async () => {
    const { outbox, sent, run, publish } = harness({ window: 2 });
    const confirmed = publish(0, 1_200);
    run();
    sent[1]!.ack();
    await settle();
    expect(outbox.takeAll().map((m) => m.event.id)).toEqual(range(0, 1_200));
    sent[0]!.ack();
    await settle();
    expect(confirmed).toEqual([]);
    expect(outbox.depth).toBe(0);
  });

  it("discards what is in flight with NotConfirmedError for whoever waits", async () => {
    const { outbox, run, publish } = harness({ window: 2 });
    const confirmed = publish(0, 3);
    run();
    expect(outbox.discardAll("stopped")).toBe(3);
    await settle();
    expect(confirmed).toEqual([NotConfirmedError.name, NotConfirmedError.name, NotConfirmedError.name].map((name, n) => `${name}:e${n}`));
  });
});
