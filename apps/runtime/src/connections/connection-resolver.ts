/**
 * The engine's view of connections: (workspaceId, connectionId) → full settings with secrets opened, for a
 * broker binding to connect with. Rejects with NOT_FOUND for an unknown id and SECRET_KEY_MISMATCH when the
 * stored secrets were sealed with a key this runtime does not have.
 */
import type { ConnectionSettings } from "@eventloom/schema";
import type { ConnectionService } from "./connection-service";

export type ConnectionResolver = (workspaceId: string, connectionId: string) => Promise<ConnectionSettings>;

export function createConnectionResolver(connections: Pick<ConnectionService, "resolve">): ConnectionResolver {
  return (workspaceId, connectionId) => connections.resolve(workspaceId, connectionId);
}
