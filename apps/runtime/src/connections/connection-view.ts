/** Stored connection → the API's view of it: public settings, masks and `hasValue` for secrets, never a value. */
import { maskedSettings, type ConnectionDto } from "@eventloom/schema";
import type { StoredConnection } from "./connection-repository";
import { parseSealedSecrets } from "./sealed-secrets";

export function toConnectionDto(stored: StoredConnection): ConnectionDto {
  const sealed = parseSealedSecrets(stored.sealedSecrets, `Connection ${stored.id}.secrets`);
  const { settings, secrets } = maskedSettings(stored.kind, stored.settings, Object.keys(sealed));
  return {
    id: stored.id,
    workspaceId: stored.workspaceId,
    name: stored.name,
    kind: stored.kind,
    settings,
    secrets,
    rev: stored.rev,
    createdBy: stored.createdById,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  };
}
