/** MQTT.js on its own: QoS 1 publishes (each awaits its PUBACK) and a QoS 1 subscriber on another connection. */
import mqtt, { type MqttClient } from "mqtt";
import type { RawClient } from "./raw-driver";

export async function rawMqtt(url: string, topic: string): Promise<RawClient> {
  const publisher = await mqtt.connectAsync(url, { clientId: `${topic}-pub`, reconnectPeriod: 0 });
  let subscriber: MqttClient | undefined;
  return {
    maxOutstanding: 500,
    async publish(bodies) {
      await Promise.all(bodies.map((payload) => publisher.publishAsync(topic, payload, { qos: 1 })));
    },
    async consume(handle) {
      subscriber = await mqtt.connectAsync(url, { clientId: `${topic}-sub`, reconnectPeriod: 0 });
      subscriber.on("message", (_topic, payload) => handle(payload));
      await subscriber.subscribeAsync(topic, { qos: 1 });
    },
    async close() {
      await subscriber?.endAsync();
      await publisher.endAsync();
    },
  };
}
