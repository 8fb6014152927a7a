/**
 * MQTT binding while its connections are cut mid-stream (a TCP proxy in front of the machine's Mosquitto
 * drops them and refuses new ones for 2 s): back-pressure while away, reconnect, every event — the
 * subscriber's persistent session keeps the QoS 1 events the broker accepted while it was cut off.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMqttBinding } from "../../src/bindings/mqtt/index";
import { services, uniqueName } from "../support/brokers/services";
import { startTcpProxy, type TcpProxy } from "../support/brokers/tcp-proxy";
import { streamThroughOutage } from "./outage";

describe("MQTT binding: connection lost mid-stream", () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    const url = new URL(services.mqtt);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 1883) });
  });
  afterAll(() => proxy.close());

  it("applies back-pressure while cut off, reconnects and delivers every event", async () => {
    const bindings = {
      mqtt: createMqttBinding({ defaults: { mqtt: { kind: "mqtt", url: `mqtt://${proxy.host}:${proxy.port}`, clientIdPrefix: "outage" } }, minBackoffMs: 50, maxBackoffMs: 500 }),
    };
    const report = await streamThroughOutage({ type: "mqtt", config: { topic: uniqueName("outage") }, bindings, events: 1_500, rate: 500, capacity: 100, outageMs: 2_000, down: () => proxy.cut(), up: () => proxy.restore() });
    expect(report.distinct).toBe(1_500);
    expect(report.dropped).toBe(0);
    expect(report.emittedWhileDown).toBeLessThan(400);
  }, 90_000);
});
