/**
 * Which connection settings a broker channel uses: the workspace connection its `connection` field names
 * (through the injected ConnectionResolver), or — when the field is empty — the runtime's default for that
 * broker (EVENTLOOM_<KIND>_URL, parsed in env.ts). Neither: CONNECTION_REQUIRED, pointing at the field.
 */
import { CONNECTION_KIND_TITLES, type ConnectionKind, type ConnectionSettings, type ConnectionSettingsOf } from "@eventloom/schema";
import { ChannelOpenError } from "../engine/contract";
import type { ConnectionDefaults, ConnectionResolver } from "./contract";

export interface ResolutionDeps {
  resolver?: ConnectionResolver | undefined;
  defaults: ConnectionDefaults;
}

export async function resolveConnection<K extends ConnectionKind>(
  deps: ResolutionDeps,
  kind: K,
  request: { workspaceId: string | undefined; connectionId: string },
): Promise<ConnectionSettingsOf<K>> {
  const title = CONNECTION_KIND_TITLES[kind];
  if (request.connectionId === "") {
    const fallback = deps.defaults[kind] as ConnectionSettingsOf<K> | undefined;
    if (fallback) return fallback;
    throw new ChannelOpenError("CONNECTION_REQUIRED", `choose a ${title} connection (this runtime has no default: set ${envVariableOf(kind)})`);
  }
  if (!deps.resolver || request.workspaceId === undefined) throw new ChannelOpenError("CONNECTION_REQUIRED", `connection "${request.connectionId}" cannot be looked up here (no connection store)`);
  let settings: ConnectionSettings;
  try {
    settings = await deps.resolver(request.workspaceId, request.connectionId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChannelOpenError("CONNECTION_REQUIRED", `connection "${request.connectionId}" cannot be used: ${reason}`);
  }
  if (settings.kind !== kind) throw new ChannelOpenError("CONNECTION_REQUIRED", `connection "${request.connectionId}" is a ${CONNECTION_KIND_TITLES[settings.kind]} connection, not ${title}`);
  return settings as ConnectionSettingsOf<K>;
}

/** EVENTLOOM_RABBITMQ_URL, EVENTLOOM_REDIS_STREAMS_URL, … */
export function envVariableOf(kind: ConnectionKind): string {
  return `EVENTLOOM_${kind.toUpperCase().replace(/-/g, "_")}_URL`;
}

/** An in-memory resolver (tests, embedded setups): connection id → settings, in one workspace. */
export function createStaticResolver(workspaceId: string, connections: Record<string, ConnectionSettings>): ConnectionResolver {
  return async (workspace, id) => {
    const settings = workspace === workspaceId ? connections[id] : undefined;
    if (!settings) throw new Error(`no connection "${id}" in workspace "${workspace}"`);
    return settings;
  };
}
