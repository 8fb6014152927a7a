/**
 * The broker test support itself: the mock Kafka cluster takes produce/fetch from kafkajs, refuses
 * connections while down and serves again when up; kinesalite answers the Kinesis API.
 */
import { CreateStreamCommand, DescribeStreamSummaryCommand } from "@aws-sdk/client-kinesis";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalKinesis } from "./support/brokers/kinesis";
import { startMockKafka, type MockKafka } from "./support/brokers/mock-kafka";
import { uniqueName } from "./support/brokers/services";

describe("mock Kafka broker", () => {
  let broker: MockKafka;
  beforeAll(async () => {
    broker = await startMockKafka({ brokers: 1, topics: { orders: 2 } });
  });
  afterAll(() => broker.stop());

  it("prints its bootstrap list and answers control commands", async () => {
    expect(broker.brokers).toHaveLength(1);
    expect(broker.brokers[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await broker.command("rtt 1 0")).toMatch(/^OK/);
    expect(await broker.command("nonsense")).toBe("ERR unknown command");
  });

  it("round-trips a record through kafkajs, and refuses connections while down", async () => {
    const kafka = new Kafka({ clientId: "support-test", brokers: broker.brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "orders", messages: [{ key: "k", value: "v1" }] });
    await producer.disconnect();

    await broker.down(1);
    const refused = kafka.producer({ retry: { retries: 0 } });
    await expect(refused.connect()).rejects.toThrow();
    await broker.up(1);
    await refused.connect();
    await refused.send({ topic: "orders", messages: [{ key: "k", value: "v2" }] });
    await refused.disconnect();

    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets("orders");
    await admin.disconnect();
    const total = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    expect(total).toBe(2);
  });
});

describe("local Kinesis (kinesalite)", () => {
  it("creates a stream that is active at once", async () => {
    const kinesis = await startLocalKinesis();
    const client = kinesis.client();
    try {
      const name = uniqueName("support");
      await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 2 }));
      const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: name }));
      expect(summary.StreamDescriptionSummary?.StreamStatus).toBe("ACTIVE");
      expect(summary.StreamDescriptionSummary?.OpenShardCount).toBe(2);
    } finally {
      client.destroy();
      await kinesis.stop();
    }
  });
});
