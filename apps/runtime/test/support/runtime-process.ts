/**
 * The runtime in a child process on a test database, for tests that need a second process on the same
 * data (SQLite serialises one process's queries, so only another process can really race it).
 * The child prints `PORT=<n>` once it listens and exits when its stdin closes. Its `api()` signs in as the
 * test owner on first use (startTestRuntime on the same database sets the owner up).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestClient, type ApiResponse } from "./client";
import type { TestDatabase } from "./database";
import { TEST_OWNER } from "./runtime";

const here = path.dirname(fileURLToPath(import.meta.url));

export interface RuntimeProcess {
  baseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api<T = any>(method: string, url: string, body?: unknown): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export async function startRuntimeProcess(database: TestDatabase): Promise<RuntimeProcess> {
  const tsx = path.resolve(here, "../../node_modules/.bin/tsx");
  const child: ChildProcess = spawn(tsx, ["--conditions=@eventloom/source", path.join(here, "runtime-process-main.ts")], {
    env: { ...process.env, TEST_RUNTIME_DB: JSON.stringify(database.options) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT=(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`runtime process exited (${code}) before listening:\n${output}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = createTestClient(baseUrl);
  let signedIn: Promise<void> | undefined;
  const signIn = async () => {
    const response = await client.api("POST", "/api/auth/login", { email: TEST_OWNER.email, password: TEST_OWNER.password });
    if (response.status !== 200) throw new Error(`runtime process: test owner could not sign in: ${response.status} ${JSON.stringify(response.body)}`);
  };
  return {
    baseUrl,
    async api(method, url, body) {
      signedIn ??= signIn();
      await signedIn;
      return client.api(method, url, body);
    },
    close() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin?.end();
      });
    },
  };
}
