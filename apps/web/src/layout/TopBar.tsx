import { useState } from "react";
import { UndoRedoButtons } from "../editing/UndoRedoButtons";
import { FlowFileMenu } from "../import-export/FlowFileMenu";
import { useFlowStore } from "../stores/flow-store";
import { ThemeSwitch } from "../theme/ThemeSwitch";
import { DeployControls } from "./DeployControls";
import { InlineName } from "./InlineName";
import { SaveStatus } from "./SaveStatus";

/** Brand, the open flow's name (click to rename), save state and the flow's commands. */
export function TopBar() {
  return (
    <header className="topbar">
      <a className="brand" href="/" aria-label="Eventloom home">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="8" fill="var(--kind-producer)" />
          <circle cx="10" cy="16" r="4" fill="#fff" />
          <rect x="14" y="13" width="8" height="6" rx="3" fill="#fbbf24" />
          <circle cx="25" cy="16" r="3" fill="#bfdbfe" />
        </svg>
        <span>Eventloom</span>
      </a>
      <FlowName />
      <SaveStatus />
      <UndoRedoButtons />
      <div className="topbar__spacer" />
      <FlowFileMenu />
      <ThemeSwitch />
      <DeployControls />
    </header>
  );
}

function FlowName() {
  const flowId = useFlowStore((s) => s.flowId);
  const name = useFlowStore((s) => s.name);
  const [editing, setEditing] = useState(false);
  if (!flowId) return null;
  if (editing) {
    return (
      <InlineName
        label="Flow name"
        value={name}
        onCommit={(next) => {
          setEditing(false);
          useFlowStore.getState().setName(next);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <button type="button" className="flow-name" onClick={() => setEditing(true)} title="Rename this flow" data-testid="flow-name">
      {name}
    </button>
  );
}
