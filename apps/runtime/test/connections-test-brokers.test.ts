/**
 * "Test connection" against real brokers: the machine's RabbitMQ, Redis, NATS and Mosquitto, servers with a
 * login started for the test, the Kafka-protocol mock broker and kinesalite. Each kind: a success, and a
 * failure with the code and a message that names the address.
 */
import type { ConnectionSettingsInput } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMosquittoWithAuth, startNatsWithAuth, type AuthServer } from "./support/brokers/auth-servers";
import { startLocalKinesis, type LocalKinesis } from "./support/brokers/kinesis";
import { startMockKafka, type MockKafka } from "./support/brokers/mock-kafka";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();
const test = async (settings: ConnectionSettingsInput) => {
  const response = await server.api("POST", `/api/workspaces/${server.workspaceId}/connections/test`, { settings });
  expect(response.status).toBe(200);
  return response.body;
};
/** A port nothing listens on (the test servers use random high ports, never this one). */
const CLOSED_PORT = 1;

describe("test connection: RabbitMQ", () => {
  it("logs in with guest/guest", async () => {
    const result = await test({ kind: "rabbitmq", host: "127.0.0.1", username: "guest", password: "guest" });
    expect(result).toMatchObject({ ok: true, detail: expect.stringContaining("RabbitMQ") });
    expect(result.latencyMs).toBeGreaterThan(0);
  });

  it("says the login was refused for a wrong password", async () => {
    const result = await test({ kind: "rabbitmq", host: "127.0.0.1", username: "guest", password: "wrong" });
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe("AUTH_FAILED");
    expect(result.error.message).toContain('amqp://127.0.0.1:5672 (virtual host "/", user "guest")');
    expect(result.error.message).toContain("check the user name and password");
  });

  it("says nothing listens on a closed port, and that a virtual host is not allowed", async () => {
    expect((await test({ kind: "rabbitmq", host: "127.0.0.1", port: CLOSED_PORT, password: "guest" })).error.code).toBe("CONNECTION_REFUSED");
    expect((await test({ kind: "rabbitmq", host: "127.0.0.1", vhost: "no-such-vhost", password: "guest" })).error.code).toBe("NOT_AUTHORIZED");
    expect((await test({ kind: "rabbitmq", host: "no-such-host.invalid", password: "guest" })).error.code).toBe("HOST_NOT_FOUND");
  });

  it("says the TLS handshake failed when TLS is on against the plain AMQP port", async () => {
    const result = await test({ kind: "rabbitmq", host: "127.0.0.1", password: "guest", tls: true });
    expect(result.error).toMatchObject({ code: "TLS_ERROR", message: expect.stringContaining("amqps://127.0.0.1:5672") });
  });
});

describe("test connection: Redis", () => {
  it("PINGs", async () => {
    expect(await test({ kind: "redis-streams", url: "redis://127.0.0.1:6379" })).toMatchObject({ ok: true, detail: expect.stringMatching(/^PONG from Redis/) });
  });

  it("reports a refused login (unknown ACL user) and a closed port", async () => {
    const login = await test({ kind: "redis-streams", url: "redis://127.0.0.1:6379", username: "no-such-user", password: "x" });
    expect(login.error).toMatchObject({ code: "AUTH_FAILED", message: expect.stringContaining("WRONGPASS") });
    const refused = await test({ kind: "redis-streams", url: `redis://127.0.0.1:${CLOSED_PORT}` });
    expect(refused.error).toMatchObject({ code: "CONNECTION_REFUSED", message: expect.stringContaining(`redis://127.0.0.1:${CLOSED_PORT}`) });
  });
});

