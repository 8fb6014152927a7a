/**
 * Cluster mode (EVENTLOOM_CLUSTER_REDIS_URL): several runtime processes on one PostgreSQL database run the
 * same deployments. The database says what runs; Redis carries the rest:
 * - a heartbeat per worker (worker-heartbeat.ts),
 * - "this flow changed" notices, after which every process converges to the database (deploy-sync.ts),
 * - the per-flow lease of the coordinator that alone runs timers and generators (producer-lease.ts), and how
 *   far generators with a `count` got (producer-progress.ts),
 * - socket.io broadcasts (its Redis adapter) and other workers' counters, samples and latency histograms for
 *   trace frames (trace-share.ts), capture filters (capture-share.ts) and "follow one event" (follow-share.ts),
 * - MQTT subscribers' client ids, slots leased per process, adopted when their process is gone (mqtt-session-slots.ts),
 * - Kinesis shard leases, balanced between the processes reading each subscription (kinesis-shard-leases.ts).
 * Broker channels make the processes competing consumers; memory channels stay per process.
 */
import { createAdapter } from "@socket.io/redis-adapter";
import type { EngineLogger } from "../engine/contract";
import type { ActiveRun } from "../deploy/runner";
import type { SocketServer } from "../transport/socket/socket-server";
import type { Graph, PresenceViewer } from "@eventloom/schema";
import { isRunOnceProducer } from "../engine/nodes/index";
import type { PresenceService } from "../presence/presence-service";
import type { TraceHub } from "../tracing";
import { isSpanRing } from "../tracing/ring-recorder";
import { createAccessRelay, type RevokeLocally } from "./access-relay";
import { createCaptureShare } from "./capture-share";
import { createFollowShare } from "./follow-share";
import { startFlowRunners, type FlowRunners } from "./flow-runners";
import { shareTraceHub } from "./trace-hub-share";
import { createTraceRequests } from "./trace-requests";
import { sharePresence, type SharedPresence } from "./presence-share";
import { connectClusterBus } from "./cluster-bus";
import { createDeploySync, type DeploySyncTarget } from "./deploy-sync";
import { createKinesisShardLeases } from "./kinesis-shard-leases";
import { createMqttSessionSlots } from "./mqtt-session-slots";
import type { SessionSlots } from "../bindings/mqtt/index";
import type { ShardLeases } from "../bindings/kinesis/index";
import { startProducerLeases, type ProducerLeases } from "./producer-lease";
import { carryProgress } from "./producer-progress";
import { createTraceShare, type TraceShare } from "./trace-share";
import { startWorkerHeartbeat, type WorkerHeartbeat } from "./worker-heartbeat";

export interface ClusterOptions {
  redisUrl: string;
  /** Names this process in heartbeats, leases and logs (unique per process). */
  workerId: string;
  /** Heartbeat and producer-lease TTL: a dead coordinator's timers and generators resume elsewhere within about this. */
  leaseMs: number;
  /** How often every process re-reads the database's running deployments (a safety net for lost notices). */
  reconcileEveryMs?: number;
  /** How long "follow one event" waits for the other processes' hops before answering with what it has (default 1 s). */
  requestTimeoutMs?: number;
}

export interface ClusterMember {
  readonly workerId: string;
  /** Hook for the deploy service: tells the other processes a flow changed here. */
  announce(flowId: string): void;
  /** Hook for access revocation: the other processes take their sockets out of the flows too. */
  relayAccessRevoked(userId: string, flowIds: readonly string[]): void;
  /** Wraps this process's presence so lists and broadcasts include every process's connections. */
  sharePresence(local: PresenceService): PresenceService;
  /** For the MQTT binding: subscriber client ids as slots leased across the processes. */
  mqttSessionSlots: SessionSlots;
  /** Wraps the trace hub so captures apply on every process and "follow one event" collects every process's hops. */
  shareTraces(local: TraceHub): TraceHub;
  /** For the Kinesis binding: which shards of each subscription this process reads. */
  kinesisShardLeases: ShardLeases;
  /** Hook for the runner: frames read the cluster-wide counters and samples. */
  clusterFrames: TraceShare["clusterFrames"];
  /** Hook for the runner: a hot redeploy here carries the kept generators' counts to the new deployment. */
  swapped(change: { from: string; to: string; graph: Graph; kept: readonly string[] }): Promise<void>;
  /** Called once the deploy service and sockets exist; starts syncing, leases and the socket adapter. */
  start(wiring: {
    deploy: DeploySyncTarget & { activeRuns(): ActiveRun[] };
    io: SocketServer;
    hasLocalWatchers(flowId: string): boolean;
    revokeLocally: RevokeLocally;
    /** Tells this process's editors of a flow its presence list after another process's entries expired. */
    presenceExpired(flowId: string, viewers: PresenceViewer[]): void;
  }): Promise<void>;
  /** The lease token this process holds for a flow's run-once producers (tests, diagnostics). */
  leaseTokenOf(flowId: string): string | undefined;
  stop(): Promise<void>;
}

