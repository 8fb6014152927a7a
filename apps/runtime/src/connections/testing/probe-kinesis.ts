/** AWS Kinesis: one ListStreams call (signed with the given keys) over HTTP/1.1, no retries. */
import { KinesisClient, ListStreamsCommand } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { ConnectionSettingsOf } from "@eventloom/schema";
import type { Probe } from "./tester";

/** The SDK client for a Kinesis connection (HTTP/1.1: local endpoints such as kinesalite refuse HTTP/2). */
export function kinesisClientFor(s: ConnectionSettingsOf<"kinesis">, timeoutMs: number): KinesisClient {
  return new KinesisClient({
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    ...(s.accessKeyId ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey ?? "" } } : {}),
    requestHandler: new NodeHttpHandler({ connectionTimeout: timeoutMs, requestTimeout: timeoutMs }),
    maxAttempts: 1,
  });
}

export const kinesisProbe: Probe<"kinesis"> = {
  where: (s) => `${s.endpoint ?? `kinesis.${s.region}.amazonaws.com`} (region ${s.region}${s.accessKeyId ? `, key ${s.accessKeyId}` : ""})`,
  usesTls: (s) => (s.endpoint ?? "https:").startsWith("https:"),
  async run(s, { timeoutMs, signal }) {
    const client = kinesisClientFor(s, timeoutMs);
    try {
      const result = await client.send(new ListStreamsCommand({ Limit: 10 }), { abortSignal: signal });
      const count = result.StreamNames?.length ?? 0;
      return `${count}${result.HasMoreStreams ? "+" : ""} stream(s) visible`;
    } finally {
      client.destroy();
    }
  },
};
