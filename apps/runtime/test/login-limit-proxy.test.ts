/**
 * The login rate limit keys on the client IP + the email. Without EVENTLOOM_TRUST_PROXY the client IP is the
 * socket's peer, so a forged X-Forwarded-For cannot buy fresh attempts; with it, the forwarded address counts
 * and clients behind one proxy are limited separately.
 */
import { describe, expect, it } from "vitest";
import type { TestRuntime } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const direct = useTestRuntime();
const behindProxy = useTestRuntime({ trustProxy: ["127.0.0.1"] });

const WRONG = "wrong password!";

async function failFiveTimes(server: TestRuntime, email: string, forwardedFor: (attempt: number) => string) {
  const client = server.anonymous();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const wrong = await client.api("POST", "/api/auth/login", { email, password: WRONG }, { headers: { "x-forwarded-for": forwardedFor(attempt) } });
    expect(wrong.status).toBe(401);
  }
  return client;
}

describe("login rate limit and the client IP", () => {
  it("ignores X-Forwarded-For by default: a new forged address each attempt is still the same client", async () => {
    const member = await direct.addMember("viewer");
    const client = await failFiveTimes(direct, member.user.email, (attempt) => `203.0.113.${attempt}`);
    const sixth = await client.api("POST", "/api/auth/login", { email: member.user.email, password: "member password 1" }, { headers: { "x-forwarded-for": "198.51.100.77" } });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe("RATE_LIMITED");
  });

  it("behind a trusted proxy, keys on the forwarded client address + the email", async () => {
    const member = await behindProxy.addMember("viewer");
    const client = await failFiveTimes(behindProxy, member.user.email, () => "203.0.113.9");
    const login = (forwardedFor: string, email = member.user.email, password = "member password 1") =>
      client.api("POST", "/api/auth/login", { email, password }, { headers: { "x-forwarded-for": forwardedFor } });
    expect((await login("203.0.113.9")).status).toBe(429);
    // The proxy appends the real peer: the client's own forged entries before it do not change who it is.
    expect((await login("198.51.100.1, 203.0.113.9")).status).toBe(429);
    // Another client behind the same proxy is not punished for the first one's failures…
    expect((await login("203.0.113.10")).status).toBe(200);
    // …and the same client may still sign in to another account.
    const other = await behindProxy.addMember("viewer");
    expect((await login("203.0.113.9", other.user.email)).status).toBe(200);
  });
});
