/** Dropping an event inside a node (rate limit, unrouted, held at stop): always counted and traced. */
import type { CloudEvent } from "@eventloom/schema";
import type { NodeEnv } from "./node-env";

export function dropEvent(env: NodeEnv, event: CloudEvent, reason: string): void {
  env.outlet.counters.dropped++;
  env.recorder.record("dropped", env.nodeId, event, reason);
}
