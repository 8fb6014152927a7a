import type { FlowSummary } from "@eventloom/schema";
import { useMemo, useState } from "react";
import { createFlow } from "../stores/flow-list-actions";
import { useFlowStore } from "../stores/flow-store";
import { useFlowsStore } from "../stores/flows-store";
import { DeleteFlowDialog } from "./DeleteFlowDialog";
import { FLOW_SORT_LABELS, orderFlows, type FlowSort } from "./flow-list-order";
import { FlowListItem } from "./FlowListItem";
import { useCanEditCurrentWorkspace } from "../workspaces/workspace-store";

const SORT_KEY = "eventloom.flowSort";

function readSort(): FlowSort {
  try {
    const stored = window.localStorage.getItem(SORT_KEY);
    return stored === "updated" || stored === "status" ? stored : "name";
  } catch {
    // Storage disabled: sort by name.
    return "name";
  }
}

/** Every flow in the workspace with its deployment state; search, sort, create, open, rename, duplicate, delete. */
export function FlowList() {
  const flows = useFlowsStore((s) => s.flows);
  const error = useFlowsStore((s) => s.error);
  const openId = useFlowStore((s) => s.flowId);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<FlowSort>(readSort);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  const editable = useCanEditCurrentWorkspace();
  const shown = useMemo(() => orderFlows(flows, query, sort), [flows, query, sort]);

  const onCreate = () => {
    const name = window.prompt("Name of the new flow", "Untitled flow");
    if (name?.trim()) void createFlow(name.trim());
  };
  const onSort = (next: FlowSort) => {
    setSort(next);
    try {
      window.localStorage.setItem(SORT_KEY, next);
    } catch {
      // Not remembered; applies now.
    }
  };

  return (
    <section className="sidebar-section flow-list" aria-labelledby="flows-heading">
      <div className="sidebar-section__head">
        <h2 id="flows-heading" className="sidebar-section__title">
          Flows
        </h2>
        {editable && (
          <button type="button" className="btn btn--small" onClick={onCreate} data-testid="flow-create">
            + New
          </button>
        )}
      </div>
      {flows.length > 1 && (
        <div className="flow-list__controls">
          <input
            className="flow-list__search"
            type="search"
            placeholder="Find a flow…"
            aria-label="Find a flow by name"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="flows-filter"
          />
          <select className="flow-list__sort" aria-label="Sort flows" value={sort} onChange={(event) => onSort(event.target.value as FlowSort)} data-testid="flows-sort">
            {(Object.keys(FLOW_SORT_LABELS) as FlowSort[]).map((key) => (
              <option key={key} value={key}>
                {FLOW_SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && <p className="flow-list__error">{error}</p>}
      <ul className="flow-list__items">
        {shown.map((flow) => (
          <FlowListItem key={flow.id} flow={flow} open={flow.id === openId} editable={editable} onDelete={setDeleting} />
        ))}
      </ul>
      {query && shown.length === 0 && <p className="flow-list__empty">No flow matches “{query}”.</p>}
      {deleting && <DeleteFlowDialog flow={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
