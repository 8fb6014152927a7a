/**
 * The runtime half of `pnpm bench trace`: the engine's chain scenario (generator → memory channel (queue,
 * at-least-once) → transform → memory channel → log) with tracing on, and a socket.io server whose
 * watchers are served by the real trace hub, batcher and socket watcher (no database, no HTTP API).
 */
import http from "node:http";
import type { ClientToServerEvents, Graph, ServerToClientEvents } from "@eventloom/schema";
import { Server } from "socket.io";
import { systemClock } from "../src/clock";
import { DEFAULT_TRACE_CAPACITY } from "../src/deploy/runner";
import { createEngine, type RunningDeployment } from "../src/engine/index";
import { createTraceHub, createTraceRecorder, type TraceBatcher } from "../src/tracing/index";
import { createSocketWatcher } from "../src/transport/socket/socket-watcher";
import { browserWatcherRoutes, type BrowserStats } from "./trace-browser";

export const FLOW_ID = "bench";
const channel = { mode: "queue", delivery: "at-least-once", capacity: 10_000, overflow: "block" };
const at = { x: 0, y: 0 };

const graphAt = (rate: number): Graph => ({
  nodes: [
    { id: "gen", kind: "producer", type: "generator", name: "", position: at, config: { rate, count: 0, template: { seq: "{{seq}}", total: "{{int 1 500}}", customer: "{{pick alice bob carol}}" } } },
    { id: "a", kind: "channel", type: "memory", name: "", position: at, config: channel },
    { id: "price", kind: "consumer", type: "transform", name: "", position: at, config: { eventType: "order.priced", mappings: [{ to: "amount", from: "data.total" }, { to: "currency", value: "EUR" }] } },
    { id: "c", kind: "channel", type: "memory", name: "", position: at, config: channel },
    { id: "log", kind: "consumer", type: "log", name: "", position: at, config: { maxLinesPerSecond: 0 } },
  ],
  edges: [
    { id: "e1", source: "gen", sourcePort: "out", target: "a", targetPort: "in" },
    { id: "e2", source: "a", sourcePort: "out", target: "price", targetPort: "in" },
    { id: "e3", source: "price", sourcePort: "out", target: "c", targetPort: "in" },
    { id: "e4", source: "c", sourcePort: "out", target: "log", targetPort: "in" },
  ],
});

export interface BenchRuntime {
  url: string;
  running: RunningDeployment;
  /** Frames the server skipped per watcher id because its connection was busy. */
  skipped: Map<string, number>;
  /** The newest report of the headless Chromium watcher page (served at /bench/watch), if one runs. */
  browserStats(): BrowserStats | undefined;
  close(): Promise<void>;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export async function startBenchRuntime(options: { intervalMs: number; rate: number }): Promise<BenchRuntime> {
  const { intervalMs } = options;
  const hub = createTraceHub({ logger: quiet });
  const skipped = new Map<string, number>();
  const browser = browserWatcherRoutes(FLOW_ID);
  const server = http.createServer(browser.handle);
  // serveClient: the Chromium watcher page loads the socket.io browser client from here.
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, { serveClient: true });
  io.on("connection", (socket) => {
    const watcher = createSocketWatcher(socket);
    const counted = {
      id: watcher.id,
      send: watcher.send,
      fanout: watcher.fanout,
      ready: () => watcher.ready() || (skipped.set(watcher.id, (skipped.get(watcher.id) ?? 0) + 1), false),
    };
    socket.on("deployment:watch", (_request, ack) => {
      hub.watch(FLOW_ID, counted);
      ack({ ok: true, data: { deployment: null } });
    });
    socket.on("disconnect", () => hub.unwatchAll(socket.id));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const engine = createEngine({ clock: systemClock, logger: quiet, schedule: (fn) => setImmediate(fn) });
  const plan = engine.compile(graphAt(options.rate), { flowId: FLOW_ID, deploymentId: "bench-1" });
  // As the runner does: the runtime's ring size, and the engine's coarse clock (one read per batch, not per hop).
  const recorder = createTraceRecorder({ capacity: DEFAULT_TRACE_CAPACITY, clock: engine.traceClock ?? systemClock });
  const running = await engine.start(plan, { recorder });
  const batcher: TraceBatcher = hub.createTraceBatcher({ flowId: FLOW_ID, deploymentId: "bench-1", running, recorder, clock: systemClock, intervalMs, onFrame: () => undefined });
  batcher.start();
  return {
    url: `http://127.0.0.1:${port}`,
    running,
    skipped,
    browserStats: browser.latest,
    async close() {
      batcher.stop();
      await running.stop({ timeoutMs: 10_000 });
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
