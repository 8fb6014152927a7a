import type { Role } from "@eventloom/schema";

const LABELS: Record<Role, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };

export function roleLabel(role: Role): string {
  return LABELS[role];
}

/** A small pill naming a role. */
export function RoleBadge({ role }: { role: Role }) {
  return <span className={`role-badge role-badge--${role}`}>{LABELS[role]}</span>;
}

/** "an owner", "an editor", "a viewer". */
export function roleWithArticle(role: Role): string {
  return role === "viewer" ? "a viewer" : `an ${role}`;
}
