/** W3C trace ids of CloudEvents: the 32 hex digits after `00-` in the `traceparent` extension. */
import type { CloudEvent } from "@eventloom/schema";

const PREFIX = "00-";
const TRACE_ID_END = 35;

/** The trace id an event carries, or undefined when it has no (well-formed) `traceparent`. */
export function traceIdOf(event: CloudEvent): string | undefined {
  const parent = event.traceparent;
  return typeof parent === "string" && parent.length >= TRACE_ID_END ? parent.slice(PREFIX.length, TRACE_ID_END) : undefined;
}
