/**
 * Broker connection settings, entered once per workspace and referenced by channel nodes through their
 * `connection` field (a connection id). Secrets (passwords, tokens, connection strings) are listed in one place,
 * `CONNECTION_SECRET_FIELDS`: the runtime stores them encrypted and the API never returns them in clear.
 */
import { z } from "zod";

export const ConnectionKindSchema = z.enum(["kafka", "eventhubs", "rabbitmq", "nats-jetstream", "mqtt", "redis-streams", "kinesis"]);
export type ConnectionKind = z.infer<typeof ConnectionKindSchema>;

/** Shown by the API in place of a saved secret; sent back unchanged (or empty) it means "keep the saved one". */
export const SECRET_MASK = "••••";

/** Human names for the kinds (lists, selects, messages). */
export const CONNECTION_KIND_TITLES: Record<ConnectionKind, string> = {
  kafka: "Apache Kafka",
  eventhubs: "Azure Event Hubs (Kafka endpoint)",
  rabbitmq: "RabbitMQ",
  "nats-jetstream": "NATS JetStream",
  mqtt: "MQTT",
  "redis-streams": "Redis Streams",
  kinesis: "AWS Kinesis",
};

/** The one table of which settings fields are secrets, per kind. */
export const CONNECTION_SECRET_FIELDS = {
  kafka: ["password"],
  eventhubs: ["connectionString"],
  rabbitmq: ["password"],
  "nats-jetstream": ["token", "password"],
  mqtt: ["password"],
  "redis-streams": ["password"],
  kinesis: ["secretAccessKey"],
} as const satisfies Record<ConnectionKind, readonly string[]>;

export function secretFieldsOf(kind: ConnectionKind): readonly string[] {
  return CONNECTION_SECRET_FIELDS[kind];
}

export const ConnectionNameSchema = z.string().trim().min(1, "a connection needs a name").max(120);

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/;
const HostPortSchema = z.string().trim().regex(HOST_PORT, "write host:port, e.g. broker-1:9092");
const HostSchema = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9._:[\]-]+$/, "write a host name or IP address");
const PortSchema = z.number().int().min(1).max(65535);
const UserSchema = z.string().min(1).max(500);

function secret(title: string, description: string) {
  return z
    .string()
    .min(1)
    .max(8192)
    .refine((value) => value !== SECRET_MASK, "send the secret itself, not the mask")
    .meta({ title })
    .describe(description);
}

/** A URL with one of `protocols` and no credentials in it: credentials go in their own (secret) fields. */
function urlWithoutCredentials(protocols: readonly string[], example: string) {
  return z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: `not a URL: write it like ${example}` });
        return;
      }
      const protocol = url.protocol.replace(/:$/, "");
      if (!protocols.includes(protocol)) ctx.addIssue({ code: "custom", message: `use ${protocols.map((p) => `${p}://`).join(" or ")}, e.g. ${example}` });
      if (url.username || url.password) ctx.addIssue({ code: "custom", message: "put the user name and password in their own fields, not in the URL" });
    });
}

export const KafkaSettingsSchema = z.strictObject({
  kind: z.literal("kafka"),
  brokers: z.array(HostPortSchema).min(1, "list at least one broker").max(50).default(["localhost:9092"]).meta({ title: "Brokers", widget: "list" }).describe("Bootstrap brokers as host:port, one per line."),
  clientId: z.string().trim().min(1).max(100).default("eventloom").meta({ title: "Client id" }).describe("Identifies this runtime in broker logs and quotas."),
  ssl: z.boolean().default(false).meta({ title: "TLS" }).describe("Connect with TLS."),
  saslMechanism: z.enum(["none", "plain", "scram-sha-256", "scram-sha-512"]).default("none").meta({ title: "SASL mechanism" }).describe("How to log in; none for an open cluster."),
  username: UserSchema.optional().meta({ title: "User name" }).describe("SASL user name."),
  password: secret("Password", "SASL password.").optional(),
});

export const EventHubsSettingsSchema = z.strictObject({
  kind: z.literal("eventhubs"),
  namespace: HostSchema.meta({ title: "Namespace host" }).describe("The namespace's host, e.g. my-namespace.servicebus.windows.net (Kafka endpoint on port 9093)."),
  connectionString: secret("Connection string", "A shared access connection string: Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…"),
});

