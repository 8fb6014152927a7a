/**
 * kafkajs client settings from a workspace connection: plain Kafka, or Azure Event Hubs through its Kafka
 * endpoint (the preset). Event Hubs speaks a subset of Kafka: SASL PLAIN over TLS on port 9093 with the user
 * `$ConnectionString` and the connection string as password; no topic creation (an event hub is created in
 * Azure), no idempotent or transactional producer on the Standard tier, no compression.
 */
import type { ConnectionSettingsOf } from "@eventloom/schema";
import { logLevel, Partitioners, type KafkaConfig, type ProducerConfig, type SASLOptions } from "kafkajs";

export interface KafkaPreset {
  client: KafkaConfig;
  producer: ProducerConfig;
  /** May the binding rely on the broker creating a topic on first use (auto-create)? */
  autoCreateTopics: boolean;
}

/*
 * The producer partitions by the message key with Kafka's own murmur2 partitioner (the Java client's), so
 * one ordering key stays in one partition whichever client wrote it.
 */
/** Retries inside kafkajs are short on purpose: the channel has its own backoff and buffer while the broker is away. */
const CLIENT_RETRY = { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 };

export function kafkaPreset(settings: ConnectionSettingsOf<"kafka">): KafkaPreset {
  return {
    client: {
      clientId: settings.clientId,
      brokers: settings.brokers,
      ssl: settings.ssl,
      ...(settings.saslMechanism === "none" ? {} : { sasl: sasl(settings) }),
      connectionTimeout: 3_000,
      retry: CLIENT_RETRY,
      logLevel: logLevel.NOTHING,
    },
    producer: { allowAutoTopicCreation: true, idempotent: false, retry: CLIENT_RETRY, createPartitioner: Partitioners.DefaultPartitioner },
    autoCreateTopics: true,
  };
}

export function eventHubsPreset(settings: ConnectionSettingsOf<"eventhubs">): KafkaPreset {
  const host = settings.namespace.includes(":") ? settings.namespace : `${settings.namespace}:9093`;
  return {
    client: {
      clientId: "eventloom",
      brokers: [host],
      ssl: true,
      sasl: { mechanism: "plain", username: "$ConnectionString", password: settings.connectionString },
      // Event Hubs closes idle connections and answers slower than a local broker.
      connectionTimeout: 10_000,
      requestTimeout: 60_000,
      retry: CLIENT_RETRY,
      logLevel: logLevel.NOTHING,
    },
    producer: { allowAutoTopicCreation: false, idempotent: false, retry: CLIENT_RETRY, createPartitioner: Partitioners.DefaultPartitioner },
    autoCreateTopics: false,
  };
}

function sasl(settings: ConnectionSettingsOf<"kafka">): SASLOptions {
  const username = settings.username ?? "";
  const password = settings.password ?? "";
  switch (settings.saslMechanism) {
    case "plain":
      return { mechanism: "plain", username, password };
    case "scram-sha-256":
      return { mechanism: "scram-sha-256", username, password };
    default:
      return { mechanism: "scram-sha-512", username, password };
  }
}
