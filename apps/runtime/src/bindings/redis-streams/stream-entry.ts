/** A CloudEvent as a Redis stream entry: binary-mode attributes as `ce_` fields, `data` as a JSON field. */
import type { CloudEvent } from "@eventloom/schema";
import { fromBinary, JSON_CONTENT_TYPE, toBinary } from "../cloudevent-binary";

const PREFIX = "ce_";

export function encodeEntry(event: CloudEvent): string[] {
  const message = toBinary(event, PREFIX);
  const fields: string[] = [];
  for (const name in message.headers) fields.push(name, message.headers[name]!);
  fields.push("data", message.body.toString("utf8"));
  if (message.contentType !== JSON_CONTENT_TYPE) fields.push("contenttype", message.contentType);
  return fields;
}

export function decodeEntry(fields: readonly string[]): CloudEvent {
  const headers: Record<string, string> = {};
  let body = "";
  let contentType: string | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!;
    const value = fields[i + 1]!;
    if (name === "data") body = value;
    else if (name === "contenttype") contentType = value;
    else headers[name] = value;
  }
  return fromBinary(headers, Buffer.from(body, "utf8"), PREFIX, contentType);
}
