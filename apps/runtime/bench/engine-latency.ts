/**
 * Only the engine bench's latency scenario, for profiling (`--cpu-prof`, `--trace-gc`) without the rest:
 *   npx tsx --conditions=@eventloom/source bench/engine-latency.ts [rate] [seconds]
 * Without a rate it measures the chain first and uses half of it, as `pnpm bench engine` does.
 */
import { benchEngine, chain, latency } from "./scenarios";

async function main(): Promise<void> {
  const engine = benchEngine();
  const warm = await chain(engine, 1_000_000);
  const rate = Number(process.argv[2] ?? Math.round(warm.eps / 2));
  const seconds = Number(process.argv[3] ?? 3);
  const lat = await latency(engine, rate, seconds);
  console.log(JSON.stringify({ chain_eps: Math.round(warm.eps), rate, p50_us: Math.round(lat.p50), p99_us: Math.round(lat.p99), p999_us: Math.round(lat.p999), p99_due_us: Math.round(lat.p99Due), p50_due_us: Math.round(lat.p50Due) }));
}

void main();
