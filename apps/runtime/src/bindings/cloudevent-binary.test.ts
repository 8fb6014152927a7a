import { describe, expect, it } from "vitest";
import { fromBinary, toBinary } from "./cloudevent-binary";

describe("CloudEvents binary mode", () => {
  const event = {
    specversion: "1.0" as const,
    id: "e-1",
    source: "/flows/f/nodes/gen",
    type: "order.created",
    time: "2026-11-26T10:00:00.000Z",
    traceparent: "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01",
    partitionkey: "c-7",
    data: { total: 120, lines: [{ sku: "a" }] },
    deadletterattempts: 3,
    deadletterreason: "boom",
  };

  it("puts attributes in prefixed headers, traceparent as itself, data as the JSON body — and back", () => {
    const message = toBinary(event, "cloudEvents:");
    expect(message.headers).toMatchObject({ "cloudEvents:id": "e-1", "cloudEvents:type": "order.created", traceparent: event.traceparent });
    expect(message.headers).not.toHaveProperty("cloudEvents:data");
    expect(JSON.parse(message.body.toString())).toEqual(event.data);
    expect(fromBinary(message.headers, message.body, "cloudEvents:", message.contentType)).toEqual(event);
  });

  it("reads Buffer header values (as some clients hand them over) and an event without data", () => {
    const { data: _data, ...bare } = event;
    const message = toBinary(bare, "ce_");
    const buffers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromBinary(buffers, message.body, "ce_")).toEqual(bare);
  });

  it("skips headers that are not attributes, however many different ones arrive", () => {
    const message = toBinary(event, "ce_");
    for (let i = 0; i < 300; i++) {
      const headers = { ...message.headers, "content-type": "application/json", [`x-hop-${i}`]: "1", [`ce_extra${i}`]: "v" };
      expect(fromBinary(headers, message.body, "ce_")).toEqual({ ...event, [`extra${i}`]: "v" });
    }
  });

  it("keeps a body handed over as a plain Uint8Array view", () => {
    const message = toBinary(event, "ce_");
    const padded = new Uint8Array(message.body.length + 4);
    padded.set(message.body, 2);
    expect(fromBinary(message.headers, padded.subarray(2, 2 + message.body.length), "ce_").data).toEqual(event.data);
  });
});
