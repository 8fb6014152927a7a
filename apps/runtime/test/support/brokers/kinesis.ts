/**
 * The Kinesis API for tests and benches: kinesalite in this process, in memory, on a random port, and a
 * client configured for it (HTTP/1.1 — the SDK's default HTTP/2 handler fails against kinesalite).
 */
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
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
  // shardLimit: the account-wide limit (10 by default) counts every stream a bench of several rounds leaves.
  const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });
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

/**
 * kinesalite in a child process (kinesalite-server.mjs): for the brokers bench, where a server in the measuring
 * process would share its event loop and weigh on both sides' latency. No dropConnections.
 */
export async function startKinesisProcess(): Promise<Omit<LocalKinesis, "dropConnections">> {
  const script = fileURLToPath(new URL("./kinesalite-server.mjs", import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`kinesalite exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("PORT=")) resolve(Number(line.slice("PORT=".length)));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    client: () => createLocalKinesisClient(endpoint),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin.end();
      }),
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
