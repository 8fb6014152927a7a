/**
 * Redis Streams through ioredis: XADD (pipelined per batch, trimmed with MAXLEN ~), consumer groups — one
 * group in queue mode (competing consumers, also across runtime processes), one per subscriber in topic
 * mode — XREADGROUP on a connection of its own per subscriber (it blocks), XACK after success.
 * Reconnecting is broker-channel.ts's job, so ioredis' own retries and offline queue are off.
 */
import { RedisStreamsChannelConfigSchema, type ConnectionSettingsOf } from "@eventloom/schema";
import { Redis } from "ioredis";
import type { AdapterFactory, AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";
import { decodeEntry, encodeEntry } from "./stream-entry";
import { StreamReader } from "./stream-reader";

export interface StreamTopology {
  stream: string;
  /** The queue-mode group; topic mode appends the subscriber's id. */
  group: string;
  mode: "queue" | "topic";
  maxLen: number;
  claimIdleMs: number;
}

export const createRedisStreamsAdapter: AdapterFactory<"redis-streams"> = ({ config, settings, defaultName }) => {
  const parsed = RedisStreamsChannelConfigSchema.parse(config);
  const stream = parsed.stream || defaultName;
  return new RedisStreamsAdapter(settings, { stream, group: `${stream}.group`, mode: parsed.mode, maxLen: parsed.maxLen, claimIdleMs: parsed.claimIdleMs });
};

class RedisStreamsAdapter implements BrokerAdapter {
  private client: Redis | undefined;
  private readonly readers = new Set<StreamReader>();
  private listener: ((error: Error) => void) | undefined;
  private closing = false;

  constructor(
    private readonly settings: ConnectionSettingsOf<"redis-streams">,
    private readonly topology: StreamTopology,
  ) {}

  get connected(): boolean {
    return this.client?.status === "ready";
  }

  describe(): string {
    return `Redis at ${this.settings.url}`;
  }

  onDisconnect(listener: (error: Error) => void): void {
    this.listener = listener;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    const client = this.newClient("eventloom-pub");
    client.on("error", () => undefined); // followed by "end", handled there
    client.once("end", () => this.lost(client, new Error("connection to Redis closed")));
    try {
      await client.connect();
      if (this.topology.mode === "queue") await this.ensureGroup(client, this.topology.group);
    } catch (error) {
      client.disconnect();
      throw error;
    }
    this.client = client;
  }

  async publish(batch: readonly OutboundMessage[]): Promise<void> {
    const client = this.client;
    if (!client) throw new Error("not connected");
    const { stream, maxLen } = this.topology;
    const pipeline = client.pipeline();
    for (const { event } of batch) {
      const fields = encodeEntry(event);
      if (maxLen > 0) pipeline.xadd(stream, "MAXLEN", "~", maxLen, "*", ...fields);
      else pipeline.xadd(stream, "*", ...fields);
    }
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0]!;
    if (results.length !== batch.length) throw new Error("Redis did not answer every XADD");
  }

  async subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
    const client = this.client;
    if (!client) throw new Error("not connected");
    const group = spec.subscriberId === undefined ? this.topology.group : `${this.topology.group}.${spec.subscriberId}`;
    await this.ensureGroup(client, group);
    const connection = this.newClient("eventloom-sub");
    connection.on("error", () => undefined);
    await connection.connect();
    const reader = new StreamReader({
      commands: client,
      blocking: connection,
      stream: this.topology.stream,
      group,
      consumer: spec.consumer,
      prefetch: spec.prefetch,
      claimIdleMs: this.topology.claimIdleMs,
      decode: decodeEntry,
      deliver,
      onLost: (error) => this.lost(client, error),
    });
    this.readers.add(reader);
    reader.start();
    return {
      cancel: async (options) => {
        this.readers.delete(reader);
        reader.stop();
        if (options?.retire && spec.subscriberId !== undefined) await client.xgroup("DESTROY", this.topology.stream, group);
      },
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const reader of this.readers) reader.stop();
    this.readers.clear();
    const client = this.client;
    this.client = undefined;
    if (client) await client.quit().catch(() => client.disconnect());
  }

  private newClient(role: string): Redis {
    const { url, username, password, tls } = this.settings;
    return new Redis(url, {
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(tls || url.startsWith("rediss:") ? { tls: {} } : {}),
      // Named so operators (and tests) can tell, and kill, one runtime's connections.
      connectionName: `${role}-${process.pid}`,
      lazyConnect: true,
      // RESP2: XREADGROUP answers [[stream, entries]] as the stream readers expect (RESP3 flattens a map).
      protocol: 2,
      retryStrategy: () => null,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      enableAutoPipelining: true,
    });
  }

  private async ensureGroup(client: Redis, group: string): Promise<void> {
    try {
      await client.xgroup("CREATE", this.topology.stream, group, "$", "MKSTREAM");
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("BUSYGROUP")) throw error;
    }
  }

  private lost(client: Redis, error: Error): void {
    if (client !== this.client) return;
    this.client = undefined;
    for (const reader of this.readers) reader.stop();
    this.readers.clear();
    if (!this.closing) this.listener?.(error);
  }
}