describe("test connection: NATS JetStream", () => {
  let secured: AuthServer;
  beforeAll(async () => {
    secured = await startNatsWithAuth("app", "right");
  });
  afterAll(() => secured?.stop());

  it("connects and reads the JetStream account", async () => {
    expect(await test({ kind: "nats-jetstream", servers: ["127.0.0.1:4222"] })).toMatchObject({ ok: true, detail: expect.stringContaining("JetStream") });
    expect(await test({ kind: "nats-jetstream", servers: [`127.0.0.1:${secured.port}`], username: "app", password: "right" })).toMatchObject({ ok: true });
  });

  it("reports a wrong password and a closed port", async () => {
    const login = await test({ kind: "nats-jetstream", servers: [`127.0.0.1:${secured.port}`], username: "app", password: "wrong" });
    expect(login.error.code).toBe("AUTH_FAILED");
    expect((await test({ kind: "nats-jetstream", servers: [`127.0.0.1:${CLOSED_PORT}`] })).error.code).toBe("CONNECTION_REFUSED");
  });
});

describe("test connection: MQTT", () => {
  let secured: AuthServer;
  beforeAll(async () => {
    secured = await startMosquittoWithAuth("app", "right");
  });
  afterAll(() => secured?.stop());

  it("connects anonymously and with a login", async () => {
    expect(await test({ kind: "mqtt", url: "mqtt://127.0.0.1:1883" })).toMatchObject({ ok: true });
    expect(await test({ kind: "mqtt", url: `mqtt://127.0.0.1:${secured.port}`, username: "app", password: "right" })).toMatchObject({ ok: true });
  });

  it("reports a wrong password and a closed port", async () => {
    const login = await test({ kind: "mqtt", url: `mqtt://127.0.0.1:${secured.port}`, username: "app", password: "wrong" });
    expect(login.error).toMatchObject({ code: "AUTH_FAILED", message: expect.stringContaining(`mqtt://127.0.0.1:${secured.port} (user "app")`) });
    expect((await test({ kind: "mqtt", url: `mqtt://127.0.0.1:${CLOSED_PORT}` })).error.code).toBe("CONNECTION_REFUSED");
  });
});

describe("test connection: Kafka and Kinesis", () => {
  let kafka: MockKafka;
  let kinesis: LocalKinesis;
  beforeAll(async () => {
    [kafka, kinesis] = await Promise.all([startMockKafka({ brokers: 2 }), startLocalKinesis()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([kafka?.stop(), kinesis?.stop()]);
  });

  it("describes the Kafka cluster, and reports a closed port", async () => {
    expect(await test({ kind: "kafka", brokers: kafka.brokers })).toMatchObject({ ok: true, detail: expect.stringContaining("2 broker(s)") });
    const refused = await test({ kind: "kafka", brokers: [`127.0.0.1:${CLOSED_PORT}`] });
    expect(refused.error).toMatchObject({ code: "CONNECTION_REFUSED", message: expect.stringContaining(`127.0.0.1:${CLOSED_PORT}`) });
  });

  it("lists Kinesis streams, and reports a closed port", async () => {
    const ok = await test({ kind: "kinesis", region: "us-east-1", endpoint: kinesis.endpoint, accessKeyId: "local", secretAccessKey: "local" });
    expect(ok).toMatchObject({ ok: true, detail: "0 stream(s) visible" });
    const refused = await test({ kind: "kinesis", endpoint: `http://127.0.0.1:${CLOSED_PORT}`, accessKeyId: "local", secretAccessKey: "local" });
    expect(refused.error.code).toBe("CONNECTION_REFUSED");
  });
});

describe("test connection: a saved connection", () => {
  it("tests with the saved secret, and an edit form's settings with the saved secret left masked", async () => {
    const base = `/api/workspaces/${server.workspaceId}/connections`;
    const created = await server.api("POST", base, { name: "rabbit", settings: { kind: "rabbitmq", host: "127.0.0.1", password: "guest" } });
    expect((await server.api("POST", `${base}/${created.body.id}/test`)).body).toMatchObject({ ok: true });
    const edited = await server.api("POST", `${base}/test`, { connectionId: created.body.id, settings: { ...created.body.settings, port: CLOSED_PORT } });
    expect(edited.body.error.code).toBe("CONNECTION_REFUSED");
    const same = await server.api("POST", `${base}/test`, { connectionId: created.body.id, settings: created.body.settings });
    expect(same.body).toMatchObject({ ok: true });
  });
});