export async function joinCluster(options: ClusterOptions & { logger: EngineLogger; frameIntervalMs: number }): Promise<ClusterMember> {
  const { workerId, logger } = options;
  const bus = await connectClusterBus({ redisUrl: options.redisUrl, logger });
  const access = createAccessRelay({ bus, workerId, logger });
  const sync = createDeploySync({ bus, workerId, reconcileEveryMs: options.reconcileEveryMs ?? 5_000, logger });
  let runs: () => ActiveRun[] = () => [];
  let watched: (flowId: string) => boolean = () => false;
  const localRuns = () => runs().map((run) => ({ flowId: run.deployment.flowId, deploymentId: run.deployment.id, running: run.running, recorder: run.recorder }));
  const traces = createTraceShare({ bus, workerId, publishEveryMs: options.frameIntervalMs, logger, localRuns, hasLocalWatchers: (flowId) => watched(flowId) });
  let runners: FlowRunners | undefined;
  let hub: TraceHub | undefined;
  const requests = createTraceRequests({ bus, workerId, runners: () => runners, timeoutMs: options.requestTimeoutMs ?? 1_000, logger });
  const localRing = (flowId: string) => {
    const recorder = localRuns().find((run) => run.flowId === flowId)?.recorder;
    return recorder && isSpanRing(recorder) ? recorder : undefined;
  };
  const follows = createFollowShare({ workerId, requests, localRing });
  const captures = createCaptureShare({ bus, workerId, evaluateEveryMs: options.frameIntervalMs, logger, localRuns });
  const mqttSessionSlots = createMqttSessionSlots({ redis: bus.redis, workerId, ttlMs: options.leaseMs, logger });
  const kinesisShardLeases = createKinesisShardLeases({ redis: bus.redis, workerId, ttlMs: options.leaseMs, logger });
  let socketServer: SocketServer | undefined;
  let presence: SharedPresence | undefined;
  let heartbeat: WorkerHeartbeat | undefined;
  let leases: ProducerLeases | undefined;
  return {
    workerId,
    announce: (flowId) => sync.announce(flowId),
    relayAccessRevoked: (userId, flowIds) => access.relay(userId, flowIds),
    mqttSessionSlots,
    kinesisShardLeases,
    sharePresence(local) {
      presence = sharePresence(local, { bus, workerId, logger });
      return presence;
    },
    shareTraces(local) {
      hub = local;
      return shareTraceHub(local, { captures, follows });
    },
    clusterFrames: (deployment, running, recorder) => traces.clusterFrames(deployment, running, recorder),
    async swapped({ from, to, graph, kept }) {
      const runOnce = new Set(graph.nodes.filter((node) => node.kind === "producer" && isRunOnceProducer(node.type)).map((node) => node.id));
      await carryProgress(bus.redis, from, to, kept.filter((id) => runOnce.has(id))).catch((error: unknown) =>
        logger.warn({ err: error, from, to }, "cluster: could not carry generator progress to the new deployment"),
      );
    },
    async start({ deploy, io, hasLocalWatchers, revokeLocally, presenceExpired }) {
      runs = () => deploy.activeRuns();
      watched = hasLocalWatchers;
      const { pub, sub } = bus.duplicatePair();
      io.adapter(createAdapter(pub, sub, { key: "eventloom:socket.io" }));
      socketServer = io;
      heartbeat = await startWorkerHeartbeat({ redis: bus.redis, workerId, ttlMs: options.leaseMs, logger });
      await sync.start(deploy);
      await access.start(revokeLocally);
      await presence?.start(presenceExpired);
      await traces.start();
      runners = startFlowRunners({ redis: bus.redis, workerId, ttlMs: options.leaseMs, logger, localFlows: () => deploy.activeRuns().map((run) => run.deployment.flowId) });
      await requests.start((flowId, body) => follows.answer(flowId, body));
      await captures.start((flowId, watcherId, spans) => hub?.deliverCaptured(flowId, watcherId, spans));
      leases = startProducerLeases({
        redis: bus.redis,
        workerId,
        ttlMs: options.leaseMs,
        logger,
        candidates: () => deploy.activeRuns().map((run) => ({ flowId: run.deployment.flowId, graph: run.running.plan.graph, running: run.running })),
      });
      logger.info({ workerId, leaseMs: options.leaseMs }, "cluster: joined");
    },
    leaseTokenOf: (flowId) => leases?.tokenOf(flowId),
    async stop() {
      sync.stop();
      traces.stop();
      captures.stop();
      await runners?.stop();
      presence?.stop();
      await leases?.stop();
      await mqttSessionSlots.stop();
      await kinesisShardLeases.stop();
      await heartbeat?.stop();
      // The adapter unsubscribes before its connections close (a command cut off by the close would reject unhandled).
      await socketServer?.of("/").adapter.close();
      await bus.close();
    },
  };
}
