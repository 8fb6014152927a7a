import type { CloudEvent } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { fromNatsMessage, keyToken, toNatsMessage } from "./nats-message";

describe("JetStream message encoding", () => {
  it("round-trips attributes that NATS headers cannot carry as they are", () => {
    const event = {
      specversion: "1.0",
      id: "e1",
      source: "eventloom://flow/node",
      type: "order.created",
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      deadletterreason: "line one\r\nline two 100%",
      deadletterattempts: 3,
      padded: " spaced ",
      data: { total: 120 },
    } as CloudEvent;
    const { headers, data } = toNatsMessage(event);
    expect(headers.get("traceparent")).toBe(event.traceparent);
    expect(fromNatsMessage(headers, data)).toEqual(event);
  });

  it("turns ordering keys into one subject token", () => {
    expect(keyToken("")).toBe("_");
    expect(keyToken("eu.west *>")).toBe("eu_west___");
  });
});
