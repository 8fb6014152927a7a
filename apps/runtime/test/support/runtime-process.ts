/**
 * The runtime in a child process on a test database, for tests that need a second process on the same
 * data (SQLite serialises one process's queries, so only another process can really race it).
 * The child prints `PORT=<n>` once it listens and exits when its stdin closes. Its `api()` signs in as the
 * test owner on first use (startTestRuntime on the same database sets the owner up).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestClient, type ApiResponse, type TestSocket } from "./client";
import type { TestDatabase } from "./database";
import { TEST_OWNER, type StartOptions } from "./runtime";

const here = path.dirname(fileURLToPath(import.meta.url));

export interface RuntimeProcess {
  baseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api<T = any>(method: string, url: string, body?: unknown): Promise<ApiResponse<T>>;
  /** A socket.io connection signed in as the test owner. */
  connect(): Promise<TestSocket>;
  /** Kills the process at once (SIGKILL): no drain, no clean-up, like a crash. */
  kill(): Promise<void>;
  /** Freezes the process (SIGSTOP), as a long GC pause or a suspended VM would; `resume` (SIGCONT) thaws it. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** `options` must survive JSON (no engine, no key ring): cluster mode and broker defaults do. */
export async function startRuntimeProcess(database: TestDatabase, options: StartOptions = {}): Promise<RuntimeProcess> {
  const tsx = path.resolve(here, "../../node_modules/.bin/tsx");
  const child: ChildProcess = spawn(tsx, ["--conditions=@eventloom/source", path.join(here, "runtime-process-main.ts")], {
    env: { ...process.env, TEST_RUNTIME_DB: JSON.stringify(database.options), TEST_RUNTIME_OPTIONS: JSON.stringify(options) },
    stdio: ["pipe", "pipe", "inherit"],
    // Its own process group: tsx runs the runtime in a child node process, and a crash must kill both (a
    // SIGKILL of tsx alone closes the runtime's stdin, which it takes as "shut down gracefully").
    detached: true,
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
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    baseUrl,
    async connect() {
      signedIn ??= signIn();
      await signedIn;
      return client.connect();
    },
    async api(method, url, body) {
      signedIn ??= signIn();
      await signedIn;
      return client.api(method, url, body);
    },
    async kill() {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
      await exited;
    },
    pause() {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGSTOP");
    },
    resume() {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGCONT");
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.stdin?.end();
      await exited;
    },
  };
}
