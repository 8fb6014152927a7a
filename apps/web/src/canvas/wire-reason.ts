import type { Handle } from "@xyflow/react";
import { useFlowStore } from "../stores/flow-store";
import { connectionCheck } from "../stores/graph-ops";

interface WireEnds {
  fromNode: { id: string };
  fromHandle: Pick<Handle, "id" | "type">;
  toNode: { id: string } | null;
  toHandle: Pick<Handle, "id"> | null;
}

/**
 * Why a wire being drawn between two nodes is refused, or null. A wire may be drawn backwards (from an input
 * handle), so the ends are put in source → target order first.
 */
export function wireReason(ends: WireEnds): string | null {
  if (!ends.toNode) return null;
  const forward = ends.fromHandle.type === "source";
  return connectionCheck(useFlowStore.getState().graph, {
    source: forward ? ends.fromNode.id : ends.toNode.id,
    target: forward ? ends.toNode.id : ends.fromNode.id,
    sourcePort: (forward ? ends.fromHandle.id : ends.toHandle?.id) ?? "out",
    targetPort: (forward ? ends.toHandle?.id : ends.fromHandle.id) ?? "in",
  });
}
