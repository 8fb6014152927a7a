/**
 * An event as a JetStream message in CloudEvents' binary content mode: attributes as `ce-` headers,
 * `traceparent` and `content-type` as their own headers, the data as the payload. NATS header values are one
 * line and trimmed, so values are escaped where needed (`%`, CR, LF, NUL and edge spaces as %XX) and
 * unescaped on the way in. The ordering key becomes the last subject token.
 */
import { headers as natsHeaders, type MsgHdrs } from "nats";
import type { CloudEvent } from "@eventloom/schema";
import { fromBinary, toBinary } from "../cloudevent-binary";

export const CE_PREFIX = "ce-";
const CONTENT_TYPE = "content-type";

export function toNatsMessage(event: CloudEvent): { headers: MsgHdrs; data: Buffer } {
  const binary = toBinary(event, CE_PREFIX);
  const headers = natsHeaders();
  for (const name in binary.headers) headers.set(name, escape(binary.headers[name]!));
  headers.set(CONTENT_TYPE, binary.contentType);
  return { headers, data: binary.body };
}

export function fromNatsMessage(headers: MsgHdrs | undefined, data: Uint8Array): CloudEvent {
  const values: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [name, list] of headers ?? []) {
    const value = unescape(list[0] ?? "");
    if (name === CONTENT_TYPE) contentType = value;
    else values[name] = value;
  }
  return fromBinary(values, data, CE_PREFIX, contentType);
}

function escape(value: string): string {
  return value.replace(/[%\r\n\0]|^\s|\s$/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
}

function unescape(value: string): string {
  return value.includes("%") ? decodeURIComponent(value) : value;
}

/** A subject token for an ordering key ("_" for none): no dots, wildcards or whitespace. */
export function keyToken(key: string): string {
  return key === "" ? "_" : key.replace(/[.*>\s]/g, "_").slice(0, 128);
}

/** Stream and durable names allow letters, digits, `_` and `-`. */
export function natsName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 200);
}
