/**
 * Which position of an ordered log (a Kafka partition, a Kinesis shard) may be committed: logs commit a
 * position, not single messages, so a position is committable only when it and every earlier delivered
 * message are done. Messages finish out of order (concurrency, retries), so the tracker keeps delivered
 * positions in fetch order and the commit point advances over the done prefix.
 */
export interface TrackedOffset {
  readonly offset: bigint;
  done: boolean;
}

export class OffsetCommits {
  /** Positions handed out and not yet behind the commit point, in fetch order. */
  private readonly open: TrackedOffset[] = [];
  private head = 0;

  /** Positions are decimal strings (Kafka offsets, Kinesis sequence numbers), increasing in fetch order. */
  track(offset: string): TrackedOffset {
    const entry = { offset: BigInt(offset), done: false };
    this.open.push(entry);
    return entry;
  }

  /** Marks one delivered message done; returns the highest position whose prefix is now all done, if it moved. */
  done(entry: TrackedOffset): bigint | undefined {
    entry.done = true;
    let last: bigint | undefined;
    while (this.head < this.open.length && this.open[this.head]!.done) last = this.open[this.head++]!.offset;
    // Compact now and then instead of shifting on every message.
    if (this.head > 1024 && this.head * 2 > this.open.length) {
      this.open.splice(0, this.head);
      this.head = 0;
    }
    return last;
  }

  /** Delivered messages not yet behind the commit point. */
  get outstanding(): number {
    return this.open.length - this.head;
  }
}
