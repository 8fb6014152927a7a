/** MQTT names: client ids and shared-subscription group names. */
import { createHash } from "node:crypto";

const MAX_CLIENT_ID = 64;

/**
 * A client id MQTT brokers accept: letters, digits, `-` and `_`, at most 64 (3.1.1 guarantees only 23, but
 * Mosquitto and the large brokers take more). A longer one keeps its start and a hash of the whole, so two
 * channels whose names differ only at the end still get different ids.
 */
export function clientId(...parts: string[]): string {
  const id = parts.join("-").replace(/[^A-Za-z0-9_-]/g, "_");
  if (id.length <= MAX_CLIENT_ID) return id;
  return `${id.slice(0, MAX_CLIENT_ID - 13)}-${createHash("sha256").update(id).digest("hex").slice(0, 12)}`;
}
