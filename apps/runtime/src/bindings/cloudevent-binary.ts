/**
 * CloudEvents in binary content mode, shared by the bindings: the event's attributes travel as message
 * headers (each protocol binding names them with its own prefix: `ce_` for Kafka and MQTT user properties,
 * `cloudEvents:` for AMQP), `traceparent` as its own header, and `data` as the JSON body. Header values are
 * strings; numbers and booleans are tagged so they come back as what they were.
 */
import type { CloudEvent } from "@eventloom/schema";

export const JSON_CONTENT_TYPE = "application/json";

export interface BinaryMessage {
  headers: Record<string, string>;
  body: Buffer;
  contentType: string;
}

const NUMBER_TAG = "\u0000n:";
const BOOLEAN_TAG = "\u0000b:";

export function toBinary(event: CloudEvent, prefix: string): BinaryMessage {
  const headers: Record<string, string> = {};
  for (const name in event) {
    if (name === "data" || name === "datacontenttype") continue;
    const value = event[name];
    if (value === undefined) continue;
    const key = name === "traceparent" ? "traceparent" : `${prefix}${name}`;
    headers[key] = typeof value === "number" ? `${NUMBER_TAG}${value}` : typeof value === "boolean" ? `${BOOLEAN_TAG}${value}` : String(value);
  }
  const body = event.data === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(event.data));
  return { headers, body, contentType: event.datacontenttype ?? JSON_CONTENT_TYPE };
}

/** Rebuilds the event from headers (values as strings or Buffers) and the body. */
export function fromBinary(headers: Readonly<Record<string, unknown>>, body: Uint8Array, prefix: string, contentType?: string): CloudEvent {
  const event: Record<string, unknown> = { specversion: "1.0" };
  const names = attributeNames(prefix);
  for (const key in headers) {
    const raw = headers[key];
    if (raw === undefined || raw === null) continue;
    const name = names.get(key) ?? remember(names, key, prefix);
    if (name === null) continue;
    const value = Buffer.isBuffer(raw) ? raw.toString("utf8") : String(raw);
    event[name] = name === "traceparent" ? value : untag(value);
  }
  if (contentType !== undefined && contentType !== JSON_CONTENT_TYPE) event.datacontenttype = contentType;
  if (body.length > 0) event.data = JSON.parse((Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.length)).toString("utf8"));
  return event as CloudEvent;
}

/**
 * Header name → attribute name (null: not an attribute), per prefix. Every message carries the same
 * few header names, so they are looked up instead of sliced again for each message. Bounded: header names
 * come from the wire.
 */
const NAME_CACHE_LIMIT = 256;
const namesByPrefix = new Map<string, Map<string, string | null>>();

function attributeNames(prefix: string): Map<string, string | null> {
  let names = namesByPrefix.get(prefix);
  if (!names) namesByPrefix.set(prefix, (names = new Map()));
  return names;
}

function remember(names: Map<string, string | null>, key: string, prefix: string): string | null {
  const name = key === "traceparent" ? key : key.startsWith(prefix) ? key.slice(prefix.length) : null;
  if (names.size < NAME_CACHE_LIMIT) names.set(key, name);
  return name;
}

function untag(value: string): unknown {
  // Tagged values start with NUL: one character test skips the prefix checks for ordinary strings.
  if (value.charCodeAt(0) !== 0) return value;
  if (value.startsWith(NUMBER_TAG)) return Number(value.slice(NUMBER_TAG.length));
  if (value.startsWith(BOOLEAN_TAG)) return value.slice(BOOLEAN_TAG.length) === "true";
  return value;
}
