/**
 * Broker connections of a workspace: CRUD with the optimistic `rev` check, secrets sealed per field (kept
 * sealed when an edit leaves them unchanged), "test connection" for saved and unsaved settings, and the
 * decrypted settings the engine's bindings connect with. Inputs arrive parsed; every change is audited.
 */
import {
  ConnectionSettingsSchema,
  mergeSecretPatch,
  secretFieldsOf,
  splitSecrets,
  SECRET_MASK,
  type ConnectionDto,
  type ConnectionSettings,
  type ConnectionSettingsPatch,
  type ConnectionTestResult,
} from "@eventloom/schema";
import { randomUUID } from "node:crypto";
import { NotFoundError, ValidationError } from "../errors";
import type { AuditRepository } from "../store/audit-repository";
import type { Actor } from "../auth/actor";
import { StoredDataError } from "../store/mappers";
import { ConnectionInUseError, ConnectionKindChangeError, ConnectionNameTakenError, ConnectionRevConflictError } from "./connection-errors";
import type { ConnectionRepository, StoredConnection } from "./connection-repository";
import type { ConnectionUsage } from "./connection-usage";
import { toConnectionDto } from "./connection-view";
import type { SecretBox } from "./secret-box";
import { openSecrets, parseSealedSecrets, sealSecrets, serializeSealedSecrets, type SealedSecrets } from "./sealed-secrets";
import type { ConnectionTester } from "./testing/tester";

export interface ConnectionServiceDeps {
  connections: ConnectionRepository;
  usage: ConnectionUsage;
  box: SecretBox;
  audit: AuditRepository;
  tester: ConnectionTester;
}

export interface ConnectionUpdate {
  rev: number;
  name?: string | undefined;
  settings?: ConnectionSettingsPatch | undefined;
}

export interface ConnectionService {
  list(actor: Actor): Promise<ConnectionDto[]>;
  get(actor: Actor, id: string): Promise<ConnectionDto>;
  create(actor: Actor, input: { name: string; settings: ConnectionSettings }): Promise<ConnectionDto>;
  update(actor: Actor, id: string, input: ConnectionUpdate): Promise<ConnectionDto>;
  /** Refused with CONNECTION_IN_USE while a saved or running flow names it. */
  remove(actor: Actor, id: string): Promise<void>;
  test(actor: Actor, id: string): Promise<ConnectionTestResult>;
  /** Tests a form's settings; with `connectionId`, secrets left masked or empty come from that saved connection. */
  testUnsaved(actor: Actor, input: { settings: ConnectionSettingsPatch; connectionId?: string | undefined }): Promise<ConnectionTestResult>;
  /** The full settings, secrets opened, for the engine (ConnectionResolver). */
  resolve(workspaceId: string, id: string): Promise<ConnectionSettings>;
}

/** Stands in for a kept secret while the merged settings are validated; never stored or sent anywhere. */
const KEPT = "kept-secret";

