// Runs the pinned Prisma CLI (node_modules/prisma) with the wasm schema-engine stand-in, so no command
// ever tries to download the native engine. Shared by generate, migrate, deploy and the tests.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const engineStandIn = path.join(packageRoot, "tools", "schema-engine-wasm.mjs");
const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");

/**
 * Environment for a Prisma CLI child process; `extra` wins over the inherited environment, and a key set
 * to undefined there is removed (so an inherited DATABASE_URL cannot leak into a run meant for another db).
 */
export function prismaEnv(extra = {}) {
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: engineStandIn,
    // No telemetry or update checks: both are network calls that only slow offline runs down.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    ...extra,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

/**
 * Runs `prisma <args>` in `cwd` (default: the package root, where prisma.config.ts is). Resolves with
 * { code, stdout, stderr }; rejects only when the process cannot start. With `inherit: true` output goes
 * straight to this terminal instead.
 */
export function runPrisma(args, { env = {}, inherit = false, cwd = packageRoot } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd,
      env: prismaEnv(env),
      stdio: inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like runPrisma, but throws with the CLI's output when it exits non-zero. */
export async function mustPrisma(args, options) {
  const result = await runPrisma(args, options);
  if (result.code !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.code}):\n${result.stdout}${result.stderr}`);
  }
  return result;
}
