import type { APIRequestContext } from "@playwright/test";

/** The owner every journey runs as: created by global-setup.ts on the fresh database (the first account). */
export const OWNER = { name: "Olive Owner", email: "owner@eventloom.test", password: "owner-passphrase-1" } as const;

/**
 * The `x-csrf-token` header a state-changing API call needs: the double-submit value of the context's `el_csrf`
 * cookie. Empty against a runtime without accounts (no cookie), where no check applies.
 */
export async function csrfHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const { cookies } = await request.storageState();
  const token = cookies.find((c) => c.name === "el_csrf")?.value;
  return token ? { "x-csrf-token": token } : {};
}

/** Who the journeys act as, by name: the owner, or the built-in local user of a runtime without accounts. */
export async function deployerName(request: APIRequestContext): Promise<string> {
  const state = await request.get("/api/auth/state");
  return state.status() === 404 ? "Local user" : OWNER.name;
}
