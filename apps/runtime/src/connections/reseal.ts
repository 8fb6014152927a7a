/**
 * Key rotation, second half: after EVENTLOOM_SECRET_KEY changed (the old key listed in
 * EVENTLOOM_SECRET_KEYS_PREVIOUS), every secret sealed with an older key is sealed again with the current one at
 * start, so the old key can be dropped later. A value no configured key opens is left alone and counted.
 */
import type { ConnectionRepository } from "./connection-repository";
import { sealedKeyId, type SecretBox } from "./secret-box";
import { openSecrets, parseSealedSecrets, sealSecrets, serializeSealedSecrets } from "./sealed-secrets";

export interface ResealReport {
  resealed: number;
  /** Connections whose secrets no configured key opens (they fail with SECRET_KEY_MISMATCH until re-entered). */
  unreadable: string[];
}

export async function resealWithCurrentKey(deps: { connections: ConnectionRepository; box: SecretBox }): Promise<ResealReport> {
  const { connections, box } = deps;
  const report: ResealReport = { resealed: 0, unreadable: [] };
  for (const stored of await connections.listWithSecrets()) {
    const sealed = parseSealedSecrets(stored.sealedSecrets, `Connection ${stored.id}.secrets`);
    if (Object.values(sealed).every((value) => sealedKeyId(value) === box.keyId)) continue;
    const owner = { workspaceId: stored.workspaceId, connectionId: stored.id };
    let secrets: Record<string, string>;
    try {
      secrets = openSecrets(box, owner, sealed);
    } catch {
      // SECRET_KEY_MISMATCH: reported by id; using the connection will say what to do.
      report.unreadable.push(stored.id);
      continue;
    }
    const next = serializeSealedSecrets(sealSecrets(box, owner, secrets));
    // A save in between wins (it sealed with the current key already): then there is nothing left to do.
    if (next && (await connections.reseal({ id: stored.id, rev: stored.rev, sealedSecrets: next }))) report.resealed += 1;
  }
  return report;
}
