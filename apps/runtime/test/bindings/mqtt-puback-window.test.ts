/**
 * The MQTT subscriber's in-flight window against the machine's Mosquitto with the real MQTT.js client (it
 * hooks a private method of MQTT.js, so this is what tells when an upgrade breaks it): up to `size` messages
 * out at once, and PUBACKs strictly in receive order — a message acked while an earlier one is still out is
 * not acknowledged to the broker yet, so after a crash the broker delivers both again.
 */
import mqtt, { type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import { PubackWindow } from "../../src/bindings/mqtt/puback-window";
import { services, uniqueName } from "../support/brokers/services";
import { waitUntil } from "./flow-runner";

interface Received {
  seq: number;
  ack: () => void;
}

const clients: MqttClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.endAsync(true).catch(() => undefined);
});

async function subscriber(clientId: string, topic: string, size: number, received: Received[]): Promise<MqttClient> {
  const client = mqtt.connect(services.mqtt, { clientId, clean: false, reconnectPeriod: 0 });
  clients.push(client);
  const window = new PubackWindow(client, size);
  client.handleMessage = (packet, done) => {
    received.push({ seq: Number(String(packet.payload)), ack: window.take(packet, () => done()) });
  };
  await new Promise((resolve, reject) => (client.once("connect", resolve), client.once("error", reject)));
  await client.subscribeAsync(topic, { qos: 1 });
  return client;
}

describe("MQTT PUBACK window", () => {
  it("holds up to its size out at once and acknowledges to the broker in receive order only", async () => {
    const topic = uniqueName("window");
    const id = uniqueName("window-sub").slice(0, 60);
    const first: Received[] = [];
    const sub = await subscriber(id, topic, 4, first);
    const publisher = await mqtt.connectAsync(services.mqtt, { reconnectPeriod: 0 });
    clients.push(publisher);
    for (let seq = 0; seq < 10; seq++) await publisher.publishAsync(topic, String(seq), { qos: 1 });

    await waitUntil(() => first.length === 4, 5_000, "4 messages out");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.map((m) => m.seq)).toEqual([0, 1, 2, 3]); // no more while 4 are out
    first[1]!.ack();
    first[2]!.ack();
    await waitUntil(() => first.length === 6, 5_000, "two more once two were acked");
    expect(first.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4, 5]);

    // A crash now: 1 and 2 were acked, but 0 was not, so neither may have reached the broker as PUBACK.
    sub.end(true);
    const again: Received[] = [];
    await subscriber(id, topic, 100, again);
    await waitUntil(() => again.length === 10, 5_000, "every message not PUBACKed, again");
    expect(again.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const message of again) message.ack();

    // All acked in order now: a third connection gets nothing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    (clients.at(-1) as MqttClient).end(true);
    const none: Received[] = [];
    const last = await subscriber(id, topic, 100, none);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(none).toEqual([]);
    await last.endAsync();
    await (await mqtt.connectAsync(services.mqtt, { clientId: id, clean: true, reconnectPeriod: 0 })).endAsync();
  });
});