export function createConnectionService(deps: ConnectionServiceDeps): ConnectionService {
  const { connections, usage, box, audit, tester } = deps;

  async function mustGet(workspaceId: string, id: string): Promise<StoredConnection> {
    const stored = await connections.get(workspaceId, id);
    if (!stored) throw new NotFoundError(`Connection "${id}"`);
    return stored;
  }
  const sealedOf = (stored: StoredConnection) => parseSealedSecrets(stored.sealedSecrets, `Connection ${stored.id}.secrets`);
  const owner = (stored: StoredConnection) => ({ workspaceId: stored.workspaceId, connectionId: stored.id });

  /** Secrets opened and put back into the public settings, parsed: what a client library connects with. */
  function fullSettings(stored: StoredConnection): ConnectionSettings {
    const secrets = openSecrets(box, owner(stored), sealedOf(stored));
    const parsed = ConnectionSettingsSchema.safeParse({ ...stored.settings, ...secrets, kind: stored.kind });
    if (!parsed.success) throw new StoredDataError(`Connection ${stored.id}.settings`, parsed.error);
    return parsed.data;
  }

  /** Applies an edit: validates the merged settings without opening kept secrets, seals only the changed ones. */
  function applyPatch(stored: StoredConnection, patch: ConnectionSettingsPatch) {
    if (patch.kind !== stored.kind) throw new ConnectionKindChangeError(stored.kind, patch.kind);
    const saved = sealedOf(stored);
    const merged = mergeSecretPatch(stored.kind, patch, Object.fromEntries(Object.keys(saved).map((field) => [field, KEPT])));
    const parsed = ConnectionSettingsSchema.safeParse(merged);
    if (!parsed.success) throw new ValidationError(parsed.error, ["settings"]);
    const { publicSettings, secrets } = splitSecrets(parsed.data);
    const kept = keptFields(stored, patch, saved);
    const changed = Object.fromEntries(Object.entries(secrets).filter(([field]) => !kept.includes(field)));
    const sealed: Record<string, string> = { ...sealSecrets(box, owner(stored), changed) };
    for (const field of kept) sealed[field] = saved[field]!;
    const secretsChanged = secretFieldsOf(stored.kind).filter((field) => !kept.includes(field) && (field in changed || field in saved));
    return { publicSettings, sealed, secretsChanged };
  }

  return {
    async list(actor) {
      return (await connections.list(actor.workspaceId)).map(toConnectionDto);
    },
    async get(actor, id) {
      return toConnectionDto(await mustGet(actor.workspaceId, id));
    },
    async create(actor, input) {
      const { settings } = input;
      const { publicSettings, secrets } = splitSecrets(settings);
      const id = `conn_${randomUUID().replace(/-/g, "")}`;
      const sealed = sealSecrets(box, { workspaceId: actor.workspaceId, connectionId: id }, secrets);
      const stored = await connections.create({
        id,
        workspaceId: actor.workspaceId,
        name: input.name,
        kind: settings.kind,
        settings: publicSettings,
        sealedSecrets: serializeSealedSecrets(sealed),
        createdById: actor.userId,
      });
      if (!stored) throw new ConnectionNameTakenError(input.name);
      await audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: "connection.created", targetType: "connection", targetId: id, detail: { name: input.name, kind: settings.kind, secrets: Object.keys(secrets) } });
      return toConnectionDto(stored);
    },
    async update(actor, id, { rev, name, settings }) {
      const stored = await mustGet(actor.workspaceId, id);
      const applied = settings ? applyPatch(stored, settings) : undefined;
      const result = await connections.update({
        workspaceId: actor.workspaceId,
        id,
        rev,
        ...(name !== undefined ? { name } : {}),
        ...(applied ? { settings: applied.publicSettings, sealedSecrets: serializeSealedSecrets(applied.sealed) } : {}),
      });
      if (result.status === "missing") throw new NotFoundError(`Connection "${id}"`);
      if (result.status === "conflict") throw new ConnectionRevConflictError(result.currentRev);
      if (result.status === "name-taken") throw new ConnectionNameTakenError(name ?? stored.name);
      const detail = { rev: result.connection.rev, renamed: name !== undefined && name !== stored.name, settingsChanged: applied !== undefined, secretsChanged: applied?.secretsChanged ?? [] };
      await audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: "connection.saved", targetType: "connection", targetId: id, detail });
      return toConnectionDto(result.connection);
    },
    async remove(actor, id) {
      const stored = await mustGet(actor.workspaceId, id);
      const flows = await usage.flowsUsing(actor.workspaceId, id);
      if (flows.length > 0) throw new ConnectionInUseError(stored.name, flows);
      if (!(await connections.remove(actor.workspaceId, id))) throw new NotFoundError(`Connection "${id}"`);
      await audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: "connection.deleted", targetType: "connection", targetId: id, detail: { name: stored.name, kind: stored.kind } });
    },
    async test(actor, id) {
      const stored = await mustGet(actor.workspaceId, id);
      const result = await tester(fullSettings(stored));
      await audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: "connection.tested", targetType: "connection", targetId: id, detail: { ok: result.ok, ...(result.ok ? {} : { code: result.error.code }) } });
      return result;
    },
    async testUnsaved(actor, { settings, connectionId }) {
      let saved: Record<string, string> = {};
      if (connectionId !== undefined) {
        const stored = await mustGet(actor.workspaceId, connectionId);
        if (stored.kind !== settings.kind) throw new ConnectionKindChangeError(stored.kind, settings.kind);
        saved = openSecrets(box, owner(stored), sealedOf(stored));
      }
      const parsed = ConnectionSettingsSchema.safeParse(mergeSecretPatch(settings.kind, settings, saved));
      if (!parsed.success) throw new ValidationError(parsed.error, ["settings"]);
      return tester(parsed.data);
    },
    async resolve(workspaceId, id) {
      return fullSettings(await mustGet(workspaceId, id));
    },
  };
}

/** Secret fields the edit leaves as saved: sent as the mask, empty or not at all, with a saved value. */
function keptFields(stored: StoredConnection, patch: Record<string, unknown>, saved: SealedSecrets): string[] {
  return secretFieldsOf(stored.kind).filter((field) => {
    const sent = patch[field];
    return saved[field] !== undefined && (sent === undefined || sent === "" || sent === SECRET_MASK);
  });
}