export const RabbitMqSettingsSchema = z.strictObject({
  kind: z.literal("rabbitmq"),
  host: HostSchema.default("localhost").meta({ title: "Host" }).describe("Host name or IP address of the broker."),
  port: PortSchema.default(5672).meta({ title: "Port" }).describe("AMQP port: 5672, or 5671 with TLS."),
  vhost: z.string().max(200).default("/").meta({ title: "Virtual host" }).describe("The virtual host to open, / by default."),
  username: UserSchema.default("guest").meta({ title: "User name" }).describe("AMQP user."),
  password: secret("Password", "AMQP password.").optional(),
  tls: z.boolean().default(false).meta({ title: "TLS" }).describe("Connect with amqps (TLS)."),
});

export const NatsSettingsSchema = z.strictObject({
  kind: z.literal("nats-jetstream"),
  servers: z.array(z.string().trim().min(1).max(300)).min(1, "list at least one server").max(20).default(["localhost:4222"]).meta({ title: "Servers", widget: "list" }).describe("Servers as host:port or nats://host:port, one per line."),
  username: UserSchema.optional().meta({ title: "User name" }).describe("User, when the server uses user/password authentication."),
  password: secret("Password", "Password for the user.").optional(),
  token: secret("Token", "Authentication token, when the server uses token authentication.").optional(),
});

export const MqttSettingsSchema = z.strictObject({
  kind: z.literal("mqtt"),
  url: urlWithoutCredentials(["mqtt", "mqtts", "ws", "wss"], "mqtt://broker:1883").default("mqtt://localhost:1883").meta({ title: "Broker URL" }).describe("mqtt://host:1883, mqtts://host:8883, or ws(s):// for WebSockets."),
  username: UserSchema.optional().meta({ title: "User name" }).describe("MQTT user name."),
  password: secret("Password", "MQTT password.").optional(),
  clientIdPrefix: z.string().trim().min(1).max(40).default("eventloom").meta({ title: "Client id prefix" }).describe("Each MQTT client id starts with this, followed by a random part."),
});

export const RedisSettingsSchema = z.strictObject({
  kind: z.literal("redis-streams"),
  url: urlWithoutCredentials(["redis", "rediss"], "redis://host:6379/0").default("redis://localhost:6379").meta({ title: "Redis URL" }).describe("redis://host:6379/db, or rediss:// for TLS."),
  username: UserSchema.optional().meta({ title: "User name" }).describe("ACL user; leave empty for the default user."),
  password: secret("Password", "Redis password (AUTH).").optional(),
  tls: z.boolean().default(false).meta({ title: "TLS" }).describe("Connect with TLS (rediss:// implies it)."),
});

export const KinesisSettingsSchema = z.strictObject({
  kind: z.literal("kinesis"),
  region: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, "an AWS region such as eu-west-1").default("us-east-1").meta({ title: "Region" }).describe("AWS region of the streams."),
  endpoint: urlWithoutCredentials(["http", "https"], "http://localhost:4567").optional().meta({ title: "Endpoint" }).describe("Only for a local or private endpoint; leave empty for AWS."),
  accessKeyId: z.string().trim().min(1).max(200).optional().meta({ title: "Access key id" }).describe("IAM access key id."),
  secretAccessKey: secret("Secret access key", "IAM secret access key.").optional(),
});

/** One connection's settings, discriminated by `kind`. */
export const ConnectionSettingsSchema = z.discriminatedUnion("kind", [
  KafkaSettingsSchema,
  EventHubsSettingsSchema,
  RabbitMqSettingsSchema,
  NatsSettingsSchema,
  MqttSettingsSchema,
  RedisSettingsSchema,
  KinesisSettingsSchema,
]);
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;
export type ConnectionSettingsInput = z.input<typeof ConnectionSettingsSchema>;
/** The settings of one kind, e.g. `ConnectionSettingsOf<"rabbitmq">`. */
export type ConnectionSettingsOf<K extends ConnectionKind> = Extract<ConnectionSettings, { kind: K }>;

/** The schema of one kind's settings (form generation, per-kind parsing). */
export function connectionSettingsSchemaOf(kind: ConnectionKind) {
  const schema = ConnectionSettingsSchema.options.find((option) => option.shape.kind.value === kind);
  if (!schema) throw new Error(`no settings schema for connection kind ${kind}`);
  return schema;
}

/**
 * A channel node's `connection` config field: the id of one of the workspace's connections of `kind`. The config
 * panel renders it as a select of those connections (widget "connection", `connectionKind` in the field meta).
 */
export function connectionRefField(kind: ConnectionKind) {
  return z
    .string()
    .min(1, "choose a connection")
    .max(100)
    .meta({ title: "Connection", widget: "connection", connectionKind: kind })
    .describe(`The workspace's ${CONNECTION_KIND_TITLES[kind]} connection (Connections page).`);
}
