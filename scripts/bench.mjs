#!/usr/bin/env node
// `pnpm bench <name>`: runs one benchmark suite; each prints a table and, as its last line, one JSON object.
import { spawnSync } from "node:child_process";

const suites = {
  engine: { cwd: "apps/runtime", command: ["pnpm", "exec", "tsx", "--conditions=@eventloom/source", "bench/engine.ts"] },
  brokers: { cwd: "apps/runtime", command: ["pnpm", "exec", "tsx", "--conditions=@eventloom/source", "bench/brokers.ts"] },
  trace: { cwd: "apps/runtime", command: ["pnpm", "exec", "tsx", "--conditions=@eventloom/source", "bench/trace.ts"] },
  editor: { cwd: "e2e", command: ["pnpm", "exec", "tsx", "bench/editor.ts"] },
};

const [name, ...args] = process.argv.slice(2);
const suite = name ? suites[name] : undefined;
if (!suite) {
  console.error(`usage: pnpm bench <${Object.keys(suites).join("|")}> [--json]`);
  process.exit(2);
}
// The pnpm that runs this script (npm_execpath), so it works where only `corepack pnpm` is on the PATH.
const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["corepack", "pnpm"];
const [bin, ...rest] = suite.command[0] === "pnpm" ? [...pnpm, ...suite.command.slice(1)] : suite.command;
const result = spawnSync(bin, [...rest, ...args], { cwd: new URL(`../${suite.cwd}/`, import.meta.url), stdio: "inherit" });
if (result.error) console.error(`cannot run ${bin}: ${result.error.message}`);
process.exit(result.status ?? 1);
