/**
 * CloudEvents in structured content mode: the whole event, `traceparent` included, as one JSON document.
 * For protocols without message headers (MQTT 3.1.1, Kinesis records) — and MQTT strings could not carry
 * the NUL that binary mode's typed header values use.
 */
import type { CloudEvent } from "@eventloom/schema";

export const STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

export function toStructured(event: CloudEvent): Buffer {
  return Buffer.from(JSON.stringify(event));
}

/** Parses a payload; undefined when it is not a CloudEvent (no string id, source, type and specversion). */
export function fromStructured(payload: Uint8Array): CloudEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.length).toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const event = value as Record<string, unknown>;
  return ["id", "source", "type", "specversion"].every((name) => typeof event[name] === "string") ? (event as CloudEvent) : undefined;
}
