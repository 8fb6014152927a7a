/**
 * AES-256-GCM for connection secrets. A sealed value is `el1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts):
 * a format version, the id of the key that sealed it (rotation), a random 12-byte IV per write and the
 * authentication tag. `aad` binds a ciphertext to its owner (workspace and connection), so it cannot be moved
 * to another row. Opening with the wrong key or a changed value fails with SECRET_KEY_MISMATCH, never garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import type { SecretKeyRing } from "./secret-key";

const FORMAT = "el1";
const IV_BYTES = 12;

export class SecretKeyMismatchError extends AppError {
  constructor(message: string) {
    super("SECRET_KEY_MISMATCH", message, 500);
    this.name = "SecretKeyMismatchError";
  }
}

export interface SecretBox {
  /** The id of the key new secrets are sealed with. */
  readonly keyId: string;
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
}

export function createSecretBox(keys: SecretKeyRing): SecretBox {
  return {
    keyId: keys.current.id,
    seal(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", keys.current.bytes, iv);
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [FORMAT, keys.current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
    },
    open(sealed, aad) {
      const [format, keyId, iv, tag, data, ...rest] = sealed.split(".");
      if (format !== FORMAT || !keyId || !iv || !tag || data === undefined || rest.length > 0) {
        throw new SecretKeyMismatchError("A stored secret is not in a format this runtime can read.");
      }
      const key = keys.byId.get(keyId);
      if (!key) {
        throw new SecretKeyMismatchError(
          `Stored secrets were encrypted with key ${keyId}, but this runtime has key ${keys.current.id}: set EVENTLOOM_SECRET_KEY to the key they were saved with (or list it in EVENTLOOM_SECRET_KEYS_PREVIOUS), or enter the secrets again.`,
        );
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(aad, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        // GCM authentication failed: the value was changed or belongs to another row; the cause carries nothing more.
        throw new SecretKeyMismatchError(`A stored secret does not authenticate with key ${keyId}: it was changed or copied from elsewhere; enter it again.`);
      }
    },
  };
}

/** The id of the key a sealed value was sealed with, or undefined when it is not in this format. */
export function sealedKeyId(sealed: string): string | undefined {
  const [format, keyId] = sealed.split(".");
  return format === FORMAT && keyId ? keyId : undefined;
}
