/**
 * The Event Hubs preset builds the kafkajs configuration Azure's Kafka endpoint needs. Only the configuration
 * is testable offline: the TLS handshake and SASL login against a real namespace cannot run on this machine.
 */
import { describe, expect, it } from "vitest";
import { eventHubsPreset, kafkaPreset } from "./kafka-config";

const CONNECTION_STRING = "Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";

describe("Event Hubs preset", () => {
  const preset = eventHubsPreset({ kind: "eventhubs", namespace: "demo.servicebus.windows.net", connectionString: CONNECTION_STRING });

  it("logs in with SASL PLAIN over TLS on port 9093 as $ConnectionString", () => {
    expect(preset.client.brokers).toEqual(["demo.servicebus.windows.net:9093"]);
    expect(preset.client.ssl).toBe(true);
    expect(preset.client.sasl).toEqual({ mechanism: "plain", username: "$ConnectionString", password: CONNECTION_STRING });
  });

  it("creates no topics and uses no idempotent producer", () => {
    expect(preset.autoCreateTopics).toBe(false);
    expect(preset.producer.allowAutoTopicCreation).toBe(false);
    expect(preset.producer.idempotent).toBe(false);
    expect(preset.producer.transactionalId).toBeUndefined();
  });

  it("keeps an explicit port", () => {
    expect(eventHubsPreset({ kind: "eventhubs", namespace: "10.0.0.5:9094", connectionString: CONNECTION_STRING }).client.brokers).toEqual(["10.0.0.5:9094"]);
  });
});

describe("Kafka preset", () => {
  it("passes brokers through and adds SASL only when asked", () => {
    const open = kafkaPreset({ kind: "kafka", brokers: ["a:9092", "b:9092"], clientId: "el", ssl: false, saslMechanism: "none" });
    expect(open.client.brokers).toEqual(["a:9092", "b:9092"]);
    expect(open.client.sasl).toBeUndefined();
    const scram = kafkaPreset({ kind: "kafka", brokers: ["a:9092"], clientId: "el", ssl: true, saslMechanism: "scram-sha-512", username: "u", password: "p" });
    expect(scram.client.sasl).toEqual({ mechanism: "scram-sha-512", username: "u", password: "p" });
    expect(scram.client.ssl).toBe(true);
  });
});
