/**
 * The keys that encrypt connection secrets. The current key seals new secrets; previous keys (rotation) still
 * open what they sealed. Each key has a short id (a fingerprint, not the key) written into every ciphertext, so
 * a runtime can tell "sealed with a key I do not have" from "tampered with".
 */
import { createHash, randomBytes } from "node:crypto";

export const SECRET_KEY_BYTES = 32;

export interface SecretKey {
  /** 8 hex characters of SHA-256 over the key: safe to log and store. */
  id: string;
  bytes: Buffer;
}

export interface SecretKeyRing {
  current: SecretKey;
  /** Every key that may open a ciphertext, the current one included, by id. */
  byId: ReadonlyMap<string, SecretKey>;
}

export class InvalidSecretKeyError extends Error {
  override name = "InvalidSecretKeyError";
}

export function secretKeyFromBytes(bytes: Buffer): SecretKey {
  if (bytes.length !== SECRET_KEY_BYTES) throw new InvalidSecretKeyError(`a secret key is ${SECRET_KEY_BYTES} bytes; this one has ${bytes.length}`);
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

/** Parses a base64 key as EVENTLOOM_SECRET_KEY holds it (e.g. from `openssl rand -base64 32`). */
export function parseSecretKey(base64: string): SecretKey {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new InvalidSecretKeyError("a secret key is base64 text (e.g. from `openssl rand -base64 32`)");
  return secretKeyFromBytes(Buffer.from(text, "base64"));
}

export function generateSecretKey(): SecretKey {
  return secretKeyFromBytes(randomBytes(SECRET_KEY_BYTES));
}

export function createSecretKeyRing(current: SecretKey, previous: readonly SecretKey[] = []): SecretKeyRing {
  const byId = new Map<string, SecretKey>();
  for (const key of [current, ...previous]) byId.set(key.id, key);
  return { current, byId };
}

export function encodeSecretKey(key: SecretKey): string {
  return key.bytes.toString("base64");
}
