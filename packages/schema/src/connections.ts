import type { NodeKind } from "./flow";

/**
 * Which kind may feed which. Events go producer → channel → consumer (→ channel → consumer …):
 * channels are where decoupling lives, so a producer never wires straight into a consumer.
 */
const ALLOWED: Record<NodeKind, readonly NodeKind[]> = {
  producer: ["channel"],
  channel: ["consumer"],
  consumer: ["channel"],
};

/** Null when `source → target` is legal, otherwise the reason (shown while dragging a wire). */
export function connectionProblem(source: NodeKind, target: NodeKind): string | null {
  if (ALLOWED[source].includes(target)) return null;
  if (source === "producer" && target === "consumer") {
    return "A producer publishes into a channel, not straight into a consumer: insert a channel between them.";
  }
  if (source === "channel" && target === "channel") return "Channels connect through a consumer, not directly to each other.";
  if (target === "producer") return "Producers have no input: they only emit events.";
  return `A ${source} cannot feed a ${target}: events flow producer → channel → consumer → channel.`;
}
