#!/usr/bin/env node
// `pnpm test:chaos [--kills N] [--bindings a,b] [--outage-s N] [--seed N] …`: SIGKILLs and broker outages
// against the runtime (apps/runtime/chaos/run.ts explains the options); a table, then one JSON line.
import { spawnSync } from "node:child_process";

// The pnpm that runs this script (npm_execpath), so it works where only `corepack pnpm` is on the PATH.
const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["corepack", "pnpm"];
const [bin, ...rest] = [...pnpm, "exec", "tsx", "--conditions=@eventloom/source", "chaos/run.ts"];
const result = spawnSync(bin, [...rest, ...process.argv.slice(2)], { cwd: new URL("../apps/runtime/", import.meta.url), stdio: "inherit" });
if (result.error) console.error(`cannot run ${bin}: ${result.error.message}`);
process.exit(result.status ?? 1);
