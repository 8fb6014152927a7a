import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { useVersionViewStore } from "./version-view-store";

/**
 * Over the canvas while it shows a version or a comparison: what is shown, that it is read only, the
 * highlight legend, and the way back. Lives inside the per-flow canvas, so opening another flow (which
 * remounts the canvas) also returns to the draft. So does any change to the draft while a version is
 * shown (an undo, a paste, someone else's save reloaded): what changed is never hidden behind the view.
 */
export function VersionBanner() {
  const view = useVersionViewStore((s) => s.view);
  const shown = useVersionViewStore((s) => s.graph !== null);
  const compared = useVersionViewStore((s) => (s.view.kind === "compare" ? s.graph : null));
  const { fitView } = useReactFlow();
  useEffect(() => {
    const stopWatching = useFlowStore.subscribe((state, previous) => {
      if (state.graph !== previous.graph) useVersionViewStore.getState().back();
    });
    return () => {
      stopWatching();
      useVersionViewStore.getState().back();
    };
  }, []);
  // A comparison brings every change into view, ghosts of removed nodes included (the draft's view is kept).
  useEffect(() => {
    if (!compared) return;
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 250 }));
    return () => cancelAnimationFrame(frame);
  }, [compared, fitView]);
  if (!shown || view.kind === "draft") return null;
  const what = view.kind === "version" ? `Viewing v${view.number}` : `Comparing v${view.from} → ${view.to === "draft" ? "draft" : `v${view.to}`}`;
  return (
    <div className="version-banner" role="status" data-testid="version-banner">
      <strong>{what} — read only</strong>
      {view.kind === "compare" && (
        <span className="version-banner__legend" aria-label="Legend">
          <span className="diff-chip diff-chip--added">added</span>
          <span className="diff-chip diff-chip--changed">changed</span>
          <span className="diff-chip diff-chip--moved">moved</span>
          <span className="diff-chip diff-chip--removed">removed</span>
        </span>
      )}
      <button type="button" className="btn btn--small" onClick={() => useVersionViewStore.getState().back()} data-testid="version-back">
        Back to draft
      </button>
    </div>
  );
}
