import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TempDir {
  dir: string;
  remove(): void;
}

export function createTempDir(prefix: string): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
