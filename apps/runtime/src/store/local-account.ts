/**
 * Until accounts arrive (a later issue), everything runs as one built-in local user who owns a default
 * workspace. Created on start when missing; safe to call on every start.
 */
import type { PrismaClient } from "@eventloom/prisma";

export const LOCAL_USER_EMAIL = "local@eventloom.invalid";
export const DEFAULT_WORKSPACE_NAME = "My workspace";

/** Who acts: the user id for audit entries and the workspace new flows go into. */
export interface Actor {
  userId: string;
  workspaceId: string;
}

export async function ensureLocalAccount(client: PrismaClient): Promise<Actor> {
  const user = await client.user.upsert({
    where: { email: LOCAL_USER_EMAIL },
    update: {},
    create: { email: LOCAL_USER_EMAIL, name: "Local user" },
  });
  const owned = await client.membership.findFirst({
    where: { userId: user.id, role: "owner" },
    orderBy: { createdAt: "asc" },
  });
  if (owned) return { userId: user.id, workspaceId: owned.workspaceId };
  const workspace = await client.workspace.create({
    data: { name: DEFAULT_WORKSPACE_NAME, memberships: { create: { userId: user.id, role: "owner" } } },
  });
  return { userId: user.id, workspaceId: workspace.id };
}
