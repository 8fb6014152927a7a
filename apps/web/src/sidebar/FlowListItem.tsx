import type { FlowSummary } from "@eventloom/schema";
import { useEffect, useRef, useState } from "react";
import { InlineName } from "../layout/InlineName";
import { navigate } from "../routing/router";
import { saveFlow } from "../stores/flow-actions";
import { duplicateFlow, renameFlow } from "../stores/flow-list-actions";
import { useFlowStore } from "../stores/flow-store";
import { flowStatus } from "./flow-list-order";

const STATUS_TEXT: Record<string, string> = { running: "running", starting: "starting", failed: "failed", stopped: "stopped", none: "not deployed" };

/** One flow: open it, its deployment state, and rename / duplicate / delete. */
export function FlowListItem({ flow, open, editable, onDelete }: { flow: FlowSummary; open: boolean; editable: boolean; onDelete(flow: FlowSummary): void }) {
  const [renaming, setRenaming] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  // The list scrolls by itself: the flow being opened (from a link, a search, a duplicate) is brought into view.
  useEffect(() => {
    if (open) item.current?.scrollIntoView?.({ block: "nearest" });
  }, [open]);
  const status = flowStatus(flow);
  const statusText = `${STATUS_TEXT[status] ?? status}${flow.deployment ? ` · v${flow.deployment.versionNumber}` : ""}`;

  const onOpen = async () => {
    if (open) return;
    // Edits still waiting for autosave are saved now; only edits that cannot be saved (a conflict) ask first.
    if (useFlowStore.getState().dirty && useFlowStore.getState().saveState !== "conflict") await saveFlow();
    if (useFlowStore.getState().dirty && !window.confirm("You have unsaved changes. Open another flow and discard them?")) return;
    navigate(`/flows/${flow.id}`);
  };

  return (
    <li ref={item} className={`flow-item ${open ? "is-open" : ""}`} data-testid={`flow-item-${flow.id}`} data-status={status}>
      <span className={`status-dot status-dot--${status === "none" ? "stopped" : status}`} aria-hidden="true" />
      {renaming ? (
        <InlineName
          label="Flow name"
          value={flow.name}
          onCommit={(name) => {
            setRenaming(false);
            if (name !== flow.name) void renameFlow(flow.id, name);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <button type="button" className="flow-item__open" onClick={() => void onOpen()} aria-current={open ? "page" : undefined}>
          <span className="flow-item__name">{flow.name}</span>
          <span className="flow-item__meta">
            {flow.nodeCount} nodes · <span data-testid={`flow-status-${flow.id}`}>{statusText}</span>
          </span>
        </button>
      )}
      {editable && (
        <span className="flow-item__actions">
          <button type="button" className="icon-btn" onClick={() => setRenaming(true)} aria-label={`Rename ${flow.name}`} title="Rename">
            ✎
          </button>
          <button type="button" className="icon-btn" onClick={() => void duplicateFlow(flow.id)} aria-label={`Duplicate ${flow.name}`} title="Duplicate">
            ⧉
          </button>
          <button type="button" className="icon-btn icon-btn--danger" onClick={() => onDelete(flow)} aria-label={`Delete ${flow.name}`} title="Delete">
            🗑
          </button>
        </span>
      )}
    </li>
  );
}
