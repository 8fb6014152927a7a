import { describe, expect, it } from "vitest";
import { createFakeClock } from "../engine/testing/fake-clock";
import { testEvent } from "../engine/testing/events";
import { followEvent } from "./follow";
import { createTraceRecorder } from "./ring-recorder";

const traceparent = (trace: string, span: string) => `00-${trace.padStart(32, "0")}-${span.padStart(16, "0")}-01`;

describe("followEvent with a trace id learnt elsewhere (cluster mode)", () => {
  it("finds the re-published events of a trace whose original event this ring never held", () => {
    const ring = createTraceRecorder({ capacity: 100, clock: createFakeClock(0) });
    ring.record("delivered", "log", testEvent({ id: "derived", traceparent: traceparent("7", "2") }));
    ring.record("delivered", "log", testEvent({ id: "unrelated", traceparent: traceparent("8", "3") }));
    expect(followEvent(ring, "original")).toBeNull();
    const followed = followEvent(ring, "original", "00000000000000000000000000000007");
    expect(followed).toMatchObject({ traceId: "00000000000000000000000000000007", hops: [{ eventId: "derived", nodeId: "log" }] });
    expect(followed!.hops).toHaveLength(1);
    expect(followed!.envelope).toBeUndefined();
    expect(followEvent(ring, "original", "00000000000000000000000000000009")).toBeNull();
  });
});
