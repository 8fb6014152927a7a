import type { AuditEntry } from "@eventloom/schema";

const ACTIONS: Record<string, string> = {
  "flow.created": "created the flow",
  "flow.saved": "saved the flow",
  "flow.deleted": "deleted the flow",
  "flow.deployed": "deployed the flow",
  "deployment.stopped": "stopped the flow",
  "flow.rolled_back": "rolled back the flow",
  "workspace.created": "created the workspace",
  "workspace.renamed": "renamed the workspace",
  "member.invited": "created an invite",
  "member.invite_revoked": "revoked an invite",
  "member.joined": "joined",
  "member.role_changed": "changed a role",
  "member.removed": "removed a member",
  "member.left": "left the workspace",
  seed: "seeded the Orders demo",
};

/**
 * One line per entry: the action in words plus the details that say what it touched. `flowName` names a flow the
 * entry only refers to by id (a save records no name), when the flow still exists.
 */
export function describeAction(entry: AuditEntry, flowName: (flowId: string) => string | undefined = () => undefined): string {
  const verb = ACTIONS[entry.action] ?? entry.action;
  const facts = detailText(entry.details);
  const named = entry.target.type === "flow" && !facts ? flowName(entry.target.id) : undefined;
  if (named) return `${verb} “${named}”`;
  return facts ? `${verb} (${facts})` : verb;
}

function detailText(details: AuditEntry["details"]): string {
  if (!details) return "";
  const parts: string[] = [];
  for (const key of ["name", "email", "role", "from", "to", "version", "versionNumber", "message"]) {
    const value = details[key];
    if (typeof value === "string" || typeof value === "number") parts.push(key === "name" || key === "email" ? String(value) : `${key} ${String(value)}`);
  }
  return parts.join(", ");
}
