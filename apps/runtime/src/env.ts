/**
 * The only reader of process.env. Everything else receives a parsed, typed `Env` (DESIGN §5.1: parse at the
 * boundary). Bad values stop the process with one clear message rather than failing later somewhere deep.
 */
import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { InvalidSecretKeyError, parseSecretKey, type SecretKey } from "./connections/secret-key";

/** apps/runtime, found from this module whether it runs from src/ (tsx, vitest) or dist/ (the bundle). */
const runtimePackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(runtimePackageDir, "..", "..");

const DEV_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:4173", "http://127.0.0.1:4173"];

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "use true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** A base64 AES-256 key, parsed into its bytes and id. */
const secretKey = z.string().transform((value, ctx): SecretKey => {
  try {
    return parseSecretKey(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error instanceof InvalidSecretKeyError ? error.message : String(error) });
    return z.NEVER;
  }
});

/**
 * fastify's `trustProxy`: whether X-Forwarded-For/-Proto/-Host are believed. false (default: the socket's peer
 * is the client, so a spoofed header cannot dodge the login rate limit), true (every hop), a hop count, or the
 * proxies' addresses/CIDRs.
 */
export type TrustProxy = boolean | number | string[];

const trustProxy = z.string().transform((value, ctx): TrustProxy => {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === "true" || trimmed === "false") return trimmed === "true";
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const proxies = trimmed.split(",").map((part) => part.trim()).filter((part) => part.length > 0);
  const invalid = proxies.filter((proxy) => {
    const [address = "", prefix, extra] = proxy.split("/");
    return isIP(address) === 0 || extra !== undefined || (prefix !== undefined && !/^\d{1,3}$/.test(prefix));
  });
  if (proxies.length === 0 || invalid.length > 0) {
    ctx.addIssue({ code: "custom", message: `use false, true, a hop count or comma-separated proxy addresses/CIDRs like 10.0.0.1,192.168.0.0/16 (not: ${invalid.join(", ") || value})` });
    return z.NEVER;
  }
  return proxies;
});

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * An optional URL with one of `protocols` (credentials may be in it: the env is the runtime's own secret
 * store). Kafka and NATS take several comma-separated hosts, which WHATWG URLs do not parse.
 */
function brokerUrl(protocols: readonly string[], example: string, hostList = false) {
  const scheme = new RegExp(`^(${protocols.join("|")})://[^/\\s]+`);
  const valid = (value: string): boolean => scheme.test(value) && (hostList || URL.canParse(value));
  return z.preprocess(emptyAsUndefined, z.string().refine(valid, `use a URL like ${example}`).optional());
}

export const EnvSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(4400)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  /** postgres(ql):// for PostgreSQL, file: for a SQLite file; unset → embedded SQLite in DATA_DIR. */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(postgres(ql)?:\/\/|file:)/, "must start with postgres://, postgresql:// or file:")
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(path.join(repoRoot, "data"))),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  WEB_DIST: z.preprocess(emptyAsUndefined, z.string().default(path.join(repoRoot, "apps", "web", "dist"))),
  SEED_DEMO: z.preprocess(emptyAsUndefined, booleanFromString.default(true)),
  /** Encrypts broker connection secrets at rest (base64 of 32 bytes); unset → a key file in DATA_DIR, with a warning. */
  EVENTLOOM_SECRET_KEY: z.preprocess(emptyAsUndefined, secretKey.optional()),
  /** Comma-separated older keys, so secrets saved before a key rotation still open. */
  EVENTLOOM_SECRET_KEYS_PREVIOUS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
      .pipe(z.array(secretKey))
      .default([]),
  ),
  /**
   * Browser origins (comma-separated) that may open socket.io connections besides the one the app is served
   * on. The default is the Vite dev and preview servers on this machine.
   */
  EVENTLOOM_ALLOWED_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default(DEV_ORIGINS.join(","))
      .transform((list) => list.split(",").map((origin) => origin.trim()).filter((origin) => origin.length > 0))
      .pipe(z.array(z.url({ protocol: /^https?$/, message: "each origin is an http(s) URL like https://eventloom.example.com" }).transform((origin) => new URL(origin).origin))),
  ),
  /** Secure flag of the session cookies: auto (when the request came over https), true (behind a TLS proxy) or false. */
  EVENTLOOM_COOKIE_SECURE: z.preprocess(
    emptyAsUndefined,
    z.enum(["auto", "true", "false"]).default("auto").transform((value) => (value === "auto" ? "auto" : value === "true")),
  ),
  /** Reverse proxy trust (see TrustProxy): the client IP the login rate limit keys on comes from it. */
  EVENTLOOM_TRUST_PROXY: z.preprocess(emptyAsUndefined, trustProxy.default(false)),
  BODY_LIMIT_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1024).default(1024 * 1024)),
  // Default broker connections for channels whose `connection` is empty (bindings/connection-defaults.ts).
  EVENTLOOM_KAFKA_URL: brokerUrl(["kafka"], "kafka://host:9092,host2:9092", true),
  EVENTLOOM_RABBITMQ_URL: brokerUrl(["amqp", "amqps"], "amqp://user:password@host:5672/vhost"),
  EVENTLOOM_NATS_JETSTREAM_URL: brokerUrl(["nats"], "nats://host:4222,host2:4222", true),
  EVENTLOOM_MQTT_URL: brokerUrl(["mqtt", "mqtts", "ws", "wss"], "mqtt://host:1883"),
  EVENTLOOM_REDIS_STREAMS_URL: brokerUrl(["redis", "rediss"], "redis://host:6379/0"),
  EVENTLOOM_KINESIS_URL: brokerUrl(["http", "https"], "http://key:secret@localhost:4567"),
  /** Cluster mode: several runtime processes share one PostgreSQL database and coordinate through this Redis. */
  EVENTLOOM_CLUSTER_REDIS_URL: brokerUrl(["redis", "rediss"], "redis://host:6379/0"),
  /** Names this process in the cluster (heartbeats, leases, logs); unset → host name, pid and a random suffix. */
  EVENTLOOM_WORKER_ID: z.preprocess(emptyAsUndefined, z.string().regex(/^[\w.-]{1,64}$/, "use letters, digits, '.', '_' or '-' (at most 64)").optional()),
  /** Cluster heartbeat and coordinator lease TTL in ms: a dead coordinator's timers and generators resume elsewhere within about this. */
  EVENTLOOM_CLUSTER_LEASE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(500).max(60_000).default(5_000)),
});
export type Env = z.infer<typeof EnvSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; message: string };

/** Parses an environment (process.env by default) without side effects; tests pass their own. */
export function parseEnv(source: Record<string, string | undefined> = process.env): EnvResult {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) {
    const env = parsed.data;
    return { ok: true, env: { ...env, DATA_DIR: path.resolve(env.DATA_DIR), WEB_DIST: path.resolve(env.WEB_DIST) } };
  }
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return { ok: false, message: `Invalid environment:\n${lines.join("\n")}` };
}

/** Reads process.env; on bad values prints what is wrong and exits with status 1. */
export function loadEnv(): Env {
  const result = parseEnv();
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
  return result.env;
}
