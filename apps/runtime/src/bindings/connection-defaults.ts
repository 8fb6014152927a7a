/**
 * The runtime's default broker connections, from EVENTLOOM_<KIND>_URL (parsed in env.ts): what a channel
 * with an empty `connection` uses, so a single-user setup needs no connection records.
 */
import { ConnectionSettingsSchema, type ConnectionSettings } from "@eventloom/schema";
import type { Env } from "../env";
import type { ConnectionDefaults } from "./contract";

export function connectionDefaultsFromEnv(env: Partial<Env>): ConnectionDefaults {
  const candidates: (ConnectionSettings | undefined)[] = [
    env.EVENTLOOM_KAFKA_URL ? { kind: "kafka", brokers: hosts(env.EVENTLOOM_KAFKA_URL), clientId: "eventloom", ssl: false, saslMechanism: "none" } : undefined,
    env.EVENTLOOM_RABBITMQ_URL ? rabbitmq(new URL(env.EVENTLOOM_RABBITMQ_URL)) : undefined,
    env.EVENTLOOM_NATS_JETSTREAM_URL ? natsServers(env.EVENTLOOM_NATS_JETSTREAM_URL) : undefined,
    env.EVENTLOOM_MQTT_URL ? withCredentials({ kind: "mqtt" as const, url: bare(env.EVENTLOOM_MQTT_URL), clientIdPrefix: "eventloom" }, new URL(env.EVENTLOOM_MQTT_URL)) : undefined,
    env.EVENTLOOM_REDIS_STREAMS_URL ? redis(new URL(env.EVENTLOOM_REDIS_STREAMS_URL)) : undefined,
    env.EVENTLOOM_KINESIS_URL ? kinesis(new URL(env.EVENTLOOM_KINESIS_URL)) : undefined,
  ];
  const defaults: Record<string, ConnectionSettings> = {};
  for (const candidate of candidates) if (candidate) defaults[candidate.kind] = ConnectionSettingsSchema.parse(candidate);
  return defaults as ConnectionDefaults;
}

function natsServers(value: string): ConnectionSettings {
  const credentials = /^nats:\/\/([^@/]*)@/.exec(value)?.[1];
  const settings = { kind: "nats-jetstream" as const, servers: hosts(value) };
  if (!credentials) return settings;
  const [username, password] = credentials.split(":").map(decodeURIComponent);
  return password ? { ...settings, username: username!, password } : { ...settings, token: username! };
}

function rabbitmq(url: URL): ConnectionSettings {
  const vhost = url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : "/";
  const settings = { kind: "rabbitmq" as const, host: url.hostname, port: Number(url.port || (url.protocol === "amqps:" ? 5671 : 5672)), vhost, username: decodeURIComponent(url.username) || "guest", tls: url.protocol === "amqps:" };
  return url.password ? { ...settings, password: decodeURIComponent(url.password) } : settings;
}

function redis(url: URL): ConnectionSettings {
  return withCredentials({ kind: "redis-streams" as const, url: bare(url.href), tls: url.protocol === "rediss:" }, url);
}

function kinesis(url: URL): ConnectionSettings {
  const base = { kind: "kinesis" as const, region: "us-east-1", endpoint: `${url.protocol}//${url.host}` };
  return url.username ? { ...base, accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) } : base;
}

function withCredentials<T extends object>(settings: T, url: URL): T {
  const extra: Record<string, string> = {};
  if (url.username) extra.username = decodeURIComponent(url.username);
  if (url.password) extra.password = decodeURIComponent(url.password);
  return { ...settings, ...extra };
}

/** `kafka://a:9092,b:9092` → ["a:9092", "b:9092"] (the URL parser keeps only the first host). */
function hosts(value: string): string[] {
  const list = value.replace(/^[a-z]+:\/\//, "").replace(/^[^@]*@/, "").replace(/\/.*$/, "");
  return list.split(",").map((host) => host.trim()).filter((host) => host !== "");
}

/** The URL without credentials. */
function bare(value: string): string {
  const url = new URL(value);
  url.username = "";
  url.password = "";
  return url.href.replace(/\/$/, "");
}
