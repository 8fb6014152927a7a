import type { Member, Role, WorkspaceSummary } from "@eventloom/schema";
import { useState } from "react";
import { workspacesApi } from "../../api/workspaces-api";
import { useSessionStore } from "../../auth/session-store";
import { ConfirmDialog } from "../../dialog/ConfirmDialog";
import { messageOf } from "../../stores/flow-actions";
import { useUiStore } from "../../stores/ui-store";
import { roleLabel, roleWithArticle } from "../RoleBadge";
import { leaveWorkspace } from "../workspace-actions";
import { useWorkspaceStore } from "../workspace-store";
import { useLoaded } from "./use-loaded";

const ROLES: Role[] = ["owner", "editor", "viewer"];

type Pending = { kind: "remove"; member: Member } | { kind: "leave" } | null;

/** Everyone in the workspace with their role; owners change roles and remove people; anyone may leave. */
export function MembersTab({ workspace }: { workspace: WorkspaceSummary }) {
  const me = useSessionStore((s) => s.user);
  const owner = workspace.role === "owner";
  const [members, reload] = useLoaded(() => workspacesApi.members(workspace.id), [workspace.id]);
  const [pending, setPending] = useState<Pending>(null);

  const changeRole = async (member: Member, role: Role) => {
    try {
      await workspacesApi.setRole(workspace.id, member.userId, role);
      useUiStore.getState().notify(`${member.name} is now ${roleWithArticle(role)}.`);
      if (member.userId === me?.id) await useWorkspaceStore.getState().load();
    } catch (error) {
      useUiStore.getState().notify(`Could not change the role: ${messageOf(error)}`, "error");
    }
    await reload();
  };
  const remove = async (member: Member) => {
    setPending(null);
    try {
      await workspacesApi.removeMember(workspace.id, member.userId);
      useUiStore.getState().notify(`Removed ${member.name} from ${workspace.name}.`);
    } catch (error) {
      useUiStore.getState().notify(`Could not remove ${member.name}: ${messageOf(error)}`, "error");
    }
    await reload();
  };
  const leave = async () => {
    setPending(null);
    const failure = await leaveWorkspace(workspace.id);
    if (failure) useUiStore.getState().notify(`Could not leave: ${failure}`, "error");
  };

  if (members.state === "loading") return <p role="status">Loading members…</p>;
  if (members.state === "error") return <p role="alert">Could not load the members: {members.message}</p>;
  return (
    <>
      <table className="settings-table" data-testid="members-table">
        <caption className="visually-hidden">Members of {workspace.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {owner && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {members.value.map((m) => (
            <tr key={m.userId} data-testid={`member-${m.email}`}>
              <td>
                {m.name}
                {m.userId === me?.id && <span className="settings-table__you"> (you)</span>}
              </td>
              <td>{m.email}</td>
              <td>
                {owner ? (
                  <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(event) => void changeRole(m, event.target.value as Role)} data-testid={`member-role-${m.email}`}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </select>
                ) : (
                  roleLabel(m.role)
                )}
              </td>
              <td>{new Date(m.joinedAt).toLocaleDateString()}</td>
              {owner && (
                <td className="settings-table__actions">
                  {m.userId !== me?.id && (
                    <button type="button" className="btn btn--small btn--danger" onClick={() => setPending({ kind: "remove", member: m })} data-testid={`member-remove-${m.email}`}>
                      Remove
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="settings__danger">
        <button type="button" className="btn btn--danger" onClick={() => setPending({ kind: "leave" })} data-testid="leave-workspace">
          Leave workspace
        </button>
      </div>
      {pending?.kind === "remove" && (
        <ConfirmDialog title={`Remove ${pending.member.name}?`} confirmLabel="Remove member" testId="confirm-member-action" onConfirm={() => void remove(pending.member)} onClose={() => setPending(null)}>
          <p>
            {pending.member.name} ({pending.member.email}) loses access to {workspace.name} and its flows at once. Their flows and versions stay.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === "leave" && (
        <ConfirmDialog title={`Leave ${workspace.name}?`} confirmLabel="Leave workspace" testId="confirm-member-action" onConfirm={() => void leave()} onClose={() => setPending(null)}>
          <p>You lose access to its flows. An owner can invite you back. The last owner cannot leave.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
