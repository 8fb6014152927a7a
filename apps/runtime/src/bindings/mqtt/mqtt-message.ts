/** MQTT names: client ids and shared-subscription group names. */

/** A client id MQTT brokers accept: letters, digits, `-` and `_`, at most 64 (3.1.1 guarantees only 23). */
export function clientId(...parts: string[]): string {
  return parts.join("-").replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64);
}
