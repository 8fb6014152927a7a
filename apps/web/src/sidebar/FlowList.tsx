import type { FlowSummary } from "@eventloom/schema";
import { useState } from "react";
import { navigate } from "../routing/router";
import { createFlow, deleteFlow, renameFlow } from "../stores/flow-list-actions";
import { useFlowStore } from "../stores/flow-store";
import { useFlowsStore } from "../stores/flows-store";
import { InlineName } from "../layout/InlineName";

/** Every flow in the workspace with its deployment status; create, open, rename, delete. */
export function FlowList() {
  const flows = useFlowsStore((s) => s.flows);
  const error = useFlowsStore((s) => s.error);
  const openId = useFlowStore((s) => s.flowId);

  const onCreate = () => {
    const name = window.prompt("Name of the new flow", "Untitled flow");
    if (name?.trim()) void createFlow(name.trim());
  };

  return (
    <section className="sidebar-section flow-list" aria-labelledby="flows-heading">
      <div className="sidebar-section__head">
        <h2 id="flows-heading" className="sidebar-section__title">
          Flows
        </h2>
        <button type="button" className="btn btn--small" onClick={onCreate} data-testid="flow-create">
          + New
        </button>
      </div>
      {error && <p className="flow-list__error">{error}</p>}
      <ul className="flow-list__items">
        {flows.map((flow) => (
          <FlowListItem key={flow.id} flow={flow} open={flow.id === openId} />
        ))}
      </ul>
    </section>
  );
}

function FlowListItem({ flow, open }: { flow: FlowSummary; open: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const status = flow.deployment?.status ?? "stopped";

  const onOpen = () => {
    if (open) return;
    if (useFlowStore.getState().dirty && !window.confirm("You have unsaved changes. Open another flow and discard them?")) return;
    navigate(`/flows/${flow.id}`);
  };
  const onDelete = () => {
    if (window.confirm(`Delete "${flow.name}"? This cannot be undone.`)) void deleteFlow(flow.id);
  };

  return (
    <li className={`flow-item ${open ? "is-open" : ""}`} data-testid={`flow-item-${flow.id}`}>
      <span className={`status-dot status-dot--${status}`} role="img" aria-label={status} title={status} />
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
        <button type="button" className="flow-item__open" onClick={onOpen} aria-current={open ? "page" : undefined}>
          <span className="flow-item__name">{flow.name}</span>
          <span className="flow-item__meta">{flow.nodeCount} nodes</span>
        </button>
      )}
      <span className="flow-item__actions">
        <button type="button" className="icon-btn" onClick={() => setRenaming(true)} aria-label={`Rename ${flow.name}`} title="Rename">
          ✎
        </button>
        <button type="button" className="icon-btn icon-btn--danger" onClick={onDelete} aria-label={`Delete ${flow.name}`} title="Delete">
          🗑
        </button>
      </span>
    </li>
  );
}
