/** One runtime + migrated database per test file, started before its tests and disposed after. */
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./database";
import { startTestRuntime, type StartOptions, type TestRuntime } from "./runtime";

/**
 * Registers the file's beforeAll/afterAll and returns a handle usable at module scope: its members
 * delegate to the runtime started in beforeAll, so tests write `server.api(...)` as before.
 */
export function useTestRuntime(options: StartOptions | (() => StartOptions) = {}): TestRuntime {
  let database: TestDatabase | undefined;
  let current: TestRuntime | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    current = await startTestRuntime(database, typeof options === "function" ? options() : options);
  });
  afterAll(async () => {
    await current?.close();
    await database?.dispose();
  });
  const started = (): TestRuntime => {
    if (!current) throw new Error("the test runtime is used before beforeAll started it");
    return current;
  };
  return {
    get runtime() { return started().runtime; },
    get baseUrl() { return started().baseUrl; },
    get owner() { return started().owner; },
    get workspaceId() { return started().workspaceId; },
    api: (...args) => started().api(...args),
    connect: (...args) => started().connect(...args),
    cookie: (name) => started().cookie(name),
    cookieHeader: () => started().cookieHeader(),
    disconnectAll: () => started().disconnectAll(),
    anonymous: () => started().anonymous(),
    addMember: (...args) => started().addMember(...args),
    addOutsider: () => started().addOutsider(),
    close: () => started().close(),
  };
}
