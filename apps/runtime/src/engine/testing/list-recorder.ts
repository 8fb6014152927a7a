import type { CloudEvent, Hop } from "@eventloom/schema";
import type { HopRecorder } from "../contract";

export interface RecordedHop {
  hop: Hop;
  nodeId: string;
  event: CloudEvent;
  error?: string;
}

/** A recorder that keeps every hop in an array, for assertions (tests only: it grows without bound). */
export function createListRecorder(): HopRecorder & { hops: RecordedHop[]; of(hop: Hop, nodeId?: string): RecordedHop[] } {
  const hops: RecordedHop[] = [];
  return {
    hops,
    record(hop, nodeId, event, error) {
      hops.push(error === undefined ? { hop, nodeId, event } : { hop, nodeId, event, error });
    },
    of(hop, nodeId) {
      return hops.filter((h) => h.hop === hop && (nodeId === undefined || h.nodeId === nodeId));
    },
  };
}
