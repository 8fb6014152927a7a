import { Panel } from "@xyflow/react";
import { useSearchStore } from "../search/search-store";
import { useFlowStore } from "../stores/flow-store";
import { useCanvasCommands } from "./useCanvasCommands";
import { useViewActions } from "./useViewActions";
import { useViewStore } from "./view-store";

/**
 * Canvas tools: auto-layout, fit, zoom to selection, snap, search. Each is also a command with a shortcut.
 * Icon buttons (named for screen readers, titled for the mouse) keep the bar clear of the selection bar.
 */
export function CanvasToolbar() {
  const actions = useViewActions();
  useCanvasCommands(actions);
  const snap = useViewStore((s) => s.snapToGrid);
  const selected = useFlowStore((s) => s.selection.nodeIds.length);
  const empty = useFlowStore((s) => s.graph.nodes.length === 0);
  const readOnly = useFlowStore((s) => s.readOnly);

  return (
    <Panel position="top-left" className="canvas-toolbar" aria-label="Canvas tools" role="toolbar">
      {!readOnly && (
        <button type="button" className="tool-btn" onClick={() => void actions.layout()} disabled={empty} data-testid="auto-layout" title="Auto-layout left to right (Ctrl+Shift+L)">
          ⇶ {selected >= 2 ? "Layout selection" : "Auto-layout"}
        </button>
      )}
      <button type="button" className="tool-btn" onClick={actions.fitFlow} disabled={empty} data-testid="zoom-fit" title="Zoom to fit (Shift+F)">
        <span aria-hidden="true">⤢</span>
        <span className="visually-hidden">Zoom to fit</span>
      </button>
      <button type="button" className="tool-btn" onClick={actions.zoomToSelection} disabled={selected === 0} data-testid="zoom-selection" title="Zoom to selection (Shift+S)">
        <span aria-hidden="true">◎</span>
        <span className="visually-hidden">Zoom to selection</span>
      </button>
      <button
        type="button"
        className="tool-btn"
        aria-pressed={snap}
        onClick={() => useViewStore.getState().toggleSnap()}
        data-testid="snap-toggle"
        title="Snap to grid (Shift+G)"
      >
        <span aria-hidden="true">#</span>
        <span className="visually-hidden">Snap to grid</span>
      </button>
      <button type="button" className="tool-btn" onClick={() => useSearchStore.getState().show()} data-testid="search-open" title="Search in the flow (Ctrl+F)">
        <span aria-hidden="true">⌕</span>
        <span className="visually-hidden">Search in the flow</span>
      </button>
    </Panel>
  );
}
