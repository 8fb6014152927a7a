import type { SampledSpan } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { withErrors } from "./trace-store";

const span = (nodeId: string, hop: SampledSpan["hop"], at: number, error?: string): SampledSpan => ({
  at,
  nodeId,
  hop,
  eventId: `e${at}`,
  eventType: "t",
  preview: "{}",
  ...(error ? { error } : {}),
});

describe("withErrors", () => {
  it("keeps the same object when no sample failed", () => {
    const current = {};
    expect(withErrors(current, [span("a", "done", 1)])).toBe(current);
  });

  it("records the newest error per node", () => {
    const next = withErrors({}, [span("a", "failed", 1, "boom"), span("a", "failed", 2, "bang"), span("b", "failed", 3)]);
    expect(next).toEqual({ a: { error: "bang", at: 2 } });
  });
});
