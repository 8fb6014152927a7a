/**
 * Which cancels retire a subscriber's broker resources (contract.ts, CancelOptions): removing a subscriber
 * does, also when its subscription was still being set up; stopping (a lost link, a stopped deployment) does
 * not. The real brokers' side is the retire test of the shared conformance suite (test/bindings/conformance.ts)
 * and test/bindings/mqtt-retire.test.ts.
 */
import { ChannelSemanticsSchema, emptyCounters } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { createFakeClock, seededRandom, settle } from "../engine/testing/fake-clock";
import { createListRecorder } from "../engine/testing/list-recorder";
import type { CancelOptions, SubscriptionSpec } from "./contract";
import { Inbox } from "./inbox";

/** A topic channel's inbox over subscriptions that record how they were cancelled. */
function harness() {
  const cancels: { subscriberId: string | undefined; options: CancelOptions | undefined }[] = [];
  const pending: (() => void)[] = [];
  let holdSubscribes = false;
  const inbox = new Inbox({
    id: "ch",
    config: ChannelSemanticsSchema.parse({ mode: "topic" }),
    counters: emptyCounters(),
    recorder: createListRecorder(),
    clock: createFakeClock(),
    random: seededRandom(),
    key: undefined,
    consumerName: (index) => `c${index}`,
    resolveChannel: () => undefined,
    subscribe: (spec: SubscriptionSpec) =>
      new Promise((resolve) => {
        const handle = { cancel: async (options?: CancelOptions) => void cancels.push({ subscriberId: spec.subscriberId, options }) };
        if (holdSubscribes) pending.push(() => resolve(handle));
        else resolve(handle);
      }),
    onSubscribeFailed: () => undefined,
    onSubscribed: () => undefined,
  });
  return { inbox, cancels, hold: () => (holdSubscribes = true), releaseSubscribes: () => pending.splice(0).forEach((go) => go()) };
}

const subscriber = (id: string) => ({ id, deliver: () => undefined });

describe("retiring a subscriber's broker resources", () => {
  it("retires a removed subscriber and only that one", async () => {
    const { inbox, cancels } = harness();
    const a = subscriber("a");
    inbox.add(a, true);
    inbox.add(subscriber("b"), true);
    await settle();
    inbox.remove(a);
    await settle();
    expect(cancels).toEqual([{ subscriberId: "a", options: { retire: true } }]);
  });

  it("does not retire when the link is lost or the subscriptions stop", async () => {
    const { inbox, cancels } = harness();
    inbox.add(subscriber("a"), true);
    await settle();
    inbox.stopAll();
    await settle();
    expect(cancels).toEqual([{ subscriberId: "a", options: undefined }]);
  });

  it("retires a subscriber removed while its subscription was still being set up", async () => {
    const { inbox, cancels, hold, releaseSubscribes } = harness();
    hold();
    const a = subscriber("a");
    inbox.add(a, true);
    inbox.remove(a);
    releaseSubscribes();
    await settle();
    expect(cancels).toEqual([{ subscriberId: "a", options: { retire: true } }]);
  });
});
