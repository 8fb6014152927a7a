/**
 * The MQTT channel's publishes, paced by its own subscribers in this process. Mosquitto acknowledges a QoS 1
 * publish once it has queued it, and then drops what overflows a subscriber's queue (max_queued_messages, 1000
 * by default): waiting for PUBACKs is no back-pressure at all, and a publisher that runs ahead of the channel's
 * subscribers loses acknowledged events without a word. So messages go out in one FIFO (publish order across
 * concurrent calls, by construction) and at most `ahead` past what the slowest subscriber lane has received:
 * the channel's queue-mode subscribers share one lane, each topic-mode subscriber node has its own.
 *
 * A lane that has nothing in hand and has received nothing for `idleMs` while still short is caught up: what
 * it misses went elsewhere (an offline session or an outside member of the shared subscription) or was dropped,
 * and is not coming. Without lanes (cluster mode, where this process's subscribers get only a share, or no
 * subscriber here) nothing is held back.
 */
export interface PacedPublisherOptions {
  /** Most messages sent and not yet received by the slowest lane. */
  ahead: number;
  idleMs: number;
  /** Publishes one payload; resolves on the broker's acknowledgement. */
  send(payload: Buffer): Promise<void>;
  /** False while sending must wait (subscriptions being set up: the broker drops what nothing matches). */
  ready(): boolean;
}

interface Pending {
  payload: Buffer;
  resolve(): void;
  reject(error: Error): void;
}

/** One subscriber connection's reports to its lane (the ReceiveTracker of receiveInto). */
export interface Lane {
  received(): void;
  acked(): void;
  /** The connection is gone: what it held unacked no longer counts as in hand. */
  close(): void;
}

interface LaneState {
  /** Messages of ours received (never above `sent`: an earlier session's backlog gives no credit). */
  received: number;
  inHand: number;
  lastReceivedAt: number;
  members: number;
}

export class PacedPublisher {
  private readonly queue: Pending[] = [];
  private readonly lanes = new Map<string, LaneState>();
  private sent = 0;
  private idleCheck: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: PacedPublisherOptions) {}

  /** Resolves when the broker acknowledged every payload; rejects with the first failure. */
  publish(payloads: readonly Buffer[]): Promise<void> {
    const acks = payloads.map((payload) => new Promise<void>((resolve, reject) => this.queue.push({ payload, resolve, reject })));
    this.pump();
    return Promise.all(acks).then(() => undefined);
  }

  /** Joins (or opens) a lane; `key` is shared by the subscribers that split the events between them. */
  lane(key: string): Lane {
    let state = this.lanes.get(key);
    if (state === undefined) {
      state = { received: this.sent, inHand: 0, lastReceivedAt: Date.now(), members: 0 };
      this.lanes.set(key, state);
    }
    state.members++;
    const lane = state;
    let inHand = 0;
    let closed = false;
    return {
      received: () => {
        lane.received = Math.min(this.sent, lane.received + 1);
        lane.lastReceivedAt = Date.now();
        inHand++;
        lane.inHand++;
        this.pump();
      },
      acked: () => {
        if (closed || inHand === 0) return;
        inHand--;
        lane.inHand--;
      },
      close: () => {
        if (closed) return;
        closed = true;
        lane.inHand -= inHand;
        if (--lane.members === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
        this.pump();
      },
    };
  }

  /** Sends what the lanes leave room for; call again when readiness changes. */
  pump(): void {
    if (!this.options.ready()) return;
    let room = this.room();
    while (room > 0 && this.queue.length > 0) {
      const { payload, resolve, reject } = this.queue.shift()!;
      this.sent++;
      room--;
      this.options.send(payload).then(resolve, reject);
    }
    if (this.queue.length > 0) this.watchIdleLanes();
  }

  /** Rejects everything not yet sent (the connection is gone; the outbox sends it again) and forgets the counts. */
  fail(error: Error): void {
    for (const pending of this.queue.splice(0)) pending.reject(error);
    this.lanes.clear();
    this.sent = 0;
    clearTimeout(this.idleCheck);
    this.idleCheck = undefined;
  }

  private room(): number {
    let slowest = this.sent;
    for (const lane of this.lanes.values()) slowest = Math.min(slowest, lane.received);
    return this.lanes.size === 0 ? Number.POSITIVE_INFINITY : this.options.ahead - (this.sent - slowest);
  }

  private watchIdleLanes(): void {
    if (this.idleCheck !== undefined) return;
    this.idleCheck = setTimeout(() => {
      this.idleCheck = undefined;
      const now = Date.now();
      for (const lane of this.lanes.values()) {
        if (lane.received < this.sent && lane.inHand === 0 && now - lane.lastReceivedAt >= this.options.idleMs) lane.received = this.sent;
      }
      this.pump();
    }, this.options.idleMs);
    this.idleCheck.unref?.();
  }
}
