/**
 * The Kinesis API for tests and benches: kinesalite in this process, in memory, on a random port, and a
 * client configured for it (HTTP/1.1 — the SDK's default HTTP/2 handler fails against kinesalite).
 */
import type { AddressInfo } from "node:net";
import { KinesisClient } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import kinesalite from "kinesalite";

export interface LocalKinesis {
  readonly endpoint: string;
  /** A new client for this server; the caller destroys it. */
  client(): KinesisClient;
  /** Closes every open client connection (keep-alive sockets), as a restarting endpoint would. */
  dropConnections(): void;
  stop(): Promise<void>;
}

export async function startLocalKinesis(): Promise<LocalKinesis> {
  const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    client: () => createLocalKinesisClient(endpoint),
    dropConnections: () => server.closeAllConnections(),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function createLocalKinesisClient(endpoint: string): KinesisClient {
  return new KinesisClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    requestHandler: new NodeHttpHandler(),
  });
}
