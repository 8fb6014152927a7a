import { ConnectionSettingsSchema, SECRET_MASK, type ConnectionDto } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { defaultValues, settingsPayload, valuesOf } from "./form-values";

const saved: ConnectionDto = {
  id: "conn_1",
  workspaceId: "ws",
  name: "mq",
  kind: "rabbitmq",
  settings: { kind: "rabbitmq", host: "mq.local", port: 5671, vhost: "/", username: "app", tls: true, password: SECRET_MASK },
  secrets: { password: { hasValue: true } },
  rev: 3,
  createdBy: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("connection form values", () => {
  it("start from the schema's defaults and send settings the server parses", () => {
    const values = defaultValues("nats-jetstream");
    expect(values).toMatchObject({ servers: "localhost:4222", username: "", password: "", token: "" });
    const payload = settingsPayload("nats-jetstream", { ...values, servers: "a:4222\n b:4222 ,c:4222", token: "t" });
    expect(payload).toEqual({ kind: "nats-jetstream", servers: ["a:4222", "b:4222", "c:4222"], token: "t" });
    expect(ConnectionSettingsSchema.safeParse(payload).success).toBe(true);
  });

  it("never put a saved secret (or its mask) into an input, and send an untouched secret as absent (keep)", () => {
    const values = valuesOf(saved);
    expect(values).toEqual({ host: "mq.local", port: 5671, vhost: "/", username: "app", password: "", tls: true });
    expect(settingsPayload("rabbitmq", values)).toEqual({ kind: "rabbitmq", host: "mq.local", port: 5671, vhost: "/", username: "app", tls: true });
  });

  it("send a typed secret, and null for one the user removed", () => {
    expect(settingsPayload("rabbitmq", { ...valuesOf(saved), password: "new" })).toMatchObject({ password: "new" });
    expect(settingsPayload("rabbitmq", valuesOf(saved), new Set(["password"]))).toMatchObject({ password: null });
  });
});
