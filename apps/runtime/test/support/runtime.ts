/** Starts the real runtime on port 0 against a test database, with helpers for HTTP and socket.io clients. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@eventloom/prisma";
import type { ClientToServerEvents, ServerToClientEvents } from "@eventloom/schema";
import { pino } from "pino";
import { io as connectSocket, type Socket } from "socket.io-client";
import { composeRuntime, type Runtime } from "../../src/compose";
import type { SecretKeyRing } from "../../src/connections/secret-key";
import type { Engine } from "../../src/engine/contract";
import type { TestDatabase } from "./database";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestRuntime {
  runtime: Runtime;
  baseUrl: string;
  /** JSON request; `raw` sends the body as given with its own content type. */
  // Test bodies are read loosely on purpose: assertions check their shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api<T = any>(method: string, url: string, body?: unknown, raw?: { contentType: string }): Promise<ApiResponse<T>>;
  connect(): Promise<TestSocket>;
  close(): Promise<void>;
}

export interface StartOptions {
  seedDemo?: boolean;
  webDist?: string;
  /** Replaces the real engine (to make deploys fail on purpose). */
  engine?: Engine;
  /** Keys for connection secrets (default: a fresh key per runtime). */
  secretKeys?: SecretKeyRing;
}

export async function startTestRuntime(database: TestDatabase, options: StartOptions = {}): Promise<TestRuntime> {
  const db = createDb(database.options);
  const webDist = options.webDist ?? path.join(os.tmpdir(), "eventloom-no-web-build");
  const runtime = await composeRuntime({
    db,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "warn" }),
    webDist,
    bodyLimitBytes: 1024 * 1024,
    seedDemo: options.seedDemo ?? false,
    drainTimeoutMs: 2000,
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.secretKeys ? { secretKeys: options.secretKeys } : {}),
  });
  const port = await runtime.listen({ port: 0, host: "127.0.0.1" });
  await runtime.warmUp();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sockets: TestSocket[] = [];

  return {
    runtime,
    baseUrl,
    async api(method, url, body, raw) {
      const headers: Record<string, string> = {};
      let payload: string | undefined;
      if (raw) {
        headers["content-type"] = raw.contentType;
        payload = String(body);
      } else if (body !== undefined) {
        headers["content-type"] = "application/json";
        payload = JSON.stringify(body);
      }
      const response = await fetch(`${baseUrl}${url}`, { method, headers, body: payload });
      const text = await response.text();
      const isJson = response.headers.get("content-type")?.includes("application/json");
      return { status: response.status, body: isJson && text ? JSON.parse(text) : text, headers: response.headers };
    },
    async connect() {
      const socket: TestSocket = connectSocket(baseUrl, { transports: ["websocket"], forceNew: true, reconnection: false });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await runtime.close();
      await db.close();
    },
  };
}

/** A temp folder holding a minimal web build. */
export function fakeWebBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eventloom-web-"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Eventloom test build</title>");
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "assets", "app.js"), "console.log('app');");
  return dir;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("waitFor timed out");
    await sleep(25);
  }
}
