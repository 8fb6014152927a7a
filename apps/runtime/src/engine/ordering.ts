/** Reads an event's ordering key: `partitionkey` or a dotted path into the event such as `data.customer`. */
import type { CloudEvent } from "@eventloom/schema";

/** Returns the key, or undefined when the event has none (such events are not ordered). */
export type KeyReader = (event: CloudEvent) => string | undefined;

export function createKeyReader(path: string): KeyReader | undefined {
  if (path === "") return undefined;
  if (path === "partitionkey") return (event) => event.partitionkey;
  const parts = path.split(".");
  return (event) => {
    let value: unknown = event;
    for (const part of parts) {
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    if (typeof value === "string") return value;
    return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  };
}
