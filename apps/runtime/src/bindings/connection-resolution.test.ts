import type { ConnectionSettings } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { createStaticResolver, envVariableOf, resolveConnection } from "./connection-resolution";

const rabbit: ConnectionSettings = { kind: "rabbitmq", host: "mq", port: 5672, vhost: "/", username: "app", password: "pw", tls: false };
const redis: ConnectionSettings = { kind: "redis-streams", url: "redis://cache:6379", tls: false };
const resolver = createStaticResolver("ws-1", { "c-mq": rabbit, "c-redis": redis });

describe("resolveConnection", () => {
  it("looks a chosen connection up in the flow's workspace", async () => {
    await expect(resolveConnection({ resolver, defaults: {} }, "rabbitmq", { workspaceId: "ws-1", connectionId: "c-mq" })).resolves.toEqual(rabbit);
  });

  it("uses the runtime default when no connection is chosen, and says which variable sets it when there is none", async () => {
    await expect(resolveConnection({ resolver, defaults: { rabbitmq: rabbit } }, "rabbitmq", { workspaceId: "ws-1", connectionId: "" })).resolves.toBe(rabbit);
    await expect(resolveConnection({ resolver, defaults: {} }, "redis-streams", { workspaceId: "ws-1", connectionId: "" })).rejects.toMatchObject({
      code: "CONNECTION_REQUIRED",
      field: "connection",
      message: expect.stringContaining("EVENTLOOM_REDIS_STREAMS_URL"),
    });
    expect(envVariableOf("nats-jetstream")).toBe("EVENTLOOM_NATS_JETSTREAM_URL");
  });

  it("refuses an unknown id, another workspace's connection and a connection of another kind", async () => {
    const deps = { resolver, defaults: {} };
    await expect(resolveConnection(deps, "rabbitmq", { workspaceId: "ws-1", connectionId: "nope" })).rejects.toMatchObject({ code: "CONNECTION_REQUIRED", message: expect.stringContaining('"nope" cannot be used') });
    await expect(resolveConnection(deps, "rabbitmq", { workspaceId: "ws-2", connectionId: "c-mq" })).rejects.toMatchObject({ code: "CONNECTION_REQUIRED" });
    await expect(resolveConnection(deps, "rabbitmq", { workspaceId: "ws-1", connectionId: "c-redis" })).rejects.toMatchObject({ message: 'connection "c-redis" is a Redis Streams connection, not RabbitMQ' });
  });
});
