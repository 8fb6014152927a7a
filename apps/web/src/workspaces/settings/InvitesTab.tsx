import type { CreatedInvite, InviteSummary, Role } from "@eventloom/schema";
import { useState, type FormEvent } from "react";
import { workspacesApi } from "../../api/workspaces-api";
import { messageOf } from "../../stores/flow-actions";
import { useUiStore } from "../../stores/ui-store";
import { roleLabel } from "../RoleBadge";
import { inviteStatus, inviteUrl } from "./invite-status";
import { useLoaded } from "./use-loaded";

const EXPIRIES: { hours: number; label: string }[] = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "1 day" },
  { hours: 24 * 7, label: "7 days" },
  { hours: 24 * 30, label: "30 days" },
];

/** Owners create invite links (role + expiry), copy them, and revoke the ones not used yet. */
export function InvitesTab({ workspaceId }: { workspaceId: string }) {
  const [invites, reload] = useLoaded(() => workspacesApi.invites(workspaceId), [workspaceId]);
  const [role, setRole] = useState<Role>("editor");
  const [hours, setHours] = useState(24 * 7);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [busy, setBusy] = useState(false);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setCreated(await workspacesApi.createInvite(workspaceId, { role, expiresInHours: hours }));
      await reload();
    } catch (error) {
      useUiStore.getState().notify(`Could not create the invite: ${messageOf(error)}`, "error");
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (invite: InviteSummary) => {
    try {
      await workspacesApi.revokeInvite(workspaceId, invite.id);
      if (created?.id === invite.id) setCreated(null);
      useUiStore.getState().notify("Invite revoked: the link no longer works.");
    } catch (error) {
      useUiStore.getState().notify(`Could not revoke the invite: ${messageOf(error)}`, "error");
    }
    await reload();
  };

  return (
    <>
      <form className="invite-form" onSubmit={(event) => void onCreate(event)} aria-labelledby="invite-form-title">
        <h2 id="invite-form-title" className="settings__subtitle">
          Invite by link
        </h2>
        <label className="invite-form__field">
          <span>Role</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Role)} data-testid="invite-role">
            <option value="viewer">Viewer: sees flows and live traces</option>
            <option value="editor">Editor: edits, deploys and stops flows</option>
            <option value="owner">Owner: also manages members</option>
          </select>
        </label>
        <label className="invite-form__field">
          <span>Link expires after</span>
          <select value={hours} onChange={(event) => setHours(Number(event.target.value))} data-testid="invite-expiry">
            {EXPIRIES.map((e) => (
              <option key={e.hours} value={e.hours}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="invite-create">
          {busy ? "Creating…" : "Create invite link"}
        </button>
      </form>
      {created && <CreatedLink invite={created} />}
      <h2 className="settings__subtitle">Invites</h2>
      {invites.state === "loading" && <p role="status">Loading invites…</p>}
      {invites.state === "error" && <p role="alert">Could not load the invites: {invites.message}</p>}
      {invites.state === "ready" && invites.value.length === 0 && <p className="settings__empty">No invites yet.</p>}
      {invites.state === "ready" && invites.value.length > 0 && (
        <table className="settings-table" data-testid="invites-table">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Created by</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {invites.value.map((invite) => {
              const status = inviteStatus(invite, new Date());
              return (
                <tr key={invite.id} data-testid={`invite-row-${invite.id}`} data-status={status}>
                  <td>{roleLabel(invite.role)}</td>
                  <td>{invite.createdBy.name}</td>
                  <td>{new Date(invite.expiresAt).toLocaleString()}</td>
                  <td>{status === "accepted" ? `Accepted by ${invite.acceptedBy?.name ?? "someone"}` : status[0]!.toUpperCase() + status.slice(1)}</td>
                  <td className="settings-table__actions">
                    {status === "pending" && (
                      <button type="button" className="btn btn--small btn--danger" onClick={() => void revoke(invite)} data-testid={`invite-revoke-${invite.id}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The new link, shown once (the server keeps only its hash), with a copy button. */
function CreatedLink({ invite }: { invite: CreatedInvite }) {
  const url = inviteUrl(invite.url, window.location.origin);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: select the text so Ctrl/⌘-C copies it.
      (document.getElementById("invite-link") as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="invite-link" role="status" data-testid="invite-created">
      <label htmlFor="invite-link">
        New {roleLabel(invite.role).toLowerCase()} link (shown once; it expires {new Date(invite.expiresAt).toLocaleString()}):
      </label>
      <div className="invite-link__row">
        <input id="invite-link" readOnly value={url} onFocus={(event) => event.target.select()} data-testid="invite-link" />
        <button type="button" className="btn" onClick={() => void copy()} data-testid="invite-copy">
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
    </div>
  );
}
