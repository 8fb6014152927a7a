/**
 * The conformance suite against the project's Kafka-protocol broker (librdkafka's mock cluster, started here
 * on random ports). The mock cannot delete topics: each test's topic dies with the broker after the file.
 */
import type { ConnectionSettings } from "@eventloom/schema";
import { afterAll } from "vitest";
import { startMockKafka, type MockKafka } from "../support/brokers/mock-kafka";
import { runConformance } from "./conformance";

let broker: MockKafka | undefined;
afterAll(() => broker?.stop());

runConformance({
  name: "kafka",
  type: "kafka",
  ordering: true,
  retireGap: "a removed topic-mode subscriber's consumer group stays (deleting a group needs the admin API, which the mock broker lacks); it holds offsets, not events, and Kafka expires an empty group's offsets (offsets.retention.minutes)",
  async makeConnection(): Promise<ConnectionSettings> {
    broker = await startMockKafka({ brokers: 1 });
    return { kind: "kafka", brokers: broker.brokers, clientId: "conformance", ssl: false, saslMechanism: "none" };
  },
  unreachable: () => ({ kind: "kafka", brokers: ["127.0.0.1:1"], clientId: "conformance", ssl: false, saslMechanism: "none" }),
  async dropConnections() {
    // The broker closes every connection while down; it serves again a moment later.
    await broker!.down();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await broker!.up();
  },
  async cleanup() {
    // Topics go with the broker process.
  },
});
