/**
 * `pnpm test:chaos`: "nothing accepted is lost" under crashes and broker outages, per broker binding.
 *
 * One runtime child process (test database, brokers' default connections from EVENTLOOM_<KIND>_URL) runs one
 * flow per binding: webhook-in → broker channel → webhook-out → an HTTP sink that records event ids. An
 * external client per flow posts a steady stream and keeps the ids answered 2xx (accepted). Then:
 *   1. kills: once every stream flows again, wait a random time (seeded; the seed is printed), SIGKILL the
 *      runtime and restart it on the same database (it restores the deployments); a kill hits all bindings;
 *   2. outage: every broker goes away for N s (see targets.ts for how) and comes back; how long each binding
 *      takes to accept again (reconnect, ≤ 5 s) and to deliver again is measured;
 *   3. drain: the client stops, the sink gets until --drain-s to receive every accepted id.
 * Verdict per binding: 0 accepted ids missing, duplicates ≤ 1 % (reported), reconnect ≤ 5 s. Prints a table,
 * then (last line) one JSON object; exits 1 when a binding fails.
 *
 * Options (flag or environment): --kills N (CHAOS_KILLS, 40), --bindings a,b (CHAOS_BINDINGS, all four),
 * --outage-s N (CHAOS_OUTAGE_S, 10; 0 skips), --seed N (CHAOS_SEED, random), --gap-ms MIN-MAX between a
 * restart and the next kill (CHAOS_GAP_MS, 2000-5000), --drain-s N (CHAOS_DRAIN_S, 120), --lanes N requests in
 * flight per binding (CHAOS_LANES, 4), --real-broker-stop.
 */
import { seededRandom } from "../src/engine/testing/fake-clock";
import { createTestDatabase } from "../test/support/database";
import { startRuntimeProcess, type RuntimeProcess } from "../test/support/runtime-process";
import { brokerDefaults } from "./broker-defaults";
import { startIdSink } from "./id-sink";
import { judge, MAX_DUPLICATE_RATE, MAX_RECONNECT_MS, printTable } from "./report";
import { BINDINGS, prepareTarget, type BindingName, type Target } from "./targets";
import { sleep, startWebhookClient, type WebhookClient } from "./webhook-client";

