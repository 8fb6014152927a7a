import { z } from "zod";

/**
 * Accounts, workspaces, members, invites and the audit log: every request and response of the HTTP contract
 * in docs/auth-api.md. Requests are strict (unknown keys are refused) so a typo never passes silently.
 */

export const EmailSchema = z
  .string()
  .trim()
  .max(254, "an email has at most 254 characters")
  .pipe(z.email("not an email address"))
  .transform((email) => email.toLowerCase());

/** Length only: a long passphrase beats any composition rule. 200 caps the hashing work per request. */
export const PasswordSchema = z.string().min(10, "a password needs at least 10 characters").max(200, "a password has at most 200 characters");

export const PersonNameSchema = z.string().trim().min(1, "a name is needed").max(100, "a name has at most 100 characters");

export const WorkspaceNameSchema = z.string().trim().min(1, "a workspace needs a name").max(100, "a workspace name has at most 100 characters");

export const RoleSchema = z.enum(["owner", "editor", "viewer"]);
export type Role = z.infer<typeof RoleSchema>;

/** Higher rank includes every right of a lower one. */
export const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

export const UserSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type User = z.infer<typeof UserSchema>;

// ---- /api/auth

export const AuthStateSchema = z.object({
  setupRequired: z.boolean(),
  user: UserSchema.nullable(),
  csrfToken: z.string(),
});
export type AuthState = z.infer<typeof AuthStateSchema>;

export const SetupRequestSchema = z.strictObject({ email: EmailSchema, password: PasswordSchema, name: PersonNameSchema });
export type SetupRequest = z.input<typeof SetupRequestSchema>;

/** Login checks the password's length loosely: an old account may predate today's rule. */
export const LoginRequestSchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(200) });
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const UserResponseSchema = z.object({ user: UserSchema });
export type UserResponse = z.infer<typeof UserResponseSchema>;

// ---- workspaces

export const WorkspaceSummarySchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;

export const WorkspaceListSchema = z.array(WorkspaceSummarySchema);

export const CreateWorkspaceRequestSchema = z.strictObject({ name: WorkspaceNameSchema });
export type CreateWorkspaceRequest = z.input<typeof CreateWorkspaceRequestSchema>;

export const RenameWorkspaceRequestSchema = z.strictObject({ name: WorkspaceNameSchema });
export type RenameWorkspaceRequest = z.input<typeof RenameWorkspaceRequestSchema>;

// ---- members

export const MemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z.array(MemberSchema);

export const ChangeRoleRequestSchema = z.strictObject({ role: RoleSchema });
export type ChangeRoleRequest = z.input<typeof ChangeRoleRequestSchema>;

// ---- invites

export const CreateInviteRequestSchema = z.strictObject({
  role: RoleSchema,
  expiresInHours: z.number().int("whole hours").min(1, "at least 1 hour").max(720, "at most 720 hours (30 days)"),
});
export type CreateInviteRequest = z.input<typeof CreateInviteRequestSchema>;

/** The token is shown once, at creation; the server keeps only its hash. */
export const CreatedInviteSchema = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
});
export type CreatedInvite = z.infer<typeof CreatedInviteSchema>;

export const InviteSummarySchema = z.object({
  id: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  createdBy: UserSchema,
  acceptedBy: UserSchema.nullable(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type InviteSummary = z.infer<typeof InviteSummarySchema>;

export const InviteListSchema = z.array(InviteSummarySchema);

/** What an invite link shows before accepting (public: the token is the secret). */
export const InvitePreviewSchema = z.object({
  workspaceName: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
  invitedBy: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;

/** Signed in: an empty body (or none). Anonymous: the new account's email, password and name. */
export const AcceptInviteRequestSchema = z.union([
  z.strictObject({ email: EmailSchema, password: PasswordSchema, name: PersonNameSchema }),
  z.strictObject({}),
]);
export type AcceptInviteRequest = z.input<typeof AcceptInviteRequestSchema>;

export const AcceptInviteResponseSchema = z.object({ user: UserSchema, workspace: WorkspaceSummarySchema });
export type AcceptInviteResponse = z.infer<typeof AcceptInviteResponseSchema>;

// ---- audit

/**
 * Actions recorded today: flow.created, flow.saved, flow.deleted, flow.deployed, deployment.stopped,
 * flow.rolled-back, workspace.created, workspace.renamed, member.invited, member.invite_revoked, member.joined,
 * member.role_changed, member.removed, member.left (a string, so new actions never break an older client).
 */
export const AuditTargetSchema = z.object({ type: z.string(), id: z.string() });
export type AuditTarget = z.infer<typeof AuditTargetSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: UserSchema.nullable(),
  action: z.string(),
  target: AuditTargetSchema,
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditQuerySchema = z.strictObject({ cursor: z.string().min(1).max(100).optional() });
