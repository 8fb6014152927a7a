import { useEffect, useRef } from "react";
import { useFlowStore } from "../stores/flow-store";
import { insertChannelGraph, type ChannelRequest } from "./graph-inserts";
import { useOverlayStore } from "./overlay-store";
import { useRestoreFocus } from "./useRestoreFocus";

/**
 * Shown where a producer → consumer wire was dropped: that wire is illegal (events pass through a channel),
 * so offer the fix — a memory channel between them, in one undoable step.
 */
export interface InsertChannelPopoverProps {
  request: ChannelRequest & { screen: { x: number; y: number } };
  onAdded(nodeId: string): void;
}

export function InsertChannelPopover({ request, onAdded }: InsertChannelPopoverProps) {
  const close = useOverlayStore((s) => s.close);
  useRestoreFocus();
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => primary.current?.focus(), []);
  const insert = () => {
    close();
    const store = useFlowStore.getState();
    const inserted = insertChannelGraph(store.graph, request);
    if (!inserted) return;
    store.applyGraph(inserted.graph, { nodeIds: [inserted.nodeId], edgeIds: [] });
    requestAnimationFrame(() => onAdded(inserted.nodeId));
  };
  return (
    <div className="overlay-backdrop overlay-backdrop--clear" onMouseDown={close}>
      <div
        className="insert-channel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="insert-channel-text"
        style={{ left: request.screen.x + 8, top: request.screen.y + 8 }}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") close();
        }}
        data-testid="insert-channel"
      >
        <p id="insert-channel-text">Events reach a consumer through a channel.</p>
        <div className="insert-channel__actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button ref={primary} type="button" className="btn btn--primary" onClick={insert} data-testid="insert-channel-confirm">
            Insert memory channel
          </button>
        </div>
      </div>
    </div>
  );
}
