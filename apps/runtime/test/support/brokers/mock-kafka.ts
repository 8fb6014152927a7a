/**
 * A Kafka wire-protocol broker for tests and benches: librdkafka's mock cluster (tools/brokers/mockkafka_ctl.c,
 * compiled on demand) on random ports, with fault injection through its stdin control channel.
 * Facts worth knowing (kafkajs 2.2.4 against it): the first group join waits ~3 s, so consumers need
 * `sessionTimeout` > 3000 (4000 works) and `maxWaitTimeInMs: 200`; admin topic creation is not supported, but
 * producing to an unknown topic auto-creates it with 4 partitions; no SASL/TLS, no idempotent producer.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const BUILD_SCRIPT = fileURLToPath(new URL("../../../../../tools/brokers/build-mockkafka.sh", import.meta.url));

export interface MockKafkaOptions {
  /** Number of brokers in the cluster (ids 1..n). */
  brokers?: number;
  /** Topics created up front, name → partitions (others auto-create with 4 partitions on first produce). */
  topics?: Record<string, number>;
}

export interface MockKafka {
  /** host:port of every broker, for kafkajs' `brokers`. */
  readonly brokers: string[];
  /** Sends one control line (see mockkafka_ctl.c) and resolves with the broker's answer, e.g. "OK Success". */
  command(line: string): Promise<string>;
  /** Takes a broker down (its connections are closed and refused); -1 means every broker. */
  down(brokerId?: number): Promise<void>;
  up(brokerId?: number): Promise<void>;
  /** Creates a topic with the given number of partitions. */
  createTopic(name: string, partitions: number): Promise<void>;
  stop(): Promise<void>;
}

/** Compiles the broker if needed (once per source change) and returns the binary's path. */
export function mockKafkaBinary(): string {
  return execFileSync("bash", [BUILD_SCRIPT], { encoding: "utf8" }).trim();
}

export async function startMockKafka(options: MockKafkaOptions = {}): Promise<MockKafka> {
  const topics = Object.entries(options.topics ?? {}).map(([name, parts]) => `${name}:${parts}`);
  const child = spawn(mockKafkaBinary(), [String(options.brokers ?? 1), ...topics], { stdio: ["pipe", "pipe", "pipe"] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const bootstrap = new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`mock Kafka broker exited (${code}) before starting: ${stderr}`)));
    lines.on("line", (line) => {
      if (line.startsWith("BOOTSTRAP=")) resolve(line.slice("BOOTSTRAP=".length));
      else waiting.shift()?.(line);
    });
  });
  const list = await bootstrap;
  return createHandle(child, list.split(","), waiting);
}

function createHandle(child: ChildProcessWithoutNullStreams, brokers: string[], waiting: ((line: string) => void)[]): MockKafka {
  let tail = Promise.resolve("");
  const command = (line: string): Promise<string> => {
    // One command at a time: answers come back in order, one line each.
    tail = tail.then(
      () =>
        new Promise<string>((resolve) => {
          waiting.push(resolve);
          child.stdin.write(`${line}\n`);
        }),
    );
    return tail;
  };
  const expectOk = async (line: string): Promise<void> => {
    const answer = await command(line);
    if (!answer.startsWith("OK")) throw new Error(`mock Kafka refused "${line}": ${answer}`);
  };
  return {
    brokers,
    command,
    down: (id = -1) => expectOk(`down ${id}`),
    up: (id = -1) => expectOk(`up ${id}`),
    createTopic: (name, partitions) => expectOk(`topic ${name} ${partitions}`),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.stdin.end(); // the broker exits on stdin EOF
      const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
