/**
 * Kafka (and Azure Event Hubs through its Kafka endpoint): kafkajs admin connect + describeCluster (one
 * metadata round trip after the SASL/TLS handshake), with retries off so the first failure is the answer.
 */
import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from "kafkajs";
import type { ConnectionSettingsOf } from "@eventloom/schema";
import type { Probe, ProbeContext } from "./tester";

/** The kafkajs client settings for a Kafka connection; also what the Event Hubs preset builds on. */
export function kafkaClientConfig(s: ConnectionSettingsOf<"kafka">, timeoutMs: number): KafkaConfig {
  return {
    clientId: s.clientId,
    brokers: s.brokers,
    ssl: s.ssl,
    ...(s.saslMechanism !== "none" ? { sasl: { mechanism: s.saslMechanism, username: s.username ?? "", password: s.password ?? "" } as SASLOptions } : {}),
    connectionTimeout: timeoutMs,
    authenticationTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  };
}

/** Event Hubs' Kafka endpoint: port 9093, SASL_SSL, PLAIN with `$ConnectionString` and the connection string. */
export function eventHubsAsKafka(s: ConnectionSettingsOf<"eventhubs">): ConnectionSettingsOf<"kafka"> {
  return {
    kind: "kafka",
    brokers: [`${s.namespace}:9093`],
    clientId: "eventloom",
    ssl: true,
    saslMechanism: "plain",
    username: "$ConnectionString",
    password: s.connectionString,
  };
}

async function describeCluster(config: KafkaConfig, { signal }: ProbeContext): Promise<string> {
  const admin = new Kafka(config).admin();
  const stop = () => void admin.disconnect();
  signal.addEventListener("abort", stop, { once: true });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return `${cluster.brokers.length} broker(s), controller ${cluster.controller ?? "unknown"}`;
  } finally {
    signal.removeEventListener("abort", stop);
    await admin.disconnect();
  }
}

export const kafkaProbe: Probe<"kafka"> = {
  where: (s) => `${s.brokers.join(", ")}${s.ssl ? " (TLS)" : ""}${s.saslMechanism !== "none" ? ` (SASL ${s.saslMechanism}, user "${s.username ?? ""}")` : ""}`,
  usesTls: (s) => s.ssl,
  run: (s, context) => describeCluster(kafkaClientConfig(s, context.timeoutMs), context),
};

export const eventHubsProbe: Probe<"eventhubs"> = {
  where: (s) => `${s.namespace}:9093 (Kafka endpoint, SASL_SSL)`,
  usesTls: () => true,
  run: (s, context) => describeCluster(kafkaClientConfig(eventHubsAsKafka(s), context.timeoutMs), context),
};
