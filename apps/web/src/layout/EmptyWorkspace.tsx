import { createFlow } from "../stores/flow-list-actions";
import { useFlowsStore } from "../stores/flows-store";

/** Shown while nothing is open: loading, the runtime unreachable, or no flows yet. */
export function EmptyWorkspace() {
  const loaded = useFlowsStore((s) => s.loaded);
  const error = useFlowsStore((s) => s.error);
  const count = useFlowsStore((s) => s.flows.length);
  if (!loaded) return <div className="empty-workspace">Loading flows…</div>;
  if (error) {
    return (
      <div className="empty-workspace" role="alert">
        <h2>Cannot reach the runtime</h2>
        <p>{error}</p>
        <button type="button" className="btn" onClick={() => void useFlowsStore.getState().refresh()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="empty-workspace">
      <h2>{count === 0 ? "No flows yet" : "Opening…"}</h2>
      {count === 0 && (
        <>
          <p>Wire producers → channels → consumers, deploy with one click and watch events move.</p>
          <button type="button" className="btn btn--primary" onClick={() => void createFlow("My first flow")}>
            Create a flow
          </button>
        </>
      )}
    </div>
  );
}
