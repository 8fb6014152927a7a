import type { InvitePreview, Role } from "@eventloom/schema";

export const ROLE_ABILITIES: Record<Role, string> = {
  owner: "manage members and settings, edit and deploy flows",
  editor: "edit, deploy and stop flows",
  viewer: "see flows and watch their live traces",
};

/** "Ada Lovelace invites you to Payments as an editor (edit, deploy and stop flows). Expires …" */
export function describeInvite(invite: InvitePreview, now: Date = new Date()): string {
  const role = invite.role === "viewer" ? "a viewer" : `an ${invite.role}`;
  return `${invite.invitedBy} invites you to ${invite.workspaceName} as ${role} (${ROLE_ABILITIES[invite.role]}). ${expiresText(invite.expiresAt, now)}`;
}

export function expiresText(expiresAt: string, now: Date): string {
  const ms = Date.parse(expiresAt) - now.getTime();
  if (!Number.isFinite(ms)) return "";
  if (ms <= 0) return "The link has expired.";
  const hours = Math.round(ms / 3_600_000);
  if (hours < 1) return "The link expires within the hour.";
  if (hours < 48) return `The link expires in ${hours} hour${hours === 1 ? "" : "s"}.`;
  return `The link expires in ${Math.round(hours / 24)} days.`;
}
