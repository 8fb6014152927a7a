import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults", () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({ PORT: 4400, HOST: "127.0.0.1", LOG_LEVEL: "info", SEED_DEMO: true, BODY_LIMIT_BYTES: 1048576 });
    expect(result.env.DATABASE_URL).toBeUndefined();
    expect(result.env.DATA_DIR).toMatch(/[/\\]data$/);
    expect(result.env.WEB_DIST).toMatch(/apps[/\\]web[/\\]dist$/);
  });

  it("parses given values and treats empty strings as unset", () => {
    const result = parseEnv({ PORT: "0", SEED_DEMO: "false", DATABASE_URL: "", LOG_LEVEL: "warn", DATA_DIR: "/tmp/x" });
    expect(result).toMatchObject({ ok: true, env: { PORT: 0, SEED_DEMO: false, DATABASE_URL: undefined, LOG_LEVEL: "warn", DATA_DIR: "/tmp/x" } });
  });

  it("reads allowed socket origins (default: the Vite dev servers) and the cookie Secure mode", () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({ ok: true, env: { EVENTLOOM_COOKIE_SECURE: "auto" } });
    if (defaults.ok) expect(defaults.env.EVENTLOOM_ALLOWED_ORIGINS).toContain("http://localhost:5173");
    const given = parseEnv({ EVENTLOOM_ALLOWED_ORIGINS: " https://a.example.com/ , http://b.example:8080", EVENTLOOM_COOKIE_SECURE: "true" });
    expect(given).toMatchObject({ ok: true, env: { EVENTLOOM_ALLOWED_ORIGINS: ["https://a.example.com", "http://b.example:8080"], EVENTLOOM_COOKIE_SECURE: true } });
    const bad = parseEnv({ EVENTLOOM_ALLOWED_ORIGINS: "not a url", EVENTLOOM_COOKIE_SECURE: "sometimes" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/EVENTLOOM_ALLOWED_ORIGINS[\s\S]*EVENTLOOM_COOKIE_SECURE|EVENTLOOM_COOKIE_SECURE[\s\S]*EVENTLOOM_ALLOWED_ORIGINS/);
  });

  it("reads EVENTLOOM_TRUST_PROXY as off by default, true/false, a hop count or proxy addresses", () => {
    const read = (value?: string) => {
      const result = parseEnv(value === undefined ? {} : { EVENTLOOM_TRUST_PROXY: value });
      return result.ok ? result.env.EVENTLOOM_TRUST_PROXY : result.message;
    };
    expect(read()).toBe(false);
    expect(read("true")).toBe(true);
    expect(read("FALSE")).toBe(false);
    expect(read("2")).toBe(2);
    expect(read(" 10.0.0.1, 192.168.0.0/16 ,::1")).toEqual(["10.0.0.1", "192.168.0.0/16", "::1"]);
    expect(read("yes please")).toMatch(/EVENTLOOM_TRUST_PROXY: use false, true/);
    expect(read("10.0.0.1/8/9")).toMatch(/EVENTLOOM_TRUST_PROXY/);
  });

  it("explains every bad value", () => {
    const result = parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", SEED_DEMO: "maybe" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("PORT");
    expect(result.message).toContain("DATABASE_URL");
    expect(result.message).toContain("SEED_DEMO");
  });

  it("parses the connection-secret keys and refuses a key of the wrong size without echoing it", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const old = Buffer.alloc(32, 9).toString("base64");
    const result = parseEnv({ EVENTLOOM_SECRET_KEY: key, EVENTLOOM_SECRET_KEYS_PREVIOUS: ` ${old} ,` });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.EVENTLOOM_SECRET_KEY?.bytes.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(result.env.EVENTLOOM_SECRET_KEYS_PREVIOUS.map((k) => k.bytes.equals(Buffer.alloc(32, 9)))).toEqual([true]);
    const unset = parseEnv({});
    expect(unset.ok && unset.env.EVENTLOOM_SECRET_KEY).toBeUndefined();
    const short = parseEnv({ EVENTLOOM_SECRET_KEY: Buffer.alloc(16, 1).toString("base64") });
    expect(short).toMatchObject({ ok: false, message: expect.stringContaining("EVENTLOOM_SECRET_KEY: a secret key is 32 bytes") });
    expect(short.ok ? "" : short.message).not.toContain(Buffer.alloc(16, 1).toString("base64"));
  });
});

describe("broker connection defaults", () => {
  it("accepts broker URLs of the right protocol and explains a wrong one", async () => {
    const { connectionDefaultsFromEnv } = await import("./bindings/connection-defaults");
    const ok = parseEnv({ EVENTLOOM_RABBITMQ_URL: "amqp://app:s3cret@127.0.0.1:5673/orders", EVENTLOOM_REDIS_STREAMS_URL: "redis://127.0.0.1:6379/2", EVENTLOOM_KAFKA_URL: "kafka://a:9092,b:9093" });
    if (!ok.ok) throw new Error(ok.message);
    expect(connectionDefaultsFromEnv(ok.env)).toEqual({
      rabbitmq: { kind: "rabbitmq", host: "127.0.0.1", port: 5673, vhost: "orders", username: "app", password: "s3cret", tls: false },
      "redis-streams": { kind: "redis-streams", url: "redis://127.0.0.1:6379/2", tls: false },
      kafka: { kind: "kafka", brokers: ["a:9092", "b:9093"], clientId: "eventloom", ssl: false, saslMechanism: "none" },
    });
    const bad = parseEnv({ EVENTLOOM_RABBITMQ_URL: "redis://x:1" });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining("EVENTLOOM_RABBITMQ_URL: use a URL like amqp://") });
  });

  it("reads cluster mode settings: a redis:// URL, a worker id and the lease TTL", () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({ ok: true, env: { EVENTLOOM_CLUSTER_LEASE_MS: 5000 } });
    if (defaults.ok) expect(defaults.env.EVENTLOOM_CLUSTER_REDIS_URL).toBeUndefined();
    const given = parseEnv({ EVENTLOOM_CLUSTER_REDIS_URL: "redis://cache:6379/1", EVENTLOOM_WORKER_ID: "web-1", EVENTLOOM_CLUSTER_LEASE_MS: "3000" });
    expect(given).toMatchObject({ ok: true, env: { EVENTLOOM_CLUSTER_REDIS_URL: "redis://cache:6379/1", EVENTLOOM_WORKER_ID: "web-1", EVENTLOOM_CLUSTER_LEASE_MS: 3000 } });
    const bad = parseEnv({ EVENTLOOM_CLUSTER_REDIS_URL: "http://cache", EVENTLOOM_WORKER_ID: "a b", EVENTLOOM_CLUSTER_LEASE_MS: "10" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) for (const name of ["EVENTLOOM_CLUSTER_REDIS_URL", "EVENTLOOM_WORKER_ID", "EVENTLOOM_CLUSTER_LEASE_MS"]) expect(bad.message).toContain(name);
  });
});
