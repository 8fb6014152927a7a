/**
 * A connection's secrets as stored: a JSON object of field name → sealed value (secret-box.ts), each bound to its
 * workspace, connection and field. Names stay readable, so listing (`hasValue`) and keeping a secret unchanged on
 * update need no key; only the engine, a test and a changed secret open or seal values.
 */
import { z } from "zod";
import { StoredDataError } from "../store/mappers";
import type { SecretBox } from "./secret-box";

export type SealedSecrets = Readonly<Record<string, string>>;

export interface SecretOwner {
  workspaceId: string;
  connectionId: string;
}

const SealedSecretsSchema = z.record(z.string(), z.string());

export function parseSealedSecrets(text: string | null, where: string): SealedSecrets {
  if (text === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoredDataError(where, error);
  }
  const parsed = SealedSecretsSchema.safeParse(json);
  if (!parsed.success) throw new StoredDataError(where, parsed.error);
  return parsed.data;
}

export function serializeSealedSecrets(sealed: SealedSecrets): string | null {
  return Object.keys(sealed).length > 0 ? JSON.stringify(sealed) : null;
}

function aad(owner: SecretOwner, field: string): string {
  return `connection/${owner.workspaceId}/${owner.connectionId}/${field}`;
}

export function sealSecrets(box: SecretBox, owner: SecretOwner, secrets: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(secrets).map(([field, value]) => [field, box.seal(value, aad(owner, field))]));
}

export function openSecrets(box: SecretBox, owner: SecretOwner, sealed: SealedSecrets): Record<string, string> {
  return Object.fromEntries(Object.entries(sealed).map(([field, value]) => [field, box.open(value, aad(owner, field))]));
}
