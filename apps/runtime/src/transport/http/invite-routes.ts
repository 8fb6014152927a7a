/** Invite links (owners create, list, revoke) and the public side: preview and accept (signing up if needed). */
import {
  AcceptInviteRequestSchema,
  CreateInviteRequestSchema,
  IdSchema,
  type AcceptInviteResponse,
  type CreatedInvite,
  type InvitePreview,
  type InviteSummary,
} from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AccessGuard } from "../../auth/access-guard";
import type { AccountService } from "../../auth/account-service";
import type { InviteService } from "../../auth/invite-service";
import type { SessionCookies } from "../../auth/session-cookies";
import type { SessionService } from "../../auth/session-service";
import { UnauthenticatedError } from "../../errors";
import { optionalBody, parseInput } from "./parse";
import { WorkspaceParamsSchema } from "./workspace-routes";

const InviteParamsSchema = z.object({ wid: IdSchema, id: IdSchema });
const TokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

export interface InviteRouteDeps {
  access: AccessGuard;
  invites: InviteService;
  accounts: AccountService;
  sessions: SessionService;
  cookies: SessionCookies;
}

export function registerInviteRoutes(app: FastifyInstance, deps: InviteRouteDeps): void {
  const { access, invites } = deps;

  app.post("/api/workspaces/:wid/invites", async (request, reply): Promise<CreatedInvite> => {
    const { wid } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    const actor = await access.authorize(request, { workspaceId: wid }, "owner");
    const input = parseInput(CreateInviteRequestSchema, request.body, ["body"]);
    reply.status(201);
    return invites.create(actor, input);
  });

  app.get("/api/workspaces/:wid/invites", async (request): Promise<InviteSummary[]> => {
    const { wid } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    await access.authorize(request, { workspaceId: wid }, "owner");
    return invites.list(wid);
  });

  app.delete("/api/workspaces/:wid/invites/:id", async (request, reply) => {
    const { wid, id } = parseInput(InviteParamsSchema, request.params, ["params"]);
    await invites.revoke(await access.authorize(request, { workspaceId: wid }, "owner"), id);
    return reply.status(204).send();
  });

  app.get("/api/invites/:token", async (request): Promise<InvitePreview> => {
    const { token } = parseInput(TokenParamsSchema, request.params, ["params"]);
    return invites.preview(token);
  });

  app.post("/api/invites/:token/accept", async (request, reply): Promise<AcceptInviteResponse> => {
    const { token } = parseInput(TokenParamsSchema, request.params, ["params"]);
    const body = parseInput(AcceptInviteRequestSchema, optionalBody(request.body), ["body"]);
    const signedIn = await access.user(request);
    if (signedIn) {
      const user = { id: signedIn.id, email: signedIn.email, name: signedIn.name };
      return { user, workspace: await invites.accept(token, user) };
    }
    // Anonymous with no account details: sign in (then accept) or send email, password and name.
    if (!isSignUp(body)) throw new UnauthenticatedError();
    await invites.assertUsable(token);
    const user = await deps.accounts.createUser(body);
    const workspace = await invites.accept(token, user);
    const session = await deps.sessions.create(user.id, request.headers["user-agent"]);
    deps.cookies.setSession(request, reply, session.token);
    return { user, workspace };
  });
}

type SignUp = { email: string; password: string; name: string };

function isSignUp(body: SignUp | Record<string, never>): body is SignUp {
  return "email" in body;
}
