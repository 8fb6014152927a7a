import type { InviteSummary } from "@eventloom/schema";

export type InviteStatus = "pending" | "accepted" | "revoked" | "expired";

export function inviteStatus(invite: InviteSummary, now: Date): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.acceptedAt) return "accepted";
  return Date.parse(invite.expiresAt) <= now.getTime() ? "expired" : "pending";
}

/** The link to share: the server's path on this app's origin (an absolute URL is kept as it is). */
export function inviteUrl(url: string, origin: string): string {
  return /^https?:\/\//.test(url) ? url : `${origin}${url.startsWith("/") ? "" : "/"}${url}`;
}
