import { useState } from "react";
import { UserMenu } from "../auth/UserMenu";
import { PresenceAvatars } from "../collab/PresenceAvatars";
import { WorkspaceSwitcher } from "../workspaces/WorkspaceSwitcher";
import { BrandMark } from "./BrandMark";
import { UndoRedoButtons } from "../editing/UndoRedoButtons";
import { navigate } from "../routing/router";
import { useRoute } from "../routing/useRoute";
import { FlowFileMenu } from "../import-export/FlowFileMenu";
import { useFlowStore } from "../stores/flow-store";
import { DeployControls } from "./DeployControls";
import { InlineName } from "./InlineName";
import { SaveStatus } from "./SaveStatus";

/**
 * Brand, workspace, pages, the open flow's name (click to rename), save state, the flow's commands and the user
 * (whose menu holds the theme: the bar's width goes to the workspace's and the flow's names).
 */
export function TopBar() {
  const route = useRoute();
  // Off the editor (connections, workspace settings) the open flow's verbs would act on something out of sight.
  const onEditor = route.name === "home" || route.name === "flow";
  const readOnly = useFlowStore((s) => s.readOnly);
  return (
    <header className="topbar">
      <Brand />
      <WorkspaceSwitcher />
      <PageLinks />
      {onEditor ? (
        <>
          <FlowName />
          {readOnly ? <ViewOnlyBadge /> : <SaveStatus />}
          {!readOnly && <UndoRedoButtons />}
          <div className="topbar__spacer" />
          <PresenceAvatars />
          <FlowFileMenu />
        </>
      ) : (
        <div className="topbar__spacer" />
      )}
      {onEditor && <DeployControls />}
      <UserMenu />
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
      <a href="/" className="topbar__page" aria-current={route.name === "home" || route.name === "flow" ? "page" : undefined} onClick={go(openFlowPath())} data-testid="nav-flows">
        Flows
      </a>
      <a href="/connections" className="topbar__page" aria-current={route.name === "connections" ? "page" : undefined} onClick={go("/connections")} data-testid="nav-connections">
        Connections
      </a>
    </nav>
  );
}

function Brand() {
  return (
    <a className="brand" href="/" aria-label="Eventloom home">
      <BrandMark />
      <span>Eventloom</span>
    </a>
  );
}

function ViewOnlyBadge() {
  const flowId = useFlowStore((s) => s.flowId);
  if (!flowId) return null;
  return (
    <span className="view-only-badge" data-testid="view-only-badge" title="You are a viewer in this workspace: you can watch this flow and its traces but not change or deploy it.">
      View only
    </span>
  );
}

function FlowName() {
  const flowId = useFlowStore((s) => s.flowId);
  const name = useFlowStore((s) => s.name);
  const readOnly = useFlowStore((s) => s.readOnly);
  const [editing, setEditing] = useState(false);
  if (!flowId) return null;
  if (readOnly) {
    return (
      <span className="flow-name flow-name--static" data-testid="flow-name">
        {name}
      </span>
    );
  }
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
