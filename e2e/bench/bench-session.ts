import { request, type APIRequestContext } from "@playwright/test";

/** What browser.newPage({ storageState }) takes: the signed-in cookies of the bench's own owner account. */
export type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

const BENCH_OWNER = { name: "Bench owner", email: "bench@eventloom.test", password: "bench-passphrase-1" };

/**
 * An API session on the bench's fresh runtime: the first account is created (first-run setup) and signed in, so
 * the flow it creates and the pages that open it pass the runtime's sign-in and CSRF checks.
 */
export async function benchSession(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const state = await api.get("/api/auth/state");
  const { setupRequired } = (await state.json()) as { setupRequired: boolean };
  if (!setupRequired) throw new Error("the bench runtime should start on an empty database");
  const setup = await api.post("/api/auth/setup", { data: BENCH_OWNER, headers: await csrfHeaders(api) });
  if (!setup.ok()) throw new Error(`setup: ${setup.status()} ${await setup.text()}`);
  return api;
}

export async function csrfHeaders(api: APIRequestContext): Promise<Record<string, string>> {
  const { cookies } = await api.storageState();
  const token = cookies.find((c) => c.name === "el_csrf")?.value;
  return token ? { "x-csrf-token": token } : {};
}
