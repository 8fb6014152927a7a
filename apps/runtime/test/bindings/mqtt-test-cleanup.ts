/**
 * What an MQTT flow test leaves behind, undone after each test: its deployments stopped, its HTTP sinks
 * closed, and its subscribers' persistent sessions (and what the broker queued for them) ended with a clean
 * connect.
 */
import mqtt from "mqtt";
import { afterEach } from "vitest";
import type { RunningDeployment } from "../../src/engine/contract";
import { services } from "../support/brokers/services";
import type { HttpSink } from "./http-sink";

export function cleanUpMqttFlowsAfterEach(): { running: RunningDeployment[]; sinks: HttpSink[]; sessions: string[] } {
  const running: RunningDeployment[] = [];
  const sinks: HttpSink[] = [];
  const sessions: string[] = [];
  afterEach(async () => {
    for (const deployment of running.splice(0)) await deployment.stop({ timeoutMs: 1_000 }).catch(() => undefined);
    for (const sink of sinks.splice(0)) await sink.close();
    for (const id of sessions.splice(0)) await (await mqtt.connectAsync(services.mqtt, { clientId: id, clean: true, reconnectPeriod: 0 }).catch(() => undefined))?.endAsync();
  });
  return { running, sinks, sessions };
}
