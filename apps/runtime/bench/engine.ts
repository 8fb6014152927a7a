/**
 * `pnpm bench engine [--json] [--events N]`: the runtime engine's speed on this machine, in one process.
 * Wall-clock rates depend on what else runs on the machine; the CPU-time rates beside them are steadier.
 * Prints a table, then (last line) one JSON object; with --json only the JSON.
 *   chain     generator → memory queue (at-least-once) → filter → memory queue → log, tracing on, 64-byte payloads
 *             (chain and ceiling: best of two interleaved rounds)
 *   ceiling   the same three hops as plain async calls writing into a preallocated ring
 *   latency   the chain at 50 % of its measured rate: producer → sink p50/p99/p99.9 in µs from publish, and
 *             p99 from each event's scheduled time (includes waiting inside the generator)
 *   deploy    a 200-node flow: deploy (after one cold deploy+stop, reported too), then redeploy with one filter
 *             changed while its 40 generators run (events lost between unchanged nodes)
 *   fanout    a topic channel with 8 subscribers
 */
import { runCeiling } from "./ceiling";
import { mb } from "./bench-support";
import { benchEngine, chain, deploy, fanout, latency } from "./scenarios";

const args = process.argv.slice(2);
const jsonOnly = args.includes("--json");
const eventsArg = args.indexOf("--events");
const EVENTS = eventsArg >= 0 ? Number(args[eventsArg + 1]) : 2_000_000;

async function main(): Promise<void> {
  const engine = benchEngine();
  // Warm-up so the JIT has seen every path before anything is measured.
  await chain(engine, 200_000);
  await runCeiling(200_000);
  // Best of two interleaved rounds each: on a shared machine a neighbour's burst should not decide the ratio.
  const rounds = [];
  for (let round = 0; round < 2; round++) rounds.push({ chain: await chain(engine, EVENTS), ceiling: await runCeiling(EVENTS) });
  const chained = rounds.map((r) => r.chain).reduce((best, r) => (r.eps > best.eps ? r : best));
  const ceiling = rounds.map((r) => r.ceiling).reduce((best, r) => (r.eps > best.eps ? r : best));
  const lat = await latency(engine, Math.round(chained.eps / 2), 3);
  const deployed = await deploy(engine);
  const fanoutEps = await fanout(engine, Math.round(EVENTS / 4));
  const result = {
    chain_eps: Math.round(chained.eps),
    ceiling_eps: Math.round(ceiling.eps),
    ratio: Number((chained.eps / ceiling.eps).toFixed(3)),
    p50_us: Math.round(lat.p50),
    p99_us: Math.round(lat.p99),
    p999_us: Math.round(lat.p999),
    p99_due_us: Math.round(lat.p99Due),
    deploy200_ms: Number(deployed.deployMs.toFixed(1)),
    redeploy1_ms: Number(deployed.redeployMs.toFixed(1)),
    lost: deployed.lost + chained.lost,
    rss_mb: Math.round(chained.peakRssMb),
    rss_growth_mb: Math.round(chained.rssGrowthMb),
    fanout_eps: Math.round(fanoutEps),
    chain_cpu_eps: Math.round(chained.cpuEps),
    deploy200_cpu_ms: Number(deployed.deployCpuMs.toFixed(1)),
    redeploy1_cpu_ms: Number(deployed.redeployCpuMs.toFixed(1)),
    ceiling_cpu_eps: Math.round(ceiling.cpuEps),
  };
  if (!jsonOnly) {
    const rows: [string, string, string][] = [
      ["chain", `${result.chain_eps.toLocaleString()} events/s`, `${EVENTS.toLocaleString()} events, 6 traced hops each, lost ${chained.lost}`],
      ["ceiling", `${result.ceiling_eps.toLocaleString()} events/s`, `ratio chain/ceiling ${result.ratio}`],
      ["cpu time", `chain ${result.chain_cpu_eps.toLocaleString()} · ceiling ${result.ceiling_cpu_eps.toLocaleString()}`, `events per CPU-second (ratio ${(chained.cpuEps / ceiling.cpuEps).toFixed(3)}); steadier when the machine is shared`],
      ["latency", `p50 ${result.p50_us} µs · p99 ${result.p99_us} µs · p99.9 ${result.p999_us} µs`, `at ${lat.rate.toLocaleString()} events/s (50 %); p99 from scheduled time ${result.p99_due_us} µs`],
      ["deploy", `${result.deploy200_ms} ms (200 nodes)`, `CPU ${deployed.deployCpuMs.toFixed(1)} ms; first (cold) deploy incl. stop ${deployed.coldDeployMs.toFixed(1)} ms`],
      ["redeploy", `${result.redeploy1_ms} ms (one filter changed)`, `CPU ${deployed.redeployCpuMs.toFixed(1)} ms; ${deployed.restarted} node(s) restarted while 40 generators run, lost ${deployed.lost}`],
      ["fanout", `${result.fanout_eps.toLocaleString()} events/s`, `topic → 8 subscribers (${(result.fanout_eps * 8).toLocaleString()} deliveries/s)`],
      ["memory", `peak RSS ${result.rss_mb} MB`, `growth after warm-up ${result.rss_growth_mb} MB (now ${mb(process.memoryUsage.rss())} MB)`],
    ];
    const width = [10, 48];
    console.log(`${"scenario".padEnd(width[0]!)}${"result".padEnd(width[1]!)}notes`);
    for (const [name, value, note] of rows) console.log(`${name.padEnd(width[0]!)}${value.padEnd(width[1]!)}${note}`);
  }
  console.log(JSON.stringify(result));
}

void main();
