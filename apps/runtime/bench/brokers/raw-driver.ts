/**
 * Drives a broker's own client library in a publish + consume loop: the baseline the Eventloom binding is
 * compared with. Throughput publishes `events` in batches of BATCH with WINDOW batches awaiting the broker's
 * confirmation, while the consumer acknowledges each message after handling it; latency publishes one message
 * per due slot at a steady rate and measures publish → handled for each.
 */
import { startCpuProfile } from "../cpu-profile";

export interface RawClient {
  /** Publishes a batch and resolves when the broker confirmed every message of it. */
  publish(bodies: Buffer[]): Promise<void>;
  /** Starts consuming (resolves once ready); `handle` runs for each message before it is acknowledged. */
  consume(handle: (body: Buffer) => void): Promise<void>;
  close(): Promise<void>;
  /**
   * Most messages published but not yet handled, for brokers that confirm a publish without end-to-end
   * back-pressure and drop what overflows a slow subscriber's queue (Mosquitto: max_queued_messages 1000).
   */
  readonly maxOutstanding?: number;
}

export interface RawResult {
  eps: number;
  p50Us: number;
  p99Us: number;
}

export interface RawOptions {
  events: number;
  latencyRate: number;
  latencySeconds: number;
  /** Writes a CPU profile of the throughput phase to `<cpuProfile>-raw.cpuprofile` (or `-eventloom`). */
  cpuProfile?: string;
}

const BATCH = 100;
const WINDOW = 8;

/** A 64-byte-ish JSON body like the engine bench's template, carrying its send time for latency. */
export function body(seq: number): Buffer {
  return Buffer.from(JSON.stringify({ seq, t: performance.now(), customer: "carol", total: 123, note: "abcdefgh" }));
}

export async function measureRaw(client: RawClient, options: RawOptions): Promise<RawResult> {
  let handled = 0;
  let onMessage = (_sentAt: number): void => {};
  await client.consume((raw) => {
    const { t } = JSON.parse(raw.toString()) as { t: number };
    handled++;
    onMessage(t);
  });
  // Warm-up: connections, metadata, JIT.
  const outstanding = { limit: client.maxOutstanding ?? Number.POSITIVE_INFINITY, handled: () => handled };
  await publishAll(client, 500, outstanding);
  await until(() => handled >= 500, 60_000, () => `(warm-up: ${handled}/500)`);

  handled = 0;
  const profile = options.cpuProfile ? await startCpuProfile() : undefined;
  const started = performance.now();
  await publishAll(client, options.events, outstanding);
  await until(() => handled >= options.events, 60_000, () => `(throughput: ${handled}/${options.events})`);
  const eps = options.events / ((performance.now() - started) / 1000);
  await profile?.stop(`${options.cpuProfile}-raw.cpuprofile`);

  const latencies: number[] = [];
  onMessage = (sentAt) => latencies.push((performance.now() - sentAt) * 1000);
  const count = Math.round(options.latencyRate * options.latencySeconds);
  await paced(options.latencyRate, count, (seq) => void client.publish([body(seq)]));
  await until(() => latencies.length >= count, 60_000, () => `(latency: ${latencies.length}/${count})`);
  return { eps, ...quantiles(latencies) };
}

async function publishAll(client: RawClient, events: number, outstanding: { limit: number; handled(): number }): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < events) {
      if (next - outstanding.handled() > outstanding.limit) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      const bodies: Buffer[] = [];
      while (bodies.length < BATCH && next < events) bodies.push(body(next++));
      await client.publish(bodies);
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, lane));
}

/** Calls `send` once per slot of a steady `rate`, catching up on slots a late timer missed. */
export async function paced(rate: number, count: number, send: (seq: number) => void): Promise<void> {
  const start = performance.now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (sent < due) send(sent++);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

export function quantiles(samplesUs: number[]): { p50Us: number; p99Us: number } {
  // The first tenth is warm-up of the paced phase.
  const measured = samplesUs.slice(Math.floor(samplesUs.length / 10)).sort((a, b) => a - b);
  const at = (q: number) => measured[Math.min(measured.length - 1, Math.floor(q * measured.length))] ?? Number.NaN;
  return { p50Us: at(0.5), p99Us: at(0.99) };
}

export async function until(check: () => boolean, timeoutMs = 60_000, progress: () => string = () => ""): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`bench timed out waiting for messages ${progress()}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
