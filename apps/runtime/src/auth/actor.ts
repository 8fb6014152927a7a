import type { Role } from "@eventloom/schema";

/** Who acts, for one request or socket event, in the workspace the request was authorized for. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
}

/** The signed-in user of a request, before any workspace is involved. */
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  /** The session the request came with (logout ends exactly this one). */
  sessionId: string;
}
