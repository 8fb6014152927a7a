/**
 * NATS JetStream binding while its connections are cut mid-stream (a TCP proxy in front of the machine's
 * nats-server drops them and refuses new ones for 2 s): back-pressure while away, reconnect, every event.
 */
import { connect } from "nats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNatsBinding } from "../../src/bindings/nats/index";
import { services, uniqueName } from "../support/brokers/services";
import { startTcpProxy, type TcpProxy } from "../support/brokers/tcp-proxy";
import { streamThroughOutage } from "./outage";

describe("NATS JetStream binding: connection lost mid-stream", () => {
  let proxy: TcpProxy;
  const stream = uniqueName("outage").replaceAll(".", "_");
  beforeAll(async () => {
    const url = new URL(services.nats);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 4222) });
  });
  afterAll(async () => {
    await proxy.close();
    const nc = await connect({ servers: services.nats });
    await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
    await nc.close();
  });

  it("applies back-pressure while cut off, reconnects and delivers every event", async () => {
    const bindings = {
      "nats-jetstream": createNatsBinding({ defaults: { "nats-jetstream": { kind: "nats-jetstream", servers: [`${proxy.host}:${proxy.port}`] } }, minBackoffMs: 50, maxBackoffMs: 500 }),
    };
    const report = await streamThroughOutage({ type: "nats-jetstream", config: { stream }, bindings, events: 1_500, rate: 500, capacity: 100, outageMs: 2_000, down: () => proxy.cut(), up: () => proxy.restore() });
    expect(report.distinct).toBe(1_500);
    expect(report.dropped).toBe(0);
    expect(report.emittedWhileDown).toBeLessThan(400);
  }, 90_000);
});
