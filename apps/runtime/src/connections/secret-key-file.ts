/**
 * Without EVENTLOOM_SECRET_KEY (the embedded defaults of `npm start`), the key lives in a file next to the SQLite
 * database, created once with 0600 permissions. Production sets the variable instead: a key beside the data it
 * protects only guards against someone who gets the database without the folder.
 */
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { createSecretKeyRing, encodeSecretKey, generateSecretKey, parseSecretKey, type SecretKey, type SecretKeyRing } from "./secret-key";

export const SECRET_KEY_FILE_NAME = "secret.key";

/** Reads the key file in `dataDir`, creating it (exclusively, so two starting processes agree) when missing. */
export function loadOrCreateKeyFile(dataDir: string): { key: SecretKey; created: boolean; file: string } {
  const file = path.join(dataDir, SECRET_KEY_FILE_NAME);
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = generateSecretKey();
  try {
    fs.writeFileSync(file, `${encodeSecretKey(fresh)}\n`, { mode: 0o600, flag: "wx" });
    return { key: fresh, created: true, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return { key: parseSecretKey(fs.readFileSync(file, "utf8")), created: false, file };
}

export interface SecretKeySources {
  /** EVENTLOOM_SECRET_KEY, parsed. */
  key: SecretKey | undefined;
  /** EVENTLOOM_SECRET_KEYS_PREVIOUS, parsed: older keys that still open what they sealed. */
  previous: readonly SecretKey[];
  dataDir: string;
}

/** The key ring the runtime runs with: the environment's key, else the data folder's key file (with a warning). */
export function resolveSecretKeyRing(sources: SecretKeySources, logger: Logger): SecretKeyRing {
  if (sources.key) return createSecretKeyRing(sources.key, sources.previous);
  const { key, created, file } = loadOrCreateKeyFile(sources.dataDir);
  logger.warn(
    { file, keyId: key.id },
    `${created ? "generated" : "using"} the connection-secret key in ${file}; in production set EVENTLOOM_SECRET_KEY (base64 of 32 random bytes, e.g. \`openssl rand -base64 32\`), the same on every runtime process`,
  );
  return createSecretKeyRing(key, sources.previous);
}
