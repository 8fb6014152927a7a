/**
 * The conformance suite against the Mosquitto broker on this machine (started by .ci/run), reached through a
 * TCP proxy so a test can drop every connection this process has to it. Per-key ordering is not promised:
 * queue mode reads through a shared subscription (validation refuses an ordering key there).
 */
import type { ConnectionSettings } from "@eventloom/schema";
import mqtt from "mqtt";
import { afterAll } from "vitest";
import { clientId } from "../../src/bindings/mqtt/mqtt-message";
import { services } from "../support/brokers/services";
import { startTcpProxy, type TcpProxy } from "../support/brokers/tcp-proxy";
import { runConformance } from "./conformance";

const PREFIX = "conformance";
let proxy: TcpProxy | undefined;
afterAll(() => proxy?.close());

runConformance({
  name: "mqtt",
  type: "mqtt",
  ordering: false,
  retireGap: "covered by mqtt-retire.test.ts: looking at a live persistent session would take it over",
  async makeConnection(): Promise<ConnectionSettings> {
    try {
      await (await mqtt.connectAsync(services.mqtt, { reconnectPeriod: 0, connectTimeout: 3_000 })).endAsync();
    } catch (error) {
      throw new Error(`Mosquitto is not answering at ${services.mqtt} (${String(error)}): start it with mosquitto -d (.ci/run does)`);
    }
    const url = new URL(services.mqtt);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 1883) });
    return { kind: "mqtt", url: `mqtt://${proxy.host}:${proxy.port}`, clientIdPrefix: PREFIX };
  },
  unreachable: () => ({ kind: "mqtt", url: "mqtt://127.0.0.1:1", clientIdPrefix: PREFIX }),
  async dropConnections() {
    proxy!.cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy!.restore();
  },
  async cleanup(flowId) {
    // The subscribers' persistent sessions (and what the broker queued for them) end with a clean connect.
    const group = `eventloom.${flowId}.ch`;
    for (const suffix of ["q0", "q1", "a", "b", "letters"]) {
      const client = await mqtt.connectAsync(services.mqtt, { clientId: clientId(PREFIX, group, suffix), clean: true, reconnectPeriod: 0 }).catch(() => undefined);
      await client?.endAsync();
    }
  },
});
