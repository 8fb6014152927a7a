import { useState } from "react";
import { UndoRedoButtons } from "../editing/UndoRedoButtons";
import { navigate } from "../routing/router";
import { useRoute } from "../routing/useRoute";
import { FlowFileMenu } from "../import-export/FlowFileMenu";
import { useFlowStore } from "../stores/flow-store";
import { ThemeSwitch } from "../theme/ThemeSwitch";
import { DeployControls } from "./DeployControls";
import { InlineName } from "./InlineName";
import { SaveStatus } from "./SaveStatus";

/** Brand, the open flow's name (click to rename), save state and the flow's commands. */
export function TopBar() {
  const onConnections = useRoute().name === "connections";
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
      <PageLinks />
      {onConnections ? (
        <div className="topbar__spacer" />
      ) : (
        <>
          <FlowName />
          <SaveStatus />
          <UndoRedoButtons />
          <div className="topbar__spacer" />
          <FlowFileMenu />
        </>
      )}
      <ThemeSwitch />
      {!onConnections && <DeployControls />}
    </header>
  );
}

/** Back to the flow that was open (the editor keeps it while another page shows), else the start flow. */
export function openFlowPath(): string {
  const flowId = useFlowStore.getState().flowId;
  return flowId ? `/flows/${encodeURIComponent(flowId)}` : "/";
}

/** The app's pages: the flow editor and the workspace's broker connections. */
function PageLinks() {
  const route = useRoute();
  const go = (path: string) => (event: React.MouseEvent) => {
    event.preventDefault();
    navigate(path);
  };
  return (
    <nav className="topbar__pages" aria-label="Pages">
      <a href="/" className="topbar__page" aria-current={route.name !== "connections" ? "page" : undefined} onClick={go(openFlowPath())} data-testid="nav-flows">
        Flows
      </a>
      <a href="/connections" className="topbar__page" aria-current={route.name === "connections" ? "page" : undefined} onClick={go("/connections")} data-testid="nav-connections">
        Connections
      </a>
    </nav>
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
