/** MQTT: a CONNECT/CONNACK round trip (login included) with mqtt.js, then DISCONNECT. */
import { randomBytes } from "node:crypto";
import { connectAsync } from "mqtt";
import type { Probe } from "./tester";

export const mqttProbe: Probe<"mqtt"> = {
  where: (s) => `${s.url}${s.username ? ` (user "${s.username}")` : ""}`,
  usesTls: (s) => /^(mqtts|wss):/.test(s.url),
  async run(s, { timeoutMs, signal }) {
    const client = await connectAsync(s.url, {
      clientId: `${s.clientIdPrefix}-test-${randomBytes(4).toString("hex")}`,
      connectTimeout: timeoutMs,
      reconnectPeriod: 0,
      clean: true,
      ...(s.username ? { username: s.username } : {}),
      ...(s.password ? { password: s.password } : {}),
    });
    if (signal.aborted) {
      await client.endAsync(true);
      return undefined;
    }
    const version = client.options.protocolVersion;
    await client.endAsync();
    return `MQTT ${version === 5 ? "5" : "3.1.1"} broker accepted the connection`;
  },
};
