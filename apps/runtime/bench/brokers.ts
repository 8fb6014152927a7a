/**
 * `pnpm bench brokers [--json] [--events N] [--rounds N] [--only kafka,nats-jetstream,…] [--concurrency N] [--cpu-profile prefix]`: per broker binding, events/s
 * and p50 latency of the broker's own client library in a publish + consume loop (raw), beside the same broker
 * through Eventloom (generator → broker channel → consumer, in the engine). Prints a table, then (last line)
 * one JSON object. Kafka runs against the project's mock broker (tools/brokers), Kinesis against kinesalite
 * in a child process; NATS, MQTT, RabbitMQ and Redis against the services on 127.0.0.1.
 */
import os from "node:os";
import { BENCH_BROKERS, DEFAULT_EVENTS, type BrokerBench } from "./brokers/catalogue";
import { measureRaw, type RawResult } from "./brokers/raw-driver";

const args = process.argv.slice(2);
const jsonOnly = args.includes("--json");
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const EVENTS = option("--events") === undefined ? undefined : Number(option("--events"));
const only = option("--only")?.split(",");
/** The Eventloom channel's concurrency (= prefetch); the raw loops keep 256 unacked. */
const CONCURRENCY = option("--concurrency") === undefined ? undefined : Number(option("--concurrency"));
/** `--cpu-profile <prefix>`: CPU profiles of each side's throughput phase (the last round's), per binding. */
const CPU_PROFILE = option("--cpu-profile");
const LATENCY_SECONDS = 2;
const ROUNDS = Number(option("--rounds") ?? 2);

interface Row {
  binding: string;
  /** Events in each throughput phase. */
  events: number;
  /** Events/s of the paced phase the p50 latencies come from. */
  latency_rate: number;
  raw_eps: number;
  raw_p50_us: number;
  eventloom_eps: number | null;
  eventloom_p50_us: number | null;
  ratio: number | null;
  added_p50_ms: number | null;
  note?: string;
}

/**
 * Raw and Eventloom alternate, ROUNDS times each (fresh destinations every round), and each side keeps its
 * best throughput and its best p50: on a machine shared with other work the load changes within a minute,
 * and alternating keeps one side from getting all the quiet moments.
 */
async function benchOne(bench: BrokerBench): Promise<Row> {
  const env = await bench.start();
  const options = { events: EVENTS ?? bench.events ?? DEFAULT_EVENTS, latencyRate: bench.latencyRate, latencySeconds: LATENCY_SECONDS, ...(CONCURRENCY ? { concurrency: CONCURRENCY } : {}), ...(CPU_PROFILE ? { cpuProfile: `${CPU_PROFILE}-${bench.name}` } : {}) };
  const raws: RawResult[] = [];
  const throughs: RawResult[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const client = await env.raw();
      try {
        raws.push(await measureRaw(client, options));
      } finally {
        await client.close();
      }
      if (env.eventloom) throughs.push(await env.eventloom(options));
    }
    return row(bench, options.events, best(raws)!, best(throughs), env.note);
  } finally {
    await env.stop();
  }
}

function best(results: RawResult[]): RawResult | undefined {
  if (results.length === 0) return undefined;
  return { eps: Math.max(...results.map((r) => r.eps)), p50Us: Math.min(...results.map((r) => r.p50Us)), p99Us: Math.min(...results.map((r) => r.p99Us)) };
}

function row(bench: BrokerBench, events: number, raw: RawResult, through: RawResult | undefined, note?: string): Row {
  return {
    binding: bench.name,
    events,
    latency_rate: bench.latencyRate,
    raw_eps: Math.round(raw.eps),
    raw_p50_us: Math.round(raw.p50Us),
    eventloom_eps: through ? Math.round(through.eps) : null,
    eventloom_p50_us: through ? Math.round(through.p50Us) : null,
    ratio: through ? Number((through.eps / raw.eps).toFixed(3)) : null,
    added_p50_ms: through ? Number(((through.p50Us - raw.p50Us) / 1000).toFixed(3)) : null,
    ...(note ? { note } : {}),
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const bench of BENCH_BROKERS) {
    if (only && !only.includes(bench.name)) continue;
    try {
      rows.push(await benchOne(bench));
    } catch (error) {
      rows.push({ binding: bench.name, events: EVENTS ?? bench.events ?? DEFAULT_EVENTS, latency_rate: bench.latencyRate, raw_eps: 0, raw_p50_us: 0, eventloom_eps: null, eventloom_p50_us: null, ratio: null, added_p50_ms: null, note: `failed: ${(error as Error).message}` });
    }
    if (!jsonOnly) print(rows.at(-1)!);
  }
  const measured = rows.filter((r) => r.ratio !== null);
  const result = {
    rounds: ROUNDS,
    load_average: os.loadavg().map((load) => Number(load.toFixed(2))),
    bindings: rows,
    min_ratio: measured.length ? Math.min(...measured.map((r) => r.ratio!)) : null,
    max_added_p50_ms: measured.length ? Math.max(...measured.map((r) => r.added_p50_ms!)) : null,
  };
  console.log(JSON.stringify(result));
  process.exit(0);
}

function print(r: Row): void {
  const through = r.eventloom_eps === null ? "eventloom: not measured" : `eventloom ${r.eventloom_eps.toLocaleString()} events/s, p50 ${r.eventloom_p50_us} µs · ratio ${r.ratio} · added p50 ${r.added_p50_ms} ms`;
  console.log(`${r.binding.padEnd(16)}raw ${r.raw_eps.toLocaleString()} events/s, p50 ${r.raw_p50_us} µs · ${through}${r.note ? ` (${r.note})` : ""}`);
}

void main();
