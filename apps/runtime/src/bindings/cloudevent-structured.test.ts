import type { CloudEvent } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { fromStructured, toStructured } from "./cloudevent-structured";

describe("structured content mode", () => {
  it("round-trips an event with its trace context", () => {
    const event = { specversion: "1.0", id: "1", source: "s", type: "t", traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", data: { n: 1 } } as CloudEvent;
    expect(fromStructured(toStructured(event))).toEqual(event);
  });

  it("refuses payloads that are not CloudEvents", () => {
    expect(fromStructured(Buffer.from("not json"))).toBeUndefined();
    expect(fromStructured(Buffer.from('{"id":"1"}'))).toBeUndefined();
    expect(fromStructured(Buffer.from("[1]"))).toBeUndefined();
  });
});
