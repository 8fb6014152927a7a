import {
  AuditPageSchema,
  CreatedInviteSchema,
  InviteListSchema,
  MemberListSchema,
  WorkspaceListSchema,
  WorkspaceSummarySchema,
  type AuditPage,
  type CreatedInvite,
  type CreateInviteRequest,
  type InviteSummary,
  type Member,
  type Role,
  type WorkspaceSummary,
} from "@eventloom/schema";
import { request } from "./client";

const id = (value: string) => encodeURIComponent(value);
const ws = (workspaceId: string) => `/workspaces/${id(workspaceId)}`;

/** Typed calls for workspaces, members, invites and the audit log. Each throws ApiRequestError on failure. */
export const workspacesApi = {
  mine: (): Promise<WorkspaceSummary[]> => request("/me/workspaces", { schema: WorkspaceListSchema }),
  create: (name: string): Promise<WorkspaceSummary> => request("/workspaces", { method: "POST", body: { name }, schema: WorkspaceSummarySchema }),
  rename: (workspaceId: string, name: string): Promise<WorkspaceSummary> =>
    request(ws(workspaceId), { method: "PATCH", body: { name }, schema: WorkspaceSummarySchema }),
  /** Refused (409 WORKSPACE_BUSY) while any of its flows is deployed. */
  remove: (workspaceId: string): Promise<void> => request(ws(workspaceId), { method: "DELETE" }),
  members: (workspaceId: string): Promise<Member[]> => request(`${ws(workspaceId)}/members`, { schema: MemberListSchema }),
  setRole: (workspaceId: string, userId: string, role: Role): Promise<unknown> =>
    request(`${ws(workspaceId)}/members/${id(userId)}`, { method: "PATCH", body: { role } }),
  removeMember: (workspaceId: string, userId: string): Promise<void> => request(`${ws(workspaceId)}/members/${id(userId)}`, { method: "DELETE" }),
  leave: (workspaceId: string): Promise<void> => request(`${ws(workspaceId)}/leave`, { method: "POST", body: {} }),
  invites: (workspaceId: string): Promise<InviteSummary[]> => request(`${ws(workspaceId)}/invites`, { schema: InviteListSchema }),
  createInvite: (workspaceId: string, body: CreateInviteRequest): Promise<CreatedInvite> =>
    request(`${ws(workspaceId)}/invites`, { method: "POST", body, schema: CreatedInviteSchema }),
  revokeInvite: (workspaceId: string, inviteId: string): Promise<void> => request(`${ws(workspaceId)}/invites/${id(inviteId)}`, { method: "DELETE" }),
  audit: (workspaceId: string, cursor?: string): Promise<AuditPage> =>
    request(`${ws(workspaceId)}/audit${cursor ? `?cursor=${id(cursor)}` : ""}`, { schema: AuditPageSchema }),
};
