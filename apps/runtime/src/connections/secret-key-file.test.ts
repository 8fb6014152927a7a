import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadOrCreateKeyFile, resolveSecretKeyRing, SECRET_KEY_FILE_NAME } from "./secret-key-file";
import { generateSecretKey } from "./secret-key";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eventloom-key-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the data folder's key file", () => {
  it("is created once with 0600 and then reused", () => {
    const dir = path.join(tempDir(), "data");
    const first = loadOrCreateKeyFile(dir);
    expect(first.created).toBe(true);
    expect(fs.statSync(path.join(dir, SECRET_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const second = loadOrCreateKeyFile(dir);
    expect(second.created).toBe(false);
    expect(second.key.id).toBe(first.key.id);
  });

  it("tightens a key file others can read", () => {
    const dir = tempDir();
    loadOrCreateKeyFile(dir);
    fs.chmodSync(path.join(dir, SECRET_KEY_FILE_NAME), 0o644);
    loadOrCreateKeyFile(dir);
    expect(fs.statSync(path.join(dir, SECRET_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it("is not used (or created) when the environment gives a key; otherwise it comes with a warning", () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    const dir = tempDir();
    const key = generateSecretKey();
    expect(resolveSecretKeyRing({ key, previous: [], dataDir: dir }, logger).current.id).toBe(key.id);
    expect(fs.existsSync(path.join(dir, SECRET_KEY_FILE_NAME))).toBe(false);
    expect(lines).toEqual([]);
    const ring = resolveSecretKeyRing({ key: undefined, previous: [], dataDir: dir }, logger);
    expect(fs.existsSync(path.join(dir, SECRET_KEY_FILE_NAME))).toBe(true);
    expect(lines.join("")).toContain("EVENTLOOM_SECRET_KEY");
    expect(lines.join("")).not.toContain(ring.current.bytes.toString("base64"));
  });
});
