/**
 * The conformance suite against the NATS server on this machine (started by .ci/run), reached through a TCP
 * proxy so a test can drop every connection this process has to it (nats-server here has no monitoring port
 * to kick clients from).
 */
import type { ConnectionSettings } from "@eventloom/schema";
import { connect, type NatsConnection } from "nats";
import { afterAll } from "vitest";
import { services } from "../support/brokers/services";
import { startTcpProxy, type TcpProxy } from "../support/brokers/tcp-proxy";
import { runConformance } from "./conformance";

let proxy: TcpProxy | undefined;
let admin: NatsConnection | undefined;
afterAll(async () => {
  await proxy?.close();
  await admin?.close();
});

runConformance({
  name: "nats-jetstream",
  type: "nats-jetstream",
  ordering: true,
  async makeConnection(): Promise<ConnectionSettings> {
    try {
      admin = await connect({ servers: services.nats });
      await (await admin.jetstreamManager()).getAccountInfo();
    } catch (error) {
      throw new Error(`NATS with JetStream is not answering at ${services.nats} (${String(error)}): start nats-server -js (.ci/run does)`);
    }
    const url = new URL(services.nats);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 4222) });
    return { kind: "nats-jetstream", servers: [`${proxy.host}:${proxy.port}`] };
  },
  unreachable: () => ({ kind: "nats-jetstream", servers: ["127.0.0.1:1"] }),
  async dropConnections() {
    proxy!.cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy!.restore();
  },
  async subscriberKept(flowId, subscriberId) {
    const stream = `eventloom_${flowId}_ch`;
    const jsm = await admin!.jetstreamManager();
    return jsm.consumers.info(stream, `${stream}_${subscriberId}`).then(
      () => true,
      () => false,
    );
  },
  async cleanup(flowId) {
    // The stream is the channel's default name with dots made underscores (its durables go with it).
    const jsm = await admin!.jetstreamManager();
    await jsm.streams.delete(`eventloom_${flowId}_ch`).catch(() => undefined);
  },
});
