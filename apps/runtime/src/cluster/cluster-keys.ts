/** Redis key and channel names of cluster mode, all under one prefix so a shared Redis stays readable. */
const PREFIX = "eventloom:cluster:";

export const clusterKeys = {
  /** A live worker's heartbeat (expires with its TTL when the process dies). */
  worker: (workerId: string) => `${PREFIX}worker:${workerId}`,
  /** Who coordinates a flow's run-once producers: `<workerId>:<fence>`. */
  producerLease: (flowId: string) => `${PREFIX}lease:flow:${flowId}`,
  /** Monotonic fence numbers for a flow's lease: each new holder gets a higher one. */
  producerFence: (flowId: string) => `${PREFIX}fence:flow:${flowId}`,
  /** Who holds slot `n` of an MQTT subscription (its client id `<stem>-s<n>`): a holder token, with a TTL. */
  mqttSlot: (stem: string, slot: number | "") => `${PREFIX}mqtt:slot:${stem}:${slot}`,
  /** The slots of an MQTT subscription that may have a session on the broker (a set of slot numbers). */
  mqttSlots: (stem: string) => `${PREFIX}mqtt:slots:${stem}`,
  /** Hash: node id → events a budgeted run-once producer (generator with `count`) emitted in this deployment. */
  producerProgress: (deploymentId: string) => `${PREFIX}progress:deployment:${deploymentId}`,
  /** Who reads one shard of a Kinesis subscription (`group`: the channel's, or a topic subscriber's): a holder token, with a TTL. */
  kinesisShard: (stream: string, group: string, shardId: string) => `${PREFIX}kinesis:shard:${stream}:${group}:${shardId}`,
  /** The processes reading a Kinesis subscription: a sorted set of members scored by when they lapse (Redis time, ms). */
  kinesisMembers: (stream: string, group: string) => `${PREFIX}kinesis:members:${stream}:${group}`,
  /** Channel: a process deployed, redeployed or stopped a flow. */
  deploymentsChanged: `${PREFIX}deployments`,
  /** Channel: a process has watchers for a flow and wants the others' counters. */
  traceInterest: `${PREFIX}trace-interest`,
  /** Channel: a user lost access to some flows; every process takes its sockets out of them. */
  accessRevoked: `${PREFIX}access-revoked`,
  /** Channel: a process's presence list for one flow (its own connections). */
  presence: `${PREFIX}presence`,
  /** Channel: a worker's counters for one deployment. */
  traceCounters: `${PREFIX}trace-counters`,
  /** Hash: which workers run a flow's deployment (field workerId, value: until when, ms since the epoch). */
  flowRunners: (flowId: string) => `${PREFIX}runners:flow:${flowId}`,
  /** Channel: a question about a flow's traces for every process running it (follow one event). */
  traceRequests: `${PREFIX}trace-requests`,
  /** Channel: the answers for one process run (its incarnation). */
  traceReplies: (incarnation: string) => `${PREFIX}trace-replies:${incarnation}`,
  /** Channel: a process run's capture filters (all of them, refreshed every second). */
  traceCaptures: `${PREFIX}trace-captures`,
  /** Channel: spans other processes matched for one process run's capture filters. */
  traceCaptured: (incarnation: string) => `${PREFIX}trace-captured:${incarnation}`,
} as const;
