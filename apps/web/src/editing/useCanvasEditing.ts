import type { FinalConnectionState } from "@xyflow/react";
import { useMemo } from "react";
import { useFlowStore } from "../stores/flow-store";
import { useOverlayStore } from "./overlay-store";
import { trackPointer } from "./pointer";

/** Shift, Ctrl or ⌘ click adds to the selection. */
const MULTI_SELECT_KEYS = ["Shift", "Control", "Meta"];
/** Middle and right button pan; the left button on empty canvas draws a selection box. */
const PAN_BUTTONS = [1, 2];

/**
 * React Flow props for editing: box selection, multi-select keys, one undo step per drag, pointer tracking
 * for paste and quick-add. Deleting is the registry's Delete command (one undo step for nodes and wires).
 */
export function useCanvasEditing() {
  return useMemo(() => {
    const seal = () => useFlowStore.getState().sealHistory();
    return {
      deleteKeyCode: null,
      selectionOnDrag: true,
      panOnDrag: PAN_BUTTONS,
      multiSelectionKeyCode: MULTI_SELECT_KEYS,
      onNodeDragStart: seal,
      onNodeDragStop: seal,
      onSelectionDragStart: seal,
      onSelectionDragStop: seal,
      onPointerMove: trackPointer,
    };
  }, []);
}

/**
 * A wire from a producer, or from a consumer's output (a router's route), dropped on a consumer is illegal:
 * events reach a consumer through a channel. Besides refusing it, offer to insert one at the drop point.
 */
export function offerInsertChannel(event: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  const { fromNode, toNode, fromHandle, toHandle } = state;
  if (!fromNode || !toNode || !fromHandle) return;
  const forward = fromHandle.type === "source";
  const source = forward ? fromNode : toNode;
  const target = forward ? toNode : fromNode;
  if ((source.type !== "producer" && source.type !== "consumer") || target.type !== "consumer") return;
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  useOverlayStore.getState().open({
    kind: "insert-channel",
    screen: { x: point?.clientX ?? 0, y: point?.clientY ?? 0 },
    source: source.id,
    sourcePort: (forward ? fromHandle.id : toHandle?.id) ?? "out",
    target: target.id,
    targetPort: (forward ? toHandle?.id : fromHandle.id) ?? "in",
  });
}
