import { useEffect } from "react";
import { navigate, type SettingsTab } from "../../routing/router";
import { currentWorkspace, useWorkspaceStore } from "../workspace-store";
import { RoleBadge } from "../RoleBadge";
import { AuditTab } from "./AuditTab";
import { GeneralTab } from "./GeneralTab";
import { InvitesTab } from "./InvitesTab";
import { MembersTab } from "./MembersTab";

const TABS: { id: SettingsTab; title: string; ownerOnly: boolean }[] = [
  { id: "members", title: "Members", ownerOnly: false },
  { id: "invites", title: "Invites", ownerOnly: true },
  { id: "audit", title: "Audit log", ownerOnly: true },
  { id: "general", title: "Workspace", ownerOnly: true },
];

/** `/settings/<tab>`: the current workspace's members (all), invites and audit log (owners). */
export function SettingsPage({ tab }: { tab: SettingsTab }) {
  const workspace = useWorkspaceStore(currentWorkspace);
  const owner = workspace?.role === "owner";
  const tabs = TABS.filter((t) => owner || !t.ownerOnly);
  const shown = tabs.some((t) => t.id === tab) ? tab : "members";

  useEffect(() => {
    document.title = `${workspace?.name ?? "Workspace"} settings · Eventloom`;
  }, [workspace?.name]);

  if (!workspace) {
    return (
      <main className="settings">
        <p>You are not a member of any workspace. Create one from the workspace menu.</p>
      </main>
    );
  }
  return (
    <main className="settings" aria-labelledby="settings-title" data-testid="settings-page">
      <header className="settings__head">
        <button type="button" className="btn btn--small" onClick={() => navigate("/")} data-testid="settings-back">
          ← Back to flows
        </button>
        <h1 id="settings-title" className="settings__title">
          {workspace.name}
        </h1>
        <RoleBadge role={workspace.role} />
      </header>
      <nav className="settings__tabs" aria-label="Workspace settings">
        {tabs.map((t) => (
          <a
            key={t.id}
            href={`/settings/${t.id}`}
            className={`settings__tab${t.id === shown ? " is-active" : ""}`}
            aria-current={t.id === shown ? "page" : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(`/settings/${t.id}`);
            }}
            data-testid={`settings-tab-${t.id}`}
          >
            {t.title}
          </a>
        ))}
      </nav>
      <section className="settings__body">
        {shown === "members" && <MembersTab workspace={workspace} />}
        {shown === "invites" && <InvitesTab workspaceId={workspace.id} />}
        {shown === "audit" && <AuditTab workspaceId={workspace.id} />}
        {shown === "general" && <GeneralTab workspace={workspace} />}
      </section>
    </main>
  );
}