interface Options {
  kills: number;
  bindings: BindingName[];
  outageS: number;
  seed: number;
  gapMs: [number, number];
  drainS: number;
  lanes: number;
  realBrokerStop: boolean;
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const flag = (name: string, variable: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : env[variable];
  };
  const number = (name: string, variable: string, fallback: number): number => {
    const raw = flag(name, variable);
    const value = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} (${variable}) must be a number ≥ 0, got "${raw}"`);
    return value;
  };
  const bindings = (flag("bindings", "CHAOS_BINDINGS") || BINDINGS.join(",")).split(",").map((b) => b.trim());
  for (const b of bindings) if (!(BINDINGS as readonly string[]).includes(b)) throw new Error(`unknown binding "${b}": choose from ${BINDINGS.join(", ")}`);
  const gap = (flag("gap-ms", "CHAOS_GAP_MS") || "2000-5000").split("-").map(Number);
  if (gap.length !== 2 || gap.some((n) => !Number.isFinite(n)) || gap[0]! > gap[1]!) throw new Error("--gap-ms is MIN-MAX in ms, e.g. 500-3000");
  return {
    kills: number("kills", "CHAOS_KILLS", 40),
    bindings: bindings as BindingName[],
    outageS: number("outage-s", "CHAOS_OUTAGE_S", 10),
    seed: number("seed", "CHAOS_SEED", Math.floor(Math.random() * 2 ** 31)),
    gapMs: [gap[0]!, gap[1]!],
    drainS: number("drain-s", "CHAOS_DRAIN_S", 120),
    lanes: Math.max(1, number("lanes", "CHAOS_LANES", 4)),
    realBrokerStop: argv.includes("--real-broker-stop") || env.CHAOS_REAL_BROKER_STOP === "1",
  };
}

const log = (message: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      log(`gave up after ${timeoutMs} ms waiting for ${what}`);
      return false;
    }
    await sleep(50);
  }
  return true;
}

/** A flow per binding: webhook-in → broker channel → webhook-out into the sink. */
function flowGraph(target: Target, sinkUrl: string) {
  return {
    nodes: [
      { id: "hook", kind: "producer", type: "webhook-in", name: "In", config: {} },
      { id: "ch", kind: "channel", type: target.name, name: target.name, config: target.channelConfig },
      { id: "out", kind: "consumer", type: "webhook-out", name: "Sink", config: { url: sinkUrl, retries: 10, retryDelayMs: 100, timeoutMs: 5_000 } },
    ],
    edges: [
      { id: "e1", source: "hook", target: "ch" },
      { id: "e2", source: "ch", target: "out" },
    ],
  };
}

async function main(): Promise<number> {
  let summary: (Record<string, unknown> & { ok: boolean }) | undefined;
  const options = parseOptions(process.argv.slice(2), process.env);
  const random = seededRandom(options.seed);
  log(`seed ${options.seed} · ${options.kills} kills · bindings ${options.bindings.join(", ")} · outage ${options.outageS} s${options.realBrokerStop ? " (real broker stop)" : ""} · gap ${options.gapMs.join("-")} ms · ${options.lanes} lanes per binding`);
  const started = Date.now();
  const targets: Target[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    for (const name of options.bindings) {
      const target = await prepareTarget(name, options.realBrokerStop);
      targets.push(target);
      cleanups.push(() => target.dispose());
    }
    // The runtime child inherits this process's environment: keep its log to errors (reconnect warnings
    // during the outage would bury the report).
    process.env.TEST_LOG_LEVEL ??= "error";
    const runtimeOptions = { connectionDefaults: brokerDefaults(Object.assign({}, ...targets.map((t) => t.env)) as Record<string, string>) };
    const database = await createTestDatabase();
    cleanups.push(() => database.dispose());
    const sink = await startIdSink();
    cleanups.push(() => sink.close());
    let runtime: RuntimeProcess | undefined = await startRuntimeProcess(database, runtimeOptions);
    cleanups.push(() => runtime?.close() ?? Promise.resolve());
    // The runtime runs in its own process group (runtime-process.ts), so Ctrl-C does not reach it: take it down.
    const interrupted = () => void (runtime?.kill() ?? Promise.resolve()).finally(() => process.exit(130));
    process.once("SIGINT", interrupted).once("SIGTERM", interrupted);

    const clients = new Map<BindingName, WebhookClient>();
    for (const target of targets) {
      const { body: flow } = await runtime.api("POST", "/api/flows", { name: `Chaos ${target.name}`, graph: flowGraph(target, sink.url(target.name)) });
      const deployed = await runtime.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev });
      if (deployed.status !== 200) throw new Error(`${target.name}: deploy failed: ${deployed.status} ${JSON.stringify(deployed.body)}`);
      const client = startWebhookClient({ url: () => runtime && `${runtime.baseUrl}/hooks/${flow.id}/hook`, concurrency: options.lanes, pauseMs: 0 });
      clients.set(target.name, client);
      cleanups.push(() => client.stop());
    }
    const allAccepted = (atLeast: (name: BindingName) => number) => () => targets.every((t) => clients.get(t.name)!.accepted.length >= atLeast(t.name));
    await waitFor(allAccepted(() => 20), 60_000, "20 accepted events per binding");

    // 1. Kills at random points.
    const restartMs: number[] = [];
    for (let kill = 1; kill <= options.kills; kill++) {
      // Mid-stream: every binding accepts again (its deployment restored) before the random wait starts.
      const before = new Map(targets.map((t) => [t.name, clients.get(t.name)!.accepted.length]));
      await waitFor(allAccepted((name) => before.get(name)! + 1), 30_000, "the stream to resume after a restart");
      const [min, max] = options.gapMs;
      await sleep(min + random() * (max - min));
      const victim: RuntimeProcess = runtime!;
      runtime = undefined;
      await victim.kill();
      const restarting = Date.now();
      runtime = await startRuntimeProcess(database, runtimeOptions);
      restartMs.push(Date.now() - restarting);
      if (kill % 5 === 0 || kill === options.kills) log(`kill ${kill}/${options.kills} · accepted ${targets.map((t) => `${t.name} ${clients.get(t.name)!.accepted.length}`).join(", ")}`);
    }
    const afterKills = new Map(targets.map((t) => [t.name, clients.get(t.name)!.accepted.length]));
    await waitFor(allAccepted((name) => afterKills.get(name)! + 20), 60_000, "accepted events after the last restart");

    // 2. Broker outage.
    const returnedAt = new Map<BindingName, number>();
    if (options.outageS > 0) {
      log(`outage: every broker away for ${options.outageS} s`);
      await Promise.all(targets.map((t) => t.down()));
      await sleep(options.outageS * 1000);
      await Promise.all(targets.map((t) => t.up().then(() => returnedAt.set(t.name, Date.now()))));
      log("outage over: brokers back");
      const acceptedSinceReturn = () => targets.every((t) => clients.get(t.name)!.acceptedAt.some((at) => at >= returnedAt.get(t.name)!));
      await waitFor(acceptedSinceReturn, 60_000, "an accepted event per binding after the brokers returned");
      await sleep(2_000);
    }

    // 3. Drain.
    await Promise.all([...clients.values()].map((c) => c.stop()));
    log(`streams stopped; draining (up to ${options.drainS} s)`);
    const drained = () => targets.every((t) => clients.get(t.name)!.accepted.every((id) => sink.counts(t.name).has(id)));
    await waitFor(drained, options.drainS * 1000, "every accepted id at the sink");
    // Redeliveries still on their way (a killed consumer's unacked messages) are counted as duplicates too.
    await sleep(1_000);

    const results = targets.map((t) => judge(t.name, clients.get(t.name)!, sink, returnedAt.get(t.name)));
    console.log("");
    printTable(results);
    const sorted = [...restartMs].sort((a, b) => a - b);
    summary = {
      seed: options.seed,
      kills: options.kills,
      outage_s: options.outageS,
      real_broker_stop: options.realBrokerStop,
      restart_p50_ms: sorted[Math.floor(sorted.length / 2)] ?? null,
      restart_max_ms: sorted.at(-1) ?? null,
      duration_s: Math.round((Date.now() - started) / 1000),
      limits: { missing: 0, duplicate_rate: MAX_DUPLICATE_RATE, reconnect_ms: MAX_RECONNECT_MS },
      bindings: Object.fromEntries(
        results.map((r) => [
          r.binding,
          { accepted: r.accepted, missing: r.missing, duplicates: r.duplicates, duplicate_rate: Number(r.duplicateRate.toFixed(4)), delivered_unanswered: r.deliveredUnanswered, reconnect_ms: r.reconnectMs ?? null, resume_ms: r.resumeMs ?? null, answers: r.answers, ok: r.ok },
        ]),
      ),
      ok: results.every((r) => r.ok),
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
  // Last line: the JSON, after every cleanup message.
  console.log(JSON.stringify(summary));
  return summary?.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
