/**
 * What a broker binding is, beyond the engine's EngineChannel. Adapters live in src/bindings/<broker>/ and
 * depend on the engine, never the other way round.
 *
 * The split: a broker adapter (BrokerAdapter) does only the broker's I/O — connect and declare topology,
 * publish a batch and resolve once the broker accepted it (publisher confirms / acks), consume into a
 * callback, ack. Everything the channel semantics need on top of that is shared, in broker-channel.ts:
 * - lifecycle: `open()` resolves the connection (ConnectionResolver or the env default) and connects —
 *   deploy fails with BROKER_UNREACHABLE / CONNECTION_REQUIRED naming the node; `quiesce()` stops
 *   fetching; `close()` releases the connection;
 * - link state and reconnect with exponential backoff, re-subscribing every subscription;
 * - back-pressure: published events wait in a bounded local buffer (capacity/overflow) until the broker
 *   accepts them; while the broker is down that buffer fills, `publish` returns a promise (block) so
 *   producers slow, and webhook-in answers 503 with Retry-After (it checks `pending >= capacity`);
 * - ack after success: the engine's `Delivery.settle` acks the broker message; at-most-once acks on receipt;
 * - retry with the channel's RetryPolicy (the message stays unacked meanwhile, so a crash redelivers it),
 *   then the flow's dead-letter channel with the reason, then ack;
 * - per-key ordering inside one subscription (the ordering key also becomes the broker's partition or
 *   routing key: `OutboundMessage.key`).
 */
import type { CloudEvent, ConnectionKind, ConnectionSettings, ConnectionSettingsOf } from "@eventloom/schema";
import type { ChannelContext, ChannelNodeSpec, EngineChannel } from "../engine/contract";

/** A channel backed by a broker: the engine's channel with its lifecycle made mandatory. */
export interface BrokerChannel extends EngineChannel {
  open(): Promise<void>;
  quiesce(): void;
  close(): Promise<void>;
  readonly state: LinkState;
}

/** idle: not opened yet; up: connected; down: lost, reconnecting with backoff; closed: for good. */
export type LinkState = "idle" | "connecting" | "up" | "down" | "closed";

/** One event on its way to the broker. */
export interface OutboundMessage {
  readonly event: CloudEvent;
  /** The ordering key's value ("" when the channel has none): partition key, routing key, subject token. */
  readonly key: string;
}

/** One message the broker delivered. */
export interface InboundMessage {
  readonly event: CloudEvent;
  /** How often the broker has delivered it, this time included (1 when the broker does not say). */
  readonly deliveryCount: number;
  /** Tells the broker it is done with; may reject when the connection it came on is gone (it is redelivered). */
  ack(): Promise<void> | void;
}

/** A subscription as the broker sees it. */
export interface SubscriptionSpec {
  /**
   * Topic mode: the consumer node's id — the adapter derives a durable per-subscriber name from it (queue,
   * consumer group, durable consumer). Queue mode: undefined — every subscriber, in every runtime process,
   * shares the one durable name (competing consumers).
   */
  readonly subscriberId: string | undefined;
  /** Unique per subscriber and process (a consumer name inside the group). */
  readonly consumer: string;
  /** Most unacked messages the broker hands this subscriber (prefetch). */
  readonly prefetch: number;
}

export interface CancelOptions {
  /**
   * The subscriber was removed from the flow for good (a redeploy without it, or without its edge from this
   * channel), not stopped or handed over: in topic mode the adapter also deletes what the broker keeps for
   * this subscriber alone (its queue, durable consumer, group or session subscription), which would
   * otherwise go on collecting events nobody reads. Queue mode's shared resources stay.
   */
  retire?: boolean;
}

export interface AdapterSubscription {
  /** Stops the broker handing this subscriber messages; unacked ones go back to the broker. */
  cancel(options?: CancelOptions): Promise<void>;
}

/** The broker I/O one binding implements. */
export interface BrokerAdapter {
  /** True while the connection is usable. */
  readonly connected: boolean;
  /** Connects (a fresh connection when the last one is gone) and declares the topology; rejects when unreachable. */
  connect(): Promise<void>;
  /**
   * Publishes in order; resolves once the broker accepted every message, rejects when it did not. With a
   * publishWindow above 1 it is called again before earlier calls settled: each call's messages must reach
   * the broker after the previous call's (one connection, written in call order).
   */
  publish(batch: readonly OutboundMessage[]): Promise<void>;
  /**
   * How many publish calls may be in flight at once (default 1). Above 1 only where concurrent calls keep
   * publish order on the wire; a failed call is re-sent by the channel with every call after it.
   */
  readonly publishWindow?: number;
  /** Starts consuming for one subscriber; `deliver` is called once per message. */
  subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription>;
  /** The adapter calls `listener` whenever an open connection is lost without `close()`. */
  onDisconnect(listener: (error: Error) => void): void;
  /** Closes the connection; never rejects. */
  close(): Promise<void>;
  /** Where it connects, for messages ("amqp://127.0.0.1:5672/"). No secrets. */
  describe(): string;
}

/** Everything an adapter factory gets for one channel node. */
export interface AdapterInput<K extends ConnectionKind> {
  node: ChannelNodeSpec;
  /** The node's config, parsed with its catalogue schema. */
  config: Readonly<Record<string, unknown>>;
  settings: ConnectionSettingsOf<K>;
  /** The derived default name for empty destination fields: `eventloom.<flow>.<node>`. */
  defaultName: string;
  context: ChannelContext;
}

export type AdapterFactory<K extends ConnectionKind> = (input: AdapterInput<K>) => BrokerAdapter;

/**
 * A workspace connection looked up by id, secrets opened (connections/connection-resolver.ts implements it
 * over the store); rejects when the workspace has no such connection or its secrets cannot be opened.
 */
export type ConnectionResolver = (workspaceId: string, connectionId: string) => Promise<ConnectionSettings>;

/** Connections used when a channel's `connection` is empty (from EVENTLOOM_<KIND>_URL, see env.ts). */
export type ConnectionDefaults = Partial<{ [K in ConnectionKind]: ConnectionSettingsOf<K> }>;
