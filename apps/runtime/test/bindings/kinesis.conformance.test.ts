/**
 * The conformance suite against kinesalite (the Kinesis API, in this process on a random port), with the
 * checkpoint store the runtime composes: the database one, on a migrated test database, so the restart test
 * resumes from checkpoints a stopped deployment saved, as a restarted runtime process would.
 */
import type { ConnectionSettings } from "@eventloom/schema";
import { createDb, type Db } from "@eventloom/prisma";
import { DeleteStreamCommand, type KinesisClient } from "@aws-sdk/client-kinesis";
import { afterAll } from "vitest";
import { createDbCheckpointStore } from "../../src/bindings/kinesis/index";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startLocalKinesis, type LocalKinesis } from "../support/brokers/kinesis";
import { runConformance } from "./conformance";

let kinesis: LocalKinesis | undefined;
let admin: KinesisClient | undefined;
let database: TestDatabase | undefined;
let db: Db | undefined;
afterAll(async () => {
  admin?.destroy();
  await kinesis?.stop();
  await db?.close();
  await database?.dispose();
});

const settingsFor = (endpoint: string): ConnectionSettings => ({ kind: "kinesis", region: "us-east-1", endpoint, accessKeyId: "local", secretAccessKey: "local" });

runConformance({
  name: "kinesis",
  type: "kinesis",
  ordering: true,
  channelConfig: { shards: 2 },
  async makeConnection() {
    kinesis = await startLocalKinesis();
    admin = kinesis.client();
    database = await createTestDatabase();
    db = createDb(database.options);
    return settingsFor(kinesis.endpoint);
  },
  bindingOptions: () => ({ kinesisCheckpoints: createDbCheckpointStore(db!.client), kinesisPollIdleMs: 20 }),
  unreachable: () => settingsFor("http://127.0.0.1:1"),
  async dropConnections() {
    kinesis!.dropConnections();
  },
  async subscriberKept(flowId, subscriberId) {
    // A Kinesis subscriber is its checkpoints (the stream is shared): one row per shard it read.
    return (await db!.client.brokerCheckpoint.count({ where: { kind: "kinesis", group: `eventloom.${flowId}.ch.${subscriberId}` } })) > 0;
  },
  async cleanup(flowId) {
    await admin!.send(new DeleteStreamCommand({ StreamName: `eventloom.${flowId}.ch` })).catch(() => undefined);
  },
});
