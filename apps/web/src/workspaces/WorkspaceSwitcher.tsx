import { useState } from "react";
import { MenuButton } from "../layout/MenuButton";
import { navigate } from "../routing/router";
import { CreateWorkspaceDialog } from "./CreateWorkspaceDialog";
import { RoleBadge } from "./RoleBadge";
import { switchWorkspace } from "./workspace-actions";
import { currentWorkspace, useWorkspaceStore } from "./workspace-store";

/** The current workspace; opens the list to switch, create one, or open its settings. */
export function WorkspaceSwitcher() {
  const workspaces = useWorkspaceStore((s) => s.workspaces);
  const current = useWorkspaceStore(currentWorkspace);
  const [creating, setCreating] = useState(false);
  if (!workspaces) return null;

  return (
    <>
      <MenuButton
        className="workspace-switcher"
        label={
          <>
            {/* The full name on hover when a narrow window cuts it. */}
            <span className="workspace-switcher__name" data-testid="workspace-current" title={current?.name}>
              {current?.name ?? "No workspace"}
            </span>
            <span aria-hidden="true">▾</span>
          </>
        }
        ariaLabel={`Workspace: ${current?.name ?? "none"}. Switch workspace`}
        testId="workspace-switcher"
      >
        {(close) => (
          <>
            <p className="menu-panel__heading" id="workspace-list-heading">
              Workspaces
            </p>
            <ul className="menu-panel__list" aria-labelledby="workspace-list-heading">
              {workspaces.map((w) => (
                <li key={w.id}>
                  <button
                    type="button"
                    className="menu-item menu-item--workspace"
                    aria-current={w.id === current?.id ? "true" : undefined}
                    onClick={() => {
                      close();
                      void switchWorkspace(w.id);
                    }}
                    data-testid={`workspace-option-${w.id}`}
                  >
                    <span className="menu-item__check" aria-hidden="true">
                      {w.id === current?.id ? "✓" : ""}
                    </span>
                    <span className="menu-item__label">{w.name}</span>
                    <RoleBadge role={w.role} />
                  </button>
                </li>
              ))}
            </ul>
            <hr className="menu-panel__rule" />
            {current && (
              <button type="button" className="menu-item" onClick={() => { close(); navigate("/settings/members"); }} data-testid="workspace-settings-link">
                {current.role === "owner" ? "Members and settings" : "Members"}
              </button>
            )}
            <button type="button" className="menu-item" onClick={() => { close(); setCreating(true); }} data-testid="workspace-create">
              Create workspace…
            </button>
          </>
        )}
      </MenuButton>
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
    </>
  );
}
