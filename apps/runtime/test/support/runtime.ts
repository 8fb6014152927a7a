/** Starts the real runtime on port 0 against a test database, with helpers for HTTP and socket.io clients. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@eventloom/prisma";
import type { Role, User } from "@eventloom/schema";
import { pino } from "pino";
import { composeRuntime, type Runtime } from "../../src/compose";
import type { ConnectionDefaults } from "../../src/bindings/contract";
import type { ClusterOptions } from "../../src/cluster";
import type { SecretKeyRing } from "../../src/connections/secret-key";
import type { Engine } from "../../src/engine/contract";
import type { TrustProxy } from "../../src/env";
import { createTestClient, type ApiResponse, type RequestOptions, type TestClient, type TestSocket } from "./client";
import type { TestDatabase } from "./database";

export type { ApiResponse, TestClient, TestSocket };

/** The owner every test runtime signs up (or signs in as, on a database that has one already). */
export const TEST_OWNER = { email: "owner@example.com", password: "owner password 1", name: "Owner" };

export interface TestUser extends TestClient {
  user: User;
}

/**
 * The runtime plus a signed-in owner: `api()` and `connect()` act as the owner in their first workspace
 * (`workspaceId`), so tests written before accounts keep working unchanged.
 */
export interface TestRuntime extends TestClient {
  runtime: Runtime;
  baseUrl: string;
  owner: User;
  /** The owner's first workspace ("My workspace"). */
  workspaceId: string;
  /** A client with no session. */
  anonymous(): TestClient;
  /** A new user who joined `workspaceId` (default: the owner's first) with `role` through an invite link. */
  addMember(role: Role, workspaceId?: string): Promise<TestUser>;
  /** A new user who belongs only to a workspace of their own. */
  addOutsider(): Promise<TestUser>;
  close(): Promise<void>;
}

export interface StartOptions {
  seedDemo?: boolean;
  webDist?: string;
  /** Replaces the real engine (to make deploys fail on purpose). */
  engine?: Engine;
  /** Keys for connection secrets (default: a fresh key per runtime). */
  secretKeys?: SecretKeyRing;
  allowedOrigins?: string[];
  /** EVENTLOOM_TRUST_PROXY (default false). */
  trustProxy?: TrustProxy;
  /** Cluster mode (several runtimes on one PostgreSQL database, coordinated through Redis). */
  cluster?: ClusterOptions;
  /** Broker connections for channels with an empty `connection`. */
  connectionDefaults?: ConnectionDefaults;
}

let userCounter = 0;

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
    // Real argon2id at a tenth of the production memory: sign-ups in tests stay ~5 ms.
    passwordHashing: { memoryCost: 2048, timeCost: 1 },
    allowedOrigins: options.allowedOrigins ?? [],
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.secretKeys ? { secretKeys: options.secretKeys } : {}),
    ...(options.cluster ? { cluster: options.cluster } : {}),
    ...(options.connectionDefaults ? { connectionDefaults: options.connectionDefaults } : {}),
  });
  const port = await runtime.listen({ port: 0, host: "127.0.0.1" });
  await runtime.warmUp();
  const baseUrl = `http://127.0.0.1:${port}`;
  const clients: TestClient[] = [];
  const newClient = () => {
    const client = createTestClient(baseUrl);
    clients.push(client);
    return client;
  };

  const ownerClient = newClient();
  const state = await ownerClient.api("GET", "/api/auth/state");
  const login = () => ownerClient.api("POST", "/api/auth/login", { email: TEST_OWNER.email, password: TEST_OWNER.password });
  let signedIn = state.body.setupRequired ? await ownerClient.api("POST", "/api/auth/setup", TEST_OWNER) : await login();
  // Another runtime on the same database (a second test process) may have set the owner up meanwhile.
  if (signedIn.status === 409) signedIn = await login();
  if (signedIn.status >= 300) throw new Error(`test owner could not sign in: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  const owner = signedIn.body.user as User;
  const workspaces = await ownerClient.api("GET", "/api/me/workspaces");
  const workspaceId = (workspaces.body as { id: string }[])[0]!.id;

  async function joinWith(inviteOwner: TestClient, wid: string, role: Role): Promise<TestUser> {
    const invite = await inviteOwner.api("POST", `/api/workspaces/${wid}/invites`, { role, expiresInHours: 1 });
    if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
    const client = newClient();
    userCounter += 1;
    const email = `${role}-${userCounter}-${Date.now()}@example.com`;
    const accepted = await client.api("POST", `/api/invites/${invite.body.token}/accept`, { email, password: "member password 1", name: `${role} ${userCounter}` });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return Object.assign(client, { user: accepted.body.user as User });
  }

  return {
    runtime,
    baseUrl,
    owner,
    workspaceId,
    api: (method: string, url: string, body?: unknown, requestOptions?: RequestOptions) => ownerClient.api(method, url, body, requestOptions),
    connect: (connectOptions) => ownerClient.connect(connectOptions),
    cookie: (name) => ownerClient.cookie(name),
    cookieHeader: () => ownerClient.cookieHeader(),
    disconnectAll: () => ownerClient.disconnectAll(),
    anonymous: newClient,
    addMember: (role, wid = workspaceId) => joinWith(ownerClient, wid, role),
    async addOutsider() {
      const other = await ownerClient.api("POST", "/api/workspaces", { name: `Elsewhere ${userCounter + 1}` });
      const outsider = await joinWith(ownerClient, other.body.id, "owner");
      // The test owner leaves, so the outsider's workspace is theirs alone and the owner's is not theirs.
      await ownerClient.api("POST", `/api/workspaces/${other.body.id}/leave`);
      return outsider;
    },
    async close() {
      for (const client of clients) client.disconnectAll();
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
