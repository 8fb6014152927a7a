import type { APIRequestContext } from "@playwright/test";

/** The owner every journey runs as: created by global-setup.ts on the fresh database (the first account). */
export const OWNER = { name: "Olive Owner", email: "owner@eventloom.test", password: "owner-passphrase-1" } as const;

/**
 * The `x-csrf-token` header a state-changing API call needs: the value of the context's `el_csrf` cookie (bound
 * to its session once signed in). Empty before the context has one.
 */
export async function csrfHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const { cookies } = await request.storageState();
  const token = cookies.find((c) => c.name === "el_csrf")?.value;
  return token ? { "x-csrf-token": token } : {};
}
