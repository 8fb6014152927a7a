/** The conformance suite against the RabbitMQ server on this machine (started by .ci/run). */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { ConnectionSettings } from "@eventloom/schema";
import amqp from "amqplib";
import { runConformance } from "./conformance";

const run = promisify(execFile);
const HOST = process.env.TEST_AMQP_HOST ?? "127.0.0.1";
const PORT = Number(process.env.TEST_AMQP_PORT ?? 5672);
const settings: ConnectionSettings = { kind: "rabbitmq", host: HOST, port: PORT, vhost: "/", username: "guest", password: "guest", tls: false };

async function admin<T>(work: (channel: amqp.Channel) => Promise<T>): Promise<T> {
  const model = await amqp.connect({ hostname: HOST, port: PORT, username: "guest", password: "guest" });
  try {
    const channel = await model.createChannel();
    channel.on("error", () => undefined);
    return await work(channel);
  } finally {
    await model.close().catch(() => undefined);
  }
}

runConformance({
  name: "rabbitmq",
  type: "rabbitmq",
  ordering: true,
  async makeConnection() {
    try {
      await admin(async () => undefined);
    } catch (error) {
      throw new Error(`RabbitMQ is not answering on ${HOST}:${PORT} (${String(error)}): start it with \`rabbitmq-server -detached\` (.ci/run does)`);
    }
    return settings;
  },
  unreachable: () => ({ ...settings, port: 1 }),
  async dropConnections() {
    // Only this process's connections (named `eventloom <pid> …` by the adapter), as the broker would on a failure.
    const { stdout } = await run("rabbitmqctl", ["-q", "list_connections", "pid", "client_properties"]);
    const pids = stdout.split("\n").filter((line) => line.includes(`eventloom ${process.pid} `)).map((line) => line.split("\t")[0]!);
    for (const pid of pids) await run("rabbitmqctl", ["-q", "close_connection", pid, "conformance test: connection dropped"]);
    if (pids.length === 0) throw new Error("no binding connections found to drop");
  },
  async subscriberKept(flowId, subscriberId) {
    // checkQueue fails (and closes the channel) when the queue does not exist.
    return admin((channel) => channel.checkQueue(`eventloom.${flowId}.ch.${subscriberId}`)).then(
      () => true,
      () => false,
    );
  },
  async cleanup(flowId) {
    const base = `eventloom.${flowId}.ch`;
    await admin(async (channel) => {
      for (const queue of [base, `${base}.a`, `${base}.b`]) await channel.deleteQueue(queue).catch(() => undefined);
      await channel.deleteExchange(base).catch(() => undefined);
    });
  },
});
