/**
 * An event as a Kafka record in CloudEvents' binary content mode (Kafka protocol binding): attributes as
 * `ce_` headers, `traceparent` as its own header, `content-type`, the data as the value, and the ordering
 * key as the record key (so one key stays in one partition).
 */
import type { Message } from "kafkajs";
import { toBinary } from "../cloudevent-binary";
import type { OutboundMessage } from "../contract";

export const CE_PREFIX = "ce_";
export const CONTENT_TYPE_HEADER = "content-type";

export function toKafkaMessage(message: OutboundMessage): Message {
  const binary = toBinary(message.event, CE_PREFIX);
  // toBinary's headers object is this message's own: completed in place rather than copied.
  binary.headers[CONTENT_TYPE_HEADER] = binary.contentType;
  return { key: message.key === "" ? null : message.key, value: binary.body, headers: binary.headers };
}

/** Kafka topic and group names allow letters, digits, `.`, `_` and `-` (at most 249). */
export function kafkaName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 249);
}
