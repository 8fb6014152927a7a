/**
 * One subscriber's read loop on a Redis consumer group: first what this consumer already owns (pending
 * after a reconnect), then new entries (XREADGROUP … >), never more than `prefetch` unacked at once. Every
 * `claimIdleMs / 2` it claims (XAUTOCLAIM) entries other consumers left unacked longer than `claimIdleMs`
 * — a runtime process that died — and delivers them with their delivery count from XPENDING.
 */
import type { CloudEvent } from "@eventloom/schema";
import type { Redis } from "ioredis";
import type { InboundMessage } from "../contract";

export interface StreamReaderOptions {
  /** Non-blocking commands (XACK, XAUTOCLAIM, XPENDING). */
  commands: Redis;
  /** A connection of its own for the blocking XREADGROUP. */
  blocking: Redis;
  stream: string;
  group: string;
  consumer: string;
  prefetch: number;
  claimIdleMs: number;
  decode(fields: readonly string[]): CloudEvent;
  deliver(message: InboundMessage): void;
  onLost(error: Error): void;
}

type Entry = [id: string, fields: string[] | null];
const BLOCK_MS = 1_000;

export class StreamReader {
  private active = false;
  /** Entry ids delivered here and not acked yet. */
  private readonly unacked = new Set<string>();
  private wakeUp: (() => void) | undefined;
  private lastClaim = 0;
  /** Ids acked since the last XACK went out, and the promise of the XACK that will carry them. */
  private acking: string[] = [];
  private acked: Promise<void> | undefined;

  constructor(private readonly options: StreamReaderOptions) {}

  start(): void {
    this.active = true;
    this.options.blocking.once("end", () => {
      if (this.active) this.options.onLost(new Error("Redis read connection closed"));
    });
    void this.loop().catch((error: unknown) => {
      if (this.active) this.options.onLost(error instanceof Error ? error : new Error(String(error)));
    });
  }

  stop(): void {
    this.active = false;
    this.wakeUp?.();
    this.options.blocking.disconnect();
  }

  private async loop(): Promise<void> {
    const { blocking, group, consumer, stream } = this.options;
    // Entries this consumer owns but never acked (a previous connection of the same consumer).
    const own = await blocking.call("XREADGROUP", "GROUP", group, consumer, "COUNT", this.options.prefetch, "STREAMS", stream, "0");
    await this.deliverAll(entriesOf(own), true);
    while (this.active) {
      await this.roomForMore();
      if (!this.active) return;
      await this.claimStuck();
      const room = this.options.prefetch - this.unacked.size;
      if (room <= 0) continue;
      const reply = await blocking.call("XREADGROUP", "GROUP", group, consumer, "COUNT", room, "BLOCK", BLOCK_MS, "STREAMS", stream, ">");
      await this.deliverAll(entriesOf(reply), false);
    }
  }

  private async claimStuck(): Promise<void> {
    const { commands, stream, group, consumer, claimIdleMs } = this.options;
    const now = Date.now();
    if (now - this.lastClaim < claimIdleMs / 2) return;
    this.lastClaim = now;
    const room = this.options.prefetch - this.unacked.size;
    if (room <= 0) return;
    const reply = (await commands.call("XAUTOCLAIM", stream, group, consumer, claimIdleMs, "0-0", "COUNT", room)) as [string, Entry[], string[]?];
    await this.deliverAll(reply[1] ?? [], true);
  }

  private async deliverAll(entries: Entry[], counted: boolean): Promise<void> {
    const fresh = entries.filter(([id, fields]) => fields !== null && !this.unacked.has(id));
    if (fresh.length === 0) return;
    const counts = counted ? await this.deliveryCounts(fresh.map(([id]) => id)) : undefined;
    for (const [id, fields] of fresh) {
      if (!this.active) return;
      this.unacked.add(id);
      this.options.deliver({ event: this.options.decode(fields!), deliveryCount: counts?.get(id) ?? 1, ack: () => this.ack(id) });
    }
  }

  /**
   * Acks go out together: the ids acked in one turn of the event loop in one XACK (one round trip for a
   * page of events instead of one each). Resolves when Redis took this id's XACK, rejects when it did not.
   */
  private ack(id: string): Promise<void> {
    this.acking.push(id);
    this.acked ??= new Promise<void>((resolve, reject) => setImmediate(() => this.flushAcks().then(resolve, reject)));
    return this.acked;
  }

  private async flushAcks(): Promise<void> {
    const ids = this.acking;
    this.acking = [];
    this.acked = undefined;
    try {
      await this.options.commands.xack(this.options.stream, this.options.group, ...ids);
    } finally {
      for (const id of ids) this.unacked.delete(id);
      this.wakeUp?.();
    }
  }

  /** Times delivered, from the group's pending list (XPENDING with a range). */
  private async deliveryCounts(ids: string[]): Promise<Map<string, number>> {
    const { commands, stream, group } = this.options;
    const sorted = [...ids].sort(compareIds);
    const rows = (await commands.call("XPENDING", stream, group, sorted[0]!, sorted[sorted.length - 1]!, ids.length * 2)) as [string, string, number, number][];
    return new Map(rows.map(([id, , , count]) => [id, Number(count)]));
  }

  private roomForMore(): Promise<void> {
    if (this.unacked.size < this.options.prefetch) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, this.options.claimIdleMs / 2);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        finish();
      };
    });
  }
}

function entriesOf(reply: unknown): Entry[] {
  if (!Array.isArray(reply)) return [];
  const streams = reply as [string, Entry[]][];
  return streams.flatMap(([, entries]) => entries);
}

function compareIds(a: string, b: string): number {
  const [ams, aseq] = a.split("-").map(BigInt);
  const [bms, bseq] = b.split("-").map(BigInt);
  return ams! === bms! ? Number(aseq! - bseq!) : ams! < bms! ? -1 : 1;
}
