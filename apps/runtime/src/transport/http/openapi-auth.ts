/** OpenAPI entries for accounts, workspaces, members, invites and the audit log (see openapi.ts). */
import {
  AcceptInviteRequestSchema,
  AcceptInviteResponseSchema,
  AuditPageSchema,
  AuthStateSchema,
  ChangeRoleRequestSchema,
  CreatedInviteSchema,
  CreateInviteRequestSchema,
  CreateWorkspaceRequestSchema,
  ErrorResponseSchema,
  InviteListSchema,
  InvitePreviewSchema,
  LoginRequestSchema,
  MemberListSchema,
  MemberSchema,
  RenameWorkspaceRequestSchema,
  SetupRequestSchema,
  UserResponseSchema,
  WorkspaceListSchema,
  WorkspaceSummarySchema,
} from "@eventloom/schema";
import type { RouteDoc } from "./openapi";

const E = ErrorResponseSchema;

export function authRouteDocs(): RouteDoc[] {
  const ws = "/api/workspaces/{wid}";
  return [
    { method: "get", path: "/api/auth/state", summary: "Public: is setup needed, who is signed in, the CSRF token (sets the el_csrf cookie)", responses: { 200: AuthStateSchema } },
    { method: "post", path: "/api/auth/setup", summary: "Public, once: create the owner and 'My workspace', sign in (409 ALREADY_SET_UP)", body: SetupRequestSchema, responses: { 201: UserResponseSchema, 409: E } },
    { method: "post", path: "/api/auth/login", summary: "Sign in (401 INVALID_CREDENTIALS; 429 RATE_LIMITED with Retry-After after 5 failures per email+IP in 15 min)", body: LoginRequestSchema, responses: { 200: UserResponseSchema, 401: E, 429: E } },
    { method: "post", path: "/api/auth/logout", summary: "End this session", responses: { 204: undefined } },
    { method: "post", path: "/api/auth/logout-all", summary: "End every session of the user", responses: { 204: undefined, 401: E } },
    { method: "get", path: "/api/me/workspaces", summary: "The caller's workspaces with their role", responses: { 200: WorkspaceListSchema, 401: E } },
    { method: "post", path: "/api/workspaces", summary: "Create a workspace (the caller becomes its owner)", body: CreateWorkspaceRequestSchema, responses: { 201: WorkspaceSummarySchema, 401: E } },
    { method: "patch", path: ws, summary: "Rename (owner)", body: RenameWorkspaceRequestSchema, responses: { 200: WorkspaceSummarySchema, 403: E, 404: E } },
    { method: "delete", path: ws, summary: "Delete with its flows (owner; 409 WORKSPACE_BUSY while a deployment runs)", responses: { 204: undefined, 403: E, 404: E, 409: E } },
    { method: "get", path: `${ws}/members`, summary: "Members (any member)", responses: { 200: MemberListSchema, 404: E } },
    { method: "patch", path: `${ws}/members/{userId}`, summary: "Change a member's role (owner; 409 LAST_OWNER)", body: ChangeRoleRequestSchema, responses: { 200: MemberSchema, 403: E, 404: E, 409: E } },
    { method: "delete", path: `${ws}/members/{userId}`, summary: "Remove a member (owner; 409 LAST_OWNER)", responses: { 204: undefined, 403: E, 404: E, 409: E } },
    { method: "post", path: `${ws}/leave`, summary: "Leave the workspace (409 LAST_OWNER)", responses: { 204: undefined, 404: E, 409: E } },
    { method: "post", path: `${ws}/invites`, summary: "Create an invite link (owner); the token is shown only here", body: CreateInviteRequestSchema, responses: { 201: CreatedInviteSchema, 403: E, 404: E } },
    { method: "get", path: `${ws}/invites`, summary: "Invite links (owner)", responses: { 200: InviteListSchema, 403: E, 404: E } },
    { method: "delete", path: `${ws}/invites/{id}`, summary: "Revoke an invite link (owner)", responses: { 204: undefined, 403: E, 404: E } },
    { method: "get", path: `${ws}/audit`, summary: "Audit log, newest first, 50 a page (?cursor=) (owner)", responses: { 200: AuditPageSchema, 403: E, 404: E } },
    { method: "get", path: "/api/invites/{token}", summary: "Public: what an invite link offers (404 unknown/revoked, 410 INVITE_EXPIRED)", responses: { 200: InvitePreviewSchema, 404: E, 410: E } },
    {
      method: "post",
      path: "/api/invites/{token}/accept",
      summary: "Join: signed in with {}, or anonymous with {email,password,name} (signs up and in; 409 EMAIL_TAKEN)",
      body: AcceptInviteRequestSchema,
      responses: { 200: AcceptInviteResponseSchema, 401: E, 404: E, 409: E, 410: E },
    },
  ];
}
