import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CONNECTION_SECRET_FIELDS,
  ConnectionKindSchema,
  ConnectionSettingsSchema,
  SECRET_MASK,
  connectionRefField,
  connectionSettingsSchemaOf,
  type ConnectionKind,
} from "./broker-connections";
import {
  ConnectionSettingsPatchSchema,
  UpdateConnectionRequestSchema,
  maskedSettings,
  mergeSecretPatch,
  splitSecrets,
} from "./broker-connection-dto";
import { connectionFormFields } from "./broker-connection-form";
import { issuesToErrors } from "./errors";

const kinds = ConnectionKindSchema.options;

describe("ConnectionSettingsSchema", () => {
  it("fills defaults so a local broker needs only the kind", () => {
    expect(ConnectionSettingsSchema.parse({ kind: "rabbitmq" })).toEqual({ kind: "rabbitmq", host: "localhost", port: 5672, vhost: "/", username: "guest", tls: false });
    expect(ConnectionSettingsSchema.parse({ kind: "redis-streams" })).toMatchObject({ url: "redis://localhost:6379", tls: false });
  });

  it("parses a full Kafka connection with SASL", () => {
    const settings = ConnectionSettingsSchema.parse({ kind: "kafka", brokers: ["b-1:9092", "[::1]:9093"], ssl: true, saslMechanism: "scram-sha-512", username: "app", password: "pw" });
    expect(settings).toMatchObject({ kind: "kafka", clientId: "eventloom", brokers: ["b-1:9092", "[::1]:9093"], password: "pw" });
  });

  it("refuses credentials inside URLs, pointing at the field", () => {
    const result = ConnectionSettingsSchema.safeParse({ kind: "redis-streams", url: "redis://:hunter2@cache:6379" });
    expect(result.success).toBe(false);
    const errors = issuesToErrors(result.error!, { prefix: ["settings"] });
    expect(errors).toEqual([expect.objectContaining({ path: ["settings", "url"], message: expect.stringContaining("own fields") })]);
  });

  it("refuses a wrong protocol, a broker without a port, an unknown kind and unknown fields", () => {
    expect(ConnectionSettingsSchema.safeParse({ kind: "mqtt", url: "http://x:1883" }).success).toBe(false);
    expect(ConnectionSettingsSchema.safeParse({ kind: "kafka", brokers: ["b-1"] }).success).toBe(false);
    expect(ConnectionSettingsSchema.safeParse({ kind: "kafka", brokers: [] }).success).toBe(false);
    expect(ConnectionSettingsSchema.safeParse({ kind: "activemq" }).success).toBe(false);
    expect(ConnectionSettingsSchema.safeParse({ kind: "rabbitmq", passwd: "x" }).success).toBe(false);
  });

  it("requires the Event Hubs connection string and refuses the mask as a secret", () => {
    expect(ConnectionSettingsSchema.safeParse({ kind: "eventhubs", namespace: "ns.servicebus.windows.net" }).success).toBe(false);
    expect(ConnectionSettingsSchema.safeParse({ kind: "rabbitmq", password: SECRET_MASK }).success).toBe(false);
  });
});

describe("the secret table", () => {
  it.each(kinds)("names only fields that %s has, and the patch schema relaxes exactly those", (kind: ConnectionKind) => {
    const shape = connectionSettingsSchemaOf(kind).shape as Record<string, unknown>;
    for (const field of CONNECTION_SECRET_FIELDS[kind]) expect(shape).toHaveProperty(field);
    const patch = ConnectionSettingsPatchSchema.options.find((o) => o.shape.kind.value === kind)!;
    const relaxed = Object.keys(patch.shape).filter((key) => patch.shape[key as keyof typeof patch.shape] !== shape[key]);
    expect(relaxed.sort()).toEqual([...CONNECTION_SECRET_FIELDS[kind]].sort());
  });

  it("marks secrets as secret controls in the generated form", () => {
    const fields = connectionFormFields("nats-jetstream");
    expect(fields.filter((f) => f.control === "secret").map((f) => f.key).sort()).toEqual(["password", "token"]);
    expect(fields.find((f) => f.key === "servers")).toMatchObject({ control: "list", title: "Servers", defaultValue: ["localhost:4222"] });
    expect(connectionFormFields("kafka").find((f) => f.key === "saslMechanism")).toMatchObject({ control: "enum", options: ["none", "plain", "scram-sha-256", "scram-sha-512"] });
    expect(connectionFormFields("eventhubs").find((f) => f.key === "connectionString")).toMatchObject({ control: "secret", required: true });
  });
});

describe("secrets in and out", () => {
  it("splits secrets from what may be stored in clear", () => {
    const settings = ConnectionSettingsSchema.parse({ kind: "nats-jetstream", username: "u", password: "p", token: "t" });
    const { publicSettings, secrets } = splitSecrets(settings);
    expect(secrets).toEqual({ password: "p", token: "t" });
    expect(JSON.stringify(publicSettings)).not.toMatch(/"p"|"t"/);
    expect(publicSettings).toMatchObject({ kind: "nats-jetstream", username: "u" });
  });

  it("shows a mask and hasValue, never the value", () => {
    const view = maskedSettings("nats-jetstream", { kind: "nats-jetstream", servers: ["a:4222"] }, ["password"]);
    expect(view.settings).toEqual({ kind: "nats-jetstream", servers: ["a:4222"], password: SECRET_MASK });
    expect(view.secrets).toEqual({ password: { hasValue: true }, token: { hasValue: false } });
  });

  it("keeps a saved secret for the mask, an empty or a missing field; clears it for null; replaces it otherwise", () => {
    const saved = { password: "old" };
    expect(mergeSecretPatch("rabbitmq", { kind: "rabbitmq", password: SECRET_MASK }, saved)).toMatchObject({ password: "old" });
    expect(mergeSecretPatch("rabbitmq", { kind: "rabbitmq", password: "" }, saved)).toMatchObject({ password: "old" });
    expect(mergeSecretPatch("rabbitmq", { kind: "rabbitmq" }, saved)).toMatchObject({ password: "old" });
    expect(mergeSecretPatch("rabbitmq", { kind: "rabbitmq", password: null }, saved)).not.toHaveProperty("password");
    expect(mergeSecretPatch("rabbitmq", { kind: "rabbitmq", password: "new" }, saved)).toMatchObject({ password: "new" });
    expect(mergeSecretPatch("rabbitmq", { kind: "rabbitmq", password: "" }, {})).not.toHaveProperty("password");
  });

  it("accepts an update that sends the mask back", () => {
    const body = UpdateConnectionRequestSchema.parse({ rev: 2, settings: { kind: "rabbitmq", host: "mq", password: SECRET_MASK } });
    expect(body.settings).toMatchObject({ host: "mq", password: SECRET_MASK });
    expect(UpdateConnectionRequestSchema.safeParse({ rev: 2 }).success).toBe(false);
  });
});

describe("connectionRefField", () => {
  it("carries the connection widget and kind for the config panel", () => {
    const json = z.toJSONSchema(z.object({ connection: connectionRefField("rabbitmq") })) as { properties: Record<string, unknown> };
    expect(json.properties.connection).toMatchObject({ widget: "connection", connectionKind: "rabbitmq", title: "Connection" });
    expect(connectionRefField("kafka").safeParse("").success).toBe(false);
  });
});
