import {
  AcceptInviteResponseSchema,
  AuthStateSchema,
  InvitePreviewSchema,
  UserResponseSchema,
  type AcceptInviteResponse,
  type AuthState,
  type InvitePreview,
  type LoginRequest,
  type SetupRequest,
  type User,
} from "@eventloom/schema";
import { request } from "./client";

const token = (value: string) => encodeURIComponent(value);
const user = async (pending: Promise<{ user: User }>): Promise<User> => (await pending).user;

/** Sign-in, first-run setup, sign-out and invite links. Each throws ApiRequestError on failure. */
export const authApi = {
  state: (): Promise<AuthState> => request("/auth/state", { schema: AuthStateSchema, sessionless: true }),
  setup: (body: SetupRequest): Promise<User> => user(request("/auth/setup", { method: "POST", body, schema: UserResponseSchema, sessionless: true })),
  login: (body: LoginRequest): Promise<User> => user(request("/auth/login", { method: "POST", body, schema: UserResponseSchema, sessionless: true })),
  logout: (): Promise<void> => request("/auth/logout", { method: "POST", body: {}, sessionless: true }),
  logoutEverywhere: (): Promise<void> => request("/auth/logout-all", { method: "POST", body: {}, sessionless: true }),
  invite: (inviteToken: string): Promise<InvitePreview> => request(`/invites/${token(inviteToken)}`, { schema: InvitePreviewSchema, sessionless: true }),
  /** Signed in: joins with the current account. Anonymous: `account` creates one, joins and signs in. */
  acceptInvite: (inviteToken: string, account?: SetupRequest): Promise<AcceptInviteResponse> =>
    request(`/invites/${token(inviteToken)}/accept`, { method: "POST", body: account ?? {}, schema: AcceptInviteResponseSchema, sessionless: true }),
};
