/**
 * One subscriber's Kafka consumer: a consumer group member fetching with eachBatch, handing each message to
 * the channel and committing a partition's offset only when every message before it is done (ack after
 * success). At most `prefetch` messages are out at once: fetching waits (with heartbeats) for room.
 * After a rebalance or a consumer restart, acks from the previous assignment commit nothing: Kafka hands
 * those messages out again from the last commit (at-least-once).
 */
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from "kafkajs";
import type { EngineLogger } from "../../engine/contract";
import { fromBinary } from "../cloudevent-binary";
import type { AdapterSubscription, InboundMessage } from "../contract";
import { OffsetCommits, type TrackedOffset } from "../offset-commits";
import { CE_PREFIX, CONTENT_TYPE_HEADER } from "./kafka-message";

export interface ConsumerTiming {
  sessionTimeout: number;
  heartbeatInterval: number;
  maxWaitTimeInMs: number;
}

export interface KafkaSubscriptionOptions {
  kafka: Kafka;
  topic: string;
  groupId: string;
  prefetch: number;
  autoCreateTopics: boolean;
  timing: ConsumerTiming;
  logger: EngineLogger;
  deliver(message: InboundMessage): void;
  /** The consumer crashed and kafkajs will not restart it. */
  onFatal(error: Error): void;
}

/** Messages out (delivered, not acked) within one assignment generation. */
interface Window {
  out: number;
}

export class KafkaSubscription implements AdapterSubscription {
  private readonly consumer: Consumer;
  private generation = 0;
  private window: Window = { out: 0 };
  private commits = new Map<number, OffsetCommits>();
  private readonly toCommit = new Map<number, string>();
  private commitScheduled = false;
  private readonly waiters: (() => void)[] = [];
  private cancelled = false;

  constructor(private readonly options: KafkaSubscriptionOptions) {
    const { kafka, groupId, timing, autoCreateTopics } = options;
    this.consumer = kafka.consumer({
      groupId,
      ...timing,
      // How long a rebalance waits for members to rejoin (kafkajs' default is 60 s): a member lost with a
      // connection never rejoins, and the group would stall that long after a broker outage.
      rebalanceTimeout: timing.sessionTimeout * 2,
      allowAutoTopicCreation: autoCreateTopics,
      // A cancelled consumer must stay down: kafkajs restarts a consumer whose run failed — a group join cut
      // short by disconnect() among them — and that member would rejoin the group and hold partitions it never
      // reads (a hot redeploy's new channel got nothing from them).
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000, restartOnFailure: async () => !this.cancelled },
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.newAssignment());
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.newAssignment();
      if (!payload.restart && !this.cancelled) options.onFatal(payload.error);
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    // A new group starts at the beginning: the group may join after the first events were published.
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    // Not awaited: run() waits for the group join, which can take a rebalance timeout while a member lost with
    // the connection is still counted. Publishing need not wait for it: the group reads from its committed
    // offsets (a new group from the earliest), so nothing published meanwhile is missed.
    this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.eachBatch(payload) }).catch((error: unknown) => {
      if (!this.cancelled) this.options.onFatal(error instanceof Error ? error : new Error(String(error)));
    });
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    for (const wake of this.waiters.splice(0)) wake();
    await this.commitNow();
    await this.consumer.disconnect();
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const generation = this.generation;
    const window = this.window;
    const commits = this.commitsOf(batch.partition);
    for (const message of batch.messages) {
      while (window.out >= this.options.prefetch && this.live(generation, isRunning, isStale)) await this.roomOrHeartbeat(heartbeat);
      if (!this.live(generation, isRunning, isStale)) return;
      const entry = commits.track(message.offset);
      // Resolved = handed to the channel (fetching moves on); committed only when done (see ack).
      resolveOffset(message.offset);
      window.out++;
      const ack = () => this.ack(generation, window, batch.partition, commits, entry);
      const event = this.decode(message);
      if (event === undefined) ack();
      else this.options.deliver({ event, deliveryCount: 1, ack });
    }
  }

  private live(generation: number, isRunning: () => boolean, isStale: () => boolean): boolean {
    return !this.cancelled && generation === this.generation && isRunning() && !isStale();
  }

  private decode(message: KafkaMessage): InboundMessage["event"] | undefined {
    try {
      const headers = message.headers ?? {};
      const contentType = headers[CONTENT_TYPE_HEADER]?.toString();
      return fromBinary(headers, message.value ?? Buffer.alloc(0), CE_PREFIX, contentType);
    } catch (error) {
      // Not an event this binding wrote (or a corrupt one): nothing can handle it, so it is skipped, loudly.
      this.options.logger.warn({ topic: this.options.topic, offset: message.offset, err: (error as Error).message }, "skipped a Kafka message that is not a CloudEvent");
      return undefined;
    }
  }

  private ack(generation: number, window: Window, partition: number, commits: OffsetCommits, entry: TrackedOffset): void {
    window.out--;
    this.waiters.shift()?.();
    if (generation !== this.generation) return;
    const last = commits.done(entry);
    if (last === undefined) return;
    // Kafka's committed offset is the next one to read.
    this.toCommit.set(partition, String(last + 1n));
    if (!this.commitScheduled) {
      this.commitScheduled = true;
      setImmediate(() => void this.commitNow());
    }
  }

  private async commitNow(): Promise<void> {
    this.commitScheduled = false;
    if (this.toCommit.size === 0) return;
    const offsets = [...this.toCommit].map(([partition, offset]) => ({ topic: this.options.topic, partition, offset }));
    this.toCommit.clear();
    try {
      await this.consumer.commitOffsets(offsets);
    } catch (error) {
      // A rebalance or a lost broker: these messages are delivered again from the last commit.
      this.options.logger.debug({ topic: this.options.topic, err: (error as Error).message }, "Kafka offset commit failed");
    }
  }

  private roomOrHeartbeat(heartbeat: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      this.waiters.push(() => (clearTimeout(timer), resolve()));
    }).then(() => heartbeat().catch(() => undefined));
  }

  private commitsOf(partition: number): OffsetCommits {
    let commits = this.commits.get(partition);
    if (!commits) this.commits.set(partition, (commits = new OffsetCommits()));
    return commits;
  }

  private newAssignment(): void {
    this.generation++;
    this.window = { out: 0 };
    this.commits = new Map();
    this.toCommit.clear();
    for (const wake of this.waiters.splice(0)) wake();
  }
}
